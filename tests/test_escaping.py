"""Untrusted text (evidence, titles, URLs, place names) arrives inert in every HTML/XML output."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from incidents.export import kml_text
from incidents.highlight import highlighted_evidence
from incidents.maps import build_map, popup_html, safe_link
from incidents.model import ExtractedIncident, Incident, PlaceRef, SourceRef

EVIL = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "');alert(1);//"]


def evil_incident() -> Incident:
    return Incident(1, "airstrike", "2024-01-24", 1, EVIL[2], EVIL[1], "Anbar", "IQ", 34.39, 40.99, 1, 2, None,
                    EVIL[3], EVIL[0], "machine",
                    sources=[SourceRef(1, EVIL[1], "javascript:alert(1)", "2024-01-25", EVIL[0] + " " + EVIL[3]),
                             SourceRef(2, "ok", "https://example.org/a?b=1&c=\"2\"", "2024-01-25", "fine")])


def assert_inert(markup: str) -> None:
    for bad in ("<script>alert", "<img src=x", "<svg onload", 'href="javascript:'):
        assert bad not in markup


def test_popup_escapes_everything_and_links_only_http():
    markup = popup_html(evil_incident())
    assert_inert(markup)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert 'href="https://example.org/a?b=1&amp;c=&quot;2&quot;"' in markup
    assert re.findall(r'href="([^"]*)"', markup) == ["https://example.org/a?b=1&amp;c=&quot;2&quot;"]


@pytest.mark.parametrize("url, clickable", [("https://a.org", True), ("http://a.org", True),
                                            ("javascript:alert(1)", False), ("data:text/html,x", False),
                                            ("JaVaScRiPt:alert(1)", False), ("//evil.org", False)])
def test_only_http_links_are_clickable(url, clickable):
    assert ("<a " in safe_link(url, "label")) is clickable


def test_map_page_carries_no_live_markup(tmp_path):
    from incidents.assets import prepare_static

    page = build_map([evil_incident()], prepare_static()).get_root().render()
    # the popup travels as a JSON string inside the script; its markup is escaped
    assert "<script>alert(1)</script>" not in page and "<img src=x onerror" not in page


def test_kml_is_well_formed_and_escaped():
    kml = kml_text([evil_incident()])
    root = ET.fromstring(kml.encode("utf-8"))  # raises if a value broke the XML
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    desc = root.find(".//k:Placemark/k:description", ns).text
    assert EVIL[0] in desc  # the text survives as text, not as markup


def test_preview_highlight_is_escaped():
    place = PlaceRef("x", EVIL[1], EVIL[0], 1.0, 2.0, "town", "", "IQ", 1)
    inc = ExtractedIncident("airstrike", place, EVIL[0] + " in " + EVIL[1], 0, 40, dt.date(2024, 1, 1), 1,
                            actor1=EVIL[3], mention=(0, 10))
    assert_inert(highlighted_evidence(inc))


def test_no_script_runs_in_a_real_browser(tmp_path):
    from incidents.maps import standalone_map_html
    from tests.browser import offline_browser

    page_file = tmp_path / "map.html"
    page_file.write_text(standalone_map_html([evil_incident()]), encoding="utf-8")
    with offline_browser() as (page, _blocked):
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_file.as_uri())
        page.locator("path.atlas-incident").first.click(force=True)
        page.locator(".leaflet-popup-content").wait_for(timeout=5000)
        page.locator(".leaflet-container").hover()
        page.wait_for_timeout(300)
        assert "alert(1)" in page.locator(".leaflet-popup-content").inner_text()  # shown as text
        assert dialogs == []
