"""ACLED exports as a comparison layer: read an ACLED CSV into events for the map and timeline."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from incidents.errors import InputError
from incidents.ingest import decode

REQUIRED = ("event_date", "event_type", "latitude", "longitude")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class AcledEvent:
    event_id: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    location: str
    latitude: float
    longitude: float
    fatalities: int | None
    notes: str


@dataclass(frozen=True)
class AcledFile:
    events: list[AcledEvent]
    skipped: list[str]  # one line per row that could not be read, naming the row


def _date(value: str) -> dt.date:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date like 2024-01-25 or 25 January 2024")


def read_acled(name: str, data: bytes) -> AcledFile:
    """Events of an ACLED CSV export; rows that cannot be read are skipped and named."""
    text = decode(data, name)
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{name}: not an ACLED export: missing column(s) {', '.join(missing)}")
    events, skipped = [], []
    for lineno, row in enumerate(reader, start=2):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat},{lon} out of range")
            fatalities = row.get("fatalities") or ""
            events.append(AcledEvent(
                (row.get("event_id_cnty") or "").strip(), _date(row["event_date"]), row["event_type"].strip(),
                (row.get("sub_event_type") or "").strip(), (row.get("actor1") or "").strip(),
                (row.get("actor2") or "").strip(), (row.get("admin1") or "").strip(),
                (row.get("location") or "").strip(), lat, lon, int(fatalities) if fatalities.strip() else None,
                (row.get("notes") or "").strip()))
        except (ValueError, TypeError, AttributeError) as e:
            skipped.append(f"{name}:{lineno}: {e}")
    return AcledFile(events, skipped)


def in_range(events: list[AcledEvent], since: dt.date | None, until: dt.date | None) -> list[AcledEvent]:
    return [e for e in events if (since is None or e.event_date >= since) and (until is None or e.event_date <= until)]
