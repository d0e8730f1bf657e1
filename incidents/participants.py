"""Who and how many: the actors of an attack sentence and its casualty figures.

Both read phrase hits from the lexicon (``lexicon/actor_aliases.csv``, ``roles.csv``,
``casualties.csv``, ``numbers.csv``); ``extract`` decides which incident they belong to.
"""

from __future__ import annotations

from incidents.arabic import normalize_ar, parse_number
from incidents.dates import DateExpr
from incidents.lexicon.loader import Lexicon
from incidents.phrases import Hit

MEANS = frozenset({"drone", "drone_explosive", "missile", "rocket", "strike", "aircraft"})  # trigger classes that name a weapon
PASSIVE_WINDOW = 12  # "five U.S. service members and a second contractor were wounded" ("U.S." is two words)
WEAPON_WORDS = MEANS | {"ied", "explosion", "grenade"}  # a number just before these counts weapons, not people
NUMBER_WINDOW = 6  # words either side of a casualty word to look for its number
NONE_REACH = 5  # words from a negation to the casualty word it denies
ROLE_WINDOW = 4  # words before an actor to look for a target/perpetrator cue


def actors(words: list[str], triggers: list[Hit], hits: list[Hit], roles: list[Hit],
           casualty_words: list[int]) -> tuple[list[str], list[str]]:
    """Perpetrators and targets: by a role cue before the name ("against X", "أطلقها X"), by a
    casualty word just after it ("four US soldiers were injured"), by a nationality adjective
    on the attack word ("US strikes", "غارة أميركية"), else by default the perpetrator."""
    perpetrators: list[str] = []
    targets: list[str] = []
    trigger_edges = {h.start for h in triggers} | {h.end for h in triggers}
    first_trigger = min((h.start for h in triggers), default=0)
    for h in hits:
        for alias in h.payloads:
            if alias.kind == "adjective":
                if h.start in trigger_edges or h.end in trigger_edges:
                    _add_once(perpetrators, alias.actor)
                continue
            role = next((r for r in reversed(roles) if h.start - ROLE_WINDOW <= r.end <= h.start), None)
            cue = role.payloads[0] if role else None
            if cue == "owner":  # "a drone belonging to the Turkish army" fired; "sites belonging to KH" were hit
                cue = "perpetrator" if any(t.end in (role.start, role.start - 1) and set(t.payloads) & MEANS
                                           for t in triggers) else "target"
            if cue == "affiliation":  # "KH, one of the PMF factions": not a second actor
                continue
            victim = any(h.end <= c <= h.end + ROLE_WINDOW for c in casualty_words)
            if cue == "target" or (cue is None and (victim or (h.start > first_trigger and _after_on(words, h.start)))):
                _add_once(targets, alias.actor)
            else:
                _add_once(perpetrators, alias.actor)
    return perpetrators, targets


def _after_on(words: list[str], i: int) -> bool:
    return i > 0 and words[i - 1].casefold() in ("on", "against", "targeting")


