"""The dashboard at scale: N incidents in the store, the map page's first render and a filter
change, timed on the server (library calls) and in headless Chromium (what the analyst waits for).

    .venv/bin/python -m bench.bench_dashboard [N]      (default N = 100000; needs Chromium)

Browser figures, each with where its time went:
- first visit right after the server starts: the server has just answered its health check
  and is still warming up (imports, the incident load) in the background;
- first visit by another browser: the server is warm, the browser's cache is empty;
- the page reopened from a filtered link in the same browser (its cache holds Streamlit's files);
- a filter change in the page; and how often the map reloaded by itself while left alone.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from incidents.aggregate import for_view
from incidents.assets import prepare_static
from incidents.charts import chart_svg
from incidents.filters import Filters, apply, searchable
from incidents.maps import build_map
from incidents.model import Article, ExtractedIncident, PlaceRef, taxonomy
from incidents.store import Store
from incidents.text import content_hash

VIEWPORT = {"width": 1400, "height": 1000}


def fill(db: Path, n: int) -> None:
    rnd = random.Random(7)
    types = list(taxonomy())
    with Store(db) as store:
        for i in range(n):
            text = f"Synthetic report {i}: a strike on a site."
            day = dt.date(2023, 1, 1) + dt.timedelta(days=i % 700)
            place = PlaceRef(f"bench:{i}", f"Site {i}", "موقع", 30 + rnd.random() * 7, 39 + rnd.random() * 9, "town",
                             "Anbar", "IQ", 1)
            inc = ExtractedIncident(rnd.choice(types), place, text, 0, len(text), day, 1, rnd.randint(0, 3))
            store.add_article(Article(text, content_hash(text), published=day), [inc])


def _timed(fn, *args):
    t0 = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - t0


def server_side(db: Path) -> None:
    """The library calls behind the map page, timed one by one."""
    assets = prepare_static()
    with Store(db) as store:
        incidents, load = _timed(store.incidents)
    gc.freeze()  # as the dashboard does once it has loaded them (pages/ui.py, all_incidents)
    days = [i.event_date for i in incidents if i.event_date]
    _, options = _timed(lambda: (min(days), max(days), sorted({i.admin1 for i in incidents}),
                                 sorted({a for i in incidents for a in (i.actor1, i.actor2) if a})))
    shown, filtering = _timed(apply, incidents, Filters(types=frozenset(taxonomy())))
    html, mapping = _timed(lambda: build_map(shown, assets).get_root().render())
    svg, chart = _timed(chart_svg, shown)
    changed, refilter = _timed(apply, incidents, Filters(types=frozenset({"airstrike"})))
    html2, remap = _timed(lambda: build_map(changed, assets).get_root().render())
    texts, prepare = _timed(searchable, incidents)
    found, search = _timed(apply, incidents, Filters(text="Site 1"), texts)
    markers, cells = for_view(shown, None)
    drawn = f"{len(cells)} grid cells" if cells else f"{len(markers)} markers"
    print(f"server, once per database change (the server's warm-up does it at start): load {len(incidents):,} "
          f"incidents {load:.2f} s; sidebar options {options:.2f} s")
    print(f"server, each rerun of the map page: filter {filtering:.2f} s; map of {drawn} {mapping:.2f} s "
          f"({len(html) / 1024:,.0f} KB); incidents-per-day chart (SVG) {chart:.2f} s ({len(svg) / 1024:,.0f} KB)")
    print(f"server, filter change: by type {refilter:.2f} s, map {remap:.2f} s ({len(html2) / 1024:,.0f} KB); "
          f"text search {search:.2f} s ({len(found):,} found; its normalised texts are made once per database "
          f"change, in the background: {prepare:.2f} s)")


# ---- the browser -----------------------------------------------------------------------------
def _map_frame(page):
    """The newest map frame (a redrawn map replaces its frame)."""
    return next((f for f in reversed(page.frames) if "streamlit_folium" in f.url), None)


def _map_drawn(page) -> bool:
    """Incidents, clusters of them or cells are on the map."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return bool((frame := _map_frame(page))
                    and frame.locator(".atlas-cell, .atlas-incident, .marker-cluster").count())
    except PlaywrightError:  # the frame was replaced while we looked
        return False


