"""PNG map screenshots, the HTML briefing and its PDF, in headless Chromium with the network off.

One Chromium is shared by the whole module (``browser`` fixture); the seed report is ingested once.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import io
import json
import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from incidents.briefing import briefing_html, briefing_pdf, chart_svg
from incidents.errors import ExportError, InputError
from incidents.maps import standalone_map_html
from incidents.model import Incident, SourceRef, taxonomy
from incidents.screenshot import Browser, chromium_problem, map_png
from tests.conftest import ROOT, run_cli

Image = pytest.importorskip("PIL.Image", reason="Pillow comes with streamlit")

SEED_PLACES = {"Jurf al-Nasr": "جرف النصر", "al-Qaim": "القائم", "Baghdad": "بغداد",
               "Ain al-Asad Air Base": "قاعدة عين الأسد الجوية"}
EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]
PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seed_path, gazetteer):
    from incidents.ingest import ingest
    from incidents.store import Store

    db = tmp_path_factory.mktemp("exports") / "incidents.db"
    with Store(db) as store:
        ingest([seed_path], store, gazetteer, today=dt.date(2026, 11, 29))
    return db


@pytest.fixture(scope="module")
def seed_incidents(seed_db) -> list[Incident]:
    from incidents.store import Store

    with Store(seed_db) as store:
        incidents = store.incidents()
    assert {i.location for i in incidents} == set(SEED_PLACES)
    return incidents


@pytest.fixture(scope="module")
def browser():
    problem = chromium_problem()
    if problem:
        pytest.skip(problem)
    with Browser() as b:
        yield b


@pytest.fixture(scope="module")
def seed_png(seed_incidents, browser) -> bytes:
    return map_png(seed_incidents, width=1280, height=720, browser=browser)


def evil_incidents() -> list[Incident]:
    """Hostile text in every field a briefing shows."""
    first = Incident(1, "airstrike", "2024-01-24", 1, EVIL[1], EVIL[0], EVIL[1], "IQ", 34.39, 40.99, 1, 2, None,
                     EVIL[0], EVIL[1], "machine",
                     sources=[SourceRef(7, EVIL[0], EVIL[2], "2024-01-25", f"{EVIL[0]} {EVIL[1]} strike"),
                              SourceRef(8, "fine", "https://example.org/a?b=1&c=2", None, "ok")])
    second = Incident(2, "clash", None, None, "Mosul", "الموصل", "Nineveh", "IQ", 36.34, 43.13, 1, None, 3, "", "",
                      "machine", sources=[SourceRef(9, EVIL[1], EVIL[2], None, EVIL[2])])
    return [first, second]


def _near(rgb, target, tol) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, target))


def _hex(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


# --- PNG ---------------------------------------------------------------------------------------------

def test_png_has_the_requested_size_and_the_markers_in_their_type_colours(seed_png):
    image = Image.open(io.BytesIO(seed_png)).convert("RGB")
    assert image.size == (1280, 720)
    pixels = list(image.get_flattened_data())
    background = (0xF2, 0xEF, 0xE9)  # the land fill under the markers (fillOpacity 0.9)

    def marker_pixels(incident_type: str) -> int:
        fill = _hex(taxonomy()[incident_type].color)
        blended = tuple(round(0.9 * c + 0.1 * b) for c, b in zip(fill, background))
        return sum(1 for p in pixels if _near(p, blended, 8))  # the legend's opaque swatches are not counted

    per_marker = marker_pixels("drone_strike")  # one Baghdad marker
    assert per_marker > 50
    assert marker_pixels("missile_attack") == pytest.approx(per_marker, rel=0.25)  # one (Ain al-Asad)
    assert marker_pixels("airstrike") == pytest.approx(2 * per_marker, rel=0.25)  # two (al-Qaim, Jurf al-Nasr)
    assert marker_pixels("clash") == 0 and marker_pixels("ied") == 0
    # the legend shows each type present with its exact colour
    exact = {t: sum(1 for p in pixels if p == _hex(taxonomy()[t].color)) for t in ("airstrike", "clash")}
    assert exact["airstrike"] > 20 and exact["clash"] == 0


def test_same_incidents_give_the_same_png_bytes_even_from_a_new_browser(seed_incidents, seed_png):
    assert map_png(seed_incidents, width=1280, height=720) == seed_png


def test_map_page_has_title_legend_source_line_and_no_animation(seed_incidents):
    page = standalone_map_html(seed_incidents, title="Incidents 2024-01-01 – 2024-01-24", static=True)
    assert json.dumps("Incidents 2024-01-01 – 2024-01-24") in page  # as a JS string literal
    assert json.dumps("Incident Atlas · basemap Natural Earth") in page
    assert '"fadeAnimation": false' in page and '"zoomAnimation": false' in page
    assert "Noto Sans Arabic" in page and "atlas-legend" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page), "everything must be inlined"
    default = standalone_map_html(seed_incidents)  # the interactive map is unchanged
    assert '"fadeAnimation": false' not in default and "Incident Atlas · basemap" not in default


def test_arabic_labels_are_drawn_with_an_arabic_font(seed_incidents, browser):
    page = standalone_map_html(seed_incidents, title="t", static=True)

    def fonts_of_arabic_label(p):
        p.wait_for_selector(".atlas-label [lang=ar]")
        cdp = p.context.new_cdp_session(p)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".atlas-label [lang=ar]"})["nodeId"]
        return {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}

    fonts = browser.render(page, width=1000, height=700, action=fonts_of_arabic_label)
    assert fonts & {"Noto Sans Arabic", "Noto Naskh Arabic"}, fonts


def test_bad_sizes_are_refused_before_any_browser_starts(seed_incidents):
    for kwargs in ({"width": 10}, {"height": 0}, {"width": 1920.5}, {"width": 9000}, {"scale": 5}):
        with pytest.raises(InputError, match="not allowed"):
            map_png(seed_incidents, **kwargs)


def test_missing_chromium_names_the_set_up_command(monkeypatch, seed_incidents):
    monkeypatch.setenv("ATLAS_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr("incidents.screenshot.shutil.which", lambda _name: None)
    with pytest.raises(ExportError, match=r"Chromium is not installed.*make test.*apt-get install chromium"):
        map_png(seed_incidents)


def test_a_page_that_reaches_for_the_network_is_an_error(browser):
    page = '<html><body><img src="https://tile.openstreetmap.org/1/1/1.png"></body></html>'
    with pytest.raises(ExportError, match=r"tried to reach the network.*tile\.openstreetmap\.org"):
        browser.render(page, width=300, height=200, action=lambda p: p.screenshot())


def test_hostile_place_names_in_the_map_image_stay_inert(browser):
    # a dialog, a page error or a request (img src=x) would each raise ExportError
    png = map_png(evil_incidents(), title=EVIL[1], width=800, height=600, browser=browser)
    assert Image.open(io.BytesIO(png)).size == (800, 600)


# --- HTML briefing -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_briefing(seed_incidents, seed_png) -> str:
    return briefing_html(seed_incidents, title="Weekly brief", map_image=seed_png)


def test_briefing_has_places_evidence_chart_and_the_map(seed_incidents, seed_briefing, seed_png):
    soup = BeautifulSoup(seed_briefing, "html.parser")
    assert soup.h1.get_text() == "Weekly brief"
    assert "2024-01-01 – 2024-01-24" in soup.get_text()
    table = soup.find("table").get_text()
    for en, ar in SEED_PLACES.items():
        assert en in table and ar in table
    quotes = [q.get_text() for q in soup.select("ol.sources blockquote")]
    for inc in seed_incidents:
        assert any(inc.sources[0].evidence in q for q in quotes), inc.sources[0].evidence
        assert html.escape(inc.sources[0].evidence) in seed_briefing
    assert all(q.get("dir") in ("auto", "rtl") for q in soup.select("blockquote"))
    img = soup.find("img")
    assert base64.b64decode(img["src"].removeprefix("data:image/png;base64,")) == seed_png


def test_briefing_chart_stacks_incidents_per_day_in_type_colours(seed_briefing):
    svg = BeautifulSoup(seed_briefing, "html.parser").find("svg")
    bars = {r["data-type"]: r for r in svg.find_all("rect", class_="bar")}
    assert set(bars) == {"airstrike", "missile_attack", "drone_strike"}
    assert all(bars[t]["fill"] == taxonomy()[t].color for t in bars)
    # two airstrikes on 2024-01-24, one missile attack on 2024-01-20: twice the height
    assert float(bars["airstrike"]["height"]) == pytest.approx(2 * float(bars["missile_attack"]["height"]))
    assert "2024-01-24 · Airstrike: 2" in bars["airstrike"].title.get_text()
    assert "month only" in bars["drone_strike"].title.get_text()  # "earlier this month"
    labels = [t.get_text() for t in svg.find_all("text")]
    assert {"2024-01-20", "2024-01-21", "2024-01-24"} <= set(labels)  # empty days keep their place


def test_briefing_loads_nothing_from_anywhere(seed_briefing, browser):
    assert "<script" not in seed_briefing and "<link" not in seed_briefing and "@import" not in seed_briefing
    soup = BeautifulSoup(seed_briefing, "html.parser")
    assert all(t["src"].startswith("data:image/png;base64,") for t in soup.find_all(src=True))
    assert all(a["href"].startswith(("http://", "https://")) for a in soup.find_all(href=True))  # links, not loads
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", seed_briefing)
    # opened in Chromium with every outside request blocked: nothing is attempted (else ExportError)
    browser.render(seed_briefing, width=900, height=700, action=lambda p: p.wait_for_selector("svg"))


def test_briefing_escapes_hostile_text_and_links_only_http(browser):
    page = briefing_html(evil_incidents(), title=EVIL[0], include_map=False)
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/a?b=1&c=2"]
    text = soup.get_text()
    assert EVIL[0] in text and EVIL[1] in text and EVIL[2] in text  # shown as text, inert
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Map image not included" in page
    # in a real browser: no dialog, no page error, no request (each would raise ExportError)
    browser.render(page, width=900, height=700, action=lambda p: p.wait_for_selector("table"))


def test_chart_bins_long_spans_by_week_and_counts_the_undated():
    def inc(n, day):
        return Incident(n, "rocket_attack", day, 1 if day else None, "x", "", "", "IQ", 33.0, 44.0, 1, None, None,
                        "", "", "machine")

    start = dt.date(2024, 1, 1)
    incidents = [inc(n, (start + dt.timedelta(days=9 * n)).isoformat()) for n in range(12)] + [inc(99, None)]
    svg = chart_svg(incidents)
    assert 'aria-label="Incidents per week by type"' in svg
    assert "1 undated incident(s) not charted" in svg
    assert svg.count('class="bar"') == 12
    assert "No dated incidents" in chart_svg([inc(1, None)])


# --- PDF ---------------------------------------------------------------------------------------------

def test_briefing_pdf_is_an_a4_document(seed_incidents, browser):
    pdf = briefing_pdf(seed_incidents, browser=browser)
    assert pdf.startswith(b"%PDF-")
    assert len(PAGE_RE.findall(pdf)) >= 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box and float(box.group(1)) == pytest.approx(595, abs=2) and float(box.group(2)) == pytest.approx(842, abs=2)
    assert len(pdf) > 50_000  # the map image is in it


# --- command line ------------------------------------------------------------------------------------

def test_cli_exports_png_pdf_and_html(seed_db, tmp_path, browser):  # ``browser``: skips without Chromium
    png, pdf, page = tmp_path / "map.png", tmp_path / "out" / "brief.pdf", tmp_path / "brief.html"
    for fmt, out in (("png", png), ("pdf", pdf), ("html", page)):
        result = run_cli("export", "--db", str(seed_db), "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert f"wrote 4 incident(s) to {out}" in result.stderr and result.stdout == ""
    assert Image.open(png).size == (1920, 1080)
    assert pdf.read_bytes().startswith(b"%PDF-") and PAGE_RE.search(pdf.read_bytes())
    text = page.read_text(encoding="utf-8")
    assert "<svg" in text and "data:image/png;base64," in text and all(p in text for p in SEED_PLACES)


def test_cli_binary_formats_need_out_and_filters_apply(seed_db, tmp_path, browser):
    result = run_cli("export", "--db", str(seed_db), "--format", "png")
    assert result.returncode == 2 and "give --out" in result.stderr and result.stdout == ""
    page = tmp_path / "jan24.html"
    result = run_cli("export", "--db", str(seed_db), "--format", "html", "--until", "2024-01-20", "--out", str(page))
    assert result.returncode == 0, result.stderr
    table = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("table").get_text()
    # the month-only Baghdad strike (January) overlaps; the 24 January strikes are after --until
    assert "Ain al-Asad Air Base" in table and "Baghdad" in table
    assert "al-Qaim" not in table and "Jurf al-Nasr" not in table


def test_cli_without_chromium_explains_the_set_up_and_html_still_works(seed_db, tmp_path):
    env = {**os.environ, "ATLAS_CHROMIUM": str(tmp_path / "no-chromium"), "PATH": str(tmp_path)}
    run = functools.partial(subprocess.run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    png = run([sys.executable, "-m", "incidents", "export", "--db", str(seed_db), "--format", "png",
               "--out", str(tmp_path / "m.png")])
    assert png.returncode == 2 and not (tmp_path / "m.png").exists()
    assert "Chromium is not installed" in png.stderr and "apt-get install chromium" in png.stderr
    page = tmp_path / "b.html"
    result = run([sys.executable, "-m", "incidents", "export", "--db", str(seed_db), "--format", "html",
                  "--out", str(page)])
    assert result.returncode == 0 and "warning: the briefing has no map image" in result.stderr
    text = page.read_text(encoding="utf-8")
    assert "Map image not included" in text and "<svg" in text and "al-Qaim" in text
