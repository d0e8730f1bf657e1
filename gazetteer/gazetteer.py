"""Gazetteer data, its name index, ranked lookup and mention scanning over words."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import regex
from rapidfuzz import fuzz, process

from incidents.arabic import WORD, is_arabic, is_possessive, name_key, normalize_ar, proclitic_stems, word_key
from incidents.dedup import km
from incidents.errors import DataFileError, InputError
from incidents.phrases import PhraseTable, first_word_variants

DATA_DIR = Path(__file__).resolve().parent / "data"
CUES_FILE = Path(__file__).resolve().parent / "cues.csv"
AMBIGUOUS_FILE = Path(__file__).resolve().parent / "ambiguous.csv"
COLUMNS = ("id", "name", "name_ar", "aliases", "aliases_ar", "latitude", "longitude",
           "feature", "admin1", "country", "population", "source")
# geo_precision by feature (ACLED: 1 site/town, 2 district, 3 governorate); 4 = country or
# wider, which never locates an incident.
PRECISION = {
    "city": 1, "town": 1, "village": 1, "base": 1, "airport": 1, "facility": 1, "camp": 1,
    "crossing": 1, "oilfield": 1, "dam": 1, "district": 2, "governorate": 3,
    "country": 4, "region": 4, "sea": 4,
}
IN_AREA = ("IQ", "SY")
MAX_QUERY = 200
FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    name_ar: str
    aliases: tuple[str, ...]
    latitude: float
    longitude: float
    feature: str
    admin1: str
    country: str
    population: int
    source: str

    @property
    def precision(self) -> int:
        return PRECISION[self.feature]

    @property
    def in_area(self) -> bool:
        return self.country in IN_AREA and self.precision <= 3


@dataclass(frozen=True)
class Candidate:
    place: Place
    score: float
    matched: str


@dataclass(frozen=True)
class Mention:
    """A run of words ``start:end`` (word indices) naming a place, with its ranked candidates."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]
    clitic: str = ""  # proclitic letters stripped from the first word ("ب" in "بالقائم")
    hint: str = ""  # the feature a cue word next to the name suggests ("قاعدة" → base)

    @property
    def best(self) -> Place:
        return self.candidates[0].place


def _read_layer(path: Path) -> list[Place]:
    places = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise DataFileError(f"{path}: header must be {','.join(COLUMNS)}, got {reader.fieldnames}")
            for lineno, row in enumerate(reader, start=2):
                places.append(_place(path, lineno, row))
    except OSError as e:
        raise DataFileError(f"cannot read gazetteer layer {path}: {e}") from e
    return places


def _place(path: Path, lineno: int, row: dict[str, str]) -> Place:
    where = f"{path}:{lineno} ({row.get('id')})"
    if row.get("feature") not in PRECISION:
        raise DataFileError(f"{where}: feature {row.get('feature')!r} is not one of {sorted(PRECISION)}")
    if not (row.get("source") or "").strip():
        raise DataFileError(f"{where}: every place needs a source")
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        population = int(row["population"] or 0)
    except (TypeError, ValueError) as e:
        raise DataFileError(f"{where}: bad number: {e}") from e
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(f"{where}: coordinates {lat},{lon} out of range")
    aliases = [a.strip() for a in f"{row['aliases']}|{row['aliases_ar']}".split("|") if a.strip()]
    return Place(row["id"], row["name"], row["name_ar"], tuple(aliases), lat, lon, row["feature"],
                 row["admin1"], row["country"], population, row["source"])


def _load_cues(path: Path = CUES_FILE) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {word_key(r["word"]): r["feature"] for r in csv.DictReader(fh)}


def _load_ambiguous(path: Path = AMBIGUOUS_FILE) -> PhraseTable[str]:
    """Names that are also common words ("بلد", "Hit"): they count as places only after a
    settlement word ("مدينة هيت", "the town of Hit"). Matched with their article: المدينة ≠ مدينة."""
    table: PhraseTable[str] = PhraseTable(keep_article=True)
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            if not (row.get("name") or "").strip() or not (row.get("source") or "").strip():
                raise DataFileError(f"{path}:{lineno}: every ambiguous name needs a name and a source")
            table.add(row["name"], row["name"])
    return table


