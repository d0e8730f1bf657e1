"""Filtering incidents the way the timeline and the exports do (one rule for both)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from incidents.model import Incident


@dataclass(frozen=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    types: frozenset[str] | None = None  # None: every type
    include_undated: bool = True


def date_span(inc: Incident) -> tuple[dt.date, dt.date] | None:
    """The days an incident may have happened on: one day, or its whole month (precision 3)."""
    if not inc.event_date:
        return None
    d = dt.date.fromisoformat(inc.event_date)
    if inc.time_precision != 3:
        return d, d
    first = d.replace(day=1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def apply(incidents: Iterable[Incident], f: Filters) -> list[Incident]:
    """Incidents passing ``f``; a month-only date passes when its month overlaps the range."""
    out = []
    for inc in incidents:
        if f.types is not None and inc.incident_type not in f.types:
            continue
        span = date_span(inc)
        if span is None:
            if f.include_undated:
                out.append(inc)
            continue
        if (f.until is None or span[0] <= f.until) and (f.since is None or span[1] >= f.since):
            out.append(inc)
    return out
