"""The evaluate command and its matching rule (25 km, same day or month)."""

import datetime as dt
import re

import pytest

from incidents.evaluate import score_passage
from incidents.model import ExtractedIncident, PlaceRef
from tests.conftest import ROOT, run_cli


def _pred(lat, lon, date, kind="airstrike", killed=None, injured=None):
    place = PlaceRef("x", "x", "", lat, lon, "town", "", "IQ", 1)
    return ExtractedIncident(kind, place, "", 0, 0, date, 1, killed, injured)


GOLD = [{"lat": 34.39, "lon": 40.99, "date": "2024-01-24", "type": "airstrike", "killed": 2, "injured": None}]


def test_match_needs_25_km_and_the_same_day():
    near = score_passage(GOLD, [_pred(34.45, 41.05, dt.date(2024, 1, 24), killed=2)])
    assert (near.place_hits, near.date_hits, near.type_hits, near.casualty_hits) == (1, 1, 1, 1)
    wrong_day = score_passage(GOLD, [_pred(34.39, 40.99, dt.date(2024, 1, 23))])
    assert (wrong_day.place_hits, wrong_day.date_hits, wrong_day.casualty_hits) == (1, 0, 0)
    far = score_passage(GOLD, [_pred(33.3, 44.4, dt.date(2024, 1, 24))])
    assert far.place_hits == 0 and far.predicted == 1


def test_month_only_gold_date_matches_any_day_of_the_month():
    gold = [dict(GOLD[0], date="2024-01")]
    assert score_passage(gold, [_pred(34.39, 40.99, dt.date(2024, 1, 1))]).date_hits == 1


def test_evaluate_command_prints_scores_per_language():
    dev = ROOT / "tests" / "data" / "dev"
    r = run_cli("evaluate", str(dev / "gold.jsonl"), str(dev / "texts"))
    assert r.returncode == 0, r.stderr
    lines = {line.split(":")[0].strip(): line for line in r.stdout.splitlines()}
    assert {"ar", "en", "all"} <= set(lines)
    # a regression floor on our own development set (the targets are place F1 0.90, place+date 0.85)
    for lang in ("ar", "en"):
        place_f1 = float(re.search(r"place P [\d.]+ R [\d.]+ F1 ([\d.]+)", lines[lang])[1])
        assert place_f1 >= 0.90, lines[lang]



