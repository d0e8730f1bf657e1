"""The gazetteer data files themselves: schema, coordinates, names and sources (no network).

Every CSV in gazetteer/data is a layer the geocoder loads, so every one is checked here.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gazetteer" / "data"
COLUMNS = ["id", "name", "name_ar", "aliases", "aliases_ar", "latitude", "longitude",
           "feature", "admin1", "country", "population", "source"]
FEATURES = {"city", "town", "village", "base", "airport", "facility", "camp", "crossing", "oilfield", "dam",
            "district", "governorate", "country", "region", "sea"}
WIDE = {"country", "region", "sea"}  # features that do not sit in one governorate
ID_PATTERNS = {"places.csv": r"gn:\d+", "airports.csv": r"icao:[A-Z0-9]{4}",
               "curated.csv": r"cur:[a-z0-9]+(-[a-z0-9]+)*", "localities.csv": r"cur:[a-z0-9]+(-[a-z0-9]+)*",
               "admin1.csv": r"adm1:(IQ|SY)-[a-z0-9]+(-[a-z0-9]+)*"}
HAND_LAYERS = ("curated.csv", "localities.csv")
KURDISH_PERSIAN = set("پچژگڤڕۆێەیکڵھۊ")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
ALLOWED_IN_ARABIC = re.compile(r"^[\u0621-\u063A\u0640-\u0652\u0670 0-9\-]+$")
# rough boxes around the two countries: a site outside them has swapped or mistyped coordinates
BOXES = {"IQ": (29.0, 37.5, 38.7, 48.7), "SY": (32.2, 37.4, 35.6, 42.5)}


def _files() -> list[Path]:
    return sorted(DATA.glob("*.csv"))


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _rows() -> list[tuple[str, int, dict]]:
    out = []
    for path in _files():
        header, rows = _read(path)
        out += [(path.name, n, dict(zip(header, r))) for n, r in enumerate(rows, start=2)]
    return out


ROWS = _rows()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = (map(math.radians, a), map(math.radians, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _governorates() -> set[str]:
    return {r["name"] for f, _, r in ROWS if f == "admin1.csv"}


def _find(name: str) -> list[dict]:
    return [r for _, _, r in ROWS
            if name in (r["name"], r["name_ar"], *r["aliases"].split("|"), *r["aliases_ar"].split("|"))]


def test_the_expected_layers_exist():
    assert {p.name for p in _files()} >= {"places.csv", "airports.csv", "admin1.csv", "curated.csv", "localities.csv"}


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_header_and_every_row_have_exactly_the_schema_columns(path):
    header, rows = _read(path)
    assert header == COLUMNS
    bad = [n for n, r in enumerate(rows, start=2) if len(r) != len(COLUMNS)]
    assert not bad, f"{path.name}: rows with a wrong number of fields (unquoted comma?) at lines {bad}"


def test_ids_are_unique_across_all_files_and_follow_each_layer_pattern():
    seen: dict[str, str] = {}
    for f, n, r in ROWS:
        assert re.fullmatch(ID_PATTERNS.get(f, r"(gn|icao|cur|adm1):\S+"), r["id"]), f"{f}:{n} bad id {r['id']!r}"
        assert r["id"] not in seen, f"{r['id']} in {seen.get(r['id'])} and {f}"
        seen[r["id"]] = f


def test_coordinates_are_numbers_in_range():
    for f, n, r in ROWS:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, f"{f}:{n} {r['id']}"


def test_derived_layers_give_at_least_three_decimals():
    for f, n, r in ROWS:
        if f != "curated.csv":
            for v in (r["latitude"], r["longitude"]):
                assert len(v.partition(".")[2]) >= 3, f"{f}:{n} {r['id']} {v}"


def test_sites_in_iraq_and_syria_lie_inside_their_country():
    for f, n, r in ROWS:
        if r["country"] in BOXES and r["feature"] not in WIDE:
            s, north, w, e = BOXES[r["country"]]
            lat, lon = float(r["latitude"]), float(r["longitude"])
            assert s <= lat <= north and w <= lon <= e, f"{f}:{n} {r['id']} at {lat},{lon} is outside {r['country']}"


def test_features_countries_and_populations_are_valid():
    for f, n, r in ROWS:
        where = f"{f}:{n} {r['id']}"
        assert r["feature"] in FEATURES, where
        assert re.fullmatch(r"[A-Z]{2}", r["country"]) or (r["country"] == "" and r["feature"] in {"sea", "region"}), where
        assert r["population"] == "" or r["population"].isdigit(), where


def test_every_row_has_a_name_and_a_source():
    for f, n, r in ROWS:
        assert r["name"].strip() and r["source"].strip(), f"{f}:{n} {r['id']}"


def test_derived_rows_cite_their_upstream_record():
    for f, n, r in ROWS:
        if f == "places.csv":
            assert re.match(rf"GeoNames {r['id'][3:]}\b.*CC BY 4\.0", r["source"]), f"{f}:{n}"
        if f == "airports.csv":
            assert r["source"].startswith(f"airportsdata {r['id'][5:]} (MIT)"), f"{f}:{n}"


def _arabic_ok(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text)) and bool(ALLOWED_IN_ARABIC.match(text)) and not set(text) & KURDISH_PERSIAN


def test_arabic_names_are_arabic_script_without_kurdish_or_persian_letters():
    for f, n, r in ROWS:
        where = f"{f}:{n} {r['id']}"
        if f != "places.csv":  # GeoNames has no Arabic name for a few small places
            assert r["name_ar"], f"{where}: no Arabic name"
        for name in filter(None, [r["name_ar"], *r["aliases_ar"].split("|")]):
            assert _arabic_ok(name), f"{where}: {name!r}"


def test_name_lists_have_no_empty_entries_and_latin_aliases_are_latin():
    for f, n, r in ROWS:
        for field in ("aliases", "aliases_ar"):
            assert r[field] == "" or all(a.strip() == a and a for a in r[field].split("|")), f"{f}:{n} {field}"
        assert not any(ARABIC_LETTER.search(a) for a in r["aliases"].split("|")), f"{f}:{n} Arabic in aliases"


def test_governorates_of_iraq_and_syria():
    govs = [r for f, _, r in ROWS if f == "admin1.csv"]
    assert sum(r["country"] == "IQ" for r in govs) == 19  # 18 + Halabja
    assert sum(r["country"] == "SY" for r in govs) == 14
    assert all(r["feature"] == "governorate" and r["admin1"] == r["name"] for r in govs)
    assert {"Halabja", "Nineveh", "Salah al-Din", "Anbar", "Deir ez-Zor", "Rif Dimashq", "Hasakah"} <= _governorates()


def test_governorate_names_match_the_basemap_table():
    with (ROOT / "gazetteer" / "basemap_codes.csv").open(encoding="utf-8", newline="") as fh:
        basemap = {r["value"]: r["name_ar"] for r in csv.DictReader(fh) if r["kind"] == "hasc"}
    ours = {r["name"]: r["name_ar"] for f, _, r in ROWS if f == "admin1.csv"}
    for name, name_ar in basemap.items():
        assert name in ours and ours[name] == name_ar, name


def test_admin1_values_are_governorate_names():
    govs = _governorates()
    for f, n, r in ROWS:
        where = f"{f}:{n} {r['id']}"
        if r["country"] in ("IQ", "SY") and r["feature"] not in WIDE:
            assert r["admin1"] in govs, f"{where}: admin1 {r['admin1']!r}"
        else:
            assert r["admin1"] == "", f"{where}: admin1 outside Iraq and Syria or on a wide feature"


def test_no_upstream_record_is_described_twice():
    cited = {f"gn:{g}" for f, _, r in ROWS if f in HAND_LAYERS
             for g in re.findall(r"\bGeoNames (\d+)", r["source"])}
    cited |= {f"icao:{c}" for f, _, r in ROWS if f in HAND_LAYERS
              for c in re.findall(r"\bICAO ([A-Z0-9]{4})\b", r["source"])}
    ids = {r["id"] for _, _, r in ROWS}
    assert not cited & ids


@pytest.mark.parametrize("name, lat, lon, exact", [
    ("Ain al-Asad Air Base", 33.786, 42.441, False),
    ("Jurf al-Nasr", 32.867, 44.214, True),
    ("al-Qaim", 34.39, 40.99, True),
    ("Baghdad", 33.315, 44.366, True),
])
def test_seed_places_keep_their_reference_coordinates(name, lat, lon, exact):
    found = [r for r in _find(name) if r["id"].startswith("cur:")]
    assert found, name
    r = found[0]
    if exact:
        assert (float(r["latitude"]), float(r["longitude"])) == (lat, lon)
    assert _km((float(r["latitude"]), float(r["longitude"])), (lat, lon)) < 2.0


@pytest.mark.parametrize("name, name_ar, admin1, lat, lon", [
    ("Mosul", "الموصل", "Nineveh", 36.34, 43.13), ("Basra", "البصرة", "Basra", 30.51, 47.78),
    ("Kirkuk", "كركوك", "Kirkuk", 35.47, 44.39), ("Erbil", "أربيل", "Erbil", 36.19, 44.01),
    ("Fallujah", "الفلوجة", "Anbar", 33.35, 43.79), ("Tikrit", "تكريت", "Salah al-Din", 34.61, 43.68),
    ("Aleppo", "حلب", "Aleppo", 36.20, 37.16), ("Deir ez-Zor", "دير الزور", "Deir ez-Zor", 35.34, 40.14),
    ("Raqqa", "الرقة", "Raqqa", 35.95, 39.01), ("Hasakah", "الحسكة", "Hasakah", 36.50, 40.75),
    ("Qamishli", "القامشلي", "Hasakah", 37.05, 41.23), ("Palmyra", "تدمر", "Homs", 34.56, 38.28),
])
def test_main_towns_are_where_they_should_be(name, name_ar, admin1, lat, lon):
    rows = [r for r in _find(name) if r["feature"] in ("city", "town")]
    assert rows, name
    r = rows[0]
    assert r["name_ar"] == name_ar and r["admin1"] == admin1
    assert _km((float(r["latitude"]), float(r["longitude"])), (lat, lon)) < 5.0
    assert {r["id"] for r in _find(name_ar) if r["feature"] in ("city", "town")} == {r["id"]}


@pytest.mark.parametrize("name, feature", [
    ("al-Tanf", "base"), ("Harir Air Base", "base"), ("K1", "base"), ("Victory Base", "airport"),
    ("Conoco", "oilfield"), ("Green Village", "oilfield"), ("Rukban", "camp"), ("مخيم الهول", "camp"),
    ("Mosul Dam", "dam"), ("Bab al-Hawa", "crossing"), ("Tower 22", "base"), ("Albu Kamal", "town"),
    ("البوكمال", "town"), ("Deir Ezzor", "city"), ("Dayr az-Zawr", "city"), ("Qa'im", "town"),
])
def test_sites_of_this_conflict_are_named(name, feature):
    assert any(r["feature"] == feature for r in _find(name)), name


def test_bundled_data_stays_small():
    assert sum(p.stat().st_size for p in _files()) < 1_000_000


# ---- names that are everyday words -------------------------------------------------------
# Common English words and Arabic words (and given names) that must not be read as places: a row
# may carry one only when gazetteer/ambiguous.csv lists it, so that in running text it needs a
# settlement word or a locative before it ("in Hit", "مدينة هيت"). Arabic keeps its article here:
# "التل" and "تل" are different words for the scanner.
COMMON_ENGLISH = """Bar Tal Ras Ain Dam Camp Base New Centre Center Al Hit Bab City Town Village Border Field Station
    Road Bridge Market Square Airport Prison Hospital School University Mosque Church North South East West Central
    Old Upper Lower Gate Hill Valley Lake River Island Desert Mountain Mountains Army Police Forces Security Hezbollah
    Badr Omar Ali Hassan Hussein Mahdi Abbas Sadr Hakim Qasim Mohammed Ahmed Saddam Assad Mazloum Salma Zahraa Dora
    Mansour May March June July Monday Sunday Friday Rocket Drone Karma Medina Sham Tall Shin Hamza Rai Mari
    Salman Ana Dana""".split()
COMMON_ARABIC = """بلد سوق عين تل رأس الجديدة المركز السجن الثورة المدينة الحي التل الباب الدور النصر الحرية السلام
    الشعب الجيش الأمن الشرطة الحشد القوات الدولة الحكومة الوطن المنطقة القرية البلدة الحدود النهر الوادي الجبل الجسر
    المطار القاعدة المعسكر المخيم الطريق الشمال الجنوب الشرق الغرب الوسط الرئيس الشيخ السيد الإمام المسجد الجامع
    المستشفى الجامعة المدرسة السوق الساحة الدورة المنصور الشعلة مظلوم سلمى الزهراء الهامة محمد علي حسن حسين عمر
    أحمد عباس حضر نصيب دمر العظيم الحيرة نفر الكرمة جديدة ثورة""".split()


def _word_key(name: str) -> str:
    from incidents.arabic import is_arabic, name_key, normalize_ar

    return " ".join(normalize_ar(name).split()) if is_arabic(name) else name_key(name)


def _ambiguous_keys() -> set[str]:
    with (ROOT / "gazetteer" / "ambiguous.csv").open(encoding="utf-8", newline="") as fh:
        return {_word_key(r["name"]) for r in csv.DictReader(fh)}


@pytest.mark.parametrize("word", COMMON_ENGLISH + COMMON_ARABIC)
def test_everyday_words_are_place_names_only_through_ambiguous_csv(word):
    key = _word_key(word)
    if key in _ambiguous_keys():
        return
    named = [f"{f}:{n} {r['id']}" for f, n, r in ROWS
             if key in {_word_key(x) for x in [r["name"], r["name_ar"], *r["aliases"].split("|"),
                                              *r["aliases_ar"].split("|")] if x}]
    assert not named, f"{word!r} would be read as a place: {named} (drop the variant or list it in ambiguous.csv)"


def test_ambiguous_csv_rows_have_a_reason_and_a_source():
    with (ROOT / "gazetteer" / "ambiguous.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["name"].strip() and r["reason"].strip() and r["source"].strip() for r in rows)
    assert len({_word_key(r["name"]) for r in rows}) == len(rows), "a name listed twice in ambiguous.csv"


# ---- the wider coverage: districts, sub-districts and places of this conflict ----------
@pytest.mark.parametrize("name, admin1", [
    ("Jindires", "Aleppo"), ("جنديرس", "Aleppo"), ("Tal Rifaat", "Aleppo"), ("Ain Issa", "Raqqa"),
    ("Tal Tamr", "Hasakah"), ("Khasham", "Deir ez-Zor"), ("Baghuz", "Deir ez-Zor"), ("Rmelan", "Hasakah"),
    ("Kafr Sousa", "Damascus"), ("المزة", "Damascus"), ("Zamalka", "Rif Dimashq"), ("Sarmada", "Idlib"),
    ("Hawija", "Kirkuk"), ("Altun Kupri", "Kirkuk"), ("Jalawla", "Diyala"), ("جلولاء", "Diyala"),
    ("Saadiya", "Diyala"), ("Balad Ruz", "Diyala"), ("Dujail", "Salah al-Din"),
    ("الدجيل", "Salah al-Din"), ("Dhuluiya", "Salah al-Din"), ("Latifiya", "Baghdad"), ("اليوسفية", "Baghdad"),
    ("Karrada", "Baghdad"), ("Green Zone", "Baghdad"), ("Amiriyat al-Fallujah", "Anbar"), ("Karmah", "Anbar"),
    ("الكرمة", "Anbar"), ("Nukhayb", "Anbar"), ("Hammam al-Alil", "Nineveh"),
    ("حمام العليل", "Nineveh"), ("Bashiqa", "Nineveh"), ("بعشيقة", "Nineveh"), ("Sidakan", "Erbil"),
    ("سيدكان", "Erbil"), ("Koya", "Erbil"), ("Qaladze", "Sulaymaniyah"), ("Suwayra", "Wasit"),
    ("Zurbatiya", "Wasit"), ("Majar al-Kabir", "Maysan"), ("Qal'at Sukkar", "Dhi Qar"),
])
def test_places_reported_in_security_news_are_in_the_gazetteer(name, admin1):
    from gazetteer import Gazetteer

    found = [c.place for c in _gazetteer(Gazetteer).search(name) if c.score == 100.0]
    assert found, f"{name} is missing"
    assert found[0].admin1 == admin1 and found[0].country in BOXES, f"{name}: {[(p.id, p.admin1) for p in found]}"


@pytest.mark.parametrize("name", ["Wadi Houran", "Qandil Mountains", "وادي الشاي", "سلسلة جبال حمرين", "Mutaibija"])
def test_natural_areas_are_known_but_locate_no_incident(name):
    """A valley, a mountain range or a plain is wider than the 25 km in which an incident is placed:
    it is a region (precision 4), found by geocode but never an incident's site."""
    from gazetteer import Gazetteer

    found = [c.place for c in _gazetteer(Gazetteer).search(name) if c.score == 100.0]
    assert found and found[0].feature == "region" and not found[0].in_area


