"""The geopy-compatible geocoder over the local gazetteer."""

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import LocalGazetteer


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return LocalGazetteer(gazetteer)


def test_is_a_geopy_geocoder_returning_locations(geocoder):
    assert isinstance(geocoder, Geocoder)
    loc = geocoder.geocode("al-Qaim")
    assert isinstance(loc, Location)
    assert loc.raw["admin1"] == "Anbar" and loc.raw["country"] == "IQ" and loc.raw["precision"] == 1
    assert abs(loc.latitude - 34.39) < 0.2 and abs(loc.longitude - 40.99) < 0.2


@pytest.mark.parametrize("query", ["القائم", "بالقائم", "والقائم", "القَائِم", "Al-Qa'im", "al Qaim", "QAIM"])
def test_spelling_variants_of_al_qaim(geocoder, query):
    assert geocoder.geocode(query).raw["name"] == "al-Qaim"


@pytest.mark.parametrize("query", ["جرف الصخر", "وجرف الصخر", "جرف النصر", "Jurf al-Sakhar", "Jurf al-Nasr"])
def test_renamed_place_keeps_both_names(geocoder, query):
    assert geocoder.geocode(query).raw["name_ar"] == "جرف النصر"


@pytest.mark.parametrize("query", ["قاعدة عين الأسد الجوية", "عين الاسد", "Ain al-Asad", "Ain al-Assad", "Al Asad Air Base"])
def test_air_base_variants(geocoder, query):
    assert geocoder.geocode(query).raw["feature"] == "base"


def test_out_of_area_names_resolve_to_regions_not_villages(geocoder):
    assert geocoder.geocode("البحر الأحمر").raw["feature"] == "sea"
    assert geocoder.geocode("غزة").raw["country"] == "PS"


def test_exactly_one_false_returns_ranked_candidates(geocoder):
    found = geocoder.geocode("Baghdad", exactly_one=False)
    assert isinstance(found, list) and found[0].raw["name"] == "Baghdad"
    assert all(a.raw["score"] >= b.raw["score"] for a, b in zip(found, found[1:]))


def test_unknown_place_is_none(geocoder):
    assert geocoder.geocode("Atlantis Springs") is None


@pytest.mark.parametrize("bad", ["", "   ", "x" * 500, 42, None, "!!!"])
def test_bad_queries_raise_a_value_error(geocoder, bad):
    with pytest.raises(ValueError):
        geocoder.geocode(bad)


def test_geocode_cli_prints_one_json_line_per_name():
    import json

    from tests.conftest import run_cli

    r = run_cli("geocode", "بالقائم", "Nowhere-on-earth")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["بالقائم", "Nowhere-on-earth"]
    top = lines[0]["candidates"][0]
    assert set(top) >= {"name", "name_ar", "latitude", "longitude", "feature", "admin1", "country", "precision", "score"}
    assert lines[1]["candidates"] == []
    bad = run_cli("geocode", "")
    assert bad.returncode != 0 and "empty place query" in bad.stderr


@pytest.mark.parametrize("query, name, country", [
    ("Deir ez-Zor", "Deir ez-Zor", "SY"), ("Dayr az-Zawr", "Deir ez-Zor", "SY"), ("Deir Ezzor", "Deir ez-Zor", "SY"),
    ("بدير الزور", "Deir ez-Zor", "SY"), ("Abu Kamal", "Albu Kamal", "SY"), ("البوكمال", "Albu Kamal", "SY"),
    ("القامشلي", "Qamishli", "SY"), ("التنف", "al-Tanf Garrison", "SY"), ("تدمر", "Palmyra", "SY"),
    ("أربيل", "Erbil", "IQ"), ("الموصل", "Mosul", "IQ"), ("قاعدة حرير", "Harir Air Base", "IQ"),
    ("عكاشات", "Akashat", "IQ"), ("Tower 22", "Tower 22", "JO"),
])
def test_places_of_both_countries_and_their_variants(geocoder, query, name, country):
    loc = geocoder.geocode(query)
    assert (loc.raw["name"], loc.raw["country"]) == (name, country)


def test_a_town_ranks_before_the_governorate_of_the_same_name(geocoder):
    first, second = geocoder.geocode("Kirkuk", exactly_one=False)[:2]
    assert (first.raw["feature"], second.raw["feature"]) == ("city", "governorate")


def test_a_base_named_in_text_is_the_base_not_the_town(gazetteer):
    from incidents.text import words_of

    words = [w for w, _, _ in words_of("هجوم بطائرة مسيرة على قاعدة حرير الجوية في أربيل")]
    assert [m.best.name for m in gazetteer.scan(words)][:1] == ["Harir Air Base"]


@pytest.mark.parametrize("text, places", [
    ("قصف في بلد مجاور", []),  # بلد: "a country", not the town of Balad
    ("في قضاء بلد", ["Balad"]),
    ("Hit by rockets, the base went dark", []),
    ("clashes in Hit on Monday", ["Hit"]),
    ("استدعت بغداد القائم بالأعمال الإيراني", ["Baghdad"]),  # the chargé d'affaires is no place
    ("في مدينة القائم", ["al-Qaim"]),
])
def test_names_that_are_also_common_words_need_a_cue(gazetteer, text, places):
    from incidents.text import words_of

    assert [m.best.name for m in gazetteer.scan([w for w, _, _ in words_of(text)])] == places


def test_an_ambiguous_common_noun_after_a_facility_word_is_no_name():
    """"ومطار المدينة" is the city's airport, not al-Madinah's; "قضاء المدينة" is the district."""
    from gazetteer import default_gazetteer
    from incidents.text import words_of

    g = default_gazetteer()
    scan = lambda t: [m.candidates[0].place.name for m in g.scan([w for w, _, _ in words_of(t)])]
    assert scan("اقتحم المسلحون السجن المركزي ومطار المدينة العسكري") == []
    assert scan("في إحدى القرى التابعة لقضاء المدينة") == ["Al Madīnah"]


@pytest.mark.parametrize("written, name", [
    ("Sayid Sadiq", "Seyid Sadiq"), ("Said Sadiq", "Seyid Sadiq"), ("Khirbet al-Maaza", "Khirbat al Ma‘azzah"),
    ("Tel Salhab", "Tall Salḩab"),
    # GeoNames writes the ayn with a backtick ("Ma`arrat Misrin"): the press writes none
    ("Maarrat Misrin", "Ma‘arratmişrīn"),
])
def test_a_names_first_word_in_its_other_romanisations(gazetteer, written, name):
    words = f"A drone struck a car near the town of {written} on Tuesday".split()
    (m,) = gazetteer.scan(words)
    assert m.candidates[0].place.name == name


def test_every_first_word_spelling_has_a_group_and_a_source(tmp_path):
    from gazetteer.gazetteer import first_word_forms
    from incidents.errors import DataFileError

    assert {"tal", "tel", "tell"} <= first_word_forms()["tall"]
    bad = tmp_path / "spellings.csv"
    bad.write_text("group,form,source\nsayyid,seyid,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="source"):
        first_word_forms.__wrapped__(bad)