@pytest.mark.parametrize("name, place_floor, dated_floor", [
    # Every set below was first run blind (its README records that run) and, but for blind27, studied since;
    # the floors sit a little under the lower language's scores now (place F1, place+date F1).
    ("heldout", 0.90, 0.85), ("blind", 0.90, 0.85), ("blind2", 0.90, 0.85), ("blind3", 0.90, 0.85),
    ("blind4", 0.90, 0.88), ("blind5", 0.90, 0.88), ("blind6", 0.90, 0.84), ("blind7", 0.90, 0.90),
    ("blind8", 0.90, 0.90), ("blind9", 0.90, 0.90), ("blind10", 0.88, 0.85), ("blind11", 0.90, 0.88),
    ("blind12", 0.90, 0.90), ("blind13", 0.90, 0.85), ("blind14", 0.90, 0.87), ("blind15", 0.90, 0.90),
    ("blind16", 0.90, 0.90), ("blind17", 0.88, 0.88), ("blind18", 0.90, 0.90), ("blind19", 0.86, 0.86),
    ("blind20", 0.90, 0.85), ("blind21", 0.90, 0.90), ("blind22", 0.90, 0.90), ("blind23", 0.90, 0.86),
    ("blind24", 0.90, 0.88), ("blind25", 0.90, 0.90), ("blind26", 0.90, 0.90), ("blind28", 0.90, 0.86),
    ("blind29", 0.88, 0.84), ("blind30", 0.90, 0.90), ("blind31", 0.90, 0.88), ("blind32", 0.90, 0.85),
    ("blind33", 0.90, 0.90), ("blind34", 0.88, 0.88), ("blind35", 0.90, 0.82), ("blind36", 0.90, 0.88),
    ("blind37", 0.94, 0.94), ("blind38", 0.94, 0.85), ("blind39", 0.94, 0.89), ("blind40", 0.89, 0.84),
    ("blind41", 0.94, 0.91), ("blind42", 0.92, 0.92), ("blind43", 0.89, 0.89), ("blind44", 0.92, 0.92),
    ("blind27", 0.90, 0.90),  # run but never studied (first run ar 0.91/0.91, en 0.93/0.93)
    # the sixth session's closing measure, studied in the seventh
    ("blind45", 0.90, 0.90), ("blind46", 0.92, 0.88), ("blind47", 0.88, 0.83), ("blind48", 0.89, 0.86),
    # written for the seventh session and studied in it (blind63: Kisik, now in the gazetteer, is found in the eighth
    # session but undated: its day is told only with the takeover in the lede)
    ("blind49", 0.99, 0.94), ("blind50", 0.97, 0.97), ("blind51", 0.92, 0.90), ("blind52", 0.94, 0.90),
    ("blind57", 0.97, 0.92), ("blind58", 0.95, 0.95), ("blind59", 0.97, 0.94), ("blind60", 0.97, 0.92),
    ("blind61", 0.94, 0.82), ("blind62", 0.97, 0.87), ("blind63", 0.90, 0.88), ("blind64", 0.92, 0.92),
    # the seventh session's closing measure, run once and not studied (floors at their first runs)
    ("blind53", 0.84, 0.84), ("blind54", 0.85, 0.77), ("blind55", 0.95, 0.95), ("blind56", 0.84, 0.75),
    ("blind65", 0.84, 0.84), ("blind66", 0.94, 0.94), ("blind67", 0.90, 0.90), ("blind68", 0.82, 0.82),
    # the seventh session's final measure (floors at their first runs; their Arabic misses studied since)
    ("blind69", 0.78, 0.78), ("blind70", 0.91, 0.82), ("blind71", 0.95, 0.91), ("blind72", 0.83, 0.78),
    # the seventh session's last measure, run once and not studied (floors at their first runs)
    ("blind73", 0.89, 0.89), ("blind74", 0.91, 0.82), ("blind75", 0.89, 0.89), ("blind76", 0.84, 0.84),
    # the eighth session's first measure (floors at their first runs; studied since)
    ("blind77", 0.92, 0.83), ("blind78", 0.88, 0.88), ("blind79", 0.95, 0.95), ("blind80", 0.84, 0.84),
    ("blind81", 0.89, 0.89), ("blind82", 0.93, 0.93), ("blind83", 0.91, 0.91), ("blind84", 0.84, 0.76),
    # the eighth session's closing measure (floors at their first runs; their English misses studied since)
    ("blind85", 0.98, 0.98), ("blind86", 0.89, 0.84), ("blind87", 0.93, 0.93), ("blind88", 0.80, 0.80),
    # the eighth session's final measure (floors at their first runs; studied since)
    ("blind89", 0.95, 0.93), ("blind90", 0.93, 0.88), ("blind91", 0.89, 0.83), ("blind92", 0.90, 0.85),
    # the eighth session's last measure, run once and not studied (floors at their first runs)
    ("blind93", 0.93, 0.89), ("blind94", 0.89, 0.89), ("blind95", 0.88, 0.83), ("blind96", 0.93, 0.90),
])
def test_studied_sets_stay_above_their_floors(name, place_floor, dated_floor):
    """The sets once written blind have been studied since: they guard against regressions."""
    folder = ROOT / "tests" / "data" / name
    r = run_cli("evaluate", str(folder / "gold.jsonl"), str(folder / "texts"))
    assert r.returncode == 0, r.stderr
    lines = {line.split(":")[0].strip(): line for line in r.stdout.splitlines()}
    for lang in ("ar", "en"):
        place_f1 = float(re.search(r"place P [\d.]+ R [\d.]+ F1 ([\d.]+)", lines[lang])[1])
        dated_f1 = float(re.search(r"place\+date P [\d.]+ R [\d.]+ F1 ([\d.]+)", lines[lang])[1])
        assert place_f1 >= place_floor and dated_f1 >= dated_floor, lines[lang]
