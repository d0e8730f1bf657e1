"""Incidents as pandas tables for the dashboard."""

from __future__ import annotations

import pandas as pd

from incidents.maps import casualty_text, date_text
from incidents.model import Incident, taxonomy

COLUMNS = ("id", "date", "type", "place", "place (Arabic)", "governorate", "country", "casualties",
           "actor 1", "actor 2", "evidence")


def incidents_frame(incidents: list[Incident]) -> pd.DataFrame:
    rows = [{
        "id": i.incident_id, "date": date_text(i), "type": taxonomy()[i.incident_type].label,
        "place": i.location, "place (Arabic)": i.location_ar, "governorate": i.admin1, "country": i.country,
        "casualties": casualty_text(i), "actor 1": i.actor1, "actor 2": i.actor2,
        "evidence": i.sources[0].evidence if i.sources else "",
    } for i in incidents]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def nearest(incidents: list[Incident], lat: float, lon: float, tolerance: float = 0.01) -> Incident | None:
    """The incident drawn at a clicked point (markers sit exactly on their coordinates)."""
    placed = [i for i in incidents if i.latitude is not None and i.longitude is not None]
    best = min(placed, key=lambda i: (i.latitude - lat) ** 2 + (i.longitude - lon) ** 2, default=None)
    if best is None or abs(best.latitude - lat) > tolerance or abs(best.longitude - lon) > tolerance:
        return None
    return best
