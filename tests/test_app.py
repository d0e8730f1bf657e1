"""Page logic with Streamlit's AppTest (no browser): first start, table, ingest preview and save."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from streamlit.testing.v1 import AppTest

from incidents.store import Store
from tests.conftest import ROOT

REPORT = "US strikes hit Kataib Hezbollah sites in Jurf al-Sakhar and al-Qaim early Wednesday."


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DB", str(tmp_path / "app.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_first_start_loads_the_sample_reports(app):
    with Store(os.environ["ATLAS_DB"]) as store:
        counts = store.counts()
    assert counts["articles"] == 5 and counts["incidents"] >= 4
    assert any("incident(s) shown" in c.value for c in app.caption)


def test_map_page_charts_incidents_per_day_in_the_maps_colours(app):
    from bs4 import BeautifulSoup

    from incidents.model import taxonomy

    assert any(h.value == "Incidents per day" for h in app.subheader)
    chart = next(e.proto.srcdoc for e in app.get("iframe") if "<svg" in e.proto.srcdoc)
    svg = BeautifulSoup(chart, "html.parser").find("svg")
    bars = svg.find_all("rect", class_="bar")
    assert bars and all(b["fill"] == taxonomy()[b["data-type"]].color for b in bars)
    assert {b["data-type"] for b in bars} >= {"airstrike"}


def test_incidents_table_lists_the_filtered_incidents(app):
    app.switch_page("pages/incidents.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) >= 4 and {"date", "type", "place", "place (Arabic)", "evidence"} <= set(table.columns)


def test_ingest_preview_then_save(app):
    app.switch_page("pages/ingest.py").run()
    app.text_area(key="ingest_text").input(REPORT)
    app.checkbox(key="ingest_has_date").check().run()
    app.date_input(key="ingest_date").set_value(dt.date(2024, 1, 25)).run()
    assert not app.exception, app.exception
    previews = " ".join(m.value for m in app.markdown)
    assert "Jurf al-Nasr" in previews and "al-Qaim" in previews and "2024-01-24" in previews
    app.button(key="ingest_save").click().run()
    assert not app.exception
    assert not app.error
    with Store(os.environ["ATLAS_DB"]) as store:
        places = {i.location for i in store.incidents()}
    assert {"Jurf al-Nasr", "al-Qaim"} <= places


def test_a_bad_upload_gets_a_readable_error(app):
    app.switch_page("pages/ingest.py").run()
    assert not app.exception
    from pages.actions import documents_from

    class Upload:
        name = "scan.pdf"

        def getvalue(self):
            return b"%PDF-1.7 binary"

    docs = documents_from("", [Upload()])
    assert len(docs) == 1 and "scan.pdf: this is a PDF, not text" in str(docs[0])


def test_gazetteer_page_search_and_add_alias(app):
    app.switch_page("pages/gazetteer.py").run()
    app.text_input(key="gaz_query").input("بالقائم").run()
    assert not app.exception, app.exception
    results = app.dataframe[0].value
    assert results.iloc[0]["name"] == "al-Qaim"
    app.text_input(key="gaz_alias_text").input("Qaim crossing town")
    submit = app.button(key="gaz_alias_submit")
    submit.click().run()
    assert not app.exception
    assert any("added" in s.value for s in app.success)
    app.text_input(key="gaz_query").input("Qaim crossing town").run()
    assert app.dataframe[0].value.iloc[0]["name"] == "al-Qaim"


def test_review_edit_is_saved_and_audited(app):
    app.switch_page("pages/review.py").run()
    assert not app.exception, app.exception
    app.number_input(key="review_killed").set_value(7)
    app.button(key="review_save").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert any("Saved" in s.value for s in app.success)
    audit = app.dataframe[-1].value
    assert list(audit["field"]) == ["fatalities"] and audit.iloc[0]["after"] == "7"


def test_briefing_page_offers_the_data_exports(app):
    app.switch_page("pages/briefing.py").run()
    assert not app.exception, app.exception
    assert app.text_input(key="briefing_title").value.startswith("Incidents")
    labels = [b.label for b in app.get("download_button")]
    assert {"CSV (ACLED columns)", "GeoJSON", "KML (Google Earth)"} <= set(labels)


def test_briefing_page_makes_a_map_screenshot(app):
    from tests.browser import CHROMIUM

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: `make test` installs it")
    app.switch_page("pages/briefing.py").run()
    [b for b in app.button if b.key == "briefing_make_png"][0].click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Download map.png" in [b.label for b in app.get("download_button")]


def test_playback_steps_through_the_event_days(app):
    app.button(key="map_play").click().run()
    assert not app.exception, app.exception
    first = [c.value for c in app.caption if "incident(s) shown" in c.value][0]
    assert " up to 2023-12-25" in first  # the earliest sample event
    app.run()  # the next step of playback
    second = [c.value for c in app.caption if "incident(s) shown" in c.value][0]
    assert " up to " in second and second != first
    app.button(key="map_stop").click().run()
    assert all(" up to " not in c.value for c in app.caption)


def test_searching_the_sidebar_narrows_the_map_and_clearing_it_restores_it(app):
    def shown():
        caption = [c.value for c in app.caption if "incident(s) shown" in c.value][0]
        return int(caption.split()[0])

    everything = shown()
    app.text_input(key="sidebar_text").set_value("اربيل").run()  # Erbil: matches أربيل (hamza ignored)
    assert not app.exception, app.exception
    assert 0 < shown() < everything
    app.session_state["sidebar_text"] = "no such place anywhere"
    app.run()
    assert shown() == 0
    app.session_state["sidebar_text"] = ""
    app.run()
    assert shown() == everything
