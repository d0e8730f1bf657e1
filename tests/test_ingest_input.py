"""Bad and unusual input: clear one-line errors naming the file (and line); the rest lands."""

from __future__ import annotations

import json

import pytest

from incidents.store import SCHEMA_VERSION, Store
from tests.conftest import run_cli

AR = "وأصيب أربعة جنود أميركيين، السبت، بعد تعرض قاعدة عين الأسد الجوية لعدة صواريخ باليستية."
EN = "Ain al-Asad air base was hit by ballistic missiles on Saturday, four US soldiers injured."


def ingest(tmp_path, *paths, extra=("--published", "2024-01-25")):
    return run_cli("ingest", *map(str, paths), "--db", str(tmp_path / "t.db"), *extra)


def stored(tmp_path):
    with Store(tmp_path / "t.db") as store:
        return store.counts(), store.incidents()


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-8-sig"])
def test_arabic_in_other_encodings_is_decoded_not_garbled(tmp_path, encoding):
    f = tmp_path / f"report-{encoding}.txt"
    f.write_bytes(AR.encode(encoding))
    r = ingest(tmp_path, f)
    assert r.returncode == 0, r.stderr
    (inc,) = stored(tmp_path)[1]
    assert inc.location_ar == "قاعدة عين الأسد الجوية" and inc.injured == 4
    assert "عين الأسد" in inc.sources[0].evidence


def test_bad_files_get_one_line_errors_and_the_good_ones_land(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary")
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"id": "a1", "text": AR, "published": "2024-01-25"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "text": EN, "published": "yesterday"}),
    ]), encoding="utf-8")
    r = ingest(tmp_path, good, empty, pdf, jsonl, tmp_path / "missing.txt", extra=())
    assert r.returncode == 0
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert any(f"{empty}: no text" in e for e in errors)
    assert any(f"{pdf}: this is a PDF" in e for e in errors)
    assert any(f"{jsonl}:2: not valid JSON" in e for e in errors)
    assert any(f"{jsonl}:3:" in e and '"text"' in e for e in errors)
    assert any(f"{jsonl}:4:" in e and "YYYY-MM-DD" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "ingested 2 article(s)" in r.stdout and "failed 6" in r.stdout
    counts, incidents = stored(tmp_path)
    assert counts["articles"] == 2


def test_nothing_ingested_exits_non_zero(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    r = ingest(tmp_path, bad)
    assert r.returncode != 0 and f"{bad}:1:" in r.stderr


def test_html_scripts_and_furniture_are_not_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Strike report</title><meta property='article:published_time' content='2024-01-25T08:00:00Z'>"
        "<script>var x = 'قاعدة عين الأسد';</script><style>p{}</style></head><body>"
        "<nav>Home | World</nav><p>Sorry, you need to enable JavaScript to visit this website.</p>"
        f"<p>{EN}</p><p>Read more</p></body></html>", encoding="utf-8")
    r = ingest(tmp_path, page, extra=())
    assert r.returncode == 0 and "published 2024-01-25 (metadata)" in r.stdout
    (inc,) = stored(tmp_path)[1]
    assert inc.sources[0].title == "Strike report"
    assert inc.event_date == "2024-01-20" and inc.sources[0].evidence == EN


# A page pasted from a news site: menus, share buttons, a caption, an ad label and a box of related
# stories around the report. Only the report's attack is an incident: the headlines in the box are
# other stories, and the caption is not a second telling.
PASTED = {
    "en": ("Skip to main content\nWorld | Middle East\nDrone attack targets Erbil airport\nShare on Facebook\n"
           "Advertisement\nERBIL, Iraq - An explosive-laden drone targeted Erbil International Airport late on "
           "Sunday, the counter-terrorism service said, adding that the attack caused no casualties.\n"
           "Photo: Smoke over Erbil, March 3, 2024. (AFP)\nNo group claimed the attack.\nRelated\n\n"
           "Rocket attack hits Ain al-Asad air base\nTurkish drone strike kills two in Sinjar\n"
           "Car bomb kills five in Tikrit market\nSubscribe to our newsletter\n"),
    "ar": ("الرئيسية\nطائرة مسيرة تستهدف مطار أربيل\nشارك\nتابعونا على تلغرام\nاستهدفت طائرة مسيرة مفخخة "
           "مطار أربيل الدولي مساء أمس الأحد، من دون وقوع إصابات، بحسب بيان لجهاز مكافحة الإرهاب.\n"
           "صورة أرشيفية لمطار أربيل\nإعلان\nاقرأ أيضاً:\nقصف صاروخي يستهدف قاعدة عين الأسد\n"
           "مقتل خمسة بتفجير سيارة مفخخة في تكريت\nأخبار ذات صلة\nغارة تركية تقتل اثنين في سنجار\n"),
}


@pytest.mark.parametrize("lang", sorted(PASTED))
def test_related_stories_and_captions_of_a_pasted_page_are_not_incidents(tmp_path, lang):
    page = tmp_path / f"pasted-{lang}.txt"
    page.write_text(PASTED[lang], encoding="utf-8")
    assert ingest(tmp_path, page, extra=("--published", "2024-03-04")).returncode == 0
    (inc,) = stored(tmp_path)[1]
    assert (inc.location, inc.event_date, inc.incident_type) == ("Erbil International Airport", "2024-03-03", "drone_attack")


def test_a_line_of_the_story_that_names_a_furniture_word_is_kept():
    from incidents.text import clean

    story = ("Related to the blast, police said a second device was found.\nRecommended by the council, the road "
             "was closed.\nThe announcement (الإعلان) came late.\nRelated\nRocket attack hits Balad\n\n"
             "Officials said the market reopened on Monday.")
    assert clean(story).splitlines() == story.splitlines()[:3] + ["Officials said the market reopened on Monday."]


def test_html_asides_and_figure_captions_are_not_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><article><p>{EN}</p><figure><figcaption>Car bomb kills five in Tikrit market, "
        "March 2023</figcaption></figure></article><aside><h3>More</h3><a>Turkish drone strike kills two in "
        "Sinjar</a></aside></body></html>", encoding="utf-8")
    assert ingest(tmp_path, page).returncode == 0
    (inc,) = stored(tmp_path)[1]
    assert inc.event_date == "2024-01-20"


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    import sqlite3

    db = tmp_path / "t.db"
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    r = ingest(tmp_path, tmp_path / "whatever.txt")
    assert r.returncode != 0 and "newer than this program" in r.stderr


