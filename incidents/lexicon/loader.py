"""The extraction lexicon: every CSV of this folder loaded into phrase tables, validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from incidents.arabic import name_key, number_words
from incidents.lexicon import choice, load_csv
from incidents.phrases import PhraseTable

TRIGGER_CLASSES = ("strike", "shelling", "attack", "rocket", "missile", "drone", "drone_explosive", "ied", "clash",
                   "vehicle", "aircraft", "explosion", "truce", "fighters", "civil", "target", "grenade")
CUE_ROLES = ("locative", "near", "direction", "container", "container_after", "locative_after", "route_after", "metonym", "remote", "remote_after", "route", "between", "launch", "distance_unit", "duration_unit", "age", "countryside", "takeover", "anaphor", "anaphor_facility", "anaphor_dateline",
             "total", "blocker", "ongoing", "year_only", "another", "another_after", "separate", "hours_after", "day_after", "two_days_after", "three_days_after", "long_after", "day_before", "breaking", "fighters", "retell", "person", "speech", "reaction", "forecast", "question", "impact", "report", "header", "similar", "latest", "lower_bound", "toll_killed", "toll_injured", "rise", "partitive", "negation", "unknown", "narrowing", "superlative", "response")
CASUALTY_KINDS = ("killed", "injured", "casualties", "none", "none_killed", "none_injured")


@dataclass(frozen=True)
class ActorAlias:
    actor: str
    kind: str  # name | adjective


@dataclass(frozen=True)
class Actor:
    actor: str
    name_ar: str
    acled_actor: str
    inter: int


@dataclass(frozen=True)
class CasualtyWord:
    kind: str
    count: int | None


@dataclass(frozen=True)
class Lexicon:
    triggers: PhraseTable[str]
    type_rules: tuple[tuple[frozenset[str], str], ...]
    actors: PhraseTable[ActorAlias]
    actor_info: dict[str, Actor]
    casualties: PhraseTable[CasualtyWord]
    cues: PhraseTable[str]
    roles: PhraseTable[str]
    vague_numbers: frozenset[str]
    anaphors: PhraseTable[str]  # phrases naming a place told before ("in its vicinity")

    def incident_type(self, classes: set[str]) -> str | None:
        """The first type rule whose required trigger classes are all present."""
        for required, incident_type in self.type_rules:
            if required <= classes:
                return incident_type
        return None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    from incidents.model import INCIDENT_TYPES

    triggers: PhraseTable[str] = PhraseTable()
    for n, r in enumerate(load_csv("triggers.csv", ("lang", "phrase", "class")), start=2):
        triggers.add(r["phrase"], choice("triggers.csv", n, r["class"], TRIGGER_CLASSES))
    rules = []
    for n, r in enumerate(load_csv("type_rules.csv", ("order", "requires", "incident_type")), start=2):
        required = frozenset(r["requires"].split())
        for c in required:
            choice("type_rules.csv", n, c, TRIGGER_CLASSES)
        rules.append((int(r["order"]), required, choice("type_rules.csv", n, r["incident_type"], INCIDENT_TYPES)))
    info = {}
    for n, r in enumerate(load_csv("actors.csv", ("actor", "name_ar", "acled_actor", "inter")), start=2):
        info[r["actor"]] = Actor(r["actor"], r["name_ar"], r["acled_actor"], int(r["inter"]))
    actors: PhraseTable[ActorAlias] = PhraseTable()
    for n, r in enumerate(load_csv("actor_aliases.csv", ("lang", "phrase", "actor", "kind")), start=2):
        actor = choice("actor_aliases.csv", n, r["actor"], set(info))
        actors.add(r["phrase"], ActorAlias(actor, choice("actor_aliases.csv", n, r["kind"], ("name", "adjective"))))
    casualties: PhraseTable[CasualtyWord] = PhraseTable()
    for n, r in enumerate(load_csv("casualties.csv", ("lang", "phrase", "kind")), start=2):
        kind = choice("casualties.csv", n, r["kind"], CASUALTY_KINDS)
        casualties.add(r["phrase"], CasualtyWord(kind, int(r["count"]) if r["count"] else None))
    cues: PhraseTable[str] = PhraseTable()
    anaphors: PhraseTable[str] = PhraseTable(keep_article=True)  # "في المدينة" is not "في مدينة X"
    for n, r in enumerate(load_csv("cues.csv", ("lang", "phrase", "role")), start=2):
        role = choice("cues.csv", n, r["role"], CUE_ROLES)
        (anaphors if role.startswith("anaphor") else cues).add(r["phrase"], role)
    roles: PhraseTable[str] = PhraseTable()
    for n, r in enumerate(load_csv("roles.csv", ("lang", "phrase", "role")), start=2):
        roles.add(r["phrase"], choice("roles.csv", n, r["role"], ("target", "perpetrator", "affiliation", "owner")))
    vague = frozenset(name_key(r["word"]) for r in load_csv("vague_numbers.csv", ("lang", "word")))
    number_words()  # validate numbers.csv at load time too
    return Lexicon(triggers, tuple((req, t) for _, req, t in sorted(rules, key=lambda x: x[0])),
                   actors, info, casualties, cues, roles, vague, anaphors)