def _basemap_drawn(page) -> bool:
    from playwright.sync_api import Error as PlaywrightError

    try:
        return bool((frame := _map_frame(page)) and frame.evaluate(
            "document.querySelectorAll('path:not(.atlas-cell):not(.atlas-incident)').length > 10"))
    except PlaywrightError:
        return False


def _wait(page, condition, timeout_s: float = 120) -> float:
    deadline = time.monotonic() + timeout_s
    while not condition(page):
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {condition.__name__}")
        page.wait_for_timeout(20)
    return time.perf_counter()


class Phases:
    """When the page's websocket opened, the map arrived through it, and its frame was requested."""

    def __init__(self, page):
        self.ws = self.sent = self.frame = None
        page.on("websocket", self._ws)
        page.on("request", self._request)

    def _ws(self, ws):
        self.ws = self.ws or time.perf_counter()
        ws.on("framereceived", self._received)

    def _received(self, payload):
        if self.sent is None and b"streamlit_folium" in (payload if isinstance(payload, bytes) else payload.encode()):
            self.sent = time.perf_counter()

    def _request(self, request):
        if "streamlit_folium" in request.url and request.resource_type == "document":
            self.frame = self.frame or time.perf_counter()


def visit(page, url: str) -> str:
    """Open ``url`` until the map shows incidents or cells; returns the breakdown."""
    phases = Phases(page)
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    drawn = _wait(page, _map_drawn)
    basemap = _wait(page, _basemap_drawn)
    ws, sent, frame = phases.ws or t0, phases.sent or drawn, phases.frame or drawn
    return (f"{drawn - t0:.2f} s  [Streamlit's page until its websocket opens {ws - t0:.2f} s · page script "
            f"until the map is sent {sent - ws:.2f} s · until its frame is requested {frame - sent:.2f} s · "
            f"map frame, Leaflet and cells drawn {drawn - frame:.2f} s; basemap outlines at {basemap - t0:.2f} s]")


def reloads_while_idle(page, seconds: float = 5) -> int:
    """How many times the map's frame reloaded while nobody touched the page."""
    loads = []
    page.on("request", lambda r: loads.append(r) if "streamlit_folium" in r.url and r.resource_type == "document"
            else None)
    page.wait_for_timeout(seconds * 1000)
    return len(loads)


def browser_side(db: Path) -> None:
    from tests.browser import offline_browser, streamlit_server

    with offline_browser() as (page, _blocked):  # the browser first: the visit follows the start at once
        t0 = time.perf_counter()
        with streamlit_server(db) as url:
            print(f"browser: server start until it answers {time.perf_counter() - t0:.2f} s "
                  "(it warms its caches first)")
            print(f"browser: first visit right after the start {visit(page, url)}")
            print(f"browser: map reloads while the page is left alone for 5 s: {reloads_while_idle(page)}")
            other = page.context.browser.new_context(viewport=VIEWPORT).new_page()
            print(f"browser: first visit by another browser (empty cache) {visit(other, url)}")
            print(f"browser: page reopened from a filtered link {visit(page, f'{url}/?types=airstrike')}")
            page.wait_for_timeout(2000)  # the analyst looks at the map first (it reports its view meanwhile)
            phases = Phases(page)
            t3 = time.perf_counter()
            box = page.get_by_label("Search places, actors, evidence")
            box.fill("Site 1")
            box.press("Enter")
            _wait(page, lambda _page: phases.frame is not None)  # the new map is on its way
            drawn = _wait(page, _map_drawn)
            print(f"browser: a filter change in the page {drawn - t3:.2f} s  [until the new map is sent "
                  f"{phases.frame - t3:.2f} s]")


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        fill(db, n)
        print(f"filled {n:,} incidents in {time.perf_counter() - t0:.0f} s")
        server_side(db)
        browser_side(db)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
