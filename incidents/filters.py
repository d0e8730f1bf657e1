"""Filtering incidents the way the timeline, the sidebar and the exports do (one rule for all)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable

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
    from incidents.arabic import normalize_ar  # camel-tools: imported by the text filter only (0.3 s)

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
    if f.text and _norm(f.text.strip()) not in _norm(_haystack(inc)):
        return False
    span = date_span(inc)
    if span is None:
        return f.include_undated
    return (f.until is None or span[0] <= f.until) and (f.since is None or span[1] >= f.since)


def _haystack(inc: Incident) -> str:
    """What the text filter searches: place names, actors, evidence and titles."""
    return " ".join([inc.location, inc.location_ar, inc.admin1, inc.actor1, inc.actor2,
                     *(s.evidence for s in inc.sources), *(s.title for s in inc.sources)])


def searchable(incidents: Iterable[Incident]) -> dict[int, str]:
    """Each incident's text for the text filter (``_haystack``), normalised, by incident id: for
    ``apply`` on the same incidents again and again, as the dashboard does.

    Normalising one long text is ~5x quicker than normalising each incident's (which took 1 s
    for 100,000); normalisation never adds nor removes the separator, so the parts stay aligned.
    """
    incidents = list(incidents)
    texts = _norm(_SEP.join(_haystack(inc).replace(_SEP, " ") for inc in incidents)).split(_SEP)
    return {inc.incident_id: text for inc, text in zip(incidents, texts)}


def apply(incidents: Iterable[Incident], f: Filters, texts: dict[int, str] | None = None) -> list[Incident]:
    """Incidents passing ``f``; a month-only date passes when its month overlaps the range.
    ``texts``: what :func:`searchable` made of these incidents, else it is made as needed."""
    if not f.text:
        return [inc for inc in incidents if matches(inc, f)]
    rest = replace(f, text="")
    kept = [inc for inc in incidents if matches(inc, rest)]
    if texts is None:
        texts = searchable(kept)
    needle = _norm(f.text.strip())
    return [inc for inc in kept if needle in texts[inc.incident_id]]


_SEP = "\x00"
