"""The reference Arabic report, end to end through the command-line contract."""

from __future__ import annotations

import json

import pytest
from geopy.distance import distance

from tests.conftest import run_cli

EXPECTED = {
    # place: (lat, lon, date, time_precision, type, killed, injured)
    "Jurf": (32.867, 44.214, "2024-01-24", 1, "airstrike", None, None),
    "Qaim": (34.39, 40.99, "2024-01-24", 1, "airstrike", 2, None),
    "Asad": (33.786, 42.441, "2024-01-20", 1, "missile_attack", None, 4),
    "Baghdad": (33.315, 44.366, "2024-01-01", 3, "drone_strike", 1, None),
}


def _features(tmp_path, seed_path, *extra):
    db = tmp_path / "seed.db"
    r = run_cli("ingest", str(seed_path), "--db", str(db), *extra)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "seed.geojson"
    r2 = run_cli("export", "--db", str(db), "--format", "geojson", "--out", str(out))
    assert r2.returncode == 0, r2.stderr
    return r, json.loads(out.read_text(encoding="utf-8"))["features"]


def _match(features):
    found = {}
    for key, (lat, lon, *_rest) in EXPECTED.items():
        near = [f for f in features if f["geometry"] and
                distance((lat, lon), tuple(reversed(f["geometry"]["coordinates"]))).km <= 15]
        assert len(near) == 1, f"expected one incident within 15 km of {key}, got {len(near)}"
        found[key] = near[0]["properties"]
    return found


@pytest.mark.parametrize("published", [("--published", "2024-01-25"), ()], ids=["given-date", "inferred-date"])
def test_seed_report_gives_exactly_the_four_incidents(tmp_path, seed_path, published):
    result, features = _features(tmp_path, seed_path, *published)
    assert len(features) == 4, [f["properties"]["location"] for f in features]
    found = _match(features)
    for key, (_lat, _lon, date, precision, kind, killed, injured) in EXPECTED.items():
        p = found[key]
        assert (p["event_date"], p["time_precision"], p["incident_type"]) == (date, precision, kind), key
        assert (p["fatalities"], p["injured"]) == (killed, injured), key
        assert p["sources"] and p["sources"][0]["evidence"], key
        assert p["sources"][0]["published"] == "2024-01-25"
    if not published:
        assert "published 2024-01-25 (text)" in result.stdout


def test_seed_evidence_and_actors(tmp_path, seed_path):
    _, features = _features(tmp_path, seed_path)
    found = _match(features)
    assert "القائم" in found["Qaim"]["sources"][0]["evidence"]
    assert "عين الأسد" in found["Asad"]["sources"][0]["evidence"]
    assert found["Jurf"]["actor2"] == found["Qaim"]["actor2"] == "Kataib Hezbollah"
    assert found["Jurf"]["actor1"] == "US forces"
    assert found["Baghdad"]["actor1"] == "US forces"
    assert found["Asad"]["actor2"] == "US forces"
    assert found["Asad"]["location_ar"] and found["Asad"]["admin1"] == "Anbar"
    assert {f["properties"]["country"] for f in features} == {"IQ"}


def test_nothing_for_the_visit_the_totals_gaza_or_the_red_sea(tmp_path, seed_path):
    _, features = _features(tmp_path, seed_path)
    evidence = " ".join(s["evidence"] for f in features for s in f["properties"]["sources"])
    for not_an_incident in ("ألباريس", "150 مرة", "البحر الأحمر", "مؤتمر صحافي"):
        assert not_an_incident not in evidence


def test_ingest_is_idempotent(tmp_path, seed_path):
    db = tmp_path / "twice.db"
    assert run_cli("ingest", str(seed_path), "--db", str(db)).returncode == 0
    again = run_cli("ingest", str(seed_path), "--db", str(db))
    assert again.returncode == 0
    assert "skipped 1 already stored" in again.stdout
    out = run_cli("export", "--db", str(db), "--format", "geojson")
    assert len(json.loads(out.stdout)["features"]) == 4


def test_undatable_article_is_stored_without_dates_and_the_cli_says_so(tmp_path, seed_path):
    # The report without its caption line has no full date left to infer the publication from.
    text = "\n".join(line for line in seed_path.read_text(encoding="utf-8").splitlines() if "25 يناير" not in line)
    src = tmp_path / "undated.txt"
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "undated.db"
    r = run_cli("ingest", str(src), "--db", str(db))
    assert r.returncode == 0
    assert "publication date unknown" in r.stdout
    assert "no publication date" in r.stderr
    features = json.loads(run_cli("export", "--db", str(db), "--format", "geojson").stdout)["features"]
    assert features, "the article's incidents are still stored"
    assert all(f["properties"]["event_date"] is None for f in features)


def test_seed_as_an_html_page_gives_the_same_incidents(tmp_path, seed_path):
    import html

    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in seed_path.read_text(encoding="utf-8").splitlines()
                         if line.strip())
    page = tmp_path / "seed.html"
    page.write_text("<!doctype html><html><head><title>تقرير</title><script>var a='قاعدة عين الأسد';</script>"
                    f"</head><body><nav>الرئيسية | أخبار</nav>{paragraphs}<footer>جميع الحقوق محفوظة</footer>"
                    "</body></html>", encoding="utf-8")
    _, features = _features(tmp_path, page)
    assert len(features) == 4
    found = _match(features)
    assert {k: found[k]["event_date"] for k in found} == {k: v[2] for k, v in EXPECTED.items()}