@dataclass
class Gazetteer:
    """All places, indexed by normalised name; ``Gazetteer.load()`` reads the CSV layers."""

    places: list[Place]
    cues: dict[str, str] = field(default_factory=dict)
    ambiguous: PhraseTable[str] = field(default_factory=PhraseTable)

    def __post_init__(self) -> None:
        self._table: PhraseTable[Place] = PhraseTable()
        self._bare: set[tuple[str, str]] = set()  # (key, place id) of Arabic names without ال
        seen: set[str] = set()
        for p in self.places:
            if p.id in seen:
                raise DataFileError(f"gazetteer id {p.id!r} appears twice")
            seen.add(p.id)
            for name in (p.name, p.name_ar, *p.aliases):
                self._table.add(name, p)
                if not is_arabic(name):
                    for variant in latin_spellings(name):  # "Al Hawijah" is also "Hawija"
                        self._table.add(variant, p)
                else:
                    for variant in arabic_spellings(name):  # "صفوان" is also written "سفوان", "باتيفا" "باطيفا"
                        self._table.add(variant, p)
                        if not normalize_ar(variant.split()[0]).startswith("ال"):
                            self._bare.add((name_key(variant), p.id))
                if is_arabic(name) and not normalize_ar(name.split()[0]).startswith("ال"):
                    self._bare.add((name_key(name), p.id))
        self._index = self._table.index
        for key, bucket in self._index.items():
            if len(bucket) > 1:
                bucket[:] = _drop_lower_layer_twins(bucket)
        self._latin_keys = [k for k in self._index if not is_arabic(k)]
        self._arabic_keys = [k for k in self._index if is_arabic(k)]
        self.by_id = {p.id: p for p in self.places}
        self._by_feature: dict[str, list[Place]] = {}
        for p in self.places:
            self._by_feature.setdefault(p.feature, []).append(p)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, extra_layers: Iterable[Path] = (),
             alias_files: Iterable[Path] = ()) -> "Gazetteer":
        """The bundled layers of ``data_dir`` plus user layers and user aliases (when present)."""
        layers = sorted(data_dir.glob("*.csv")) + [Path(p) for p in extra_layers if Path(p).exists()]
        if not layers:
            raise DataFileError(f"no gazetteer layers (*.csv) in {data_dir}")
        places = [p for layer in layers for p in _read_layer(layer)]
        g = cls(places, _load_cues(), _load_ambiguous())
        for path in (Path(p) for p in alias_files if Path(p).exists()):
            g._add_aliases(path)
        return g

    def _add_aliases(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.DictReader(fh), start=2):
                place = self.by_id.get(row.get("place_id") or "")
                if place is None or not (row.get("alias") or "").strip():
                    raise DataFileError(f"{path}:{lineno}: unknown place id {row.get('place_id')!r} or empty alias")
                self._table.add(row["alias"], place)
        self._latin_keys = [k for k in self._index if not is_arabic(k)]
        self._arabic_keys = [k for k in self._index if is_arabic(k)]

    # ---- ranked lookup -------------------------------------------------------------
    def search(self, query: str, *, limit: int = 10, feature_hint: str = "",
               context_places: Sequence[Place] = ()) -> list[Candidate]:
        """Ranked candidates for a free-text place name (Arabic or Latin)."""
        query = _check_query(query)
        key = name_key(query)
        found = [Candidate(p, 100.0, key) for p in self._index.get(key, [])]
        if not found and is_arabic(key):  # "بالقائم", "وجرف الصخر": the same stems as in running text
            first, _, rest = key.partition(" ")
            for stem, _clitic in first_word_variants(WORD.search(query).group()):
                k = " ".join(filter(None, (stem, rest)))
                if k != key:
                    found += [Candidate(p, 98.0, k) for p in self._index.get(k, [])]
        if not found:
            keys = self._arabic_keys if is_arabic(key) else self._latin_keys
            for k, score, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=limit,
                                               score_cutoff=FUZZY_CUTOFF):
                found += [Candidate(p, float(score), k) for p in self._index[k]]
        if not feature_hint:
            words = key.split()
            feature_hint = next((self.cues[w] for w in words if w in self.cues), "")
        return self.rank(found, feature_hint=feature_hint, context_places=context_places)[:limit]

    def rank(self, found: list[Candidate], *, feature_hint: str = "",
             context_places: Sequence[Place] = ()) -> list[Candidate]:
        """Order: name score, fitting feature, same governorate/country as context, population."""
        admin1s = {p.admin1 for p in context_places if p.admin1}
        countries = {p.country for p in context_places if p.country}
        unique = {c.place.id: c for c in sorted(found, key=lambda c: -c.score)}

        def order(c: Candidate):
            p = c.place
            return (-c.score, p.feature != feature_hint, p.admin1 not in admin1s,
                    p.country not in countries, not p.in_area, -p.population, p.id)

        return sorted(unique.values(), key=order)

    # ---- scanning running text -----------------------------------------------------
    def _cue_before(self, keys: list[str], start: int) -> str:
        """The feature a settlement or facility word before a name suggests ("town of X" too)."""
        i = start - 1
        if i > 0 and keys[i] == "of":
            i -= 1
        if i < 0:
            return ""
        # "لقضاء المدينة", "بمحافظة البصرة": the cue word may carry a preposition
        return next((self.cues[k] for k in proclitic_stems(keys[i]) if k in self.cues), "")

    def _facility_in(self, keys: list[str], start: int) -> str:
        """"قاعدة الاحتلال في حرير", "the US base in Harir": a base or airport said to be in the
        town just named (a few words back, then "in") steers towards the town's own facility."""
        if start < 2 or keys[start - 1] not in IN_WORDS:
            return ""
        return next((f for j in range(max(0, start - 1 - FACILITY_LOOKBACK), start - 1)
                     if (f := self.cues.get(keys[j], "")) in FACILITY_FEATURES), "")

    def scan(self, words: Sequence[str]) -> list[Mention]:
        """Place names in a sequence of words, longest match first, left to right.

        Latin names must be capitalised in the text; a cue word before or at the start of
        the name ("قاعدة", "base") steers the ranking towards that feature type.
        """
        keys = [word_key(w) for w in words]
        out: list[Mention] = []
        ambiguous = {h.start: h.end for h in self.ambiguous.find([_with_article(w) for w in words])}
        for hit in self._table.find(words, keys, accept_first=_capitalised):
            hint = self._cue_before(keys, hit.start) or self._facility_in(keys, hit.start)
            latin_locative = (not is_arabic(words[hit.start]) and hit.start > 0
                              and keys[hit.start - 1] in LATIN_PLACE_WORDS)
            amb_end = ambiguous.get(hit.start, -1)  # a longer name ("Tal Afar") is not the ambiguous word ("Tal")
            if amb_end > hit.end or (amb_end == hit.end and not ((hint and hint not in FACILITY_FEATURES) or latin_locative)):
                continue  # "القائم بالأعمال", "Hit by rockets", "في بلد مجاور", "ومطار المدينة" (the city's
                # airport) (but "in Hit", "مدينة هيت", "قضاء المدينة")
            hint = self.cues.get(keys[hit.start], hint)
            places = hit.payloads
            if is_arabic(words[hit.start]) and not _has_article(words[hit.start]):
                # "إشارة" is not "الأشارة": a name written with ال needs it in the text too
                places = tuple(p for p in places if (hit.key, p.id) in self._bare)
            if not places:
                continue
            if all(p.feature == "governorate" for p in places) and (
                    hint == "district" or (hit.end < len(words) and not is_arabic(words[hit.start])
                                           and not is_possessive(words[hit.end - 1])
                                           and keys[hit.end] != words[hit.end].casefold().replace("-", " "))):
                continue  # a neighbourhood or area named after a province ("حي القادسية" in Tikrit), or a longer
                # name that begins with one, its next word led by an article ("the Qadisiya al-Thaniya district" of
                # Mosul, whose key drops "al-"): not the province
            if not hint and out and out[-1].end == hit.start and hit.clitic[:1] == "و":
                hint = out[-1].hint  # "مطاري دمشق وحلب": Aleppo's airport too
            after = self.cues.get(keys[hit.end], "") if hit.end < len(keys) and not is_arabic(words[hit.start]) else ""
            if after == "governorate" and hit.end + 1 < len(keys) and self.cues.get(keys[hit.end + 1]) == "facility":
                after = ""  # "the Erbil governorate building": a building in the city
            if after == "governorate" or (not hint and after in FACILITY_FEATURES):
                hint = after  # "Sulaimani province" (even after "… Pshdar district,"), "Aleppo airport"
            if hit.end < len(keys) and self.cues.get(keys[hit.end]) == "facility" and hit.end - hit.start > 1 and \
                    all(p.feature == "governorate" for p in places):
                # "the Erbil governorate building": the governorate's seat, in its main city
                town = self._index.get(name_key(" ".join(words[hit.start:hit.end - 1])), [])
                places = tuple(p for p in town if p.feature in ("city", "town")) or places
            cands = [Candidate(p, 100.0, hit.key) for p in places]
            if hint in FACILITY_FEATURES and all(p.feature != hint for p in places):
                facility = self._facility_of(places[0], hint)  # "مطار حلب", "Aleppo airport": the town's airport
                if facility is not None:
                    cands.insert(0, Candidate(facility, 100.0, hit.key))
            elif hint == "governorate" and all(p.feature != hint for p in places) and places[0].feature == "city":
                area = self._governorate_of(places[0])  # "Sulaimani province": the province of that city
                if area is not None:
                    cands.insert(0, Candidate(area, 100.0, hit.key))
            out.append(Mention(hit.start, hit.end, tuple(self.rank(cands, feature_hint=hint)), hit.clitic, hint))
        return out

    def _governorate_of(self, city: Place) -> Place | None:
        return next((p for p in self._by_feature.get("governorate", ()) if p.name == city.admin1
                     and p.country == city.country), None)

    def _facility_of(self, town: Place, feature: str) -> Place | None:
        """The nearest place of ``feature`` (an airport, a base) within reach of ``town``."""
        near = [(d, p.id, p) for p in self._by_feature.get(feature, ()) if (d := place_km(p, town)) <= FACILITY_OF_TOWN_KM]
        return min(near, default=(0, "", None))[2]


