"""The SQLite store: schema and migrations, articles keyed by content hash, incidents with
their sources, and an append-only audit trail of analyst edits. All SQL lives here."""

from __future__ import annotations

import datetime as dt
import gc
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from incidents.dedup import Fingerprint, conservative, same_incident
from incidents.errors import InputError, StoreError
from incidents.model import Article, ExtractedIncident, Incident, SourceRef

SCHEMA_VERSION = 3
NEAR_DEG = 0.1  # twin candidates lie within this many degrees (≥ 8 km here), before the exact check
DEFAULT_DB = Path("data") / "incidents.db"

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        external_id TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        published_source TEXT NOT NULL DEFAULT 'none',
        lang TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        incident_type TEXT NOT NULL,
        event_date TEXT,
        time_precision INTEGER,
        place_id TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        location_ar TEXT NOT NULL DEFAULT '',
        admin1 TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        latitude REAL,
        longitude REAL,
        geo_precision INTEGER,
        fatalities INTEGER,
        injured INTEGER,
        actor1 TEXT NOT NULL DEFAULT '',
        actor2 TEXT NOT NULL DEFAULT '',
        candidates TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'machine',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX incidents_by_date ON incidents(event_date);
    CREATE TABLE incident_sources (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        evidence TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        fatalities INTEGER,
        injured INTEGER,
        PRIMARY KEY (incident_id, article_id, start)
    );
    CREATE TABLE edits (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL,
        field TEXT NOT NULL,
        before TEXT,
        after TEXT,
        at TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER edits_append_only_update BEFORE UPDATE ON edits
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER edits_append_only_delete BEFORE DELETE ON edits
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """,
    # 2: remember which fields an analyst edited, so machine updates never overwrite them
    2: """
    ALTER TABLE incidents ADD COLUMN edited TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE incidents ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX edits_by_incident ON edits(incident_id);
    """,
    # 3: the twin search of every stored incident asks for one type in a date window
    3: """
    CREATE INDEX incidents_by_type_date ON incidents(incident_type, event_date);
    """,
}
EDITABLE = ("incident_type", "event_date", "time_precision", "place_id", "location", "location_ar", "admin1",
            "country", "latitude", "longitude", "geo_precision", "fatalities", "injured", "actor1", "actor2",
            "status")
STATUSES = ("machine", "reviewed", "rejected", "merged")

INCIDENT_COLUMNS = ("id", "incident_type", "event_date", "time_precision", "location", "location_ar",
                    "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
                    "injured", "actor1", "actor2", "status", "place_id", "updated_at", "revision", "candidates")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class ConflictError(StoreError):
    """Someone else changed the incident since it was read; nothing was written."""


@dataclass(frozen=True)
class Edit:
    incident_id: int
    field: str
    before: str | None
    after: str | None
    at: str
    author: str


class Store:
    """One SQLite database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path | str = DEFAULT_DB):
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the database {path}: {e}") from e
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL: a crash or kill never corrupts and never loses a committed article;
        # only a power cut may drop the last few commits. Ingest is 5x faster than FULL.
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error (the caller sees the error)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def _audit(self, incident_id: int, field: str, before, after, at: str, author: str) -> None:
        self.db.execute("INSERT INTO edits (incident_id, field, before, after, at, author) VALUES (?, ?, ?, ?, ?, ?)",
                        (incident_id, field, _text(before), _text(after), at, author))

    # ---- schema ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        try:
            current = self.schema_version
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is not an Incident Atlas database: {e}") from e
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {current}, newer than this program's "
                             f"{SCHEMA_VERSION}: upgrade Incident Atlas to open it")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                for statement in _statements(MIGRATIONS[version]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version}")
                self.db.execute("COMMIT")
            except sqlite3.Error as e:
                self.db.execute("ROLLBACK")
                raise StoreError(f"cannot migrate {self.path} to schema version {version}: {e}") from e

    # ---- writing ------------------------------------------------------------------------
    def has_article(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def add_article(self, article: Article, incidents: Iterable[ExtractedIncident]) -> tuple[int, bool]:
        """Store an article and its incidents in one transaction; ``(id, False)`` if known.

        An incident that matches one already stored (``dedup.same_incident``) becomes a new
        source of that incident instead of a second incident.
        """
        try:
            self.db.execute("BEGIN IMMEDIATE")
            row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone()
            if row is not None:
                self.db.execute("ROLLBACK")
                return row["id"], False
            cur = self.db.execute(
                "INSERT INTO articles (content_hash, external_id, title, url, published, published_source,"
                " lang, path, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.content_hash, article.external_id, article.title, article.url,
                 article.published.isoformat() if article.published else None, article.published_source,
                 article.lang, article.path, article.text, _now()))
            article_id = cur.lastrowid
            for inc in incidents:
                self._add_incident(article_id, inc)
            self.db.execute("COMMIT")
            return article_id, True
        except sqlite3.Error as e:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"cannot store article {article.path or article.external_id or article.content_hash[:12]}: {e}") from e

    def _add_incident(self, article_id: int, inc: ExtractedIncident) -> int:
        twin = self._find_twin(inc)
        if twin is None:
            now = _now()
            p = inc.place
            cur = self.db.execute(
                "INSERT INTO incidents (incident_type, event_date, time_precision, place_id, location,"
                " location_ar, admin1, country, latitude, longitude, geo_precision, fatalities, injured,"
                " actor1, actor2, candidates, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (inc.incident_type, inc.event_date.isoformat() if inc.event_date else None, inc.time_precision,
                 p.place_id, p.name, p.name_ar, p.admin1, p.country, p.latitude, p.longitude, p.geo_precision,
                 inc.fatalities, inc.injured, inc.actor1, inc.actor2, json.dumps(inc.candidates), now, now))
            incident_id = cur.lastrowid
        else:
            incident_id = twin
        self.db.execute(
            "INSERT OR IGNORE INTO incident_sources (incident_id, article_id, evidence, start, end, fatalities, injured)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (incident_id, article_id, inc.evidence, inc.start, inc.end, inc.fatalities, inc.injured))
        if twin is not None:
            self._refresh_casualties(incident_id)
        return incident_id

    def _find_twin(self, inc: ExtractedIncident) -> int | None:
        if inc.event_date is None:
            return None
        lo = (inc.event_date - dt.timedelta(days=31)).isoformat()
        hi = (inc.event_date + dt.timedelta(days=31)).isoformat()
        new = Fingerprint(inc.incident_type, inc.place.latitude, inc.place.longitude, inc.event_date,
                          inc.time_precision, inc.actor1, inc.actor2)
        rows = self.db.execute(
            "SELECT id, incident_type, latitude, longitude, event_date, time_precision, actor1, actor2 FROM incidents"
            " WHERE incident_type = ? AND event_date BETWEEN ? AND ? AND status != 'merged'"
            " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
            (inc.incident_type, lo, hi, inc.place.latitude - NEAR_DEG, inc.place.latitude + NEAR_DEG,
             inc.place.longitude - NEAR_DEG, inc.place.longitude + NEAR_DEG)).fetchall()
        for r in rows:
            old = Fingerprint(r["incident_type"], r["latitude"], r["longitude"], dt.date.fromisoformat(r["event_date"]),
                              r["time_precision"], r["actor1"], r["actor2"])
            if same_incident(new, old):
                return r["id"]
        return None

    def _refresh_casualties(self, incident_id: int) -> None:
        """Sources may disagree on casualties: the incident shows the lowest figure."""
        rows = self.db.execute("SELECT fatalities, injured FROM incident_sources WHERE incident_id = ?",
                               (incident_id,)).fetchall()
        edited = set(json.loads(self.db.execute("SELECT edited FROM incidents WHERE id = ?",
                                                (incident_id,)).fetchone()[0]))
        for column in ("fatalities", "injured"):
            if column not in edited:  # an analyst's figure is never overwritten by the machine
                self.db.execute(f"UPDATE incidents SET {column} = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                                (conservative([r[column] for r in rows]), _now(), incident_id))

    # ---- reading ------------------------------------------------------------------------
    # ---- analyst review -------------------------------------------------------------------
    def incident(self, incident_id: int) -> Incident:
        found = [i for i in self._incidents("id = ?", (incident_id,))]
        if not found:
            raise InputError(f"no incident with id {incident_id}")
        return found[0]

    def update_incident(self, incident_id: int, changes: dict, *, expected_revision: int, author: str = "") -> Incident:
        """Apply an analyst's edit; every changed field goes to the audit trail.

        ``expected_revision`` is the incident's ``revision`` when the analyst opened it: if it
        changed since (another session saved first), nothing is written and
        :class:`ConflictError` says so. Edited fields are never overwritten by the machine.
        """
        bad = sorted(set(changes) - set(EDITABLE))
        if bad:
            raise InputError(f"cannot edit {', '.join(bad)}; editable fields: {', '.join(EDITABLE)}")
        if "status" in changes and changes["status"] not in STATUSES:
            raise InputError(f"status {changes['status']!r} is not one of {', '.join(STATUSES)}")
        with self._transaction():
            row = self.db.execute(f"SELECT {', '.join(EDITABLE)}, updated_at, revision, edited FROM incidents WHERE id = ?",
                                  (incident_id,)).fetchone()
            if row is None:
                raise InputError(f"no incident with id {incident_id}")
            if row["revision"] != expected_revision:
                raise ConflictError(f"incident {incident_id} was changed by someone else at {row['updated_at']} "
                                    "after you opened it; reload it to see their edit, then apply yours again")
            changed = {k: v for k, v in changes.items() if row[k] != v}
            now = _now()
            for column, value in changed.items():
                self.db.execute(f"UPDATE incidents SET {column} = ? WHERE id = ?", (value, incident_id))
                self._audit(incident_id, column, row[column], value, now, author)
            if changed:
                edited = sorted(set(json.loads(row["edited"])) | set(changed))
                status = changes.get("status", "reviewed" if row["status"] == "machine" else row["status"])
                self.db.execute("UPDATE incidents SET edited = ?, status = ?, updated_at = ?, revision = revision + 1"
                                " WHERE id = ?", (json.dumps(edited), status, now, incident_id))
        return self.incident(incident_id)

    def merge(self, keep_id: int, other_id: int, *, author: str = "") -> Incident:
        """Two incidents are one: ``other``'s sources move to ``keep``, ``other`` is hidden."""
        if keep_id == other_id:
            raise InputError("pick two different incidents to merge")
        with self._transaction():
            for i in (keep_id, other_id):
                if self.db.execute("SELECT 1 FROM incidents WHERE id = ?", (i,)).fetchone() is None:
                    raise InputError(f"no incident with id {i}")
            self.db.execute("INSERT OR IGNORE INTO incident_sources SELECT ?, article_id, evidence, start, end,"
                            " fatalities, injured FROM incident_sources WHERE incident_id = ?", (keep_id, other_id))
            now = _now()
            self.db.execute("UPDATE incidents SET status = 'merged', updated_at = ?, revision = revision + 1 WHERE id = ?",
                            (now, other_id))
            self.db.execute("UPDATE incidents SET updated_at = ?, revision = revision + 1 WHERE id = ?", (now, keep_id))
            self._audit(other_id, "merged_into", None, keep_id, now, author)
            self._audit(keep_id, "merged_from", None, other_id, now, author)
        return self.incident(keep_id)

    def split(self, incident_id: int, article_id: int, *, author: str = "") -> Incident:
        """One source told of another incident: it moves to a new incident (a copy to correct)."""
        with self._transaction():
            if self.db.execute("SELECT COUNT(*) FROM incident_sources WHERE incident_id = ?",
                               (incident_id,)).fetchone()[0] < 2:
                raise InputError(f"incident {incident_id} has one source; only an incident with several can be split")
            if self.db.execute("SELECT 1 FROM incident_sources WHERE incident_id = ? AND article_id = ?",
                               (incident_id, article_id)).fetchone() is None:
                raise InputError(f"article {article_id} is not a source of incident {incident_id}")
            now = _now()
            columns = ", ".join(c for c in EDITABLE if c != "status") + ", candidates"
            new_id = self.db.execute(f"INSERT INTO incidents ({columns}, status, created_at, updated_at)"
                                     f" SELECT {columns}, 'reviewed', ?, ? FROM incidents WHERE id = ?",
                                     (now, now, incident_id)).lastrowid
            self.db.execute("UPDATE incident_sources SET incident_id = ? WHERE incident_id = ? AND article_id = ?",
                            (new_id, incident_id, article_id))
            self.db.execute("UPDATE incidents SET updated_at = ?, revision = revision + 1 WHERE id = ?", (now, incident_id))
            self._audit(incident_id, "split_into", None, new_id, now, author)
            self._audit(new_id, "split_from", None, incident_id, now, author)
        return self.incident(new_id)

    def edits(self, incident_id: int) -> list[Edit]:
        rows = self.db.execute("SELECT incident_id, field, before, after, at, author FROM edits WHERE incident_id = ?"
                               " ORDER BY id", (incident_id,)).fetchall()
        return [Edit(*r) for r in rows]

    def incidents(self) -> list[Incident]:
        """Every incident that is not rejected, oldest first, undated last, with its sources.

        Filtering by date and type is ``incidents.filters.apply``.
        """
        return self._incidents("status NOT IN ('rejected', 'merged')", ())

    def _incidents(self, where: str, args: tuple) -> list[Incident]:
        cur = self.db.cursor()
        cur.row_factory = None  # plain tuples: quicker than sqlite3.Row for 100k rows
        with _no_gc_pauses():
            rows = cur.execute(f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE {where}"
                               " ORDER BY event_date IS NULL, event_date, id", args).fetchall()
            sources = self._sources(where, args)
            # INCIDENT_COLUMNS follow Incident's field order, so rows map positionally (fast for 100k)
            return [Incident(*r[:-1], candidates=json.loads(r[-1]) if r[-1] != "[]" else [],
                             sources=sources.get(r[0], [])) for r in rows]

    def _sources(self, where: str, args: tuple) -> dict[int, list[SourceRef]]:
        """The sources of the incidents matching ``where``, in one query (walks the primary key)."""
        out: dict[int, list[SourceRef]] = {}
        cur = self.db.cursor()
        cur.row_factory = None
        for r in cur.execute(
                "SELECT s.incident_id, s.article_id, a.title, a.url, a.published, s.evidence, a.external_id"
                " FROM incident_sources s JOIN articles a ON a.id = s.article_id"
                f" WHERE s.incident_id IN (SELECT id FROM incidents WHERE {where})"
                " ORDER BY s.incident_id, s.article_id, s.start", args):
            found = out.get(r[0])
            if found is None:
                out[r[0]] = found = []
            found.append(SourceRef(*r[1:]))
        return out

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        row = self.db.execute("SELECT MIN(event_date), MAX(event_date) FROM incidents"
                              " WHERE status NOT IN ('rejected', 'merged') AND event_date IS NOT NULL").fetchone()
        if row[0] is None:
            return None
        return dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1])

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "incidents": self.db.execute("SELECT COUNT(*) FROM incidents WHERE status NOT IN ('rejected', 'merged')").fetchone()[0],
        }


@contextmanager
def _no_gc_pauses():
    """Pause the cycle collector while building many objects (none of them form cycles): its
    repeated passes over the growing heap made loading 100,000 incidents up to twice as slow."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text(value) -> str | None:
    return None if value is None else str(value)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out
