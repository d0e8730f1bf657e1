"""When two reports tell of one incident: same type, nearby places, close dates, compatible actors."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

MAX_KM = 5.0
MAX_DAYS = 1


@dataclass(frozen=True)
class Fingerprint:
    """The fields that decide whether two reports describe one incident."""

    incident_type: str
    latitude: float | None
    longitude: float | None
    event_date: dt.date | None
    time_precision: int | None
    actor1: str
    actor2: str


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km (equirectangular: within 0.1% of the great circle at the tens of km that
    dedup and the gazetteer compare, and a hundred times cheaper than geopy's)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def same_incident(a: Fingerprint, b: Fingerprint) -> bool:
    """True when ``a`` and ``b`` are one incident told twice."""
    if a.incident_type != b.incident_type:
        return False
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    if abs(a.latitude - b.latitude) > 0.1 or abs(a.longitude - b.longitude) > 0.1:  # > 5 km whatever the latitude
        return False
    if km(a.latitude, a.longitude, b.latitude, b.longitude) > MAX_KM:
        return False
    if a.event_date is None or b.event_date is None:
        if a.event_date != b.event_date:
            return False
    elif 3 in (a.time_precision, b.time_precision):
        if (a.event_date.year, a.event_date.month) != (b.event_date.year, b.event_date.month):
            return False
    elif abs((a.event_date - b.event_date).days) > MAX_DAYS:
        return False
    return _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)


def conservative(values: list[int | None]) -> int | None:
    """The figure an incident shows when its sources disagree: the lowest reported."""
    known = [v for v in values if v is not None]
    return min(known) if known else None
