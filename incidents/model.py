"""Dataclasses that flow through the pipeline, and the incident type taxonomy (contract).

The taxonomy and its ACLED mapping live in ``lexicon/taxonomy.csv``; this module only loads
and validates it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from incidents.lexicon import load_csv

TYPE_FIELDS = ("incident_type", "event_type", "sub_event_type", "label", "label_ar", "color")


@dataclass(frozen=True)
class IncidentType:
    incident_type: str
    event_type: str
    sub_event_type: str
    label: str
    label_ar: str
    color: str


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, IncidentType]:
    """The contract's incident types keyed by ``incident_type``, in file order."""
    rows = load_csv("taxonomy.csv", required=TYPE_FIELDS)
    return {r["incident_type"]: IncidentType(**{k: r[k] for k in TYPE_FIELDS}) for r in rows}


INCIDENT_TYPES = tuple(taxonomy())


@dataclass(frozen=True)
class PlaceRef:
    """A gazetteer place as attached to an incident."""

    place_id: str
    name: str
    name_ar: str
    latitude: float
    longitude: float
    feature: str
    admin1: str
    country: str
    geo_precision: int


@dataclass
class Article:
    text: str
    content_hash: str
    title: str = ""
    url: str = ""
    external_id: str = ""
    published: dt.date | None = None
    published_source: str = "none"  # given | text | none
    lang: str = "ar"
    path: str = ""


@dataclass
class ExtractedIncident:
    """One incident found in one article, before it is stored."""

    incident_type: str
    place: PlaceRef
    evidence: str
    start: int
    end: int
    event_date: dt.date | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    injured: int | None = None
    actor1: str = ""
    actor2: str = ""
    candidates: list[str] = field(default_factory=list)
    mention: tuple[int, int] | None = None  # the place name's offsets in the article text


@dataclass(frozen=True)
class SourceRef:
    article_id: int
    title: str
    url: str
    published: str | None
    evidence: str
    external_id: str = ""


@dataclass
class Incident:
    """A stored incident, as the map and the exports see it."""

    incident_id: int
    incident_type: str
    event_date: str | None
    time_precision: int | None
    location: str
    location_ar: str
    admin1: str
    country: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    injured: int | None
    actor1: str
    actor2: str
    status: str
    place_id: str = ""
    updated_at: str = ""
    revision: int = 0  # bumped by every change; an edit names the revision it started from
    candidates: list[str] = field(default_factory=list)  # other gazetteer ids the name could mean
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def type_info(self) -> IncidentType:
        return taxonomy()[self.incident_type]
