"""The dashboard at scale: N incidents in the store, first render and a filter change, timed
on the server (library calls) and in headless Chromium (what the analyst waits for).

    .venv/bin/python -m bench.bench_dashboard [N]      (default N = 100000; needs Chromium)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from incidents.assets import prepare_static
from incidents.filters import Filters, apply
from incidents.maps import build_map
from incidents.model import Article, ExtractedIncident, PlaceRef, taxonomy
from incidents.store import Store
from incidents.text import content_hash


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


def server_side(db: Path) -> None:
    assets = prepare_static()
    t0 = time.perf_counter()
    with Store(db) as store:
        incidents = store.incidents()
    t1 = time.perf_counter()
    html = build_map(apply(incidents, Filters()), assets).get_root().render()
    t2 = time.perf_counter()
    html2 = build_map(apply(incidents, Filters(types=frozenset({"airstrike"}))), assets).get_root().render()
    t3 = time.perf_counter()
    print(f"server: load {len(incidents):,} incidents {t1 - t0:.2f} s (once per database change); "
          f"first map {t2 - t1:.2f} s, {len(html) / 1024:,.0f} KB; filter change {t3 - t2:.2f} s, {len(html2) / 1024:,.0f} KB")


def _drawn(page, timeout_s: float = 120) -> None:
    """Wait until the map shows incidents or cells (its iframe may be replaced meanwhile)."""
    from playwright.sync_api import Error as PlaywrightError

    from tests.browser import map_frame

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if map_frame(page, timeout_s).locator(".atlas-cell, .atlas-incident").count():
                return
        except PlaywrightError:
            pass
        page.wait_for_timeout(50)
    raise RuntimeError("the map did not draw")


def browser_side(db: Path) -> None:
    from tests.browser import offline_browser, streamlit_server

    with streamlit_server(db) as url, offline_browser() as (page, _blocked):
        t0 = time.perf_counter()
        page.goto(url)
        _drawn(page)
        t1 = time.perf_counter()
        page.goto(f"{url}/?types=airstrike")
        _drawn(page)
        t2 = time.perf_counter()
        caption = page.get_by_text("incident(s) shown")
        before = caption.inner_text()
        t3 = time.perf_counter()
        box = page.get_by_label("Search places, actors, evidence")
        box.fill("Site 1")
        box.press("Enter")
        page.wait_for_function(f"!document.body.innerText.includes({before!r})", timeout=60000)
        _drawn(page)
        t4 = time.perf_counter()
        print(f"browser: first visit {t1 - t0:.2f} s (includes the server's one-off load); page reopened from a "
              f"filtered link {t2 - t1:.2f} s; a filter change in the page {t4 - t3:.2f} s")


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