_LOADED: list = []


def _gazetteer(cls):
    if not _LOADED:
        _LOADED.append(cls.load(DATA))
    return _LOADED[0]


def test_karmah_is_the_anbar_town_not_a_hama_village():
    assert [r["id"] for r in _find("Karmah")] == ["cur:karmah"]


def test_every_hand_made_row_says_where_its_position_and_arabic_name_come_from():
    for f, n, r in ROWS:
        if f == "localities.csv":
            assert "Arabic name" in r["source"], f"{f}:{n} {r['id']}"
            assert re.search(r"Wikipedia|approximate|editors|GeoNames", r["source"]), f"{f}:{n} {r['id']}"


def test_no_hand_made_row_shadows_a_derived_row_of_the_same_name_nearby():
    """gazetteer.py keeps only the hand-made row of two same-name rows within 10 km (LAYER_RANK):
    such a hand row must cite the record it replaces ("GeoNames N"), so that build.py leaves it out."""
    def keys(r):
        return {_word_key(x) for x in [r["name"], r["name_ar"], *r["aliases"].split("|"), *r["aliases_ar"].split("|")] if x}

    derived = [r for f, _, r in ROWS if f in ("places.csv", "airports.csv")]
    index: dict[str, list[dict]] = {}
    for r in derived:
        for k in keys(r):
            index.setdefault(k, []).append(r)
    for f, n, r in ROWS:
        if f in HAND_LAYERS and r["country"] in BOXES and r["feature"] not in WIDE:
            here = (float(r["latitude"]), float(r["longitude"]))
            near = {o["id"] for k in keys(r) for o in index.get(k, [])
                    if _km(here, (float(o["latitude"]), float(o["longitude"]))) <= 10.0}
            assert not near, f"{f}:{n} {r['id']} shadows {sorted(near)}"


def test_no_two_hand_made_rows_name_one_place_twice():
    hand = [r for f, _, r in ROWS if f in HAND_LAYERS and r["country"] in BOXES and r["feature"] not in WIDE]
    seen: dict[str, list[dict]] = {}
    for r in hand:
        for k in {_word_key(x) for x in [r["name"], r["name_ar"], *r["aliases"].split("|"),
                                         *r["aliases_ar"].split("|")] if x}:
            for o in seen.get(k, []):
                d = _km((float(r["latitude"]), float(r["longitude"])), (float(o["latitude"]), float(o["longitude"])))
                assert d > 10.0, f"{r['id']} and {o['id']} both answer to {k!r} {d:.1f} km apart"
            seen.setdefault(k, []).append(r)
