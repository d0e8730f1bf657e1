"""Server-side aggregation for big maps: incidents binned into grid cells at low zoom, and the
incidents inside the visible area when zoomed in, so the page stays small at any scale."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from incidents.model import Incident

MAX_MARKERS = 2000  # above this many incidents in view, the map shows grid cells instead


@dataclass(frozen=True)
class View:
    """What the map shows: bounds (south, west, north, east) and the zoom level."""

    south: float
    west: float
    north: float
    east: float
    zoom: int

    def contains(self, inc: Incident) -> bool:
        return self.south <= inc.latitude <= self.north and self.west <= inc.longitude <= self.east

    @property
    def center(self) -> tuple[float, float]:
        return (self.south + self.north) / 2, (self.west + self.east) / 2


@dataclass(frozen=True)
class Cell:
    latitude: float  # the mean position of the cell's incidents
    longitude: float
    count: int
    by_type: tuple[tuple[str, int], ...]  # most frequent first
    fatalities: int


def view_from_state(state: dict | None) -> View | None:
    """The view st_folium reports (``bounds`` and ``zoom``), or None before the first report."""
    try:
        b = state["bounds"]
        return View(b["_southWest"]["lat"], b["_southWest"]["lng"], b["_northEast"]["lat"], b["_northEast"]["lng"],
                    int(state["zoom"]))
    except (KeyError, TypeError, ValueError):
        return None


def cell_degrees(zoom: int) -> float:
    """Cell size for a zoom level: about 40 px on screen."""
    return 360 / 2 ** zoom / 256 * 40


def grid(incidents: list[Incident], degrees: float) -> list[Cell]:
    bins: dict[tuple[int, int], list[Incident]] = {}
    for inc in incidents:
        key = (math.floor(inc.latitude / degrees), math.floor(inc.longitude / degrees))
        bins.setdefault(key, []).append(inc)
    cells = []
    for members in bins.values():
        n = len(members)
        cells.append(Cell(sum(i.latitude for i in members) / n, sum(i.longitude for i in members) / n, n,
                          tuple(Counter(i.incident_type for i in members).most_common()),
                          sum(i.fatalities or 0 for i in members)))
    return sorted(cells, key=lambda c: -c.count)


def for_view(incidents: list[Incident], view: View | None, max_markers: int = MAX_MARKERS
             ) -> tuple[list[Incident], list[Cell]]:
    """(incidents to draw as markers, cells to draw instead): markers when few enough are in view."""
    placed = [i for i in incidents if i.latitude is not None and i.longitude is not None]
    if len(placed) <= max_markers:
        return placed, []
    in_view = [i for i in placed if view.contains(i)] if view else placed
    if len(in_view) <= max_markers:
        return in_view, []
    zoom = view.zoom if view else 6
    return [], grid(placed, cell_degrees(zoom))