LAYER_RANK = ("user:", "cur:", "adm1:", "icao:", "gn:")  # who wins when two layers hold one place
TWIN_KM = 10.0
FACILITY_FEATURES = ("airport", "base", "camp", "crossing", "dam", "oilfield")
IN_WORDS = ("في", "in", "at")
LATIN_PLACE_WORDS = ("in", "near", "at", "outside", "of", "to", "from")  # "west of Hit", "the road to Hit"
FACILITY_LOOKBACK = 3  # words between "base" and the "in" before a town ("the US-led coalition base in")
FACILITY_OF_TOWN_KM = 25.0  # "Aleppo airport" is the airport nearest Aleppo, if it is this close


JOINED_PREFIXES = ("كفر", "تل", "دير", "عين", "بيت", "خان", "رأس", "بئر")
EMPHATICS = str.maketrans("صطضظ", "ستدز")
PLAIN = {"س": "ص", "ت": "ط"}


def arabic_spellings(name: str) -> set[str]:
    """Local press spellings of an Arabic place name: its first word كفر, تل, دير, … written joined
    to the next or apart (كفر شمس/كفرشمس); and, for names of five letters or more, its emphatic
    consonants written plain (صفوان/سفوان) and a plain ت or س written emphatic (باتيفا/باطيفا),
    one letter at a time."""
    out = set()
    first, _, rest = name.partition(" ")
    if rest and first in JOINED_PREFIXES:
        out.add(first + rest)  # "كفر شمس" is also written "كفرشمس"
    elif not rest and any(name.startswith(p) and len(name) > len(p) + 2 for p in JOINED_PREFIXES):
        prefix = next(p for p in JOINED_PREFIXES if name.startswith(p))
        out.add(f"{prefix} {name[len(prefix):]}")  # "كفرنبل" is also written "كفر نبل"
    if len(name.replace(" ", "")) >= 5:
        out.add(name.translate(EMPHATICS))
        out |= {name[:i] + PLAIN[c] + name[i + 1:] for i, c in enumerate(name) if c in PLAIN}
    out.discard(name)
    return out


