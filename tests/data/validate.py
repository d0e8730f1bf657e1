"""Check the labelled sets written blind to the extractor (format, ids, texts, no incident shared
with an earlier set):

    python tests/data/validate.py [SET ...]      (default: every set below)
"""
import datetime as dt
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent
TYPES = {"airstrike", "drone_strike", "drone_attack", "rocket_attack",
         "missile_attack", "ied", "clash", "other"}
TOP = {"id", "lang", "publication_date", "incidents"}
INC = {"place", "lat", "lon", "date", "type", "killed", "injured"}


@dataclass(frozen=True)
class Spec:
    prefix: str  # ids are <prefix>-ar-NNN and <prefix>-en-NNN
    per_language: int
    words: tuple[int, int] | None  # passage length limits, when the set has them
    earlier: tuple[str, ...]  # sets this one must share no incident with


SETS = {
    "heldout": Spec("h", 20, None, ("dev",)),
    "blind": Spec("b", 20, (80, 350), ("dev", "heldout")),
    "blind2": Spec("c", 20, (80, 350), ("dev", "heldout", "blind")),
    "blind3": Spec("d", 15, (100, 350), ("dev", "heldout", "blind", "blind2")),
    "blind4": Spec("e", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3")),
    "blind5": Spec("f", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4")),
    "blind6": Spec("g", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5")),
    "blind7": Spec("k", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6")),
    "blind8": Spec("m", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")),
    "blind9": Spec("n", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")),
    "blind10": Spec("p", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9")),
    "blind11": Spec("q", 15, (250, 700), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10")),
    "blind12": Spec("r", 20, (100, 400), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11")),
    "blind13": Spec("s", 15, (250, 700), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12")),
    "blind14": Spec("t", 20, (100, 500), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13")),
    "blind15": Spec("u", 20, (100, 500), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14")),
    "blind16": Spec("v", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15")),
    "blind17": Spec("w", 15, (300, 700), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16")),
    "blind18": Spec("x", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17")),
    "blind19": Spec("y", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18")),
    "blind20": Spec("z", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19")),
    "blind21": Spec("j", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20")),
    "blind22": Spec("l", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21")),
    "blind23": Spec("o", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22")),
    "blind24": Spec("i", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23")),
    "blind25": Spec("a", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24")),
    "blind26": Spec("ab", 20, (100, 600), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25")),
    "blind27": Spec("ac", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26")),
    "blind28": Spec("ad", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27")),
    "blind29": Spec("ae", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28")),
    "blind30": Spec("af", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29")),
    "blind31": Spec("ag", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30")),
    "blind32": Spec("ah", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31")),
    "blind33": Spec("ai", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32")),
    "blind34": Spec("aj", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33")),
    "blind35": Spec("ak", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34")),
    "blind36": Spec("am", 15, (350, 750), ("dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35")),
}


def km(a, b):
    """Great-circle distance in km between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def same_time(d1, d2):
    """Same day, or the same month when either date has only a month."""
    if d1 is None or d2 is None:
        return False
    if len(d1) == 7 or len(d2) == 7:
        return d1[:7] == d2[:7]
    return d1 == d2


def overlaps(incidents, earlier):
    """Incidents within 25 km and the same day/month as one in an earlier set."""
    found = []
    for name in earlier:
        gold = DATA / name / "gold.jsonl"
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for o in rec["incidents"]:
                for pid, inc in incidents:
                    if (same_time(inc["date"], o["date"])
                            and km((inc["lat"], inc["lon"]), (o["lat"], o["lon"])) <= 25):
                        found.append(f"{pid} {inc['place']} {inc['date']} overlaps "
                                     f"{name} {rec['id']} {o['place']} {o['date']}")
    return found


def parse_date(s):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s)
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return dt.date.fromisoformat(s + "-01")
    raise ValueError(f"bad date {s!r}: expected YYYY-MM-DD, YYYY-MM or null")



def errors_of(name: str) -> list[str]:
    """Every problem of set ``name``, as one line each."""
    spec, here = SETS[name], DATA / name
    expected = {f"{spec.prefix}-{lang}-{n:03d}" for lang in ("ar", "en") for n in range(1, spec.per_language + 1)}
    errors = []
    ids = []
    all_incidents = []
    for n, line in enumerate((here / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        where = f"gold.jsonl:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        if set(rec) != TOP:
            errors.append(f"{where}: keys {sorted(rec)} != {sorted(TOP)}")
            continue
        pid = rec["id"]
        ids.append(pid)
        m = re.fullmatch(rf"{spec.prefix}-(ar|en)-\d{{3}}", pid)
        if not m or m.group(1) != rec["lang"]:
            errors.append(f"{where}: id {pid!r} does not match lang {rec['lang']!r}")
        pub = dt.date.fromisoformat(rec["publication_date"])
        text_path = here / "texts" / f"{pid}.txt"
        if not text_path.exists():
            errors.append(f"{where}: missing {text_path.name}")
        else:
            text = text_path.read_text(encoding="utf-8")
            if not text.endswith("\n") or text.endswith("\n\n"):
                errors.append(f"{text_path.name}: must end with exactly one newline")
            words = len(text.split())
            if spec.words and not spec.words[0] <= words <= spec.words[1]:
                errors.append(f"{text_path.name}: {words} words, expected {spec.words[0]}-{spec.words[1]}")
        for k, inc in enumerate(rec["incidents"]):
            w = f"{where} incident {k}"
            if set(inc) != INC:
                errors.append(f"{w}: keys {sorted(inc)}")
                continue
            all_incidents.append((pid, inc))
            if not isinstance(inc["place"], str) or not inc["place"]:
                errors.append(f"{w}: place")
            if not (isinstance(inc["lat"], float) and 29 <= inc["lat"] <= 38):
                errors.append(f"{w}: lat {inc['lat']!r} outside 29-38")
            if not (isinstance(inc["lon"], float) and 35 <= inc["lon"] <= 49):
                errors.append(f"{w}: lon {inc['lon']!r} outside 35-49")
            if inc["date"] is not None:
                try:
                    if parse_date(inc["date"]) > pub:
                        errors.append(f"{w}: date {inc['date']} after publication {pub}")
                except ValueError as e:
                    errors.append(f"{w}: {e}")
            if inc["type"] not in TYPES:
                errors.append(f"{w}: type {inc['type']!r}")
            for f in ("killed", "injured"):
                v = inc[f]
                if v is not None and not (type(v) is int and v >= 0):
                    errors.append(f"{w}: {f} {v!r}")
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    for missing in sorted(expected - set(ids)):
        errors.append(f"id {missing} missing from gold.jsonl")
    for extra in sorted(set(ids) - expected):
        errors.append(f"unexpected id {extra}")
    errors.extend(overlaps(all_incidents, spec.earlier))
    texts = {p.stem for p in (here / "texts").glob("*.txt")}
    for extra in sorted(texts - set(ids)):
        errors.append(f"texts/{extra}.txt has no gold line")
    return errors


def main(names: list[str]) -> int:
    failed = 0
    for name in names or list(SETS):
        errors = errors_of(name)
        for e in errors:
            print(f"{name}: {e}")
        print(f"{name}: {len(errors)} errors")
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
