"""geopy-compatible geocoder over the local gazetteer (no network)."""

from __future__ import annotations

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer.gazetteer import Candidate, Gazetteer, default_gazetteer
from incidents.errors import InputError


class GazetteerQueryError(InputError, GeocoderQueryError):
    """A query the gazetteer cannot take (empty, too long, not text). Also a ValueError."""


class LocalGazetteer(Geocoder):
    """``geocode(query, exactly_one=True)`` like any geopy geocoder, answered offline.

    ``Location.raw`` holds ``id, name, name_ar, feature, admin1, country, precision, score,
    source``. ``exactly_one=False`` returns every candidate, best first.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs):
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or default_gazetteer()

    def geocode(self, query, *, exactly_one=True, limit=10, feature_hint="", timeout=None):
        try:
            found = self.gazetteer.search(query, limit=limit, feature_hint=feature_hint)
        except InputError as e:
            raise GazetteerQueryError(str(e)) from e
        if not found:
            return None
        locations = [to_location(c) for c in found]
        return locations[0] if exactly_one else locations


def to_location(c: Candidate) -> Location:
    p = c.place
    address = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
    raw = {
        "id": p.id, "name": p.name, "name_ar": p.name_ar, "latitude": p.latitude,
        "longitude": p.longitude, "feature": p.feature, "admin1": p.admin1,
        "country": p.country, "precision": p.precision, "score": round(c.score, 1),
        "source": p.source,
    }
    return Location(address, (p.latitude, p.longitude), raw)
