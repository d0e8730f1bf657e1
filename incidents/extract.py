"""Incident mentions in an article: triggers, type, places, date, actors and casualties.

The rules are plain and data-driven (``lexicon/*.csv``): a sentence with an attack trigger
and an Iraqi or Syrian place introduced as a location ("في", "near", a base name) yields one
incident per place; casualties go to the place they follow; a date or perpetrator the
sentence lacks is taken from the nearest earlier sentence about the same strikes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import regex

from gazetteer import Gazetteer, Mention, Place
from gazetteer.gazetteer import IN_AREA, Candidate, place_km
from incidents.arabic import is_arabic, is_possessive, normalize_ar, parse_number, word_key
from incidents.dates import DateExpr, find_dates
from incidents.dedup import km as distance_km
from incidents.lexicon.loader import Lexicon, default_lexicon
from incidents.model import Article, ExtractedIncident, PlaceRef
from incidents.participants import NONE_KINDS, WEAPON_WORDS, actors, casualties
from incidents.phrases import Hit
from incidents.text import Sentence, sentences, words_of

COORDINATION_GAP = 10  # words between two coordinated places ("X, ..., وY")
CONTEXT_SENTENCES = 8  # how far back a missing date or perpetrator is looked for
NONE_FOLLOW = 6  # more sentences after those in which a zero figure ("No one was killed") is still the attack's
FOLLOW_SENTENCES = 2  # sentences after an incident that may add its casualties, date or means
CLAUSE_MARKS = ",،;؛:—–()«»\""
AIRCRAFT = frozenset({"strike", "aircraft", "drone"})  # the classes of a word that names only an aircraft or drone
CIRCUMSTANCES = frozenset({"vehicle", "truce", "civil", "target"})  # trigger classes that only qualify an attack ("a drone hit a car")
GENERIC = frozenset({"attack"}) | CIRCUMSTANCES  # classes that say nothing of the means
COUNTED = frozenset({"attack"})  # attack words whose number counts attacks ("20 attacks"; not "seven strikes hit Hajin")
TOTAL_WINDOW = 6  # words between a figure and "in all", "إجمالاً"
AIRCRAFT_SENTENCES = 3  # how far back jets named before make later missiles theirs
ROUTE_REACH = 8  # words from "the road linking", "taken to" to the places they make remote (up to a comma)
NEAR_REFERENCE_GAP = 3  # words between a located place and a "near Y" that only says where it lies ("X air base near Y")
ANAPHOR_DATE_REACH = 6  # words from "in the same area" to a date told after it
ANNOUNCED_AFTER_DAYS = 7  # an attack is announced within days of it ("… الشهر الماضي" is another one)
SPEECH_DATE_REACH = 7  # words from "announced", "أعلنت" to the date of the announcement
ADVERB_SINCE = frozenset({"have", "has", "had"})  # "have since waged …": "since" with no starting point of its own
SINCE = ("since",)  # before a month, with a perfect tense: a tally over the months since
PERFECT = ("has", "have")
SINCE_WORDS = frozenset({"since", "منذ", "ومنذ"})
PREPOSITIONS = frozenset({"في", "in", "at"})  # locative cues that are no place word
SUPERLATIVE_REACH = 4  # words between "the fiercest", "أعنف" and the since-phrase that measures the attack
BLOCKER_SINCE_REACH = 3  # words between "since" and a blocker that only dates the since-clause
SINCE_OPENS = 2  # words between "منذ" and the month it opens a tally at ("منذ مطلع تشرين الأول")
WHEN = frozenset({"حين", "حينما", "عندما", "when"})
SINCE_REACH = 12  # words between "since", "منذ" and the date of what the since-clause tells
YEAR = regex.compile(r"(19|20)\d\d")
YEAR_INTROS = frozenset({"in", "في", "وفي", "ففي", "عام", "العام", "سنة"})  # words before a year told alone
NEGATION_REACH = 1  # words between "not", "لم" and the attack word it denies ("had not previously struck")
REFERENCE_KM = 80  # how far a base told before may lie from the town that "at the base, south-east of X" names
LAUNCH_REACH = 10  # words from "launched … from" to the place the weapon came from
METONYM_REACH = 5  # words between a metonym cue and its place ("launched from an area in the Nineveh Plains")
DISTRICT_KM = 40  # a district holds the places of its governorate this close to its seat
FACILITY_TOWN_KM = 20  # a town this close to a facility named with it is the facility's town
HEADLINE_KM = 30  # an undated or approximate retelling this close to an incident is the same one
FACILITIES = ("base", "airport", "facility", "camp", "crossing", "oilfield", "dam")


@dataclass
class Located:
    mention: Mention
    place: Place
    role: str  # locative | near | direction | container
    explicit: bool = False  # introduced by a locative word ("في", "in"), not by inference


@dataclass
class Analysed:
    """What one sentence holds, before incidents are made of it."""

    index: int
    start: int
    end: int
    text: str
    words: list[str]
    offsets: list[tuple[int, int]]
    classes: set[str]
    triggers: list[Hit]
    dates: list[DateExpr]
    mentions: list[Mention] = field(default_factory=list)
    cues: list[Hit] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # words inside actor names
    places: list[Located] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    casualties: list[tuple[int, str, int]] = field(default_factory=list)  # (word, kind, n)
    speech: list[int] = field(default_factory=list)  # word positions of reporting verbs
    blocked: bool = False
    breaks: frozenset[int] = frozenset()  # word positions that follow punctuation
    fighters: bool = False  # gunmen, militants, a cell: who attack on the ground when no weapon is named
    announced: bool = False  # its one date is the announcement's ("أعلنت الخلية، اليوم الثلاثاء، استشهاد …")
    told_day: int | None = None  # days from the day just told ("the next day": 1, "وفي اليوم نفسه": 0)
    label_day: DateExpr | None = None  # the day of a short label that tells no attack (see _context_date)
    reference: dt.date | None = None  # the report's day, kept by a sentence that tells no attack (see _context_date)
    frame: tuple[int, int] | None = None  # the words of a frame told after the attack ("…, the latest in a series
    # of …"): no site


def extract(article: Article, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> list[ExtractedIncident]:
    """Incidents described by ``article``, deduplicated within it."""
    lexicon = lexicon or default_lexicon()
    parts = sentences(article.text)
    days = _statement_days(article.text, parts, article.published, lexicon)
    analysed = [_analyse(n, s, gazetteer, lexicon, days.get(n, article.published)) for n, s in enumerate(parts)]
    context = _context_places(analysed)
    for a in analysed:
        _place(a, gazetteer, context)
    _join_scene(analysed, article, gazetteer, lexicon, context)
    dateline = _dateline_places(analysed, gazetteer, context)
    headline_parts = {n for n in range(1, len(analysed)) if _headline_part(analysed, n, article.text)}
    incidents: list[ExtractedIncident] = []
    previous: list[ExtractedIncident] = []
    follow = 0  # how many more sentences may still add to ``previous``
    told: set[str] = set()  # means told since the last incident ("an aerial aggression … its missiles")
    fresh: set[int] = set()  # sentences that place an attack told just before without a place
    retellings: set[int] = set()  # sentences that retell an attack told before at its site
    announced = False  # whether ``previous`` is dated only by the day it was announced
    telling_dated: set[int] = set()  # sentences whose incidents have only the day they were told
    one_site = False  # whether every incident told so far is at one site (see _one_site)
    for n, a in enumerate(analysed):
        before = analysed[max(0, n - CONTEXT_SENTENCES):n]
        if incidents and a.classes and not a.blocked and all(p.role in REFERENCES for p in a.places):
            a.places = _anaphoric_place(a, incidents, gazetteer, lexicon) or a.places
            if not a.dates and all(p.role == "route" for p in a.places):
                a.places = []  # "… opened fire on the checkpoint on the road leading north towards Damascus": with no
                # day of its own, an attack placed only by a road's end is the one told (its figures are that one's)
        elif not incidents and a.classes and not a.blocked and not a.places and dateline and (
                a.dates or _context_date(a, before) is not None):
            # "RAQQA, Syria — … On Sunday afternoon, in a half-collapsed block in the city's eastern neighbourhoods,
            # one of them set off a device": before any attack is placed, "the city" is the dateline's
            cue = next(iter(lexicon.anaphors.find(a.words)), None)
            if cue is not None:
                a.places = [Located(Mention(cue.start, cue.end, (Candidate(dateline[0].place, 100.0, ""),)),
                                    dateline[0].place, "locative")]
        made = [] if a.blocked or not a.classes or _back_reference(a, before, bool(incidents)) or _quoted(a) else \
            _incidents_of(a, before, lexicon, told)
        if made and incidents:  # (what follows only concerns a sentence that tells an attack after others)
            retold = a.classes <= GENERIC | {"explosion"} and (_definite(a) or (not a.dates and (
                "explosion" in a.classes or a.told_day is None)))
            # "the blast was heard …", "residents described a single blast on the road between X and Y": the told
            # attack's (but not "وفي اليوم نفسه، هاجم التنظيم أحياء … الحسكة": another attack that day)
            # "Analysts said the strikes in Idlib showed …": undated, definite, only the wider area of the strike told
            framed = _framed(a) or not retold and (
                _definite(a) and not a.dates and bool(made) and not any(w.casefold() in ALSO for w in a.words) and all(
                    not any(_same_site(o.place, m.place) for o in incidents) for m in made))
            if retold or framed:
                # "the attack caused no losses … power failed in Erbil, Sulaymaniyah and Duhok": only the
                # places of the attack told before are its places ("وجاء التفجير بعد … على مدينة الباب"), but
                # not those of another attack the sentence goes on to tell ("… comes after a strike on X")
                # ("ويأتي التفجير في ظل … في ساحة التحرير": no place is the told attack's, and no date)
                made = [] if framed else [m for m in made if any(_same_site(o.place, m.place) for o in incidents)]
                for m in made:
                    m.incident_type = "other"  # its means are those of the attack it retells
                    retellings.add(m.start)  # (even if a later sentence names means for it)
                if not made:
                    a.places = []  # … and its figures go to the incident just told
            elif _definite(a) and not a.dates and not any(w.casefold() in ALSO for w in a.words) and \
                    any(_same_site(o.place, m.place) for o in incidents for m in made):
                # "In Daraa, residents said the strike on Izra caused panic": the attack told before, at its own site
                made = [m for m in made if any(_same_site(o.place, m.place) for o in incidents)]
        if not made and a.places and all(_clause_without_attack(a, p) for p in a.places):
            a.places = []  # ("… لم يسفر عن أي إصابات، فيما أدى توقف الإمدادات إلى … في أربيل": its figures are the attack's)
        offset = a.told_day if made and incidents and not a.dates else None
        if offset is not None and incidents[-1].time_precision == 1:
            # "A day earlier, a mortar round landed near a checkpoint in Baiji": the day before the one told
            for m in made:
                m.event_date, m.time_precision = incidents[-1].event_date + dt.timedelta(days=offset), 1
        after = _after(a) if made else None
        base = _after_base(a, after, incidents)
        if base is not None:
            # "The attack came a day after three mortar rounds landed in the Green Zone", "… on Wednesday
            # near Tarmiyah, two days after militants attacked an army post near Dujail": days before
            for m in made:
                if m.mention[0] >= after[1]:
                    m.event_date, m.time_precision = base - dt.timedelta(days=after[0]), 1
            if after[0] == 0:  # "… صباح اليوم، بعد ساعات من هجوم على حاجز في هجين": a day inferred, which the
                telling_dated.add(a.start)  # attack's own telling later may correct ("مساء أمس الاثنين")
        if made:
            means = lexicon.incident_type(told) if incidents and told - GENERIC else None
            if means not in (None, "other") and means != incidents[-1].incident_type and \
                    all(m.incident_type == means for m in made):
                fresh.add(a.start)  # "Rebels fired mortar shells at the capital. One of the shells struck Bab
                # Touma": the attack told just before without a place, not a retelling of the jets' raid
            for inc in made if not a.dates else ():  # a retelling with no date of its own takes its twin's
                twin = next((o for o in reversed(incidents) if _same_site(o.place, inc.place)), None)
                labelled = _label_day(a, before) is not None
                if twin is not None and not (labelled and twin.event_date is None):  # (but "- Sunday 26 June — Anbar.
                    # An IED detonated … near Rawah" keeps its label's day over an undated summary's)
                    inc.event_date, inc.time_precision = twin.event_date, twin.time_precision
            incidents.extend(made)
            one_site = _one_site(incidents)
            previous, follow, told, announced = made, FOLLOW_SENTENCES, set(), a.announced
            continue
        if not a.blocked:
            told |= a.classes
        named = None if follow <= 0 or a.blocked or a.places or n in headline_parts else \
            previous[0] if len(previous) == 1 else next(
            (p for p in previous if a.classes and p.event_date is not None and any(  # "… near Samawah …, a day after
                m.candidates[0].place.id == p.place.place_id and  # a similar attack near Nasiriyah" then "a bomb …
                not _not_a_location(a.cues, m.start, a.words, a.breaks, m.end)  # a few km from Samawah, wounding one":
                for m in a.mentions)), None)  # Samawah's (not "taken to Tuz hospital")
        if len(previous) > 1 and not a.blocked and a.mentions:  # "The mayor of Batifa said the drone hit the
            # vehicle … 'nobody else was hurt'": the sentences that follow speak of the attack at the place named
            topic = named or next((p for p in previous if any(m.candidates[0].place.id == p.place.place_id
                                                             for m in a.mentions)), None)
            previous = [topic] if topic is not None else previous
        if named is not None:
            if not a.classes:
                _follow_up_figures(a, lexicon, article.published)
            if a.classes or a.casualties:
                if a.announced and named.event_date is None:
                    telling_dated.add(named.start)  # (a headline dated by "… said on Friday")
                _continue(named, a, lexicon, announced)
        elif incidents and follow > -NONE_FOLLOW and not a.blocked and not a.places and not a.classes and \
                one_site:
            # "No one was killed, but dozens of animals died": a few sentences on, the only attack told (in the
            # headline and the story alike) still has no one killed (a figure it lacks; a zero only)
            _zeroes(incidents, a, lexicon)
        follow -= 1
    another = frozenset(a.start for n, a in enumerate(analysed)
                        if a.classes and (_another(a) or n in headline_parts))
    separate = frozenset(a.start for a in analysed if any("separate" in h.payloads for h in a.cues))
    telling_dated |= {a.start for a in analysed if a.announced}
    told_at = {i.start for i in incidents}  # ("On the same day, warplanes struck Saraqib" has a day of its own)
    dateless = frozenset(a.start for a in analysed
                         if a.start in told_at and not a.dates and a.told_day is None)
    merged = merge_within(incidents, another, frozenset(telling_dated), dateless, separate, frozenset(fresh),
                          frozenset(retellings))
    return _ground_attacks(_without_headline_areas(merged), analysed, lexicon)


STATEMENT_HEADER_WORDS = 20  # at most this many words in a line that introduces a dated statement
HEADER_END = regex.compile(r":(?=\s|$)")  # the colon that ends a header (not a time's, "7:40 p.m.")


def _header_colon(text: str) -> int:
    """Where the colon that ends a header or a label stands in ``text`` (not a time's, "7:40 p.m."), or -1."""
    m = HEADER_END.search(text) if ":" in text else None
    return m.start() if m else -1


def _statement_days(text: str, told: list[Sentence], published: dt.date | None,
                    lexicon: Lexicon) -> dict[int, dt.date]:
    """The day each quoted statement was issued, for its own words: those after the colon of its header
    ("Statement 1 (issued Wednesday, 18 November, 11:15 p.m.):" then ""At 20:30 this evening, …"": that
    evening is Wednesday's, not the day of publication), to the end of the statement's paragraph."""
    out: dict[int, dt.date] = {}
    if published is None or ":" not in text:
        return out
    for n, s in enumerate(told):
        colon = _header_colon(s.text)
        if colon < 0:
            continue
        words = [w for w, _, _ in words_of(s.text[:colon])]
        if len(words) > STATEMENT_HEADER_WORDS or not any(
                {"report", "header"} & set(h.payloads) for h in lexicon.cues.find(words, [word_key(w) for w in words])):
            continue  # (an issued statement's header, not "I can confirm that yesterday, at 7:40 p.m.")
        day = next((d.date for d in find_dates(words, published) if d.precision == 1), None)
        if day is None or day == published:
            continue
        rest = s.start + colon + 1
        body = len(text) - len(text[rest:].lstrip())  # where the statement begins
        end = text.find("\n", body)
        for k in range(n if body < s.end else n + 1, len(told)):
            if end != -1 and told[k].start >= end:
                break
            out[k] = day
    return out


QUESTION_MARKS = ("?", "؟")
TURN_WORDS = frozenset({"فيما", "بينما", "while", "whereas"})  # a clause for another attack after a comma
AFTER_WORDS = frozenset({"after", "before"})  # a clause of what came before or after the attack
TURN_PHRASES = frozenset({("في", "وقت"), ("في", "حين")})  # ("… على محيط كوباني، في وقت تتواصل فيه المعارك …")
JOINERS = frozenset({"and", "or", "&", "و", "أو"})  # words that join one place to the next
NAME_DAYS = frozenset({"Today", "Tonight", "Yesterday"})  # capitalised after a name: "Shingal Today", "Iraq Today"
COUNTRYSIDE_JOIN = 2  # words from a governorate's countryside to another governorate joined to it by و
APPOSITION_REACH = 10  # words from a name to the reference point of the apposition that follows it
DISTRICT_GAP = 5  # words from a place to "in the X district" that is its district ("Batifa, further west in the Zakho district")
COMPASS = frozenset({"northern", "southern", "eastern", "western", "north-eastern", "north-western", "south-eastern",
                     "south-western", "northeastern", "northwestern", "southeastern", "southwestern", "central"})
ALSO = frozenset({"also", "كما", "أيضا", "أيضاً", "وأيضا"})  # "كما طالت الضربات مطار التيفور": more sites of the strikes
QUOTES = "\"“«‘'"


def _quoted(a: Analysed) -> bool:
    """"“The fighting is in Mosul, but for us it never ended," she said": a witness's words with no
    date of their own tell no new attack (the attack they speak of is told in the report)."""
    return not a.dates and a.text[:1] in QUOTES


def _in_a_year(words: list[str], folded: list[str]) -> bool:
    """A year told on its own: "in 2019", "عام ٢٠١٦"."""
    return any(folded[i - 1] in YEAR_INTROS and (n := parse_number(words[i])) is not None and 1900 <= n <= 2100
               for i in range(1, len(words)))


ANOTHER_REACH = 2  # words between "a second", "ثانية" and the attack word they count
MUNITIONS = frozenset({"drone", "drone_explosive", "rocket", "missile"})  # "a second drone crashed into the
# base": one of the attack's munitions (but "a second drone strike", "a second car bomb" are attacks)


def _another(a: Analysed) -> bool:
    """"a second car bomb exploded …", "انفجرت سيارة مفخخة ثانية": a further attack, not a retelling."""
    return any(("another" in h.payloads and any(0 <= t.start - h.end <= ANOTHER_REACH  # (not "shot down one jet and hit another")
                                                for t in a.triggers if set(t.payloads) - GENERIC - MUNITIONS)) or
               ("another_after" in h.payloads and any(h.start == t.end for t in a.triggers))  # "انفجار ثانٍ"
               for h in a.cues)


def _without_headline_areas(merged: list[tuple[ExtractedIncident, list[ExtractedIncident]]]
                            ) -> list[tuple[ExtractedIncident, list[ExtractedIncident]]]:
    """"U.S. says drone strike near Harim killed … figure in Syria's Idlib": a headline that names its
    attack's town and a wider place has told its attack once the story dates it; the wider place, told
    only in the headline with no day, is not another attack in the same governorate."""
    told = [inc for inc, tellings in merged if inc.event_date is not None and len(tellings) > 1
            and any(t.start == 0 for t in tellings)]
    return [(inc, tellings) for inc, tellings in merged
            if not (inc.event_date is None and all(t.start == 0 for t in tellings)
                    and any(o.place.admin1 == inc.place.admin1 for o in told))]


def _headline_part(analysed: list[Analysed], n: int, text: str) -> bool:
    """Sentence ``n`` is a later part of a headline split by ".." ("مقتل عنصرين … في ذيبان فجر اليوم..
    ومسيّرة مجهولة تقتل سائق دراجة نارية قرب البصيرة"): another attack, not more of the first."""
    return n > 0 and analysed[n - 1].text.rstrip().endswith("..") and "\n" not in text[analysed[n - 1].end:analysed[n].start]


def _ground_attacks(merged: list[tuple[ExtractedIncident, list[ExtractedIncident]]], analysed: list[Analysed],
                    lexicon: Lexicon) -> list[ExtractedIncident]:
    """"Gunmen attacked a checkpoint", "هجوم شنه عناصر من داعش على ثكنة": an attack whose means
    no telling of it named, made by fighters, is ground fighting. Decided once the tellings are
    merged, so that such an attack still takes the means of the attack it retells."""
    fighters = {a.start: a.classes for a in analysed if a.fighters}
    for inc, told in merged:
        by = next((fighters[t.start] for t in told if t.start in fighters), None)
        if inc.incident_type == "other" and by is not None:
            inc.incident_type = lexicon.incident_type(by | {"fighters"}) or inc.incident_type
    return [inc for inc, _ in merged]


# ---- one sentence --------------------------------------------------------------------
def _place(a: Analysed, gazetteer: Gazetteer, context: list[Place]) -> None:
    """The places sentence ``a`` locates, ranked with the places the article names (``context``)."""
    if a.mentions:
        mentions = [replace(m, candidates=tuple(gazetteer.rank(list(m.candidates), feature_hint=m.hint,
                                                               context_places=context))) for m in a.mentions]
        attacks = frozenset(h.start for h in a.triggers if set(h.payloads) - GENERIC - CIRCUMSTANCES)
        a.places = _locate(mentions, a.cues, a.covered, a.words, a.breaks, _breaks(a, "("), attacks, _label(a))
        byline = _dateline_end(a)  # "Hama/Damascus, SANA - …": where the reporter is, not the site
        a.places = [p for p in a.places if a.offsets[p.mention.start][0] >= byline] or a.places
        if a.frame is not None:
            a.places = [p for p in a.places if not a.frame[0] <= p.mention.start < a.frame[1]]


DATELINE_SENTENCES = 4  # the first sentences, where a dateline stands


def _dateline_places(analysed: list[Analysed], gazetteer: Gazetteer, context: list[Place]) -> list[Located]:
    """The place of the article's dateline ("RAQQA, Syria — The three boys …"), if it has one."""
    for a in analysed[:DATELINE_SENTENCES]:
        byline = _dateline_end(a)
        for m in (a.mentions or gazetteer.scan(a.words)) if byline >= 0 else ():
            ranked = gazetteer.rank(list(m.candidates), feature_hint=m.hint, context_places=context)
            place = next((c.place for c in ranked if c.place.in_area), None)
            if place is not None and a.offsets[m.start][0] < byline:
                return [Located(m, place, "locative")]
    return []


def _join_scene(analysed: list[Analysed], article: Article, gazetteer: Gazetteer, lexicon: Lexicon,
                context: list[Place]) -> None:
    """"The minibus left the market in Qayyarah on Thursday morning. A few kilometres out of town, a bomb
    went off under its front wheels": a feature's first attack, told with neither place nor day right
    after the sentence that sets its scene, is read together with that sentence. The attack is told with its
    means and what they did ("a bomb … went off"), not a word alone ("Aircraft flew over the capital"). So is
    a first attack told with its day but no place and the sentence that places it ("Last night … U.S. forces
    conducted precision strikes against five weapons storage facilities. The facilities were located at Jurf
    al-Sakhar … and at an unfinished airport site near the city of Karbala")."""
    for n in range(1, len(analysed)):
        a, scene = analysed[n], analysed[n - 1]
        if scene.classes and scene.places:
            return  # (only before any attack was placed: later, a placeless attack is the one told)
        if "\n" in article.text[scene.end:a.start]:
            continue
        if len(a.triggers) >= 2 and not (a.blocked or a.places or a.dates or scene.classes):
            k = n  # (the scene, then the attack)
        elif scene.classes and not (scene.blocked or a.classes) and any(d.precision == 1 for d in scene.dates) \
                and gazetteer.scan(a.words):
            k = n - 1  # (the attack, then where)
        else:
            continue
        joined = _analyse(k, Sentence(scene.start, a.end, article.text[scene.start:a.end]), gazetteer, lexicon,
                          article.published)
        _place(joined, gazetteer, context)
        if not joined.blocked and joined.places and any(d.precision == 1 for d in joined.dates):
            analysed[k] = joined
            return


def _analyse(n, sentence, gazetteer: Gazetteer, lexicon: Lexicon, reference: dt.date | None) -> Analysed:
    tokens = words_of(sentence.text)
    words = [w for w, _, _ in tokens]
    keys = [word_key(w) for w in words]
    triggers = lexicon.triggers.find(words, keys)
    offsets = [(sentence.start + s, sentence.start + e) for _, s, e in tokens]
    if any("civil" in h.payloads for h in triggers):
        # "Iraqi aircraft carried out reconnaissance flights over the hills": the aircraft flew, struck nothing
        triggers = [h for h in triggers if not (set(h.payloads) <= AIRCRAFT and set(h.payloads) - {"strike"})]
    a = Analysed(n, sentence.start, sentence.end, sentence.text, words, offsets,
                 {c for h in triggers for c in h.payloads}, triggers, [])
    if not a.classes - CIRCUMSTANCES:  # only attacks matter (and, see _follow_up, figures that may follow one)
        a.classes, a.reference = set(), reference
        if len(words) <= LABEL_WORDS + 4 and any(w[:1].isdigit() for w in words) and gazetteer.scan(words):
            # "• Salahuddin — Balad Air Base (Thursday 22 June).": a label's day, for the attack told under it
            a.label_day = next((d for d in find_dates(words, reference) if d.precision == 1), None)
        return a
    cues = a.cues = lexicon.cues.find(words, keys)
    # "it had not previously struck inside Damascus", "لم تستهدف": no attack (but "لم يسفر الهجوم" told one)
    negations = [(h.end, 0 if is_arabic(words[h.start]) else NEGATION_REACH) for h in cues if "negation" in h.payloads]
    if negations:
        a.triggers = triggers = [h for h in triggers if not any(0 <= h.start - e <= reach for e, reach in negations)]
        a.classes = {c for h in triggers for c in h.payloads}
        if not a.classes - CIRCUMSTANCES:
            a.classes = set()
            return a
    a.breaks = _breaks(a)
    clauses = frozenset(b for b in a.breaks if words[b].casefold() == "and")  # ", and …": another clause
    told_days: list[int] = []
    a.dates = written = find_dates(words, reference, same_day=told_days)  # (every date's words are no casualty figure)
    a.told_day = told_days[0] if told_days else None
    if a.dates:  # "spoke to Shingal Today English": a capitalised "Today" inside a name is no date
        a.dates = [d for d in a.dates if not (d.end - d.start == 1 and d.start > 0 and words[d.start] in NAME_DAYS
                                              and words[d.start - 1][:1].isupper())]
    if a.dates and "«" in a.text:  # "لـ«الأنبار اليوم»", "مراسل «قامشلو اليوم»": an outlet's name, not today
        a.dates = [d for d in a.dates if not 0 < _quoted_words(a, d.start, d.end) <= SHORT_QUOTE]
    if not a.dates and reference is not None and any("breaking" in h.payloads and h.start == 0 for h in cues):
        a.dates = [DateExpr(0, 1, reference, 1, words[0])]  # "عاجل | انفجار عنيف يهز سوقاً …": told as it happens
    if len(a.dates) > 1 and (byline := _dateline_end(a)) >= 0:
        # "BAGHDAD, June 28 (Agency) - … late on Sunday": the event's day is Sunday
        a.dates = [d for d in a.dates if a.offsets[d.start][0] >= byline] or a.dates
    # (a blocker right after a place word is a name: "بلدة الزيارة" is the town, not "a visit")
    named = {h.end for h in cues if h.payloads[0] == "locative" and words[h.start].casefold() not in PREPOSITIONS}
    # (but not one after a preposition: "تعرضت في هجمات سابقة لضربات", earlier attacks)
    # (nor does a blocker inside a since-clause: "the first air strikes since the withdrawal of U.S. troops")
    folded = [w.casefold() for w in words]
    since_at = {i for i, w in enumerate(folded) if w in SINCE_WORDS and not (i and folded[i - 1] in ADVERB_SINCE)}
    # (nor one just after "hours after", "a day after": "… غارات على جسر الرستن …، بعد ساعات من انسحاب القوات
    # الحكومية من مدينة حماة", the withdrawal came before the attack told)
    opens = since_at | {h.end - 1 for h in cues if _after_cue(h)}
    blockers = [h for h in cues if "blocker" in h.payloads and h.start not in named and
                not any(h.start - BLOCKER_SINCE_REACH <= i < h.start and not any(i < b <= h.start for b in a.breaks)
                        for i in opens)  # (in the same clause: not "منذ صباح اليوم، وسط مخاوف من موجة غارات")
                and not any("superlative" in s.payloads and s.end <= h.start <= s.end + SUPERLATIVE_REACH and
                            not any(s.end < b <= h.start for b in a.breaks) for s in cues)]
    # (nor one measuring the attack against others: "… في أعنف اشتباكات منذ بدء المعركة")
    a.blocked = bool(blockers)
    # (nor a find told after a dated attack with victims, see below: "قُتل شخصان … بانفجار عبوة ناسفة في قضاء
    # بلد، … أن قوة أمنية فكّكت عبوة ثانية")
    # (its frame may name attacks of its own: "… قرب قضاء بنجوين …، مساء الخميس، في حادثة هي الأحدث ضمن سلسلة
    # ضربات طالت مناطق في المحافظة خلال الأشهر الماضية")
    trailing = bool(blockers) and bool(triggers) and any(d.precision == 1 and not _told_on(d, cues, triggers, clauses=clauses)
                                                         for d in a.dates) and all(
        any(triggers[0].end <= b <= h.start for b in a.breaks) for h in blockers if triggers[0].start < h.start)
    a.fighters = any("fighters" in h.payloads for h in cues)
    # "the cells had carried out more than 20 attacks", "نفذت الخلايا أكثر من 12 هجوماً": a count of attacks
    # with no day is a tally (but "two rockets hit the base", "40 air strikes on Monday" are not)
    # (a day the count was told on is none of the attacks': "The Pentagon said on Tuesday the coalition had carried
    # out more than 20 air strikes in and around Fallujah since the offensive began": any count, with "since")
    a.blocked = a.blocked or (not any(d.precision == 1 and not _told_on(d, cues, triggers, clauses=clauses) for d in a.dates) and any(
        t.start and (set(t.payloads) <= COUNTED or any(w in SINCE_WORDS for w in folded[t.end:])) and
        parse_number(words[t.start - 1]) is not None for t in triggers))
    # "fighting has killed more than 500 since December": a running tally (but "the first attack since
    # September, when six rockets hit the airport" tells of September's)
    if not a.blocked and any(w in SINCE for w in folded) and any(w in PERFECT for w in folded):
        a.blocked = any(d.precision == 3 and d.start and folded[d.start - 1] in SINCE for d in a.dates) or any(
            w in SINCE and YEAR.fullmatch(n) for w, n in zip(folded, folded[1:])) or any(  # "… since 2021"
            w in SINCE for d in a.dates for w in folded[max(0, d.start - SINCE_REACH):d.start])
        # ("since the start of the battle for the city on June 6, the Observatory has documented …")
    # "قُتل أكثر من ٧٠ شخصاً في تفجيرات … منذ مطلع تشرين الأول": told only since a month, a running tally
    # (Arabic has no perfect to tell it by; but "منذ صباح اليوم" is a day)
    # ("منذ أيلول الماضي، حين أطلقت ستة صواريخ …" tells September's attack)
    a.blocked = a.blocked or (is_arabic(words[0]) and bool(a.dates) and all(
        d.precision >= 3 and any(i in since_at for i in range(max(0, d.start - SINCE_OPENS), d.start)) and
        not any(folded[j] in WHEN and folded[j - 1] != "في" for j in range(d.end, min(len(folded), d.end + SINCE_OPENS + 1)))
        for d in a.dates))  # ("في حين" is "whereas")
    ongoing = [h for h in cues if "ongoing" in h.payloads]
    if ongoing and not a.blocked:
        # "Islamic State has stepped up attacks in …", "وتشهد المحافظة منذ أسابيع تصاعداً …": a trend, not one
        # attack (unless a day is told: "the town, besieged for weeks, was shelled on Monday"; but "… معارك
        # عنيفة منذ سيطرة الفصائل على منبج في التاسع من الشهر": that day is the takeover's)
        days = [d for d in a.dates if d.precision == 1 and not any(d.start - SINCE_REACH <= i < d.start for i in since_at)]
        a.blocked = not days and any(
            not any(h.start < b <= t.start and b <= d.start for t in triggers if set(t.payloads) - CIRCUMSTANCES
                    for b in a.breaks for d in a.dates)  # (not "…, despite the ceasefire agreed in March 2020")
            for h in ongoing)  # (but "وتشهد ديالى منذ أشهر توتراً؛ ففي شباط قُتل ثلاثة بهجوم …" tells February's)
    # "government forces have been criticised for using barrel bombs in Aleppo": an undated English perfect
    # with no figure tells a record, not an attack
    a.blocked = a.blocked or (not a.dates and not is_arabic(words[0]) and any(w in PERFECT for w in folded) and
                              not lexicon.casualties.find(words, keys))
    # "Erbil's airport was targeted earlier this year": no day or month, no incident to place in time
    # (or a year alone: "In 2019, a car bomb in Karbala killed 12", "في عام ٢٠١٦")
    a.blocked = a.blocked or ((any("year_only" in h.payloads for h in cues) or _in_a_year(words, folded))
                              and not any(d.precision <= 3 for d in a.dates))
    # "من جهته، دعا رئيس الوزراء في بيان إلى اليقظة …": a sentence that opens on a reaction, with no day of its own
    a.blocked = a.blocked or (any("reaction" in h.payloads and h.start <= REACTION_OPENS for h in cues) and
                              not any(d.precision == 1 for d in a.dates))
    # "- Likely: further IEDs against SDF targets in Deir ez-Zor": a forecast's label opens the sentence
    # (and "Q: Separately, there are reports of a strike …": a question in a briefing's transcript)
    a.blocked = a.blocked or any(("forecast" in h.payloads or "question" in h.payloads) and h.start == 0 and
                                 h.end in a.breaks for h in cues) or any(  # (or closes it: "- Convoy IEDs in Dhi Qar,
        "forecast" in h.payloads and h.start > 0 and h.end >= len(words) - 1 and  # Muthanna and Babil: LIKELY.")
        ":" in a.text[a.offsets[h.start - 1][1] - a.start:a.offsets[h.start][0] - a.start] for h in cues)
    # "ويأتي هذا التصعيد في أعقاب الهجوم بطائرات مسيّرة على … الكلية الحربية بحمص", "The escalation comes in the wake
    # of …": set against an earlier attack the sentence gives no day (but "… a day after …" counts back from one)
    a.blocked = a.blocked or (not a.dates and any("retell" in h.payloads and h.start <= RETELL_OPENS for h in cues) and
                              any("long_after" in h.payloads for h in cues))
    # "Just to follow up on Ain al-Asad, is this the first ballistic missile …?": a question tells no attack
    a.blocked = a.blocked or a.text.rstrip().endswith(QUESTION_MARKS)
    if len(a.dates) > 1:  # "شهدت ذيبان يوم السبت الماضي أعنف المواجهات منذ اندلاع القتال أواخر الشهر الماضي": Saturday (and
        # "… منذ إطلاق عملية غصن الزيتون في العشرين من كانون الثاني": not that day, even when the other was the day told on)
        a.dates = [d for d in a.dates if not any(d.start - SINCE_REACH <= i < d.start for i in since_at)] or a.dates
    a.speech = [h.start for h in cues if "speech" in h.payloads]
    a.announced = len(a.dates) == 1 and _told_on(a.dates[0], cues, triggers, clauses=clauses)
    if a.announced and a.told_day is not None and a.dates[0].precision == 1:
        # "CENTCOM said on Wednesday that its forces had carried out a strike … the previous day": Tuesday
        a.dates = [replace(a.dates[0], date=a.dates[0].date + dt.timedelta(days=a.told_day))]
        a.announced, a.told_day = False, None
    if len(a.dates) > 1:  # "the ministry announced yesterday that the attack on Monday 15 February …": Monday
        said = next((d for d in a.dates if d.precision == 1 and not _in_quote(a, d.start) and
                     _told_on(d, cues, triggers, clauses=clauses)), None)
        if said is not None:  # ('"Our forces entered Makhmour this morning …," a commander told us on Sunday evening':
            a.dates = [_said_on(d, words, said.date) if _in_quote(a, d.start) else d for d in a.dates]  # Sunday
        told = [d for d in a.dates if not _told_on(d, cues, triggers, clauses=clauses)]
        a.dates = told or a.dates
    # "قال المرصد في تقرير أصدره صباح اليوم إن الطائرات استهدفت …": the report's day, even alone (not "In a
    # statement, CENTCOM said: "On Aug. 22, …"": after a break, the statement's own words)
    a.dates = [d for d in a.dates if not _told_on(d, cues, triggers, "report", a.breaks)]
    actor_hits = lexicon.actors.find(words, keys)
    a.covered = {i for h in actor_hits if any(p.kind == "name" for p in h.payloads) for i in range(h.start, h.end)}
    a.mentions = gazetteer.scan(words)
    if "«" in a.text:  # "لـ«بابا كركر اليوم»", "«درع الفرات»": a place word inside a longer quoted name (but
        # "«قاعدة الاحتلال الأميركي في التنف»" quotes a claim that names where it struck)
        a.mentions = [m for m in a.mentions if _cue_before(cues, m.start) is not None or
                      _quoted_words(a, m.start, m.end) <= m.end - m.start]
    roles = [r for r in lexicon.roles.find(words, keys) if not any(d.start == r.end for d in written)]  # (not "On
    # Thursday, rebels fired …": "on" a day names no target)
    a.perpetrators, a.targets = actors(words, triggers, actor_hits, roles,
                                       [h.start for h in lexicon.casualties.find(words, keys)])
    a.casualties = casualties(words, keys, lexicon, cues, written, triggers, a.breaks)
    first = min((h.start for h in blockers), default=0)
    start = max((b for b in a.breaks if triggers[0].end <= b <= first), default=first) if triggers else first
    if trailing and a.blocked and (any(n for pos, _, n in a.casualties if pos < first) or any(
            ("latest" in h.payloads or "unknown" in h.payloads or "response" in h.payloads) and start <= h.start < first
            for h in cues)):
        # ("…، أمس الثلاثاء، … على أطراف مدينة دير حافر …، في أحدث فصول التوتر المتصاعد بين الطرفين منذ مطلع الشهر
        # الجاري"; "…، وسط حصيلة بشرية ثقيلة لم يتسنَّ التحقق منها": what was not verified is the toll; "…، في رد
        # على هجمات متكررة استهدفت القوات الأمريكية": what the strikes answer)
        a.blocked = False
        # ("…, the latest in a series of strikes … in the Idlib region": from the break that opens it)
        a.frame = (start, min((b for b in a.breaks if b > first), default=len(words)))
    return a


def _in_quote(a: Analysed, pos: int) -> bool:
    """Word ``pos`` is inside quotation marks opened earlier in the sentence."""
    before = a.text[:a.offsets[pos][0] - a.start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("«") > before.count("»")


def _said_on(d: DateExpr, words: list[str], day: dt.date) -> DateExpr:
    """A quoted day ("this morning", "yesterday") told from the day the words were said."""
    again = find_dates(words[d.start:d.end], day)
    return replace(again[0], start=d.start + again[0].start, end=d.start + again[0].end) if len(again) == 1 else d


def _told_on(d: DateExpr, cues: list[Hit], triggers: list[Hit], role: str = "speech",
             clauses: frozenset[int] = frozenset()) -> bool:
    """``d`` dates the telling: it follows a reporting verb ("announced yesterday", "أعلنت …
    أمس") with no attack word between them, in the same clause (not "… the ministry said, and two
    attackers were killed early on Wednesday": ``clauses`` are where ", and" opens another)."""
    return any(role in h.payloads and 0 <= d.start - h.end <= SPEECH_DATE_REACH and
               not any(h.end <= t.start < d.start for t in triggers) and
               not any(h.end <= c <= d.start for c in clauses) for h in cues)


def _anaphoric_place(a: Analysed, told: list[ExtractedIncident], gazetteer: Gazetteer, lexicon: Lexicon) -> list[Located]:
    """"Two days earlier a car bomb went off in the city centre", "three rockets fell in its
    vicinity on 6 April": another day's attack at the place just told (a dated sentence with an
    anaphoric place and no name of its own); "it struck the same base in February": the base
    told last; "killed at the base, south-east of Homs": the base told last, when the town is
    only its reference point."""
    cue = next((h for h in lexicon.anaphors.find(a.words) if h.payloads[0] != "anaphor_dateline"), None)
    if cue is None:
        return []
    last = told[-1]
    if cue.payloads[0] == "anaphor_facility":
        last = next((i for i in reversed(told) if i.place.feature in FACILITIES), last)
    place = gazetteer.by_id.get(last.place.place_id)
    if place is None:
        return []
    if a.places:  # only reference points: "six were killed at the base, south-east of Homs", "in the town west of Mosul"
        if all(place_km(place, p.place) > REFERENCE_KM for p in a.places):
            return []
    elif a.classes <= GENERIC or not a.dates or any(d.date == last.event_date for d in a.dates) or \
            all(d.start - cue.end > ANAPHOR_DATE_REACH for d in a.dates):
        return []  # (a date far after the place belongs to something else: "… from which the jets of Tuesday's attack took off")
    return [Located(Mention(cue.start, cue.end, (Candidate(place, 100.0, ""),)), place, "locative")]


def _back_reference(a: Analysed, before: list[Analysed], told: bool) -> bool:
    """A sentence that only says "attack", with no date and no casualties, is no incident of
    its own when it speaks of whole provinces after incidents were told ("officials blamed
    both attacks on cells hiding between Kirkuk and Salahuddin provinces"), or when nothing
    in the report dates it ("the sites targeted most often — Ain al-Asad, …")."""
    if not (a.classes <= GENERIC and not a.dates and not any(n for _, _, n in a.casualties)):
        return False
    if told and a.places and all(p.place.precision >= 3 for p in a.places):
        return True
    return _context_date(a, before) is None


DEFINITE = ("the", "this", "that", "these", "those", "both", "such")
RETELL_REACH = 2  # words between "comes", "جاء", "يعد" and the attack word it frames
RETELL_OPENS = 3  # "comes", "يأتي" this far in opens the sentence ("The escalation comes …")


def _framed(a: Analysed) -> bool:
    """The sentence only sets the attack told before against something else: its one attack word
    is definite and framed ("ويأتي التفجير في ظل …", "ويعد التفجير الأعنف …", "the attack comes
    amid …"). Not when it goes on to tell another, dated attack ("… بعد أسبوعين من عدوان جوي على دمشق
    فجر السابع من آب")."""
    if not any("retell" in h.payloads for h in a.cues) or _after(a) is not None:
        return False  # (nor "the attack came a day after three mortar rounds landed in X": X's attack)
    t = a.triggers[0]
    frames = [f for f in a.cues if "retell" in f.payloads]
    # (the frame's own attack word is no other attack: "The bombing was the second attack … this month")
    others = [o for o in a.triggers[1:] if not any(f.end - f.start >= 3 and 0 <= o.start - f.end <= RETELL_REACH
                                                   for f in frames)]
    if others and any(d.precision in (1, 3) and d.end != t.start for d in a.dates):
        return False  # (but "the latest in a string of drone and rocket attacks this year" is no attack,
        # and "Saturday's attack came as …" dates the told attack itself)
    # ("this is the first fatal IED incident …": a frame before the attack word makes it the told one)
    before = any("retell" in f.payloads and f.end - f.start >= 3 and 0 <= t.start - f.end <= RETELL_REACH - 1
                 for f in a.cues)  # (not "came under rocket fire")
    return (_definite_at(a, t) or before) and any(-RETELL_REACH <= f.start - t.end <= RETELL_REACH - 1 or
                                      -RETELL_REACH <= t.start - f.end <= RETELL_REACH - 1
                                      for f in a.cues if "retell" in f.payloads)


AFTER_DAYS = {"hours_after": 0, "day_after": 1, "two_days_after": 2, "three_days_after": 3, "day_before": -1}  # ("… on Thursday, a day
# before Iranian artillery shelled Penjwen": the other attack a day later)
AFTER_REACH = 4  # words between "a day after" and the attack word of the earlier attack it tells


def _after_cue(h: Hit, long: bool = False) -> bool:
    """``h`` opens a clause of what came before the attack told ("hours after", "بعد يوم من"; with ``long``,
    also "weeks after", "بعد أسابيع من", which give no day)."""
    return any(p in AFTER_DAYS or (long and p == "long_after") for p in h.payloads)


def _after(a: Analysed) -> tuple[int, int] | None:
    """"… came a day after three mortar rounds landed in X", "بعد يوم من استهداف …": another, earlier
    attack told after the one told before. Its days before that one, and the offset where it is told."""
    for h in a.cues:
        days = next((AFTER_DAYS[p] for p in h.payloads if p in AFTER_DAYS), None)
        if days is not None and any(0 <= t.start - h.end <= AFTER_REACH and set(t.payloads) - CIRCUMSTANCES
                                    and not _definite_at(a, t) for t in a.triggers):
            return days, a.offsets[h.end - 1][1]
    return None


def _after_base(a: Analysed, after: tuple[int, int] | None, told: list[ExtractedIncident]) -> dt.date | None:
    """The day that ``after``'s earlier attack is counted back from: the sentence's own day told
    before "… days after", else the day of the incident told last; None when the earlier attack
    has a day of its own."""
    if after is None or any(a.offsets[d.start][0] >= after[1] for d in a.dates):
        return None
    own = [d for d in a.dates if d.precision == 1]
    if own:
        return own[-1].date
    return told[-1].event_date if told and told[-1].time_precision == 1 and not a.dates else None


def _definite(a: Analysed) -> bool:
    """Every attack word is definite: "the attack", "الهجوم", "والهجوم", "للهجوم" (one told before)."""
    return all(_definite_at(a, h) for h in a.triggers if set(h.payloads) - CIRCUMSTANCES)  # (not "حركة الطيران")


def _definite_at(a: Analysed, h: Hit) -> bool:
    word = a.words[h.start]
    if not is_arabic(word):  # "the attack", "Saturday's attack"
        return h.start > 0 and (a.words[h.start - 1].casefold() in DEFINITE or is_possessive(a.words[h.start - 1]))
    word = word[1:] if word[:1] in "وف" else word
    return word.startswith(("ال", "لل")) or (word[:1] in "بك" and word[1:].startswith("ال"))


def _breaks(a: Analysed, marks: str = CLAUSE_MARKS) -> frozenset[int]:
    """Positions of the words that follow punctuation (a comma, a dash, a bracket)."""
    if not any(c in a.text for c in marks):
        return frozenset()
    return frozenset(i for i in range(1, len(a.offsets))
                     if any(c in marks for c in a.text[a.offsets[i - 1][1] - a.start:a.offsets[i][0] - a.start]))


DATELINE = regex.compile(r"^(.{2,80}?)\s[-–—]\s")
AGENCY_MARK = regex.compile(r"\(|/|\b[A-Z]{3,}\b")  # "(Global Wire)", "Hama/Damascus", "SANA", "BAGHDAD"


def _dateline_end(a: Analysed) -> int:
    """The offset where a dateline ("BAGHDAD, July 3 (Wire) -", "Hama/Damascus, SANA -") ends, or -1."""
    m = DATELINE.match(a.text)
    if m is None or not AGENCY_MARK.search(m.group(1)) or \
            any(a.offsets[h.start][0] - a.start < m.end(1) for h in a.triggers):
        return -1
    return a.start + m.end(1)


def _context_places(analysed: list[Analysed]) -> list[Place]:
    """Places the article names unambiguously: they steer the ranking of ambiguous names
    (an "al-Qaim" in a report that names Anbar is the Anbar one)."""
    return [m.candidates[0].place for a in analysed for m in a.mentions if len(m.candidates) == 1]


ROLE_CUES = ("locative", "near", "direction", "container")
DISTRICT_WORDS = ("district", "subdistrict", "sub-district")
KUNYA = frozenset(("abu", "abou", "bin", "ibn", "أبو", "ابو", "بن"))  # a name after these is a person's
REFERENCES = ("direction", "route")  # roles of places that only say where the site lies


def _follow_up_figures(a: Analysed, lexicon: Lexicon, reference: dt.date | None) -> None:
    """Casualty figures (and dates) of a sentence without an attack word, read only when it
    follows an incident ("Four civilians were killed, the council said")."""
    keys = [word_key(w) for w in a.words]
    if lexicon.casualties.find(a.words, keys):
        cues = lexicon.cues.find(a.words, keys)
        a.blocked = any("blocker" in h.payloads for h in cues)  # "… killed since the start of the year": a total
        a.breaks = _breaks(a)
        a.dates = find_dates(a.words, reference)
        a.casualties = [] if a.blocked else casualties(a.words, keys, lexicon, cues, a.dates, [], a.breaks)


def _cue_before(cues: list[Hit], start: int, words: list[str] | None = None) -> str | None:
    cue = next((h for h in cues if h.end == start and h.payloads[0] in ROLE_CUES), None)
    if cue is None:
        return None
    if cue.payloads[0] == "locative" and (outer := _cue_before(cues, cue.start, words)) in ("direction", "container"):
        # "جنوب شرقي مدينة السليمانية", "south of the city of X": still a reference point;
        # "ناحية قادر كرم التابعة لقضاء جمجمال": still the wider area (but "المدخل الشمالي لبلدة ذيبان",
        # the town's northern entrance: a direction word with the article describes a part of the place)
        if not (outer == "direction" and words is not None and _adjective(words, cues, cue.start)):
            return outer
    return cue.payloads[0]


def _adjective(words: list[str], cues: list[Hit], end: int) -> bool:
    """The cue ending at ``end`` is an Arabic adjective with the article ("الشمالي")."""
    h = next((h for h in cues if h.end == end), None)
    return h is not None and is_arabic(words[h.start]) and words[h.start].lstrip("وف").startswith("ال")


AFTER_ROLES = {"container_after": "container", "locative_after": "locative", "route_after": "route"}


def _cue_after(cues: list[Hit], end: int) -> str | None:
    """"Deir Ezzor province", "Erbil city": a cue after the name that gives its role."""
    return next((AFTER_ROLES[h.payloads[0]] for h in cues if h.start == end and h.payloads[0] in AFTER_ROLES), None)


def _not_a_location(cues: list[Hit], start: int, words: list[str], breaks: frozenset[int] = frozenset(),
                    end: int = -1, names: frozenset[int] = frozenset()) -> bool:
    """"the governments in Baghdad and Erbil", "arrived in Baghdad", "pressure on Baghdad": the
    place names a government, a destination or a party, not where something happened; nor is
    a place a few words after "taken to", "heard in" or "the road linking" (a remote cue)."""
    return any("metonym" in h.payloads and not any(h.start < b < h.end for b in breaks) and (h.end == start or (
        start - METONYM_REACH <= h.end < start and _between_are_cues(cues, h.end, start, words))) for h in cues) or \
        any("remote" in h.payloads and start - ROUTE_REACH <= h.end <= start and
            not any(i in breaks for i in range(h.end + 1, start + 1)) for h in cues) or \
        any("remote_after" in h.payloads and h.start == end for h in cues) or \
        _launched_from(cues, start, words, breaks, names)  # "a doctor at Afrin's main hospital"


SCENE_REACH = 10  # words from "In X," to the verb of what was said or done there, in one clause
REACTION_OPENS = 4  # a reaction verb this near the start opens the sentence ("من جهته، دعا …", "Iraq condemned …")


def _first_word(words: list[str]) -> int:
    """Where the sentence's own words begin, after a live page's time stamp ("19:30 - In Baghdad, …")."""
    return 2 if len(words) > 2 and words[0].isdigit() and words[1].isdigit() and len(words[1]) == 2 else 0


def _scene_of_reaction(cues: list[Hit], m: Mention, breaks: frozenset[int], words: list[str]) -> bool:
    """"وفي بغداد، وجّه رئيس الوزراء بتشكيل لجنة تحقيق …", "In Baghdad, the prime minister ordered …": a
    sentence that opens on a place and a comma tells a reaction there, not an attack (but "وفي مخمور،
    أفادت إدارة المخيم بأن صاروخين سقطا …" reports one)."""
    first = _first_word(words)
    opens = m.start == first + 1 and any(h.start == first and h.end == first + 1 and "locative" in h.payloads for h in cues)
    return opens and m.end in breaks and any(
        "reaction" in h.payloads and m.end <= h.start <= m.end + SCENE_REACH and
        not any(m.end < b <= h.start for b in breaks) for h in cues)  # (its subject may be long: "thousands of …")


FROM = frozenset({"من", "from"})
TOWARDS = frozenset(normalize_ar(w).casefold() for w in (
    "على", "باتجاه", "نحو", "إلى", "ضد", "at", "on", "towards", "toward", "against", "into"))  # a target


def _launched_from(cues: list[Hit], start: int, words: list[str], breaks: frozenset[int] = frozenset(),
                   names: frozenset[int] = frozenset()) -> bool:
    """"طائرتين مسيّرتين أطلقهما الإرهابيون من منطقة … في إدلب", "drones launched by militants from
    Idlib": where the attack came from, not where it struck ("… باتجاه القاعدة" is the target)."""
    for h in cues:  # (quotes may stand between: "أطلقتها «مجموعات إرهابية» من منطقة …")
        if "launch" in h.payloads and start - LAUNCH_REACH <= h.end <= start:
            after = [normalize_ar(w).casefold() for w in words[h.end:start]]
            # "أُطلقت من مناطق انتشار القوات في محيط تل رفعت": the area the weapon came from, within one clause,
            # where a locative places it (not "أُطلقت من تلك المواقع بلدة مارع", "أُطلقت من اتجاه الجولان، واستهدف …")
            own = any(normalize_ar(words[i]).casefold() in FROM for i in (h.start, h.end - 1)) and \
                not any(h.end <= b <= start for b in breaks) \
                and not any(h.end <= n < start for n in names) \
                and any((c.payloads[0] == "near" or normalize_ar(words[c.start]).casefold() in ("في", "in"))
                        and h.end <= c.start < start for c in cues)
            origin = max((i for i, w in enumerate(after) if w in FROM), default=-1 if own else None)
            if origin is not None and not any(w in TOWARDS for w in after[origin + 1:]) and \
                    not any("impact" in c.payloads and h.end + origin < c.start < start for c in cues):
                return True  # (but "rockets fired from the Qarachogh hills landed near Makhmour": the target)
    return False


CLOSE_KM = 15  # a place this close to the site, with its distance told, stands for it (DESIGN.md: "near X")
DISTANCE_REACH = 6  # words from the distance's unit to the name ("8 km west of the town of X")


def _close_by(cues: list[Hit], words: list[str], start: int) -> bool:
    """A distance of at most CLOSE_KM is told just before the direction word of the name at ``start``."""
    for h in cues:
        if "distance_unit" in h.payloads and start - DISTANCE_REACH <= h.end <= start and h.start:
            n = parse_number(words[h.start - 1])
            return n is not None and n <= CLOSE_KM
    return False


def _between_are_cues(cues: list[Hit], start: int, end: int, words: list[str]) -> bool:
    """Every word from ``start`` to ``end`` is an article or part of a place cue ("launched from an
    area near X", "launched from an area in the Nineveh Plains")."""
    roles = ("near", "direction", "locative", "locative_after", "container")  # ("مصادر محلية في ريف القنيطرة")
    covered = {i for c in cues if c.payloads[0] in roles for i in range(c.start, c.end)}
    return all(i in covered or words[i].casefold() in ("the", "a", "an") for i in range(start, end))


LABEL_WORDS = 8  # at most this many words between a sentence's first place name and the colon that ends its label


def _label(a: Analysed) -> tuple[int, int]:
    """The words of a label that opens the sentence and names a place ("- Al-Sanamayn (Daraa, northern
    countryside), Tuesday: Unidentified gunmen attacked …", "- Dhi Qar / Nasiriyah: An improvised explosive
    device …"), when a colon ends it; else an empty span."""
    first = _first_word(a.words)
    colon = _header_colon(a.text)
    if colon < 0 or first >= len(a.words):
        return 0, 0
    ends = sum(1 for s, _ in a.offsets if s - a.start < colon)  # the words before the colon
    return (first, ends) if 0 < ends - first <= LABEL_WORDS else (0, 0)


def _locate(mentions: list[Mention], cues: list[Hit], covered: set[int], words: list[str],
            breaks: frozenset[int] = frozenset(), asides: frozenset[int] = frozenset(),
            attacks: frozenset[int] = frozenset(), label: tuple[int, int] = (0, 0)) -> list[Located]:
    """The in-area places the sentence names as locations, not as speakers or references.

    Roles: ``locative`` (in X, X base), ``near`` (near X), ``direction`` (south of X: a
    reference point), ``container`` (X province, ريف X: the wider area of another place).
    """
    out: list[Located] = []
    names = frozenset(m.start for m in mentions)  # (only the first name after "fired from" is where it came from)
    elsewhere = False  # "… on Tower 22 in north-east Jordan": the event is out of our area
    remote = -1  # where the last name that is no location ends
    countryside = -99  # where the last governorate's countryside named ends
    for m in mentions:
        if m.start in covered:
            continue
        # (the first in our area, unless the article's places rank one outside it first: "صيدا جنوبي لبنان" is Sidon)
        place = m.candidates[0].place if m.candidates[0].place.in_area else None
        if place is None:
            elsewhere = elsewhere or (m.candidates[0].place.country not in IN_AREA and
                                      _cue_before(cues, m.start) in ("locative", "direction"))
            continue
        if _scene_of_reaction(cues, m, breaks, words):
            return []  # (and so are the places it goes on to name: "… rallied in Tahrir Square to condemn …")
        if _not_a_location(cues, m.start, words, breaks, m.end, names) or (
                remote >= 0 and m.start - remote <= 1 and (m.clitic[:1] == "و" or words[m.start - 1].casefold() in JOINERS)):
            remote = m.end  # (and the place joined to it: "قال سكان في حي القدم وصحنايا")
            continue
        if m.start and words[m.start - 1].casefold() in KUNYA:
            continue  # "Abu Hamza al-Urduni": a person's name, not the town of al-Hamzah
        if m.hint == "district" and (place.feature in FACILITIES or any(
                o is not m and o.candidates[0].place.feature == "city" and o.candidates[0].place.in_area and
                o.candidates[0].place.country != place.country for o in mentions)):
            continue  # "حي الرميلة في الرقة", "حي الخالدية" in Aleppo: a neighbourhood the gazetteer lacks, not the
            # Rumaila oil field or Anbar's Khalidiya (the city named with it is the site)
        if out and m.start - out[-1].mention.end <= 1 and any(i in asides for i in range(out[-1].mention.end, m.start + 1)):
            continue  # "the town of Pirmam (Masif Salahaddin)", "حقل رميلان (خراب الجير)": another name of the place
        if _region_aside(mentions, m, words, asides):
            continue
        before = _cue_before(cues, m.start, words)
        if before == "direction" and m.start in breaks and _adjective(words, cues, m.start):
            before = None  # "في ريف حمص الشرقي، ومطار تدمر": the adjective is the last place's, not "east of" this one
        role = before if before == "direction" else _cue_after(cues, m.end) or before  # "west of Idlib city": a reference
        if role == "route" and out and out[-1].mention.end == m.start and out[-1].role not in ("container",) + REFERENCES:
            out[-1].role = "route"  # "on the Hilla–Diwaniyah road": the road's two ends
        elif role == "route" and before not in ("route", "locative"):
            role = before  # ("on the Kirkuk road about 10 km south of Tuz Khurmatu": where the road leads, a reference)
        if remote in breaks and m.start - remote <= APPOSITION_REACH and (
                role in ("direction", "near") or words[remote].casefold() in ("a", "an")):
            continue  # "Residents of al-Dana, a town … north of Idlib city, told …", "Residents of Jindayris, a town in
            # the Afrin region, …": where that name lies
        if role == "direction" and _close_by(cues, words, m.start) and not (
                out and out[-1].role in ("locative", "near") and (m.start - out[-1].mention.end <= DISTRICT_GAP + 3 or
                                                                 not any(out[-1].mention.end <= t < m.start for t in attacks))):
            role = "near"  # "على بعد نحو ٨ كيلومترات غربي بلدة الجوادية", "about 12 km south of Rawah": near it
            # (unless the site is named just before, or with no attack told between: "at the northern entrance to
            # al-Ashara, about 15 kilometres south-east of al-Mayadin", "Sarmin, a town … about 7 km south-east of Idlib")
        if role == "near" and place.name == place.admin1 and any(
                "countryside" in h.payloads and h.end == m.start for h in cues):
            role = "container"  # ("وفي بادية حمص، …": the province's desert; "بادية الميادين" is near the town)
        if (role == "container" and place.name == place.admin1 and any(
                "countryside" in h.payloads and (h.end == m.start or m.end <= h.start <= m.end + 1) for h in cues)) or (
                m.clitic[:1] == "و" and 0 <= m.start - countryside <= COUNTRYSIDE_JOIN and place.name == place.admin1):
            countryside = m.end  # "في ريف إدلب", "the southern Idlib countryside": a governorate's countryside has no
            continue  # point (nor one joined to it: "على ريفي إدلب الجنوبي وحماة الشمالي")
        if any("between" in h.payloads and h.end == m.start for h in cues):
            role = "route"  # "near Altun Kupri, between Erbil and Kirkuk"
        if any("route" in h.payloads and m.start - ROUTE_REACH <= h.end <= m.start and
               not any(i in breaks for i in range(h.end + 1, m.start + 1)) for h in cues):
            role = "route"  # "the road linking X and Y": reference points, unless nothing else is named
        gap = m.start - out[-1].mention.end if out else 99
        between = range(m.start - gap, m.start)
        and_cue = any(words[h.start][:1] == "و" and h.start in between for h in cues)  # "وضواحي مدينة X": a new site
        # (or it and the area it lies in: "بلدة كفربطنا في الغوطة الشرقية المحاصرة قرب دمشق")
        ref = next((p for p in reversed(out) if p.role != "container"), None)
        if (role == "near" and ref is not None and ref.role in ("locative", "near", "direction") and
                m.start - out[-1].mention.end <= NEAR_REFERENCE_GAP and
                not any(words[i].casefold() in ("and", "or") or words[i][:1] == "و" or i in breaks
                        for i in range(ref.mention.end, m.start)) and
                m.clitic[:1] != "و"):
            role = "direction"  # "the T4 air base near Homs", "قرية X قرب Y": Y only says where X lies
        district = any(h.start == m.end and words[h.start].casefold() in DISTRICT_WORDS for h in cues)
        if role == "locative" and out and gap <= DISTRICT_GAP and district and out[-1].role != "container" and (
                any(i in breaks for i in between) or (words[out[-1].mention.end].casefold() == "in" and not any(
                    words[i].casefold() in JOINERS for i in between))):
            role = "container"  # "near Bartella, in Hamdaniya district": the district of the site (and "the Khor Mor
            # gas field in the Kurdistan Region's Chamchamal district")
        site = next((p for p in reversed(out) if p.role not in ("container",) + REFERENCES), None)
        if role == "locative" and district and site is not None and out[-1].role == "container" and \
                m.start - site.mention.end <= DISTRICT_GAP and words[site.mention.end].casefold() == "in" and \
                not any(words[i].casefold() in JOINERS for i in range(site.mention.end, m.start)):
            role = "container"  # "near the town of Kani Masi in Duhok province's Amedi district": the site's district
        held = role == "locative" and out and 1 < gap <= 3 and is_possessive(words[out[-1].mention.end - 1]) \
            and out[-1].role == "locative" and not any(i in breaks for i in between)
        if held:
            out[-1].role = "container"  # "in Basra's northern district of Qurna": the city or province holds the site
        if (role == "locative" and out and gap <= 3 and not held and
                not is_possessive(words[m.start - 1]) and
                not any(words[i].casefold() in ("and", "or") or i in breaks or words[i][:1] == "و" for i in between) and
                m.start - gap + 1 not in breaks and m.clitic[:1] != "و" and not and_cue):
            role = "container"  # "Harir base in Erbil", "al-Sukhnah in the eastern Homs desert"
        if role == "locative" and out and 0 < m.start - out[-1].mention.end <= 2 and out[-1].mention.end in breaks and \
                words[m.start - 1].casefold() in COMPASS and out[-1].role not in REFERENCES and \
                all(w.casefold() in COMPASS or w.casefold() == "in" for w in words[out[-1].mention.end:m.start]):
            role = "container"  # "on the outskirts of Ad Dana, northern Idlib", "Darkush, in western Idlib": the
            # province the town is in
        if role is not None and m.start and words[m.start - 1].casefold() in COMPASS and place.name == place.admin1:
            role = "container"  # ("Northern Aleppo: missile strike on Marea": a province's part, the site when alone)
        if role is None and m.start and is_possessive(words[m.start - 1]):
            # "in Syria's Sarmin", "in Iraq's Sinjar district": the country's place word is the place's
            country = next((o for o in mentions if o.end == m.start and o.candidates[0].place.feature == "country"), None)
            role = _cue_before(cues, country.start) if country is not None else None
        clitic = m.clitic.lstrip("وف")
        if role is None and clitic and clitic[-1] == "ب":
            role = "locative"
        if role is None and m.clitic[:1] == "و" and out and m.start - out[-1].mention.end <= COORDINATION_GAP:
            role = out[-1].role if out[-1].role not in REFERENCES else "locative"
            if role == "container" and (place.feature in FACILITIES or m.hint in FACILITIES):
                role = "locative"  # ("… في ريف حمص الشرقي، ومطار تدمر العسكري": an airport is no wider area)
        if role is None and out and m.start - out[-1].mention.end <= 2 and out[-1].role not in REFERENCES and \
                all(words[i].casefold() in JOINERS for i in range(out[-1].mention.end, m.start)):
            role = out[-1].role  # "Jurf al-Sakhar and al-Qaim", "X, Y" (not "… in al-Busayrah as Deir ez-Zor tensions rise")
        if role is None and m.end in attacks and m.end not in breaks and not is_arabic(words[m.start]) and \
                (m.start == 0 or words[m.start - 1].casefold() not in DEFINITE and not is_possessive(words[m.start - 1])):
            role = "named"  # "Baghdad car bomb kills six": the attack named by its place (see below; not "the
            # Fallujah bombing", "Sunday's Hawija bombing": an attack told before)
        if role is None and label[0] <= m.start < label[1] and place.feature != "governorate" and \
                place.name != place.admin1:
            # (not a province's section, "Anbar: …", "Deir Ezzor: SOHR activists have reported …")
            role = "locative"  # ("- Al-Sanamayn (Daraa, northern countryside), Tuesday: gunmen attacked …")
        if role is None and (place.feature in FACILITIES or m.hint in FACILITIES):
            role = "locative"  # ("استهدفت «قاعدة الشدادي»": a base named as such is where it struck)
        if out and 0 <= m.start - out[-1].mention.end <= 1 and is_possessive(words[out[-1].mention.end - 1]) \
                and out[-1].role in ("locative", "near") and all(w.islower() for w in words[out[-1].mention.end:m.start]):
            role = role or out[-1].role  # "Baghdad's Karrada district", "Baghdad's fortified Green Zone": the city
            out[-1].role = "container"  # is the wider area
        if role is not None:
            out.append(Located(m, place, role, explicit=_explicit(mentions, cues, m)))
    # the place an attack is named by is its site when the sentence locates nothing else ("Baghdad car bomb kills
    # six"), not beside a site ("hours after the Damascus bombing, shells hit Ariha")
    alone = all(p.role == "named" for p in out)
    out = [replace(p, role="locative") if p.role == "named" else p for p in out if alone or p.role != "named"]
    if elsewhere:  # only places the sentence itself puts the event in stay
        out = [p for p in out if p.explicit]
    # "… in Sulaymaniyah … on Arbat airfield south-east of Sulaymaniyah": a reference point is not the site
    clause_of = {p.mention.start: _last_turn(words, breaks, p.mention.start) for p in out}
    references = {(p.place.id, clause_of[p.mention.start]) for p in out if p.role == "direction"}
    if len({r for r, _ in references}) < len({p.place.id for p in out}):  # (in the same clause: "… قرب قضاء المقدادية
        # شمال شرقي بعقوبة، فيما قُتل موظف … في مدينة بعقوبة": the "while" clause's Baqubah is a site)
        out = [p for p in out if (p.place.id, clause_of[p.mention.start]) not in references or p.role == "direction"]
    ends = {p.place.id for p in out if p.role != "route"}  # "the aggression on Masyaf … the road between Masyaf and X"
    out = [p for p in out if p.role != "route" or p.place.id not in ends]
    # each "while" clause keeps its own places ("… على الطريق بين مدينة عامودا وقرية مجاورة، فيما قصفت المدفعية
    # قرى في ريف بلدة تل تمر", "… قرب المقدادية، فيما سقطت قذائف هاون على قرية تابعة لقضاء بلدروز")
    clauses: dict[int, list[Located]] = {}
    for p in out:
        clauses.setdefault(clause_of[p.mention.start], []).append(p)
    kept = [p for _, places in sorted(clauses.items()) for p in _drop_containers(places)]
    return [p for n, p in enumerate(kept) if all(o.place.id != p.place.id for o in kept[:n])]


def _region_aside(mentions: list[Mention], m: Mention, words: list[str], asides: frozenset[int]) -> bool:
    """"Jarabulus (northern Aleppo): …", "Al-Busayrah (eastern Deir ez-Zor): …": the region in brackets
    after a place's name says where that place lies."""
    return m.start >= 2 and m.start - 1 in asides and words[m.start - 1].casefold() in COMPASS and \
        any(o.end == m.start - 1 and o.candidates[0].place.in_area for o in mentions)


def _explicit(mentions: list[Mention], cues: list[Hit], m: Mention) -> bool:
    """The sentence itself puts the event at ``m``: "at X", "X air base", "at Syria's X"."""
    if _cue_after(cues, m.end) == "locative" or _cue_before(cues, m.start) == "locative":
        return True
    country = next((o for o in mentions if o.end == m.start and o.candidates[0].place.feature == "country"), None)
    return country is not None and _cue_before(cues, country.start) == "locative"


def _drop_containers(places: list[Located]) -> list[Located]:
    """Keep the most precise places: a governorate or wider area named beside a place in it
    goes, and so does a reference point ("60 km south of Baghdad") beside a located place."""
    located = [p for p in places if p.role not in REFERENCES + ("container",)]
    areas = [p for p in places if p.role == "container" or p.place.feature == "governorate"]
    # the reference point when only its governorate is located ("a village south-west of Dibis, in Kirkuk province")
    inside = [p for p in places if p.role in REFERENCES + ("container",) and p.place.precision < 3 and
              any(a.place.feature == "governorate" and a.place.name == p.place.admin1 for a in areas)]
    if inside and all(p.place.feature == "governorate" for p in located):
        # … or the first of a chain of areas ("قرى تابعة لناحية كاني ماسي في قضاء العمادية بمحافظة دهوك")
        # (but "القرى التابعة لقضاء المقدادية شمال شرقي بعقوبة": the district, which the reference point places)
        refs = [p for p in inside if p.role in REFERENCES]
        held = [p for p in inside if p.role == "container" and refs and p.mention.start < refs[0].mention.start]
        located = held[:1] or refs or inside[:1]
    # a valley or mountain area (known only roughly) "about 15 km south of Hawijah": the town is the better point
    towns = [p for p in places if p.role == "direction" and p.place.feature in SETTLEMENTS]
    if towns and located and all(p.place.feature == "district" for p in located):
        located = towns
    if not located:  # the wider area or the reference point is all the sentence gives (one end of a road)
        containers = [p for p in places if p.role == "container"]
        # "على الطريق الواصل بين بلدة اليعربية وإحدى القرى المجاورة في ريف الحسكة": the road's named end
        ends = [p for p in places if p.role == "route" and p.place.precision < 3 and
                any(c.place.admin1 == p.place.admin1 and c.place.precision >= p.place.precision for c in containers)]
        located = ends[:1] or containers or \
            [p for p in places if p.role not in REFERENCES] or places[:1]  # "east of al-Qayyarah, south of Mosul"
        if all(p.role == "route" for p in places):  # "على الطريق الواصل بين مدينة القامشلي وبلدة القحطانية": the
            # smaller end, nearer the open road than a city is (the first of two alike)
            located = [min(places, key=lambda p: 0 if p.place.feature in FACILITIES else
                           SETTLEMENT_RANK.get(p.place.feature, len(SETTLEMENT_RANK) + 1))]  # (a dam or base: its point)
    keep: list[Located] = []
    seen: set[str] = set()
    for p in located:
        contains_other = any(o is not p and _contains(p.place, o.place) for o in located)
        # "the airport of Sulaymaniyah … Sulaymaniyah": the town beside its own base or airport
        beside_facility = p.place.feature not in FACILITIES and any(
            o.place.feature in FACILITIES and place_km(o.place, p.place) <= FACILITY_TOWN_KM for o in located)
        if contains_other or beside_facility or p.place.id in seen:
            continue
        seen.add(p.place.id)
        keep.append(p)
    return keep


# ---- incidents from a sentence -----------------------------------------------------------
def _incidents_of(a: Analysed, before: list[Analysed], lexicon: Lexicon,
                  told: set[str] = frozenset()) -> list[ExtractedIncident]:
    incident_type = lexicon.incident_type(_own_classes(a))
    if incident_type is None or not a.places:
        return []
    if incident_type == "other" and not a.fighters:  # "the sites hit were…": the means were told before, in
        # the sentences (but gunmen who "attacked a post" have their own means: see _ground_attacks)
        told_type = lexicon.incident_type(told)  # just before ("an aerial aggression … its missiles") or earlier
        here = {p.place.id for p in a.places}  # (not the means of an attack told at another place: "… a drone
        # attack on the Khor Mor gas field … but an attack on a police checkpoint near Tuz Khurmatu …")
        incident_type = told_type if told_type not in (None, "other") else next(
            (t for b in reversed(before) if b.classes and not b.blocked
             and (not b.places or any(p.place.id in here for p in b.places) or
                  any("similar" in h.payloads for h in a.cues))  # ("وكانت عبوة مماثلة قد استهدفت رتلاً آخر …")
             and (t := lexicon.incident_type(b.classes)) not in (None, "other")), "other")
    if incident_type in ("rocket_attack", "missile_attack") and "aircraft" not in a.classes and \
            not _shelled(a) and \
            not ({"rocket", "missile"} & told and "aircraft" not in told):  # (not "Rebels fired shells at the
        # capital. One of the shells struck Bab Touma": shells told since the jets, by others; nor artillery)
        # "Israeli jets struck Damascus … one of the aggression's missiles hit a building in Kafr Sousa"
        jets = next((b for b in reversed(before[-AIRCRAFT_SENTENCES:]) if "aircraft" in b.classes and not b.blocked), None)
        same_day = jets is not None and (not (a.dates and jets.dates) or a.dates[0].date == jets.dates[0].date)
        # (but not "rebels fired rockets and mortar shells at the city" after the jets' strike)
        fired_by_others = jets is not None and any("launch" in h.payloads for h in a.cues) and \
            any(x not in jets.perpetrators[:1] for x in a.perpetrators + a.targets)
        if same_day and not fired_by_others and (not a.perpetrators or a.perpetrators[:1] == jets.perpetrators[:1]):
            incident_type = lexicon.incident_type(a.classes | {"aircraft"}) or incident_type
    out = []
    for k, loc in enumerate(a.places):
        if _clause_without_attack(a, loc):
            continue
        local = _local_type(a, k, lexicon)
        if local is not None:
            incident_type = local
        killed, injured = _assigned(a, k)
        dates, anchors = _local_dates(a, k), [h.start for h in a.triggers]
        cut = next((h.end for h in a.cues if h.end <= loc.mention.start and _after_cue(h)), None)
        if cut is not None and any(d.start >= cut for d in dates):  # "وجاءت غارات الأحد بعد يوم واحد من قصف مماثل
            # طال مدينة سراقب …، مساء السبت": the earlier attack's own day, told in its clause
            dates, anchors = [d for d in dates if d.start >= cut], [i for i in anchors if i >= cut]
        date = None if _earlier_clause(a, loc) else \
            _nearest_date(dates, loc.mention, anchors) or (None if _heading(a) else _context_date(a, before))
        if date is not None and date.small_hours and _label_day(a, before) is not None:
            date = _label_day(a, before)  # ("DIYALA - Wednesday 21 June\n- … shortly after midnight": the label's day)
        actor1 = a.perpetrators[0] if a.perpetrators else ""
        actor2 = next((t for t in a.targets if t != actor1), "")
        if not actor1:
            actor1 = _context_perpetrator(actor2, a.classes, before)
        # (only the wider area named, "في ريف حلب", "in the Aleppo countryside": not the town itself)
        precision = loc.place.precision if loc.role == "locative" else max(2, loc.place.precision)
        if precision == 1 and loc.place.feature in SETTLEMENTS and _district_of(a, loc.mention):
            precision = 2  # "in Sinjar district", "في قضاء الطارمية": somewhere in the town's district
        kind = incident_type
        if kind == "drone_attack" and "drone_explosive" not in a.classes and _is_state(actor1, lexicon):
            kind = "drone_strike"  # a drone of a state's forces hitting a target is a drone strike
        elif kind == "drone_strike" and loc.place.feature in FACILITIES and "vehicle" not in a.classes and \
                not _is_state(actor1, lexicon):
            kind = "drone_attack"  # "the occupation base … with two drones, which struck their targets"
        out.append(ExtractedIncident(
            incident_type=kind, place=_ref(loc.place, precision), evidence=a.text,
            start=a.start, end=a.end, event_date=date.date if date else None,
            time_precision=date.precision if date else None, fatalities=killed, injured=injured,
            actor1=actor1, actor2=actor2,
            candidates=[c.place.id for c in loc.mention.candidates[1:]],
            mention=(a.offsets[loc.mention.start][0], a.offsets[loc.mention.end - 1][1])))
    return out


EARLIER = frozenset({"بعد", "وبعد"})  # after a comma: "، بعد مقتل شرطيين بعبوة ناسفة قرب قضاء الحويجة"
EARLIER_EVENTS = frozenset(normalize_ar(w) for w in ("مقتل", "اغتيال", "هجوم", "انفجار", "تفجير"))  # (not "بعد تعرض
# قاعدة عين الأسد لصواريخ": what caused the wounds told before it, the same attack)


def _earlier_clause(a: Analysed, loc: Located) -> bool:
    """"قُتل موظف أمس الاثنين بانفجار عبوة لاصقة وسط كركوك، بعد مقتل شرطيين بعبوة ناسفة قرب الحويجة": the
    attack in a clause opened by "بعد" came earlier, on a day the clause does not tell."""
    after = max((b for b in a.breaks if b + 1 < loc.mention.start and a.words[b] in EARLIER and
                 normalize_ar(a.words[b + 1]) in EARLIER_EVENTS), default=None)
    return after is not None and not any(d.start > after for d in a.dates)


def _shelled(a: Analysed) -> bool:
    """The sentence's first means is artillery: "قصف مدفعي", "قذائف مدفعية" (shells, then the artillery word)."""
    told = [t for t in a.triggers if set(t.payloads) - GENERIC]
    return bool(told) and ("shelling" in told[0].payloads or
                           (len(told) > 1 and told[1].start == told[0].end and "shelling" in told[1].payloads))


def _while_breaks(words: list[str], breaks: frozenset[int]) -> list[int]:
    """The clause breaks that open a "while" clause (", فيما …", ", while …"), in order."""
    return sorted(b for b in breaks if words[b].casefold() in TURN_WORDS or tuple(words[b:b + 2]) in TURN_PHRASES)


def _last_turn(words: list[str], breaks: frozenset[int], before: int) -> int:
    """Where the "while" clause holding word ``before`` begins, or -1 when it is in the first clause."""
    return max((b for b in _while_breaks(words, breaks) if b < before), default=-1)


def _clause_without_attack(a: Analysed, loc: Located) -> bool:
    """A "while" clause that tells no attack (no attack word, no toll) holds no site; nor does the first
    clause when every attack word comes after a "while" clause that the place is before and the
    place's clause gives no toll ("أعلنت الشرطة اعتقال مطلوبين في قضاء المقدادية، فيما أعلنت الخلية أن
    طائرات التحالف نفذت ضربات على أوكار في مناطق جبلية")."""
    turns = _while_breaks(a.words, a.breaks)
    after = max([i for i, w in enumerate(a.words[:loc.mention.start]) if w.casefold() in AFTER_WORDS] +
                [h.start for h in a.cues if h.end <= loc.mention.start and _after_cue(h, long=True)],
                default=None)  # (and "بعد ساعات من انسحاب القوات الحكومية من مدينة حماة")
    if after is not None:  # "The strike near Said Sadiq came days after Baghdad and Ankara signed a memorandum …
        # including a joint training centre in Bashiqa": what came before the attack, and no attack itself
        if not any(after < t.start and set(t.payloads) - CIRCUMSTANCES for t in a.triggers) and \
                not any(after < pos for pos, _, _ in a.casualties):
            return True
    start = max((b for b in turns if b <= loc.mention.start), default=None)
    if start is not None:  # "… في مدينة منبج، في وقت كانت فيه الأنظار مشدودة إلى العاصمة دمشق": a clause of its own
        end = min((b for b in turns if b > start), default=len(a.words))
        if not any(start <= t.start < end and set(t.payloads) - GENERIC - CIRCUMSTANCES for t in a.triggers) and \
                not any(start <= pos < end for pos, _, _ in a.casualties):
            return True
    # "residents said Israeli drones were seen flying over several villages …, hours after the strike": the only
    # attack told is what came before
    since = min((h.start for h in a.cues if h.start >= loc.mention.end and _after_cue(h)),
                default=None)
    if since is not None and all(t.start >= since for t in a.triggers if set(t.payloads) - CIRCUMSTANCES) and \
            not any(pos < since for pos, _, _ in a.casualties):
        return True
    turn = next((b for b in turns if b >= loc.mention.end), None)
    return turn is not None and any(set(t.payloads) - GENERIC - CIRCUMSTANCES for t in a.triggers) and \
        all(t.start >= turn for t in a.triggers) and not any(pos < turn for pos, _, _ in a.casualties)
    # (but "بمقتل ستة مسلحين في البوكمال، بينما لم تتوفر حصيلة للضربات على الميادين" gives the place's toll)


def _own_classes(a: Analysed) -> set[str]:
    """The means of the sentence's own attack: not those of an attack named by its place and
    not located here ("hours after the Damascus bombing (تفجير دمشق), shells hit Ariha")."""
    located = {p.mention.start for p in a.places}
    named = {m.start for m in a.mentions if m.start not in located}
    own = {c for h in a.triggers if h.end not in named for c in h.payloads}
    turns = _while_breaks(a.words, a.breaks) or [t for t in [_and_turn(a)] if t is not None]
    if turns and a.places and all(p.mention.end <= turns[0] for p in a.places):
        # "غارات جوية على مواقع … في محيط مدينة كوباني، في وقت تتواصل فيه المعارك داخل الأحياء": the fighting
        # that goes on "while" is no means of the strikes at the place
        first = {c for h in a.triggers if h.start < turns[0] and h.end not in named for c in h.payloads}
        own = first if first - GENERIC else own
    return own if own - GENERIC else a.classes


STATE_INTER = (1, 8)  # ACLED inter codes of state and external state forces


def _is_state(actor: str, lexicon: Lexicon) -> bool:
    info = lexicon.actor_info.get(actor)
    return info is not None and info.inter in STATE_INTER


WEAPONS = WEAPON_WORDS - {"strike"}  # the trigger classes that name a weapon (a strike is no weapon of its own)


DISTRICT_BEFORE = frozenset(normalize_ar(w) for w in ("قضاء", "ناحية", "لقضاء", "لناحية", "بقضاء", "بناحية", "وقضاء"))


def _district_of(a: Analysed, m: Mention) -> bool:
    """The name is said to be a district's ("Sinjar district", "قضاء سنجار")."""
    after = m.end < len(a.words) and a.words[m.end].casefold() in DISTRICT_WORDS
    return after or (m.start > 0 and normalize_ar(a.words[m.start - 1]) in DISTRICT_BEFORE)


def _and_turn(a: Analysed) -> int | None:
    """Where, after the last place named, "and" opens another attack by other means, whose own place is
    not named as a site ("عشرات القتلى بغارات روسية على زردنا في ريف إدلب وقصف صاروخي يطال معرة مصرين فجر
    اليوم"): its day and means are not the place's."""
    if not a.places:
        return None
    end = max(p.mention.end for p in a.places)
    before = {c for h in a.triggers if h.start < end for c in h.payloads} - GENERIC - CIRCUMSTANCES
    for h in a.triggers:
        if h.start >= end and (h.clitic[:1] == "و" or a.words[h.start - 1].casefold() == "and") and \
                set(h.payloads) - GENERIC - CIRCUMSTANCES - {"explosion"} and not set(h.payloads) & before:
            return h.start  # (not "the device had been planted on a road linking Daquq … and went off on Saturday")
    return None


def _local_dates(a: Analysed, k: int) -> list[DateExpr]:
    """With several places whose attacks turn at a break, each takes the dates told in its own part
    ("قُتل سبعة، أمس الأحد، في هجوم … في بلدة ذيبان …، فيما قُتل شخصان فجر اليوم الاثنين … قرب البصيرة"); a
    single place, those before "and" turns to another attack (see ``_and_turn``)."""
    if len(a.places) < 2:
        turn = _and_turn(a) if a.dates else None
        if turn is not None and any(t.end == turn for t in a.triggers):
            turn = None  # the weapons of one attack, and its day after them: "بالأسلحة الخفيفة والقنابل اليدوية أمس"
        return a.dates if turn is None else [d for d in a.dates if d.start < turn]
    lo, hi = _part(a, k, halfway=False)
    return [d for d in a.dates if lo <= d.start < hi] or a.dates


def _local_type(a: Analysed, k: int, lexicon: Lexicon) -> str | None:
    """With several places, each takes the weapons named nearest to it: "rockets on Ain
    al-Asad, and a drone on Harir" are two incidents of two types."""
    if len(a.places) < 2:
        return None
    spans = [(p.mention.start, p.mention.end) for p in a.places]
    lo, hi = _part(a, k, halfway=True)
    local = {c for h in a.triggers if lo <= h.start < hi for c in h.payloads}
    if not local & WEAPONS:
        # "gunmen attacked a checkpoint near X, …, while a roadside bomb hit Y": X's is a clash
        if any("fighters" in h.payloads and lo <= h.start < hi for h in a.cues):
            local |= {"fighters"}
        if local & {"clash", "fighters"} and a.classes & WEAPONS:
            return lexicon.incident_type(local)
        # "… attack near Anah; roadside bomb wounds three near Hit": Hit's bomb is not Anah's means
        own_turn = (k + 1 < len(spans) and _turn(a, spans[k][1], spans[k + 1][0]) is not None) or \
            (k > 0 and _turn(a, spans[k - 1][1], spans[k][0]) is not None)  # ("… فيما تعرضت قرى تل تمر لقصف")
        return lexicon.incident_type(local) if own_turn and local else None
    return lexicon.incident_type(local | (a.classes - WEAPONS - ({"clash"} - local)))  # (another place's fighting is
    # not this one's: "fighting reaches outskirts of Hama; air strike on Idlib city")


def _part(a: Analysed, k: int, halfway: bool) -> tuple[float, float]:
    """The words of place ``k``'s attack: from where it turns from the previous place's attack to where
    the next place's begins (see ``_turn``). With no turn told, ``halfway`` splits half way between the
    two names; else the part runs on to the sentence's start or end."""
    spans = [(p.mention.start, p.mention.end) for p in a.places]

    def cut(end: int, start: int, default: float) -> float:
        turn = _turn(a, end, start)
        return turn if turn is not None else (end + start) / 2 if halfway else default

    lo = cut(spans[k - 1][1], spans[k][0], 0) if k else 0
    hi = cut(spans[k][1], spans[k + 1][0], len(a.words)) if k + 1 < len(spans) else len(a.words)
    return lo, hi


def _assigned(a: Analysed, k: int) -> tuple[int | None, int | None]:
    """Casualties that belong to place ``k``: all of them when it is the only place, else
    those after it and before the next place."""
    counts: dict[str, int] = {}
    starts = [p.mention.start for p in a.places]
    totals = [h.start for h in a.cues if "total" in h.payloads]
    for pos, kind, n in a.casualties:
        if n == 0 and len(starts) > 1 and pos < starts[-1]:  # "the attack on X caused no losses; no word yet on Y"
            if max((j for j, s in enumerate(starts) if s <= pos), default=0) != k:
                continue
        elif len(starts) > 1 and n != 0:  # "no casualties at either site" holds for every place
            if any(abs(t - pos) <= TOTAL_WINDOW for t in totals):
                continue  # "killing 11 fighters in all": the sum over the places, no one place's
            owner = _owner(a, starts, pos)
            # "... in X and Y, and officials said 16 were killed": a total, not Y's
            if owner != k or any(starts[k] < w < pos for w in a.speech):
                continue
        counts[kind] = max(counts.get(kind, 0), n)
    return counts.get("killed"), counts.get("injured")


def _owner(a: Analysed, starts: list[int], pos: int) -> int | None:
    """The place a figure belongs to: the one told before it, unless the next place's attack has
    begun ("…near Haqlaniyah, killing two, a day after a roadside bomb wounded three near
    al-Baghdadi": the three are al-Baghdadi's)."""
    owner = max((j for j, s in enumerate(starts) if s <= pos), default=None)
    if owner is None:  # "Four girls killed by drone near Hasakah; shelling kills 16 in al-Bab": the first's,
        # when the next place has an attack of its own (not "two killed in strikes on X and Y")
        return 0 if _turn(a, a.places[0].mention.end, starts[1]) is not None else None
    if owner + 1 == len(starts):
        return owner
    turn = _turn(a, a.places[owner].mention.end, starts[owner + 1])
    return owner + 1 if turn is not None and pos >= turn else owner


def _turn(a: Analysed, lo: int, hi: int) -> int | None:
    """Where, between two places' names, the words of the second's attack begin: the break before
    the first attack word that names a means ("…near Haqlaniyah, killing two, a day after a
    roadside bomb …"), or None."""
    first = next((t.start for t in a.triggers if lo <= t.start < hi and set(t.payloads) - GENERIC), None)
    if first is None:  # "… قرب مدينة القامشلي، فيما تعرضت قرى في محيط بلدة تل تمر لقصف مدفعي …": a clause of its own;
        # "… near Tarmiyah, two days after militants attacked an army post near Dujail"
        after = next((h.start for h in a.cues if lo <= h.start < hi and _after_cue(h)), None)
        after = after if after is not None else _joined(a, lo, hi)
        after = after if after is not None else next(
            (b for b in _while_breaks(a.words, a.breaks) if lo <= b < hi and
             (any(set(t.payloads) - GENERIC for t in a.triggers if t.start >= hi) or
              any(b < t.start < hi for t in a.triggers))), None)  # ("، فيما أصيب جنديان بهجوم شنه مسلحون … قرب مندلي")
        # "… near al-Mayadin …, the ministry said, and two attackers were killed early on Wednesday when gunmen
        # attacked an army checkpoint in the nearby town of al-Ashara": a clause of its own, with its own attack word
        # "… في مطار أربيل الدولي مساء أمس الأحد، وقاعدة حقل كونيكو … فجر اليوم الاثنين": each target after its own
        # day, the second joined by و after a comma
        after = after if after is not None else next(
            (b for b in a.breaks if lo <= b <= hi and a.words[b][:1] == "و" and is_arabic(a.words[b]) and
             any(lo <= d.start < b for d in a.dates) and any(d.start >= hi for d in a.dates)), None)
        return after if after is not None else max(
            (b for b in a.breaks if lo <= b < hi and a.words[b].casefold() == "and" and
             any(b < t.start < hi for t in a.triggers)), default=None)
    # ("… قرب أريحا، فيما أُصيب أربعة مدنيين، بينهم طفلان، صباح اليوم بقصف مدفعي …": the "while" opens the turn;
    # "مسيرة إسرائيلية تستهدف سيارة قرب جديدة يابوس بعد يومين من غارة على القصير": so does "two days after")
    turn = next((h.start for h in a.cues if lo <= h.start <= first and _after_cue(h)), None)
    turn = turn if turn is not None else next((b for b in _while_breaks(a.words, a.breaks) if lo <= b <= first), None)
    turn = turn if turn is not None else max((b for b in a.breaks if lo <= b <= first), default=None)
    return turn if turn is not None else _joined(a, lo, first + 1)


def _joined(a: Analysed, lo: int, hi: int) -> int | None:
    """"… a roadside bomb in Fallujah and an attack on a checkpoint in Tuz", "a firefight … in Sinjar town on
    Tuesday and a drone strike near Khanasor", "بقصف صاروخي على أسواق مدينة إدلب وغارة روسية قرب دارة عزة":
    another attack joined by "and a" or by و."""
    return next((t.start - 2 for t in a.triggers if lo <= t.start - 2 and t.start < hi and
                 a.words[t.start - 1].casefold() in ("a", "an") and a.words[t.start - 2].casefold() == "and"), None) \
        if not is_arabic(a.words[0]) else next(
            (t.start for t in a.triggers if lo <= t.start < hi and t.clitic[:1] == "و" and set(t.payloads) - GENERIC),
            None)


QUOTED = regex.compile(r"«[^»]{1,60}»")


def _quoted_words(a: Analysed, start: int, end: int) -> int:
    """How many words the «…» around words ``start:end`` holds (0 when they are not inside one)."""
    first, last = a.offsets[start][0] - a.start, a.offsets[end - 1][1] - a.start
    for q in QUOTED.finditer(a.text):
        if q.start() < first and last < q.end():
            return sum(1 for s, e in a.offsets if q.start() < s - a.start and e - a.start < q.end())
    return 0


SHORT_QUOTE = 4  # words in «…» that make a name (an outlet's, an operation's), not a quoted statement


def _nearest_date(dates: list[DateExpr], m: Mention, anchors: list[int] = ()) -> DateExpr | None:
    """The date told closest to the place or to an attack word ("mourners in Chamchamal today
    buried three men killed last week in a drone strike": last week)."""
    def distance(d: DateExpr) -> int:
        spans = [(m.start, m.end)] + [(i, i + 1) for i in anchors]
        return min(max(d.start - e, s - d.end, 0) for s, e in spans)

    # "earlier this month, on 14 June": the day, not the month it is in
    days = {(d.date.year, d.date.month) for d in dates if d.precision == 1}
    dates = [d for d in dates if d.precision != 3 or (d.date.year, d.date.month) not in days]
    return min(dates, key=distance, default=None)


HEADING_WORDS = 12  # at most this many words in a heading line


def _heading(a: Analysed) -> bool:
    """A heading ("قصف على سيدكان", a subhead between paragraphs): a short line with no full stop. Like a
    headline it names the attack the section tells, with no day of its own to borrow from the sentences before."""
    return len(a.words) <= HEADING_WORDS and not a.text.rstrip().endswith((".", "!", "?", "؟", "…", ":", '"', "»", "”"))


def _label_day(a: Analysed, before: list[Analysed]) -> DateExpr | None:
    """The day of a label just before the sentence, on the same line ("• Salahuddin — Balad Air Base (Thursday 22
    June). Two rockets struck …", "DIYALA - Wednesday 21 June\n- Militants attacked …")."""
    return before[-1].label_day if before and a.start - before[-1].end <= 1 else None


def _context_date(a: Analysed, before: list[Analysed]) -> DateExpr | None:
    """The date of the nearest earlier sentence about the same kind of attack, else of the
    nearest earlier dated attack ("Israeli jets struck three airports last night … In western
    Daraa, clashes broke out near Nawa": the same night)."""
    if (label := _label_day(a, before)) is not None:
        return label
    attacks = [b for b in reversed(before) if b.dates and b.classes and not b.blocked]
    same = next((b for b in attacks if (b.classes & a.classes) - GENERIC or a.classes <= GENERIC), None)
    if attacks:
        return (same or attacks[0]).dates[-1]
    if before and before[-1].reference is not None and a.start - before[-1].end <= 1:
        # ("But on Tuesday, the war came back to the fields. A roadside bomb exploded …": the sentence just before,
        # in the same paragraph, sets the day when no attack before it has one)
        return next((d for d in reversed(find_dates(before[-1].words, before[-1].reference)) if d.precision == 1), None)
    return None


def _context_perpetrator(target: str, classes: set[str], before: list[Analysed]) -> str:
    """Who attacked, when the sentence does not say: whoever the nearest earlier sentence says
    attacked the same target; with no target named, the perpetrator of the nearest earlier
    sentence about the same kind of attack."""
    for b in reversed(before):
        if target and target in b.targets and b.perpetrators and b.perpetrators[0] != target:
            return b.perpetrators[0]
    if target:
        return ""
    for b in reversed(before):
        if b.perpetrators and (b.classes & classes) - GENERIC:
            return b.perpetrators[0]
    return ""


def _one_site(incidents: list[ExtractedIncident]) -> bool:
    """Every incident told is at one site, or in its governorate ("… a drone strike in Idlib province" and the
    strike near al-Dana): one attack, told again."""
    sites = {i.place.place_id for i in incidents if i.place.feature != "governorate"}
    return len(sites) == 1 and all(i.place.feature != "governorate" or i.place.name == o.place.admin1
                                   for i in incidents for o in incidents if o.place.feature != "governorate")


def _zeroes(incidents: list[ExtractedIncident], a: Analysed, lexicon: Lexicon) -> None:
    """"No one was killed": the zero figures a sentence says of everyone fill the ones the tellings of
    the attack lack (not "No U.S. personnel were hurt", "no coalition casualties": of some only)."""
    keys = [word_key(w) for w in a.words]
    hits = [h for h in lexicon.casualties.find(a.words, keys) if h.payloads[0].kind in NONE_KINDS]
    if not hits or any("blocker" in h.payloads for h in lexicon.cues.find(a.words, keys)):
        return
    groups = [h for h in lexicon.actors.find(a.words, keys)]
    for h in hits:
        if any(h.start <= g.start < h.end for g in groups):
            continue
        for kind in NONE_KINDS[h.payloads[0].kind]:
            for incident in incidents:
                if kind == "killed" and incident.fatalities is None:
                    incident.fatalities = 0
                elif kind == "injured" and incident.injured is None:
                    incident.injured = 0


def _continue(incident: ExtractedIncident, a: Analysed, lexicon: Lexicon, announced: bool = False) -> None:
    """A follow-up without a place of its own ("the strike killed three, among them…") adds
    what the incident lacks: the fuller casualty figures, the date, the means, the actors;
    unless it is dated differently (then it tells of something else). An incident dated only
    by its announcement takes the earlier day its attack is told on ("أعلنت الخلية، اليوم
    الثلاثاء، استشهاد ضابط … «عبوة ناسفة انفجرت مساء أمس الاثنين …»")."""
    if announced and a.classes and a.dates and incident.event_date and a.dates[0].precision == 1 and \
            0 < (incident.event_date - a.dates[0].date).days <= ANNOUNCED_AFTER_DAYS:
        incident.event_date, incident.time_precision = a.dates[0].date, a.dates[0].precision
    retold = a.classes and a.classes <= GENERIC and _definite(a)  # "the attack caused no losses … (news of today)"
    if a.dates and incident.event_date and all(d.date != incident.event_date for d in a.dates) and not retold:
        return
    for _, kind, n in a.casualties:
        if kind == "killed":
            incident.fatalities = _max(incident.fatalities, n)
        elif kind == "injured":
            incident.injured = _max(incident.injured, n)
    if incident.event_date is None and a.dates:
        incident.event_date, incident.time_precision = a.dates[0].date, a.dates[0].precision
    refined = lexicon.incident_type(a.classes)
    if incident.incident_type == "other" and refined not in (None, "other"):
        incident.incident_type = refined
    elif incident.incident_type == "rocket_attack" and refined == "missile_attack":
        incident.incident_type = refined  # "the bombardment … it used surface-to-surface missiles"
    elif incident.incident_type == "missile_attack" and refined == "airstrike" and {"aircraft", "missile"} <= a.classes:
        incident.incident_type = refined  # "missiles struck the base … two aircraft fired eight missiles"
    elif incident.incident_type == "airstrike" and "drone" in a.classes and "strike" not in a.classes:
        incident.incident_type = "drone_strike"  # "a strike in Baghdad … a drone hit a car" 
    if not incident.actor1 and a.perpetrators:
        incident.actor1 = a.perpetrators[0]


def _ref(p: Place, precision: int) -> PlaceRef:
    return PlaceRef(p.id, p.name, p.name_ar, p.latitude, p.longitude, p.feature, p.admin1, p.country, precision)


# ---- within-article dedup ------------------------------------------------------------------
def merge_within(incidents: list[ExtractedIncident], another: frozenset[int] = frozenset(),
                 announced: frozenset[int] = frozenset(), dateless: frozenset[int] = frozenset(),
                 separate: frozenset[int] = frozenset(), fresh: frozenset[int] = frozenset(),
                 retellings: frozenset[int] = frozenset()) -> list[tuple[ExtractedIncident, list[ExtractedIncident]]]:
    """One incident told twice in one report is kept once: same place and date, a headline and
    its story, a town and its airport or district named in turn (see ``_retold``). Each kept
    incident comes with the tellings merged into it. An incident told in a sentence that starts
    at one of ``another`` ("a second car bomb …") is a new one. One dated only by the day it was
    announced (told in a sentence starting at one of ``announced``) is the same site's attack told
    later on its own, earlier day ("… killed in a raid in al-Bab, CENTCOM said on Saturday" and
    "On July 25, CENTCOM forces conducted a raid in al-Bab"). One told in a sentence with no date
    of its own (one of ``dateless``) is a retelling of an incident close by, as an undated one is
    ("the drone fired a rocket at the car on the road between X and Y" after "… near Quneitra"),
    unless its sentence tells it as ``separate`` ("Minutes later, …", "وبالتزامن مع الغارات …"): then
    only an undated headline may be its twin. One in a sentence of ``fresh`` places an attack told
    just before without a place ("Rebels fired shells at the capital. One struck Bab Touma"): it is
    a retelling only of a headline or of an incident at the same site. One in a sentence of
    ``retellings`` retells an attack told before: its means, even if named later, are that one's."""
    out: list[ExtractedIncident] = []
    tellings: list[list[ExtractedIncident]] = []
    for inc in incidents:
        twins = [k for k, o in enumerate(out) if (_same_site(o.place, inc.place) if o.event_date is None else
                                                   o.start == 0 and o.event_date == inc.event_date and
                                                   o.place.place_id == inc.place.place_id)] \
            if inc.start in another else [  # (a further attack may still be one an undated headline named, or the
            # dated headline that told it: "… strikes hit … near Qusayr and site outside Hama", then "On Friday, a second
            # wave of strikes hit … the outskirts of Hama")
            k for k, o in enumerate(out) if ((inc.start in retellings or
                                              _same_kind(o.incident_type, inc.incident_type, o.event_date is not None))
                                             and _retold(o, inc, inc.start in dateless)
                                             and (inc.start not in separate or o.event_date is None or _same_telling(o, inc))
                                             and (inc.start not in fresh or o.event_date is None
                                                  or _same_site(o.place, inc.place)))
            or _headline(o, inc)]
        # (the same site first: "… army camp near Falluja; car bomb kills four near Abu Ghraib" and the
        # story's Abu Ghraib bomb)
        k = next((k for k in twins if _same_site(out[k].place, inc.place)), twins[0] if twins else None)
        later = False  # whether ``inc`` is the announced attack told on its own day
        if k is None and inc.start in announced and inc.start not in another:
            # "a drone strike … near Sarmada on Sunday" then "CENTCOM said in a statement on Monday that U.S. forces
            # had conducted a strike … near Sarmada": the day told first, announced later
            k = next((k for k, o in enumerate(out) if o.event_date is not None and inc.event_date is not None and
                      0 < (inc.event_date - o.event_date).days <= ANNOUNCED_AFTER_DAYS and
                      _same_site(o.place, inc.place) and _same_kind(o.incident_type, inc.incident_type, True)), None)
        if k is None and inc.start not in another:
            k = next((k for k, o in enumerate(out) if any(t.start in announced for t in tellings[k])
                      and _announced_earlier(o, inc)), None)
            later = k is not None
        if k is None:
            out.append(replace(inc))
            tellings.append([inc])
            continue
        twin = out[k]
        tellings[k].append(inc)
        if later:  # the day it happened, and the site where the lede had only the province
            twin.event_date, twin.time_precision = inc.event_date, inc.time_precision
        wider = inc.place.feature == "governorate" and twin.place.admin1 == inc.place.name  # (keep the town)
        inside = twin.place.feature == "governorate" and inc.place.admin1 == twin.place.name  # ("… نقاطاً في ريف
        # دمشق" then "… في محيط بلدة الديماس بريف دمشق": the town)
        if twin.place.place_id != inc.place.place_id and not wider and (inside or twin.event_date is None or _finer(inc.place, twin.place) or
                                                          _headline(twin, inc) or
                                                          (later and twin.place.feature == "governorate")):
            # keep the dated story over its headline, the airport or district over its town
            twin.place, twin.mention, twin.candidates = inc.place, inc.mention, inc.candidates
            twin.evidence, twin.start, twin.end = inc.evidence, inc.start, inc.end
        drone = {twin.incident_type, inc.incident_type} == {"airstrike", "drone_strike"} and all(  # a drone's strike,
            x.event_date is not None for x in (twin, inc) if x.incident_type == "drone_strike")  # told exactly (not by
        # a headline's, whose drone may be another place's: "غارات … قرب الميادين بعد هجوم بمسيّرة على قاعدة كونيكو")
        if twin.incident_type == "other" or (inc.incident_type == "missile_attack" and twin.incident_type != "drone_strike") or \
                (twin.event_date is None and (not _same_kind(twin.incident_type, inc.incident_type) or
                                              {twin.incident_type, inc.incident_type} == DRONES)):
            twin.incident_type = inc.incident_type  # the means told, the more specific of kin, the story's
        if drone:
            twin.incident_type = "drone_strike"
        twin.fatalities = _max(twin.fatalities, inc.fatalities)
        twin.injured = _max(twin.injured, inc.injured)
        if twin.event_date is None or (inc.time_precision or 9) < (twin.time_precision or 9):
            twin.event_date, twin.time_precision = inc.event_date, inc.time_precision  # (the day of a week told)
        twin.actor1 = twin.actor1 or inc.actor1
        twin.actor2 = twin.actor2 or inc.actor2
    return list(zip(out, tellings))


SETTLEMENTS = ("city", "town", "village")
SETTLEMENT_RANK = {"village": 1, "town": 2, "city": 3}  # the smaller a road's end, the nearer the road


def _same_telling(o: ExtractedIncident, inc: ExtractedIncident) -> bool:
    """"… فيما أُصيب جنديان بانفجار عبوة ناسفة قرب طوز خورماتو فجر اليوم" then "وفي حادث منفصل، انفجرت عبوة
    ناسفة فجر اليوم … قرب قضاء طوز خورماتو": the "separate incident" is the lede's second attack told again
    (the same means at the same site on the same day), separate only from the first."""
    return o.incident_type == inc.incident_type and o.event_date == inc.event_date and _same_site(o.place, inc.place)


DRONES = {"drone_strike", "drone_attack"}  # kin, but the story's word for it beats the headline's
KIN = ({"rocket_attack", "missile_attack"},  # a headline's "ballistic missiles" are the story's "rockets"
       {"missile_attack", "airstrike"},  # "missiles hit the base … the strike caused damage"
       {"drone_strike", "missile_attack"},  # "a drone struck a car … the guided missile that hit it"
       {"drone_strike", "drone_attack"})  # "a car was hit by a drone near X" … "a small explosive drone struck a car near X"
LATER_KIN = {("airstrike", "rocket_attack"),  # a dated "Israeli air raid on al-Kiswah" then "air defences met
              ("drone_strike", "rocket_attack"),  # the rockets"; "a drone hit a car" then "it fired a rocket"
              ("drone_strike", "airstrike"),  # "an unmanned aircraft strike near X" then "a car was struck near X"
              ("airstrike", "drone_strike")}  # "a strike … near al-Dana" then "The strike, conducted by an unmanned
# aircraft near the town of al-Dana": a drone's strike is an air strike told more exactly (the drone's word wins)
# Not a headline's (undated) "strike … and shells on Dhiban", nor rockets told before an air raid.


def _same_kind(a: str, b: str, story: bool = False) -> bool:
    """``b``, told after ``a``, may be the same attack: the same means, kin, or an untold means;
    with ``story`` (``a`` is dated, not a headline), the means a later sentence may name for it."""
    return a == b or "other" in (a, b) or any({a, b} == kin for kin in KIN) or (story and (a, b) in LATER_KIN)


def _finer(a: PlaceRef, b: PlaceRef) -> bool:
    """``a`` is a part of town (airport, base, district) and ``b`` the town."""
    return a.feature not in SETTLEMENTS + ("governorate",) and b.feature in SETTLEMENTS


def _retold(a: ExtractedIncident, b: ExtractedIncident, dateless: bool = False) -> bool:
    """Same place and date (or one undated); a town and a part of it on the same day ("strikes
    on Aleppo … the attack on Aleppo airport"); or an undated retelling (a headline's "south
    of Damascus", "in the Homs desert") of an incident close by or in the same governorate."""
    if a.event_date != b.event_date and None not in (a.event_date, b.event_date):
        return a.place.place_id == b.place.place_id and (_holds(a, b) or (b.time_precision == 2 and _holds(b, a)))
        # (a day told first, then "earlier in the week": that day; but a month told later may be another attack)
    if a.place.place_id == b.place.place_id:
        return True
    km = distance_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude)
    if a.start != b.start and _town_and_part(a.place, b.place):
        return True  # (two sites named in one sentence are two incidents)
    if a.start != b.start and any(x.place.feature == "governorate" and x.place.name == y.place.admin1
                                  for x, y in ((a, b), (b, a))):
        return True  # "a strike on Latakia province … a facility outside the city of Latakia" that day
    undated = [x for x in (a, b) if x.event_date is None] or ([b] if dateless else [])
    if not undated or a.start == b.start:  # ("… attack near Anah; roadside bomb wounds three near Hit")
        return False
    if a.place.country != b.place.country:  # ("… in al-Qaim. In Syria, strikes targeted positions near Albu Kamal")
        return False
    loose = undated[0].place
    return km <= HEADLINE_KM or (loose.geo_precision > 1 and loose.admin1 and a.place.admin1 == b.place.admin1) or \
        (loose.feature == "governorate" and loose.name in (a.place.admin1, b.place.admin1))


def _holds(a: ExtractedIncident, b: ExtractedIncident) -> bool:
    """``a``'s vaguer date holds ``b``'s day: "clashes that began earlier in the week in Ramadi" then "In
    Ramadi, clashes … erupted on Wednesday" (a week's date, within a week either side; a month's, the month)."""
    if a.time_precision == 2 and b.time_precision == 1:  # (a week either side: "last week" is the report's day less
        return abs((a.event_date - b.event_date).days) < 7  # seven, and its Wednesday may be six days back)
    if a.time_precision == 3 and b.time_precision == 1:
        return (a.event_date.year, a.event_date.month) == (b.event_date.year, b.event_date.month)
    return False


def _same_site(a: PlaceRef, b: PlaceRef) -> bool:
    """The same place, or a town and a part of it."""
    return a.place_id == b.place_id or _town_and_part(a, b)


def _town_and_part(a: PlaceRef, b: PlaceRef) -> bool:
    """A town and a part of it (its airport, base, district) close by."""
    return a.admin1 == b.admin1 and (_finer(a, b) or _finer(b, a)) and \
        distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= FACILITY_TOWN_KM


def _headline(a: ExtractedIncident, b: ExtractedIncident) -> bool:
    """``a`` is an undated headline of ``b``: told before it, at its place, the town of its
    part, or the governorate's main city ("CENTCOM kills ISIS operative in Deir ez-Zor" over
    the strike near Subaykhan); its attack word may be vaguer ("raid" over "clashed")."""
    headline = a.event_date is None or (a.start == 0 and a.event_date == b.event_date and (  # "Syrian shelling kills
        a.incident_type == b.incident_type or a.place.place_id == b.place.place_id))  # Turkish soldiers in Idlib … in
    # Saraqib"; "ثلاثة قتلى بنزاع عشائري في الجبايش" over the story's shells fired at al-Chibayish that day
    near = a.place.admin1 == b.place.admin1 or (a.start == 0 and a.place.feature == "city" and distance_km(
        a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= HEADLINE_KM) or (  # "near Damascus" …
        a.start == 0 and a.event_date is None and a.place.geo_precision > 1 and a.incident_type == b.incident_type)
    # ("IED hits supply convoy south of Baghdad" over the story's bomb near Diwaniyah)
    return headline and b.event_date is not None and a.start < b.start and near \
        and (_same_site(a.place, b.place) or a.place.feature in ("city", "governorate")
             or a.place.name == a.place.admin1  # ("… hits army truck in Daraa": the province's seat)
             or (b.place.feature == "governorate" and b.place.name == a.place.admin1))  # ("… drone strike near
    # al-Dana killed commander" and the story's "a drone strike in Syria's Idlib province")


def _announced_earlier(a: ExtractedIncident, b: ExtractedIncident) -> bool:
    """``b`` is ``a``'s attack on its own day, a few days before ``a`` was announced: the same
    site, or a place in the governorate ``a`` names."""
    return a.event_date is not None and b.event_date is not None and a.start < b.start \
        and 0 < (a.event_date - b.event_date).days <= ANNOUNCED_AFTER_DAYS \
        and (_same_site(a.place, b.place) or (a.place.feature == "governorate" and a.place.name == b.place.admin1))


def _contains(area: Place, place: Place) -> bool:
    """``area`` is a wider unit that holds ``place``: its governorate, or a district of the same
    governorate close by (not a neighbourhood of Damascus beside a town of Rif Dimashq)."""
    if place.precision >= area.precision:
        return False
    if area.feature == "governorate":
        return place.admin1 == area.name
    return place.admin1 == area.admin1 and place_km(area, place) <= DISTRICT_KM


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)
