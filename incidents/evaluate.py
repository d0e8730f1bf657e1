"""Scoring extraction against a labelled set (format in DESIGN.md).

A predicted incident matches a gold one from the same passage when it lies within 25 km;
place+date also needs the same day (or month, for a month-only gold date ``YYYY-MM``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import distance

from gazetteer import Gazetteer, default_gazetteer
from incidents.dates import parse_iso
from incidents.errors import InputError
from incidents.extract import extract
from incidents.model import Article, ExtractedIncident
from incidents.text import clean, content_hash, detect_language

MATCH_KM = 25.0


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    place_hits: int = 0
    date_hits: int = 0
    type_hits: int = 0
    casualty_hits: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class EvaluationResult:
    by_lang: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def total(self) -> Counts:
        out = Counts()
        for c in self.by_lang.values():
            out.add(c)
        return out

    def report(self) -> str:
        lines = []
        for name, c in [*sorted(self.by_lang.items()), ("all", self.total())]:
            pp, pr, pf = Counts.prf(c.place_hits, c.predicted, c.gold)
            dp, dr, df = Counts.prf(c.date_hits, c.predicted, c.gold)
            ta = c.type_hits / c.place_hits if c.place_hits else 0.0
            ca = c.casualty_hits / c.place_hits if c.place_hits else 0.0
            lines.append(f"{name:>4}: gold {c.gold}, predicted {c.predicted} | place P {pp:.2f} R {pr:.2f} F1 {pf:.2f}"
                         f" | place+date P {dp:.2f} R {dr:.2f} F1 {df:.2f} | type acc {ta:.2f}"
                         f" | exact casualties {ca:.2f}")
        return "\n".join(lines + [f"error: {e}" for e in self.errors])


def _same_date(gold: str | None, pred: ExtractedIncident) -> bool:
    if not gold or pred.event_date is None:
        return False
    if len(gold) == 7:  # month-only gold date
        return pred.event_date.strftime("%Y-%m") == gold
    return pred.event_date.isoformat() == gold[:10]


def score_passage(gold: list[dict], predicted: list[ExtractedIncident]) -> Counts:
    c = Counts(gold=len(gold), predicted=len(predicted))
    free = list(range(len(predicted)))
    for g in gold:
        scored = sorted((distance((g["lat"], g["lon"]), (predicted[i].place.latitude, predicted[i].place.longitude)).km, i)
                        for i in free)
        scored = [(d, i) for d, i in scored if d <= MATCH_KM]
        if not scored:
            continue
        best = next((i for _, i in scored if _same_date(g.get("date"), predicted[i])), scored[0][1])
        free.remove(best)
        p = predicted[best]
        c.place_hits += 1
        c.date_hits += _same_date(g.get("date"), p)
        c.type_hits += p.incident_type == g.get("type")
        c.casualty_hits += (p.fatalities, p.injured) == (g.get("killed"), g.get("injured"))
    return c


def evaluate(gold_path: Path, texts_dir: Path, gazetteer: Gazetteer | None = None) -> EvaluationResult:
    gazetteer = gazetteer or default_gazetteer()
    result = EvaluationResult()
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{gold_path}: cannot read the labelled set: {e.strerror or e}") from e
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = clean((texts_dir / f"{item['id']}.txt").read_text(encoding="utf-8"))
            published = parse_iso(item["publication_date"]) if item.get("publication_date") else None
        except (json.JSONDecodeError, KeyError, OSError, InputError) as e:
            result.errors.append(f"{gold_path}:{lineno}: {e}")
            continue
        article = Article(text, content_hash(text), published=published, lang=item.get("lang") or detect_language(text))
        counts = score_passage(item.get("incidents", []), extract(article, gazetteer))
        result.by_lang.setdefault(article.lang, Counts()).add(counts)
    return result
