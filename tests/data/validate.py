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


# In the order they were written: each set shares no incident with any set before it (nor with dev).
WRITTEN = [
    ("heldout", "h", 20, None),
    ("blind", "b", 20, (80, 350)),
    ("blind2", "c", 20, (80, 350)),
    ("blind3", "d", 15, (100, 350)),
    ("blind4", "e", 20, (100, 400)),
    ("blind5", "f", 20, (100, 400)),
    ("blind6", "g", 20, (100, 400)),
    ("blind7", "k", 20, (100, 400)),
    ("blind8", "m", 20, (100, 400)),
    ("blind9", "n", 20, (100, 400)),
    ("blind10", "p", 20, (100, 400)),
    ("blind11", "q", 15, (250, 700)),
    ("blind12", "r", 20, (100, 400)),
    ("blind13", "s", 15, (250, 700)),
    ("blind14", "t", 20, (100, 500)),
    ("blind15", "u", 20, (100, 500)),
    ("blind16", "v", 20, (100, 600)),
    ("blind17", "w", 15, (300, 700)),
    ("blind18", "x", 20, (100, 600)),
    ("blind19", "y", 15, (350, 750)),
    ("blind20", "z", 20, (100, 600)),
    ("blind21", "j", 15, (350, 750)),
    ("blind22", "l", 20, (100, 600)),
    ("blind23", "o", 15, (350, 750)),
    ("blind24", "i", 20, (100, 600)),
    ("blind25", "a", 15, (350, 750)),
    ("blind26", "ab", 20, (100, 600)),
    ("blind27", "ac", 15, (350, 750)),
    ("blind28", "ad", 15, (350, 750)),
    ("blind29", "ae", 15, (350, 750)),
    ("blind30", "af", 15, (350, 750)),
    ("blind31", "ag", 15, (350, 750)),
    ("blind32", "ah", 15, (350, 750)),
    ("blind33", "ai", 15, (350, 750)),
    ("blind34", "aj", 15, (350, 750)),
    ("blind35", "ak", 15, (350, 750)),
    ("blind36", "am", 15, (350, 750)),
    ("blind37", "an", 15, (350, 750)),
    ("blind38", "ao", 15, (350, 750)),
    ("blind39", "ap", 15, (350, 750)),
    ("blind40", "aq", 15, (350, 750)),
    ("blind41", "at", 15, (350, 750)),
    ("blind42", "au", 15, (350, 750)),
    ("blind43", "av", 15, (350, 750)),
    ("blind44", "aw", 15, (350, 750)),
    ("blind45", "ax", 15, (350, 750)),
    ("blind46", "ay", 15, (350, 750)),
    ("blind47", "az", 15, (350, 750)),
    ("blind48", "ba", 15, (350, 750)),
    ("blind49", "bb", 15, (350, 750)),
    ("blind50", "bc", 15, (350, 750)),
    ("blind51", "bd", 15, (350, 750)),
    ("blind52", "be", 15, (350, 750)),
    ("blind53", "bf", 15, (350, 750)),
    ("blind54", "bg", 15, (350, 750)),
    ("blind55", "bh", 15, (350, 750)),
    ("blind56", "bi", 15, (350, 750)),
    ("blind57", "bj", 15, (350, 750)),
    ("blind58", "bk", 15, (350, 750)),
    ("blind59", "bl", 15, (350, 750)),
    ("blind60", "bm", 15, (350, 750)),
    ("blind61", "bn", 15, (350, 750)),
    ("blind62", "bo", 15, (350, 750)),
    ("blind63", "bp", 15, (350, 750)),
    ("blind64", "bq", 15, (350, 750)),
    ("blind65", "br", 15, (350, 750)),
    ("blind66", "bs", 15, (350, 750)),
    ("blind67", "bt", 15, (350, 750)),
    ("blind68", "bu", 15, (350, 750)),
    ("blind69", "bv", 15, (350, 750)),
    ("blind70", "bw", 15, (350, 750)),
    ("blind71", "bx", 15, (350, 750)),
    ("blind72", "by", 15, (350, 750)),
    ("blind73", "bz", 15, (350, 750)),
    ("blind74", "ca", 15, (350, 750)),
    ("blind75", "cb", 15, (350, 750)),
    ("blind76", "cc", 15, (350, 750)),
    ("blind77", "cd", 15, (350, 750)),
    ("blind78", "ce", 15, (350, 750)),
    ("blind79", "cf", 15, (350, 750)),
    ("blind80", "cg", 15, (350, 750)),
    ("blind81", "ch", 15, (350, 750)),
    ("blind82", "ci", 15, (350, 750)),
    ("blind83", "cj", 15, (350, 750)),
    ("blind84", "ck", 15, (350, 750)),
    ("blind85", "cl", 15, (350, 750)),
    ("blind86", "cm", 15, (350, 750)),
    ("blind87", "cn", 15, (350, 750)),
    ("blind88", "co", 15, (350, 750)),
    ("blind89", "cp", 15, (350, 750)),
    ("blind90", "cq", 15, (350, 750)),
    ("blind91", "cr", 15, (350, 750)),
    ("blind92", "cs", 15, (350, 750)),
    ("blind93", "ct", 15, (350, 750)),
    ("blind94", "cu", 15, (350, 750)),
    ("blind95", "cv", 15, (350, 750)),
    ("blind96", "cw", 15, (350, 750)),
]
SETS = {name: Spec(prefix, per, words, ("dev",) + tuple(n for n, *_ in WRITTEN[:i]))
        for i, (name, prefix, per, words) in enumerate(WRITTEN)}


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