def test_the_audit_trail_is_append_only(tmp_path):
    import sqlite3

    with Store(tmp_path / "t.db") as store:
        store.db.execute("INSERT INTO edits (incident_id, field, before, after, at) VALUES (1, 'x', 'a', 'b', 'now')")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.db.execute("DELETE FROM edits")


def test_a_50_mb_file_is_refused_and_the_rest_lands(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("w", encoding="utf-8") as fh:
        line = (EN + "\n") * 1000
        while fh.tell() < 50 * 2**20:
            fh.write(line)
    good = tmp_path / "good.txt"
    good.write_text(AR, encoding="utf-8")
    r = ingest(tmp_path, big, good)
    assert r.returncode == 0
    assert f"{big}: 50 MB is more than the 5 MB allowed for one report" in r.stderr
    assert stored(tmp_path)[0]["articles"] == 1


def test_a_file_that_disappears_mid_batch_is_reported(tmp_path):
    from incidents.ingest import ingest as ingest_paths
    from gazetteer import default_gazetteer

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(EN, encoding="utf-8")
    second.write_text(AR, encoding="utf-8")

    def vanish(n, total, name):  # the second file goes away while the first is processed
        second.unlink(missing_ok=True)

    with Store(tmp_path / "t.db") as store:
        report = ingest_paths([first, second], store, default_gazetteer(), today=__import__("datetime").date(2026, 1, 1),
                              progress=vanish, workers=1)
    assert report.count("ingested") == 1
    assert any("b.txt: cannot read" in o.message for o in report.outcomes if o.status == "failed")
