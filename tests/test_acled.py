"""ACLED exports load as a comparison layer; bad files and rows get readable errors."""

import datetime as dt

import pytest

from incidents.acled import in_range, read_acled
from incidents.assets import prepare_static
from incidents.maps import build_map

CSV = """event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,fatalities,notes
IRQ1,24 January 2024,Explosions/Remote violence,Air/drone strike,Military Forces of the United States,Kataib Hezbollah,Anbar,Al Qaim,34.37,41.09,2,"US strikes <script>alert(1)</script>"
IRQ2,2024-01-20,Explosions/Remote violence,Shelling/artillery/missile attack,Islamic Resistance in Iraq,,Anbar,Ain al-Asad,33.79,42.44,0,
IRQ3,not a date,Battles,Armed clash,,,Anbar,X,33.0,42.0,,
IRQ4,2024-01-21,Battles,Armed clash,,,Anbar,Y,north,42.0,,
"""


def test_reads_events_and_names_the_rows_it_skips():
    loaded = read_acled("acled.csv", CSV.encode())
    assert [e.event_id for e in loaded.events] == ["IRQ1", "IRQ2"]
    assert loaded.events[0].event_date == dt.date(2024, 1, 24) and loaded.events[0].fatalities == 2
    assert [line.split(": ")[0] for line in loaded.skipped] == ["acled.csv:4", "acled.csv:5"]


def test_not_an_acled_file_is_refused_with_the_missing_columns():
    with pytest.raises(ValueError, match="missing column.*latitude"):
        read_acled("other.csv", b"name,lat\nx,1\n")


def test_layer_is_drawn_escaped_and_follows_the_timeline():
    events = read_acled("acled.csv", CSV.encode()).events
    assert [e.event_id for e in in_range(events, dt.date(2024, 1, 22), None)] == ["IRQ1"]
    page = build_map([], prepare_static(), acled=events).get_root().render()
    assert "ACLED events" in page and "atlas-acled" in page
    assert "<script>alert(1)</script>" not in page
