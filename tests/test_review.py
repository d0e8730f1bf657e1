"""Analyst edits: audit trail, conflicts between sessions, nothing overwritten by the machine,
and schema migration of an older database."""

from __future__ import annotations

import sqlite3

import pytest

from incidents.store import MIGRATIONS, ConflictError, Store
from tests.conftest import run_cli

REPORT = "US strikes hit Kataib Hezbollah sites in al-Qaim early Wednesday, killing two people."
SAME_EVENT = "A US airstrike in al-Qaim on Wednesday killed four fighters, officials said."


@pytest.fixture
def db(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "t.db"
    assert run_cli("ingest", str(src), "--db", str(path), "--published", "2024-01-25").returncode == 0
    return path


def test_edit_is_audited_and_survives_reingest(db, tmp_path):
    with Store(db) as store:
        (inc,) = store.incidents()
        store.update_incident(inc.incident_id, {"fatalities": 3, "actor2": "Popular Mobilization Forces"},
                              expected_revision=inc.revision, author="analyst-a")
        edits = store.edits(inc.incident_id)
    assert [(e.field, e.before, e.after, e.author) for e in edits] == [
        ("fatalities", "2", "3", "analyst-a"), ("actor2", "Kataib Hezbollah", "Popular Mobilization Forces", "analyst-a")]
    # the same report again, and a second report of the same strike with another figure
    src = tmp_path / "r.txt"
    other = tmp_path / "other.txt"
    other.write_text(SAME_EVENT, encoding="utf-8")
    assert run_cli("ingest", str(src), str(other), "--db", str(db), "--published", "2024-01-25").returncode == 0
    with Store(db) as store:
        (inc,) = store.incidents()
    assert (inc.fatalities, inc.actor2, inc.status) == (3, "Popular Mobilization Forces", "reviewed")
    assert len(inc.sources) == 2


def test_second_session_editing_the_same_incident_is_told_of_the_conflict(db):
    with Store(db) as a, Store(db) as b:
        (seen_by_a,) = a.incidents()
        (seen_by_b,) = b.incidents()
        a.update_incident(seen_by_a.incident_id, {"injured": 1}, expected_revision=seen_by_a.revision)
        with pytest.raises(ConflictError, match="changed by someone else"):
            b.update_incident(seen_by_b.incident_id, {"injured": 5}, expected_revision=seen_by_b.revision)
        assert a.incident(seen_by_a.incident_id).injured == 1


def test_rejected_incident_leaves_the_map_and_stays_rejected(db, tmp_path):
    with Store(db) as store:
        (inc,) = store.incidents()
        store.update_incident(inc.incident_id, {"status": "rejected"}, expected_revision=inc.revision)
        assert store.incidents() == []
    other = tmp_path / "other.txt"
    other.write_text(SAME_EVENT, encoding="utf-8")
    run_cli("ingest", str(other), "--db", str(db), "--published", "2024-01-25")
    with Store(db) as store:
        assert store.incidents() == [], "a new report of a rejected incident does not bring it back"


def test_bad_edits_are_refused(db):
    with Store(db) as store:
        (inc,) = store.incidents()
        with pytest.raises(ValueError, match="cannot edit"):
            store.update_incident(inc.incident_id, {"id": 5}, expected_revision=inc.revision)
        with pytest.raises(ValueError, match="status"):
            store.update_incident(inc.incident_id, {"status": "gone"}, expected_revision=inc.revision)


def test_version_1_database_is_migrated_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[1])
    con.execute("INSERT INTO articles (content_hash, text, ingested_at) VALUES ('h', 'text', 'then')")
    con.execute("INSERT INTO incidents (incident_type, event_date, created_at, updated_at) "
                "VALUES ('airstrike', '2024-01-24', 'then', 'then')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Store(path) as store:
        assert store.schema_version == 3
        assert store.counts() == {"articles": 1, "incidents": 1}
        indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "incidents_by_type_date" in indexes
        (inc,) = store.incidents()
        store.update_incident(inc.incident_id, {"fatalities": 1}, expected_revision=0)


def test_merge_moves_sources_and_hides_the_other(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Rockets hit Ain al-Asad air base on Saturday.", encoding="utf-8")
    b.write_text("A drone attack targeted Ain al-Asad air base on Saturday.", encoding="utf-8")
    db = tmp_path / "m.db"
    run_cli("ingest", str(a), str(b), "--db", str(db), "--published", "2024-01-25")
    with Store(db) as store:
        first, second = store.incidents()
        merged = store.merge(first.incident_id, second.incident_id, author="analyst")
        assert [i.incident_id for i in store.incidents()] == [first.incident_id]
        assert len(merged.sources) == 2
        assert store.edits(second.incident_id)[0].field == "merged_into"
        with pytest.raises(ValueError):
            store.merge(first.incident_id, first.incident_id)


def test_split_moves_one_source_to_a_new_incident(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT, encoding="utf-8")
    b.write_text(SAME_EVENT, encoding="utf-8")
    db = tmp_path / "s.db"
    run_cli("ingest", str(a), str(b), "--db", str(db), "--published", "2024-01-25")
    with Store(db) as store:
        (inc,) = store.incidents()
        moved = inc.sources[1].article_id
        new = store.split(inc.incident_id, moved, author="analyst")
        assert [s.article_id for s in new.sources] == [moved]
        assert [s.article_id for s in store.incident(inc.incident_id).sources] == [inc.sources[0].article_id]
        assert len(store.incidents()) == 2 and new.location == inc.location
        with pytest.raises(ValueError, match="one source"):
            store.split(new.incident_id, moved)


def test_stored_columns_follow_the_incident_fields():
    import dataclasses

    from incidents.model import Incident
    from incidents.store import INCIDENT_COLUMNS

    fields = [f.name for f in dataclasses.fields(Incident)]
    assert ["incident_id", *INCIDENT_COLUMNS[1:]] == fields[:len(INCIDENT_COLUMNS)]
