"""Big maps stay small: grid cells at low zoom, markers of the visible area when zoomed in."""

from bench.bench_map import incidents as synthetic
from incidents.aggregate import View, for_view, grid
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