SPELLINGS_FILE = Path(__file__).resolve().parent / "spellings.csv"


@lru_cache(maxsize=1)
def first_word_forms(path: Path = SPELLINGS_FILE) -> dict[str, frozenset[str]]:
    """Romanisations of a place name's first word, each with the others of its group: "Tall",
    "Tal", "Tell", "Tel"; "Seyid", "Sayid", "Said" … (spellings.csv)."""
    groups: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            if not all((row.get(k) or "").strip() for k in ("group", "form", "source")):
                raise DataFileError(f"{path}:{lineno}: every spelling needs a group, a form and a source")
            groups.setdefault(row["group"], set()).add(row["form"].casefold())
    return {form: frozenset(forms) for forms in groups.values() for form in forms}


DOUBLED = regex.compile(r"([a-z])\1")


def _with_article(word: str) -> str:
    """"للمدينة" is ل + "المدينة" with the alef of ال dropped: written with its article, so that
    "المدخل الشرقي للمدينة" is the city's entrance as "المدينة" is the city."""
    if "لل" not in word[:3]:
        return word
    norm = normalize_ar(word)
    bare = norm[1:] if norm[:1] in "وف" else norm
    return "ال" + bare[2:] if bare.startswith("لل") and len(bare) > 4 else word


def latin_spellings(name: str) -> set[str]:
    """Other common romanisations of a Latin place name: a final -ah/-eh written -a or -e and
    the reverse (Hawijah/Hawija, Fallujah/Falluja), doubled consonants single (Qayyarah/Qayarah)
    in the last word, its diphthong "ay" as "ei" or "ai" and "ei" as "ay" (Kafr Zayta/Kafr Zeita,
    Bayt/Beit), and hyphens as spaces (Dayr az-Zawr/Dayr az Zawr)."""
    head, _, last = name.rpartition(" ")
    low = last.casefold()
    forms = {low}
    if len(low) > 3 and "ay" in low[1:]:
        forms |= {low[0] + low[1:].replace("ay", "ei"), low[0] + low[1:].replace("ay", "ai")}
    elif len(low) > 3 and "ei" in low[1:]:
        forms.add(low[0] + low[1:].replace("ei", "ay"))
    for f in list(forms):
        if len(f) > 4 and f.endswith(("ah", "eh")):
            forms.add(f[:-1])
        elif len(f) > 3 and f.endswith(("a", "e")):
            forms.add(f + "h")
    forms |= {DOUBLED.sub(r"\1", f) for f in forms}
    forms.discard(low)
    out = {f"{head} {f}".strip() for f in forms}
    if "-" in name:  # "Dayr az-Zawr" is also written "Dayr az Zawr"
        out.add(name.replace("-", " "))
    first, _, rest = name.partition(" ")
    forms = first_word_forms().get(first.casefold(), ()) if rest else ()
    # "Tall Salhab" is also "Tal Salhab", "Tell Salhab", "Tel Salhab"; "Seyid Sadiq" also "Sayid Sadiq"
    # (with each of the last word's forms: "Khirbat al Ma‘azzah" is also "Khirbet al-Maaza")
    out |= {f"{form} {v.partition(' ')[2]}" for form in forms if form != first.casefold()
            for v in out | {name} if v.partition(" ")[2]}
    return out


