"""Analysts' own places and aliases: stored beside the database, found by search and ingest."""

import datetime as dt

import pytest

from gazetteer import default_gazetteer
from gazetteer.user import add_alias, add_place
from incidents.errors import InputError
from incidents.ingest import RawDoc, preview


def exact(g, query):
    return [c.place.id for c in g.search(query) if c.score == 100]


def test_alias_is_found_by_search_and_survives_reload(tmp_path):
    g = default_gazetteer(tmp_path)
    assert exact(g, "Qaim Town Centre") == []
    add_alias(tmp_path, g, "cur:al-qaim", "Qaim Town Centre")
    assert exact(default_gazetteer(tmp_path), "Qaim Town Centre") == ["cur:al-qaim"]
    assert exact(default_gazetteer(tmp_path / "elsewhere"), "Qaim Town Centre") == []


def test_new_place_is_used_by_extraction(tmp_path):
    g = default_gazetteer(tmp_path)
    doc = RawDoc("t", "A rocket attack hit Tel Zerzevan on Saturday.", published="2024-01-25")
    assert preview(doc, g, today=dt.date(2026, 1, 1)).incidents == []
    place = add_place(tmp_path, g, name="Tel Zerzevan", name_ar="تل زرزوان", latitude=35.12, longitude=40.55,
                      feature="village", admin1="Deir ez-Zor", country="SY", source="test")
    g2 = default_gazetteer(tmp_path)
    (inc,) = preview(doc, g2, today=dt.date(2026, 1, 1)).incidents
    assert inc.place.place_id == place.id and inc.event_date == dt.date(2024, 1, 20)
    assert (tmp_path / "user_places.csv").exists()


@pytest.mark.parametrize("kwargs, message", [
    ({"name": ""}, "empty"),
    ({"name": "x" * 200}, "at most"),
    ({"country": "Iraq"}, "ISO alpha-2"),
    ({"feature": "castle"}, "feature"),
    ({"latitude": 123.0}, "out of range"),
])
def test_bad_new_places_are_refused_with_a_reason(tmp_path, kwargs, message):
    fields = dict(name="Somewhere", latitude=33.0, longitude=44.0, feature="village", country="IQ")
    fields.update(kwargs)
    with pytest.raises(InputError, match=message):
        add_place(tmp_path, default_gazetteer(tmp_path), **fields)
    assert not (tmp_path / "user_places.csv").exists()


def test_alias_for_unknown_place_is_refused(tmp_path):
    with pytest.raises(InputError, match="no gazetteer place"):
        add_alias(tmp_path, default_gazetteer(tmp_path), "cur:does-not-exist", "Nowhere")
