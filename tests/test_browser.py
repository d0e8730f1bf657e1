"""The dashboard in real headless Chromium with the network off."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser import map_frame, marker_count, offline_browser, streamlit_server


@pytest.fixture(scope="module")
def seeded_app(tmp_path_factory, seed_path, gazetteer):
    from incidents.ingest import ingest
    from incidents.store import Store

    db = tmp_path_factory.mktemp("app") / "incidents.db"
    with Store(db) as store:
        ingest([seed_path], store, gazetteer, today=dt.date(2026, 11, 29))
    with streamlit_server(db) as url:
        yield url


def test_map_shows_the_four_seed_incidents_offline(seeded_app):
    with offline_browser() as (page, blocked):
        errors, scripts = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
        page.goto(seeded_app)
        assert marker_count(page, 4) == 4
        # the incidents-per-day chart is the server's SVG: no chart library competes with the map
        page.frame_locator("iframe[title^='Incidents per']").locator("svg rect.bar").first.wait_for(timeout=15000)
        assert not [u for u in scripts if "vega" in u.casefold()], scripts
        frame = map_frame(page)
        # the basemap (country and governorate outlines) is drawn from local files
        frame.wait_for_function("document.querySelectorAll('path:not(.atlas-incident)').length > 10", timeout=15000)
        frame.locator("path.atlas-incident").first.click(force=True)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=5000)
        text = popup.inner_text()
        assert "Date:" in text and "Place:" in text and "Casualties:" in text
        assert any(ar in text for ar in ("القائم", "جرف النصر", "بغداد", "عين الأسد"))
        assert not errors, errors
        assert blocked == [], f"the page tried to reach the network: {blocked[:5]}"


def test_timeline_filter_changes_what_the_map_shows(seeded_app):
    with offline_browser() as (page, _blocked):
        page.goto(seeded_app)
        assert marker_count(page, 4) == 4
        thumbs = page.get_by_role("slider")
        thumbs.last.focus()
        page.keyboard.press("Home")  # until = the first date: only the month-only Baghdad strike
        assert marker_count(page, 1) == 1
        assert "1 incident(s) shown" in page.get_by_text("incident(s) shown").inner_text()


def test_a_shared_url_reopens_the_same_view(seeded_app):
    with offline_browser() as (page, _blocked):
        page.goto(f"{seeded_app}/?types=missile_attack")
        assert marker_count(page, 1) == 1
        page.get_by_text("Review", exact=True).first.click()
        page.get_by_text("Review an incident").wait_for(timeout=15000)
        page.wait_for_url("**/review?*types=missile_attack*", timeout=15000)  # the filters follow the analyst


def test_review_edit_persists_across_a_reload(seeded_app):
    with offline_browser() as (page, _blocked):
        page.goto(f"{seeded_app}/review")
        page.get_by_text("Review an incident").wait_for(timeout=20000)
        killed = page.get_by_label("Killed", exact=True)
        killed.fill("9")
        page.get_by_role("button", name="Save changes").click()
        page.get_by_text("Saved.").wait_for(timeout=15000)
        page.reload()
        page.get_by_text("Audit trail").wait_for(timeout=20000)
        assert page.get_by_label("Killed", exact=True).input_value() == "9"
        page.get_by_text("fatalities").first.wait_for(state="attached", timeout=10000)  # in the audit grid


def test_uploading_a_bad_file_shows_a_readable_error(seeded_app, tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.5 not text at all")
    with offline_browser() as (page, _blocked):
        page.goto(f"{seeded_app}/ingest")
        page.get_by_text("Add reports").first.wait_for(timeout=20000)
        page.get_by_test_id("stMainBlockContainer").locator("input[type=file]").set_input_files(str(bad))
        page.get_by_text("scan.txt: this is a PDF, not text").first.wait_for(timeout=15000)
        assert page.get_by_text("Traceback").count() == 0


def test_a_big_map_stays_put_once_drawn(tmp_path):
    """Over 2,000 incidents the map shows grid cells and reports its view back; redrawing it at
    each report reloaded it about once a second, a little further south every time."""
    from bench.bench_dashboard import fill

    db = tmp_path / "big.db"
    fill(db, 2100)
    with streamlit_server(db) as url, offline_browser() as (page, blocked):
        page.goto(url)
        frame = map_frame(page)
        frame.locator(".atlas-cell").first.wait_for(state="attached", timeout=30000)
        page.wait_for_timeout(1500)  # the map reports its view, the page reruns
        frame = map_frame(page)
        where = "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"
        before = frame.evaluate(where)
        reloads = []
        page.on("request", lambda r: reloads.append(r.url) if "streamlit_folium" in r.url
                and r.resource_type == "document" else None)
        page.wait_for_timeout(4000)
        assert reloads == []
        assert map_frame(page).evaluate(where) == before
        assert blocked == []
    log = db.with_suffix(".log").read_text()
    assert "warm-up failed" not in log and "Traceback" not in log, log[-2000:]
