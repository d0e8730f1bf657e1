"""Filtering incidents the way the timeline, the sidebar and the exports do (one rule for all)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from incidents.arabic import normalize_ar
from incidents.model import Incident


@dataclass(frozen=True)
class Filters:
    """What to show; ``None`` (or an empty value) means no restriction."""

    since: dt.date | None = None
    until: dt.date | None = None
    types: frozenset[str] | None = None
    include_undated: bool = True
    actors: frozenset[str] | None = None  # either actor
    countries: frozenset[str] | None = None
    admin1: frozenset[str] | None = None
    max_geo_precision: int | None = None  # 1: exact places only … 3: governorate too
    time_precisions: frozenset[int] | None = None
    min_casualties: int = 0  # killed + injured
    statuses: frozenset[str] | None = None
    text: str = ""  # in the place names, actors or evidence (Arabic normalised)


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


def _norm(text: str) -> str:
    return normalize_ar(text).casefold()


def matches(inc: Incident, f: Filters) -> bool:
    if f.types is not None and inc.incident_type not in f.types:
        return False
    if f.actors and not ({inc.actor1, inc.actor2} & f.actors):
        return False
    if f.countries and inc.country not in f.countries:
        return False
    if f.admin1 and inc.admin1 not in f.admin1:
        return False
    if f.max_geo_precision is not None and (inc.geo_precision or 4) > f.max_geo_precision:
        return False
    if f.time_precisions and inc.time_precision not in f.time_precisions:
        return False
    if f.min_casualties and (inc.fatalities or 0) + (inc.injured or 0) < f.min_casualties:
        return False
    if f.statuses and inc.status not in f.statuses:
        return False
    if f.text:
        haystack = " ".join([inc.location, inc.location_ar, inc.admin1, inc.actor1, inc.actor2,
                             *(s.evidence for s in inc.sources), *(s.title for s in inc.sources)])
        if _norm(f.text.strip()) not in _norm(haystack):
            return False
    span = date_span(inc)
    if span is None:
        return f.include_undated
    return (f.until is None or span[0] <= f.until) and (f.since is None or span[1] >= f.since)


def apply(incidents: Iterable[Incident], f: Filters) -> list[Incident]:
    """Incidents passing ``f``; a month-only date passes when its month overlaps the range."""
    return [inc for inc in incidents if matches(inc, f)]