def _add_once(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


TENS = frozenset(range(20, 100, 10))
ONE_MORE = frozenset({"اخر", "ثالث", "رابع", "خامس", "another", "third", "fourth", "fifth"})  # "وجرح ثالث",
# "wounding another", "wounding a third": one more person
CONJUNCTIONS = frozenset({"and", "while", "but", "as", "whereas"})
SINGULAR = frozenset({"was", "is", "has"})  # "a policeman was killed": one person


def casualties(words, keys, lexicon: Lexicon, cues: list[Hit], dates: list[DateExpr],
                triggers: list[Hit], breaks: frozenset[int] = frozenset()) -> list[tuple[int, str, int]]:
    """(word position, killed|injured, count) for each casualty mention with a number.

    Each number goes to the nearest casualty word, closest pairs first, so "five killed and
    12 wounded" gives 5 and 12; numbers of weapons ("two rockets") and dates are skipped.
    ``breaks`` are word positions preceded by punctuation: a number after a clause break or
    a conjunction is not the object of the casualty word before it ("a contractor was killed
    and five soldiers were wounded": the five were wounded).
    """
    hits = lexicon.casualties.find(words, keys)
    persons = {h.start for h in cues if "person" in h.payloads}
    skip = {i for d in dates for i in range(d.start, d.end)}
    # "lasted around 30 minutes", "8 km west of": a measure, no head count
    skip |= {h.start - 1 for h in cues if h.payloads[0] in ("distance_unit", "duration_unit")}
    # "the two men, aged 24 and 31": ages, no head count
    skip |= {j for h in cues if h.payloads[0] == "age" for j in range(h.end, min(len(words), h.end + AGE_REACH))}
    # "three wounded, one of them critically": a part of a figure already given
    skip |= {h.start - 1 for h in cues if "partitive" in h.payloads and h.start - 1 in breaks}
    weapons = [h for h in triggers if set(h.payloads) & WEAPON_WORDS and not h.clitic]  # "two (Katyusha) rockets",
    skip |= {h.start - 1 for h in weapons} | {h.start - 2 for h in weapons}  # not "أصيب مدنيان بانفجار"
    numbers: dict[int, int | None] = {}
    bounds = {h.end for h in cues if "lower_bound" in h.payloads}  # "أكثر من ١٠٠", "more than 60": no exact figure
    negated = {h.end for h in cues if "negation" in h.payloads}  # "no one had been killed": none
    for i, w in enumerate(words):
        if i in skip:
            continue
        if keys[i] in lexicon.vague_numbers or (i in bounds and parse_number(w) is not None):
            numbers[i] = None
        elif (n := parse_number(w)) is not None and n < 1900:
            numbers[i] = 0 if n == 1 and i in negated else n
    for i in _clock(words, numbers):
        numbers.pop(i, None)
    _join_compounds(words, numbers)
    out, pairs, fixed = _risen_tolls(words, cues, numbers), [], []
    for pos, _, _ in out:
        numbers.pop(pos, None)  # (the figure a toll rose to is taken)
    for h in hits:
        word = h.payloads[0]
        if word.kind in NONE_KINDS:
            if not _narrowed(words, cues, h):
                out += [(h.start, k, 0) for k in NONE_KINDS[word.kind]]
        elif word.count is not None:
            fixed.append((h.start, word.kind, word.count))
        else:
            passive = any(w.casefold() in ("were", "was", "been", "are") for w in words[max(0, h.start - 2):h.start + 1])
            for i in numbers:
                gap = h.start - i if i < h.start else i - h.end + 1
                if i < h.start and h.clitic.startswith("و"):
                    continue  # "استشهاد منتسبين اثنين وجرح ثالث": و opens a new clause; the two were killed
                if i > h.start and (_clause_between(words, breaks, h.end, i) or words[i][:1] == "و"):
                    continue  # "13 قتيلا و58 جريحا": و58 begins the next figure
                if i < h.start and not passive and (_clause_between(words, breaks, i + 1, h.start) or
                                                    any(words[j][:1] == "و" and parse_number(words[j]) is None
                                                        for j in range(i + 1, h.start))):
                    continue  # "استشهاد جنديين اثنين، وإصابة ثالث بجروح": the two are not the wounds' figure
                if 0 < gap <= (PASSIVE_WINDOW if passive and i < h.start else NUMBER_WINDOW):
                    pairs.append((gap - (1 if passive and i < h.start else 0), i < h.start, h, i))
    used_hits, used_numbers = {h[0] for h in fixed}, set()
    hit_starts = {h.start for h in hits} | {f[0] for f in fixed}
    for _gap, _before, h, i in sorted(pairs, key=lambda p: (p[0], p[1])):
        if h.start in used_hits or i in used_numbers:
            continue
        used_hits.add(h.start)
        used_numbers.add(i)
        if numbers[i] is not None:  # a vague quantity ("dozens") takes the word but gives no number
            more = _coordinated(words, numbers, breaks, i, h, hit_starts, used_numbers)
            used_numbers.update(more)
            if len(more) > 1 and i > h.start and sum(numbers[j] or 0 for j in more) == numbers[i]:
                more = []  # "the death toll at 11, seven from the SNA and four from the SDF": the total's parts
            extra = _and_more(words, numbers, persons, breaks, max([i] + more) + 1, hit_starts) if i > h.start else 0
            out.append((h.start, h.payloads[0].kind, numbers[i] + sum(numbers[j] for j in more) + extra))
    for h in hits:  # "مقتل زعيم", "killed a commander", "وجرح ثالث": one
        if h.start in used_hits or h.payloads[0].kind not in ("killed", "injured") or h.payloads[0].count is not None:
            continue
        article = h.end < len(words) and words[h.end].casefold() in ("a", "an", "one")
        another = h.end < len(words) and normalize_ar(words[h.end]).casefold() in ONE_MORE or (
            article and h.end + 1 < len(words) and words[h.end + 1].casefold() in ONE_MORE)
        # "قتل خلاله منتسب": one short word may stand between the passive and the person
        next_but_one = h.end + 1 in persons and h.end not in breaks and h.end not in numbers
        if h.end in persons or next_but_one or another or (article and set(range(h.end + 1, h.end + 5)) & persons):
            # "استشهاد ضابط برتبة ملازم أول وجندي": each person joined by و counts one more; "killing a woman
            # and her two children": and the figures joined by "and"
            out.append((h.start, h.payloads[0].kind, 1 + _joined_persons(words, persons, breaks, h, hit_starts) +
                        _and_more(words, numbers, persons, breaks, h.end + 1, hit_starts)))
    for h in hits:  # "a U.S. contractor was killed": one
        if h.start in used_hits or h.payloads[0].count is not None or h.payloads[0].kind not in ("killed", "injured"):
            continue
        singular = any(w.casefold() in SINGULAR for w in words[max(0, h.start - 2):h.start])  # "was (lightly) hurt"
        another = any(normalize_ar(w).casefold() in ONE_MORE for w in words[max(0, h.start - 3):h.start])  # "a third was wounded"
        if singular and (another or any(p in persons for p in range(max(0, h.start - 5), h.start - 1))) and \
                not any(o[0] == h.start for o in out):
            out.append((h.start, h.payloads[0].kind, 1))
    out += _denied(words, cues, hits, numbers, breaks, {o[0] for o in out + fixed})
    return sorted(out + fixed)


AGE_REACH = 3  # words after "aged" that may be ages ("aged 24 and 31")
NONE_KINDS = {"none": ("killed", "injured"), "none_killed": ("killed",), "none_injured": ("injured",)}  # zero figures
NONE_OF = {"killed": ("killed",), "injured": ("injured",), "casualties": ("killed", "injured")}


TOLL_REACH = 12  # words between a toll ("حصيلة ضحايا", "death toll") and the verb that says it rose
RISE_REACH = 25  # words from "ارتفعت" to the "إلى" before the new figure


def _risen_tolls(words, cues: list[Hit], numbers: dict[int, int | None]) -> list[tuple[int, str, int]]:
    """The figure a toll rose to: "ارتفعت حصيلة ضحايا الهجوم … إلى ١٤٥ مدنياً", "ارتفع عدد قتلى الغارات
    … إلى 112", "the death toll rose to 145"."""
    out = []
    tolls = [h for h in cues if {"toll_killed", "toll_injured"} & set(h.payloads)]
    for r in (h for h in cues if "rise" in h.payloads):
        toll = min((t for t in tolls if -TOLL_REACH <= t.start - r.start <= 3), key=lambda t: abs(t.start - r.start),
                   default=None)
        if toll is None:
            continue
        to = r.end if r.end < len(words) and normalize_ar(words[r.end - 1]).casefold() in TO else next(
            (j + 1 for j in range(r.end, min(len(words), r.end + RISE_REACH)) if normalize_ar(words[j]) in TO), None)
        i = next((j for j in range(to, min(len(words), to + 3)) if j in numbers), None) if to is not None else None
        if i is not None and numbers[i] is not None:
            out.append((i, "killed" if "toll_killed" in toll.payloads else "injured", numbers[i]))
    return out


TO = frozenset(normalize_ar(w) for w in ("to", "إلى"))


def _denied(words, cues: list[Hit], hits: list[Hit], numbers: dict[int, int | None], breaks,
            taken: set[int]) -> list[tuple[int, str, int]]:
    """Zero figures said by a negation a few words before a casualty word ("لم يسفرا عن أي خسائر
    بشرية", "Neither attack caused any casualties", "من دون وقوع قتلى", "wounded but not killed"),
    unless the words between speak of a number not yet known ("لم يتضح عدد الضحايا")."""
    unknown = {h.start for h in cues if "unknown" in h.payloads or "narrowing" in h.payloads}  # ("no indication of
    # civilian casualties" denies only some: the toll of the attack is not said to be none)
    before = {h.end for h in cues if "unknown" in h.payloads}  # "who was not hurt"
    out = []
    for n in (h for h in cues if "negation" in h.payloads and not {h.start, h.start - 1} & before):
        h = next((h for h in hits if n.end <= h.start <= n.end + NONE_REACH and h.start not in taken and
                  h.payloads[0].kind in NONE_OF and h.payloads[0].count is None), None)
        if h is None or any(i in numbers or i in unknown or (i in breaks and i > n.end) for i in range(n.end, h.start + 1)):
            continue
        if _narrowed(words, cues, h):
            continue
        out += [(h.start, kind, 0) for kind in NONE_OF[h.payloads[0].kind]]
    return out


CLOCK_AFTER = (("p", "m"), ("a", "m"))  # "3:30 p.m."
CLOCK_BEFORE = frozenset(normalize_ar(w) for w in ("الساعة", "at", "around"))  # "عند الساعة ٣:٣٠"


def _clock(words, numbers: dict[int, int | None]) -> set[int]:
    """Positions of the ``numbers`` of a time of day ("at around 3:30 p.m. Both occupants died", "الساعة ٣:٣٠"):
    no figure of the dead or wounded."""
    out = set()
    for i in sorted(numbers):
        if i + 1 >= len(words):
            continue
        after = tuple(w.casefold() for w in words[i + 1:i + 3])
        hour = i and (i - 1) in numbers and len(words[i]) == 2  # the minutes of "3:30"
        if after in CLOCK_AFTER or (hour and normalize_ar(words[i - 2] if i > 1 else "").casefold() in CLOCK_BEFORE):
            out |= {i, i - 1} if hour else {i}
    return out


def _narrowed(words, cues: list[Hit], h: Hit) -> bool:
    """The casualty words at ``h`` speak of some only ("لم تقع إصابات في صفوف المدنيين", "no casualties among
    civilians"): none of them is no figure for the attack (but "بين المدنيين أو العسكريين" names everyone)."""
    return any(h.end <= c.start <= h.end + 1 and "narrowing" in c.payloads and
               not (c.end < len(words) and normalize_ar(words[c.end]).casefold() in EITHER) for c in cues)


EITHER = frozenset(normalize_ar(w) for w in ("or", "nor", "and", "أو", "ولا", "او"))  # another group joined on


def _coordinated(words, numbers, breaks, i: int, h, hit_starts: set[int], used: set[int]) -> list[int]:
    """Numbers joined to number ``i`` by "and" (و) or a comma within the same casualty phrase:
    "wounding four American soldiers and two Iraqi personnel" (6), "three soldiers, two police
    officers … were killed" (5), "مقتل عنصرين من الأمن العام وثلاثة من المسلحين" (5), and before a
    passive "two soldiers and one interpreter were killed" (3). The phrase ends at the casualty word
    or at another one; a number with its own casualty word ("و58 جريحا") begins the next figure."""
    lo, hi = (i + 1, h.start) if i < h.start else (i + 1, min([s for s in hit_starts if s > i] + [i + NUMBER_WINDOW + 1]))
    out = []
    for j in range(lo, min(hi, len(words))):
        if j in hit_starts:
            break
        if j in numbers and numbers[j] is not None and j not in used and j + 1 not in hit_starts and \
                (words[j - 1].casefold() == "and" or j in breaks or words[j][:1] == "و"):
            out.append(j)
    first = i
    while i < h.start and (words[first - 1].casefold() == "and" or first in breaks):  # back along a passive's subject
        j = next((j for j in range(first - 2, max(-1, first - 2 - NUMBER_WINDOW), -1) if j in numbers), None)
        if j is None or numbers[j] is None or j in used or any(s in hit_starts for s in range(j, first)):
            break
        out.append(j)
        first = j
    return out


POSSESSIVES = frozenset({"his", "her", "their", "its"})
ONE = frozenset({"a", "an", "one"})
AND_REACH = 3  # words from a victim to the "and" that joins the next ("a woman and her two children")


def _and_more(words, numbers, persons: set[int], breaks, start: int, hit_starts: set[int]) -> int:
    """Victims joined by "and" after the first, up to a clause break: "and her two children" (2),
    "and a boy" (1). Numbers already taken by ``_coordinated`` come before ``start``."""
    j = next((j for j in range(start, min(len(words), start + AND_REACH)) if words[j].casefold() == "and"), None)
    if j is None or any(k in breaks or k in hit_starts for k in range(start, j + 2)):
        return 0
    k = j + 1 + (j + 1 < len(words) and words[j + 1].casefold() in POSSESSIVES)
    if k < len(words) and numbers.get(k) and k + 1 not in hit_starts:
        return numbers[k]
    if k + 1 < len(words) and words[k].casefold() in ONE and k + 1 in persons:
        return 1
    return 0


def _joined_persons(words, persons: set[int], breaks, h, hit_starts: set[int]) -> int:
    """Persons joined by و after the first one of a casualty word, up to a clause break."""
    more = 0
    for j in range(h.end + 1, min(len(words), h.end + 1 + NUMBER_WINDOW)):
        if j in breaks or j in hit_starts:
            break
        if j in persons and words[j][:1] == "و":
            more += 1
    return more


def _join_compounds(words: list[str], numbers: dict[int, int | None]) -> None:
    """Arabic compound numbers read as one: "ثلاثة وعشرون" → 23, "خمسة عشر" → 15."""
    for i in sorted(numbers):
        if i not in numbers or i + 1 not in numbers:
            continue
        n, nxt = numbers[i], numbers[i + 1]
        if n is None or nxt is None or not 1 <= n <= 9:
            continue
        second = normalize_ar(words[i + 1])
        if second in ("عشر", "عشره"):
            numbers[i] = n + 10
        elif second[:1] == "و" and nxt in TENS:
            numbers[i] = n + nxt
        else:
            continue
        del numbers[i + 1]


def _clause_between(words: list[str], breaks: frozenset[int], start: int, end: int) -> bool:
    """A clause break or a conjunction between word positions ``start`` and ``end`` (inclusive)."""
    return any(i in breaks for i in range(start, end + 1)) or \
        any(words[i].casefold() in CONJUNCTIONS for i in range(start, end))
