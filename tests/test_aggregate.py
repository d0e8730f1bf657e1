"""Big maps stay small: grid cells at low zoom, markers of the visible area when zoomed in."""

from bench.bench_map import incidents as synthetic
from incidents.aggregate import MAX_MARKERS, View, drawn_for_view, for_view, grid
from incidents.assets import prepare_static
from incidents.maps import build_map


def test_few_incidents_are_markers():
    markers, cells = for_view(synthetic(50), None, max_markers=100)
    assert len(markers) == 50 and cells == []


def test_many_incidents_become_cells_that_count_every_one():
    data = synthetic(5000)
    markers, cells = for_view(data, View(29, 35, 38, 49, 6), max_markers=1000)
    assert markers == [] and sum(c.count for c in cells) == 5000
    assert all(sum(n for _, n in c.by_type) == c.count for c in cells)


def test_zoomed_in_view_shows_the_markers_inside_it():
    data = synthetic(5000)
    view = View(33.0, 40.0, 33.3, 40.4, 11)
    markers, cells = for_view(data, view, max_markers=1000)
    assert cells == [] and markers and all(view.contains(i) for i in markers)
    assert len(markers) == sum(view.contains(i) for i in data)


def test_grid_cells_are_finer_when_zoomed_in():
    data = synthetic(3000)
    assert len(grid(data, 0.1)) > len(grid(data, 1.0))


def test_a_map_of_100000_incidents_is_under_3_mb():
    page = build_map(synthetic(100_000), prepare_static()).get_root().render()
    assert len(page.encode("utf-8")) < 3 * 2**20
    assert "atlas-cell" in page


def test_a_map_at_the_marker_limit_is_under_3_mb():
    # the markers' data (popups included) is in the page once: the heat layer reuses it
    page = build_map(synthetic(MAX_MARKERS), prepare_static()).get_root().render()
    assert len(page.encode("utf-8")) < 3 * 2**20
    assert "atlas-cell" not in page and page.count('"popup": ') == MAX_MARKERS


def _bounds_around(lat: float, lon: float, zoom: int, width_px: int, height_px: int) -> View:
    """The bounds Leaflet reports for a map of this size centred on (lat, lon): Web Mercator."""
    import math

    scale = 256 * 2 ** zoom / (2 * math.pi)  # pixels per unit of Mercator y
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def lat_at(y_):
        return math.degrees(2 * math.atan(math.exp(y_)) - math.pi / 2)

    half_lon = width_px / 2 / (256 * 2 ** zoom) * 360
    return View(lat_at(y - height_px / 2 / scale), lon - half_lon, lat_at(y + height_px / 2 / scale), lon + half_lon,
                zoom)


def test_a_map_redrawn_at_the_view_it_reports_does_not_move():
    # the mean of south and north lies south of the centre on a Mercator map: redrawing there
    # moved the map ~0.25 degrees south at every redraw
    view = _bounds_around(33.5, 42.0, 6, 1000, 620)
    lat, lon = view.center
    assert abs(lat - 33.5) < 1e-9 and abs(lon - 42.0) < 1e-9


def test_moving_a_map_of_cells_at_one_zoom_draws_the_same_cells():
    data = synthetic(5000)
    here, there = View(29, 35, 38, 49, 6), View(30, 36, 39, 50, 6)
    assert drawn_for_view(data, here, 1000) == drawn_for_view(data, there, 1000) == ("cells", 6)
    assert drawn_for_view(data, View(29, 35, 38, 49, 7), 1000) == ("cells", 7)
    zoomed = View(33.0, 40.0, 33.3, 40.4, 11)
    markers, _ = for_view(data, zoomed, max_markers=1000)
    assert drawn_for_view(data, zoomed, 1000) == ("markers", *(i.incident_id for i in markers))
    assert drawn_for_view(data[:10], None, 1000) == drawn_for_view(data[:10], zoomed, 1000)  # few: all drawn


def test_cells_sum_types_and_casualties_like_their_incidents():
    data = synthetic(3000)
    for cell in grid(data, 0.5):
        members = [i for i in data if int(i.latitude // 0.5) == int(cell.latitude // 0.5)
                   and int(i.longitude // 0.5) == int(cell.longitude // 0.5)]
        assert cell.count == len(members) and cell.fatalities == sum(i.fatalities or 0 for i in members)
        assert dict(cell.by_type) == {t: sum(i.incident_type == t for i in members) for t in dict(cell.by_type)}
        assert [n for _, n in cell.by_type] == sorted((n for _, n in cell.by_type), reverse=True)