def _layer_rank(p: Place) -> int:
    return next((n for n, prefix in enumerate(LAYER_RANK) if p.id.startswith(prefix)), len(LAYER_RANK))


def _drop_lower_layer_twins(bucket: list[Place]) -> list[Place]:
    """Places of one name that are one place told by two layers (GeoNames and our curated
    row, say): the higher layer's row is kept; distinct places of the same name stay."""
    kept: list[Place] = []
    for p in sorted(bucket, key=_layer_rank):
        twin = any(_layer_rank(k) < _layer_rank(p) and place_km(k, p) <= TWIN_KM for k in kept)
        if not twin:
            kept.append(p)
    return kept


def place_km(a: Place, b: Place) -> float:
    return km(a.latitude, a.longitude, b.latitude, b.longitude)


def _has_article(word: str) -> bool:
    """Whether an Arabic word carries the article after its proclitics (بالقائم, للقائم, القائم)."""
    norm = normalize_ar(word)
    return any(stem.startswith("ال") for stem in proclitic_stems(norm)) or norm.startswith(("لل", "ولل", "فلل"))


def _capitalised(word: str) -> bool:
    if is_arabic(word):
        return True
    head, sep, tail = word.partition("-")
    if sep and head.lower() in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an"):
        return tail[:1].isupper()
    return word[:1].isupper()


def _check_query(query: object) -> str:
    if not isinstance(query, str):
        raise InputError(f"a place query must be text, got {type(query).__name__}")
    query = query.strip()
    if not query:
        raise InputError("empty place query: give a place name such as 'al-Qaim' or 'القائم'")
    if len(query) > MAX_QUERY:
        raise InputError(f"place query is {len(query)} characters long; at most {MAX_QUERY} are allowed")
    if not name_key(query):
        raise InputError(f"place query {query!r} has no letters to match")
    return query


def default_gazetteer(user_dir: Path | str | None = None) -> Gazetteer:
    """The bundled gazetteer plus the user layer kept in ``user_dir`` (beside the database).

    Cached per process and reloaded when a user-layer file changes.
    """
    files = [Path(user_dir) / name for name in ("user_places.csv", "user_aliases.csv")] if user_dir else []
    stamp = tuple((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files)
    return _load_cached(stamp)


@lru_cache(maxsize=4)
def _load_cached(stamp: tuple[tuple[str, int], ...]) -> Gazetteer:
    files = [Path(f) for f, _ in stamp]
    return Gazetteer.load(DATA_DIR, files[:1], files[1:])
