"""Reading reports from files (txt, html, jsonl, folders) into the store.

Each file (or JSONL line) is one article; a bad one is reported with its file (and line)
and skipped, the rest of the batch still lands. Storing an article is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from gazetteer import Gazetteer
from incidents.dates import infer_publication, parse_iso
from incidents.errors import InputError
from incidents.extract import extract
from incidents.model import Article, ExtractedIncident
from incidents.store import Store
from incidents.text import clean, content_hash, detect_language, html_to_text, words_of

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
BINARY_MAGIC = {b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"PK\x03\x04": "a ZIP archive",
                b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}
MAX_BYTES = 1024 * 1024 * 1024  # a JSONL batch file
MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one report (.txt/.html): news articles are kilobytes


@dataclass(frozen=True)
class RawDoc:
    """One article as read from disk, before cleaning."""

    where: str  # "file" or "file:line"
    text: str
    html: bool = False
    title: str = ""
    url: str = ""
    published: str = ""
    external_id: str = ""


@dataclass(frozen=True)
class Outcome:
    where: str
    status: str  # ingested | skipped | failed
    message: str = ""
    article_id: int | None = None
    incidents: int = 0
    published: dt.date | None = None
    published_source: str = "none"


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def incidents(self) -> int:
        return sum(o.incidents for o in self.outcomes)

    def summary(self) -> str:
        return (f"ingested {self.count('ingested')} article(s) with {self.incidents} incident(s); "
                f"skipped {self.count('skipped')} already stored; failed {self.count('failed')}")


def decode(data: bytes, where: str) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1256."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{where}: this is {what}, not text; give .txt, .html or .jsonl files")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1256")
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: neither UTF-8 nor Windows-1256 text ({e})") from e


def expand(paths: list[Path]) -> Iterator[Path | InputError]:
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(f"{path}: no {', '.join(SUFFIXES)} files in this folder")
            yield from files
        elif path.exists():
            yield path
        else:
            yield InputError(f"{path}: no such file or folder")


def read(path: Path) -> Iterator[RawDoc | InputError]:
    """The articles in one file; errors are yielded, not raised, so the batch goes on."""
    try:
        size = path.stat().st_size
        limit = MAX_BYTES if path.suffix.lower() == ".jsonl" else MAX_ARTICLE_BYTES
        if size > limit:
            raise InputError(f"{path}: {size / 2**20:.0f} MB is more than the {limit // 2**20} MB allowed for "
                             + ("one batch file" if limit == MAX_BYTES else "one report; give many reports as .jsonl"))
        data = path.read_bytes()
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e}")
        return
    except InputError as e:
        yield e
        return
    yield from parse(str(path), data)


def parse(name: str, data: bytes) -> Iterator[RawDoc | InputError]:
    """The articles in one file's bytes (``name`` tells the format and names errors)."""
    try:
        text = decode(data, name)
    except InputError as e:
        yield e
        return
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(name, text)
    elif suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield RawDoc(name, text, html=True)
    else:
        yield RawDoc(name, text)


def _first_line(text: str) -> str:
    """A plain-text report's title: its first non-empty line, when it is short."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 160 else ""
    return ""


def _jsonl(path: str, text: str) -> Iterator[RawDoc | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{where}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield InputError(f'{where}: each line needs a non-empty "text" field')
            continue
        fields = {k: record.get(k) for k in ("title", "url", "published", "id")}
        bad = [k for k, v in fields.items() if v is not None and not isinstance(v, (str, int))]
        if bad:
            yield InputError(f"{where}: field(s) {', '.join(bad)} must be text")
            continue
        yield RawDoc(where, record["text"], title=str(fields["title"] or ""), url=str(fields["url"] or ""),
                     published=str(fields["published"] or ""), external_id=str(fields["id"] or ""))


def prepare(doc: RawDoc, *, today: dt.date, published: dt.date | None = None,
            title: str = "", url: str = "") -> Article:
    """Clean a raw document and settle its publication date (given, metadata, or text)."""
    text, page_title, meta_date = doc.text, doc.title, doc.published
    if doc.html:
        page = html_to_text(text)
        text, page_title, meta_date = page.text, page.title or page_title, page.published or meta_date
    text = clean(text)
    if not text:
        raise InputError(f"{doc.where}: no text in this article")
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(f"{doc.where}: {len(text):,} characters is more than one report can hold "
                         f"({MAX_ARTICLE_BYTES:,}); split it into reports")
    page_title = page_title or _first_line(text)
    source = "none"
    if published is not None:
        source = "given"
    elif doc.published:
        published, source = parse_iso(doc.published[:10], f'{doc.where}: "published"'), "given"
    elif meta_date:
        try:
            published, source = dt.date.fromisoformat(meta_date[:10]), "metadata"
        except ValueError:
            published = None
    if published is None:
        found = infer_publication([w for w, _, _ in words_of(text)], today)
        if found is not None:
            published, source = found.date, "text"
    return Article(text=text, content_hash=content_hash(text), title=title or page_title, url=url or doc.url,
                   external_id=doc.external_id, published=published, published_source=source,
                   lang=detect_language(text), path=doc.where)


PARALLEL_ABOVE = 64  # documents in a batch before extraction is spread over worker processes


def ingest(paths: list[Path], store: Store, gazetteer: Gazetteer, *, today: dt.date,
           published: dt.date | None = None, title: str = "", url: str = "",
           progress: Callable[[int, int, str], None] | None = None, workers: int | None = None) -> IngestReport:
    """Read, extract and store every article under ``paths``; never stops at a bad one.

    Cleaning and extraction run in ``workers`` processes (default: one per core) for large
    batches; storing stays in this process, one transaction per article.
    """
    report = IngestReport()
    files = list(expand(paths))
    docs = ((n, doc) for n, item in enumerate(files, start=1)  # read lazily, file by file
            for doc in ([item] if isinstance(item, InputError) else read(item)))
    work = _Work(gazetteer, today, published, title, url)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    big = len(files) > PARALLEL_ABOVE or any(f.suffix.lower() == ".jsonl" for f in files if isinstance(f, Path))
    done_files = 0
    with _mapper(work, workers if big else 1) as mapper:
        for n, where, prepared in mapper(work.numbered, docs):
            report.outcomes.append(_store(where, prepared, store))
            if progress and n > done_files:
                done_files = n
                progress(n, len(files), where.split(":")[0])
    return report


def ingest_docs(docs: Iterable[RawDoc | InputError], store: Store, gazetteer: Gazetteer, *, today: dt.date,
                published: dt.date | None = None, title: str = "", url: str = "") -> list[Outcome]:
    """Store already-read documents (uploads, pasted text); errors become failed outcomes."""
    work = _Work(gazetteer, today, published, title, url)
    return [_store(*work.numbered((0, doc))[1:], store) for doc in docs]


@dataclass(frozen=True)
class _Work:
    """Cleaning and extraction of one document: what worker processes do."""

    gazetteer: Gazetteer
    today: dt.date
    published: dt.date | None
    title: str
    url: str

    def __call__(self, doc: RawDoc | InputError) -> tuple[Article, list[ExtractedIncident]] | InputError:
        if isinstance(doc, InputError):
            return doc
        try:
            article = prepare(doc, today=self.today, published=self.published, title=self.title, url=self.url)
        except InputError as e:
            return e
        return article, extract(article, self.gazetteer)

    def numbered(self, item: tuple[int, RawDoc | InputError]):
        """(file number, where, prepared) — what comes back from a worker is small and picklable."""
        n, doc = item
        where = str(doc).split(": ")[0] if isinstance(doc, InputError) else doc.where
        return n, where, self(doc)


_WORK: _Work | None = None


def _init_worker(work: _Work) -> None:
    global _WORK
    _WORK = work
    try:  # a worker dies with its parent, even when the parent is killed with SIGKILL
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _in_worker(item):
    return _WORK.numbered(item)


@contextmanager
def _mapper(work: _Work, workers: int):
    """``map(work, docs)`` in order: in this process, or over a pool of forked workers."""
    if workers <= 1:
        yield lambda fn, items: map(fn, items)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(work,)) as pool:
        yield lambda _fn, items: pool.imap(_in_worker, items, chunksize=64)


def _store(where: str, prepared, store: Store) -> Outcome:
    if isinstance(prepared, InputError):
        return Outcome(where, "failed", str(prepared))
    article, incidents = prepared
    if store.has_article(article.content_hash):
        return Outcome(where, "skipped", "already stored")
    article_id, added = store.add_article(article, incidents)
    if not added:
        return Outcome(where, "skipped", "already stored")
    note = "" if article.published else ("no publication date given or found in the text: its incidents are "
                                         "stored without dates (give --published YYYY-MM-DD)")
    return Outcome(where, "ingested", note, article_id, len(incidents), article.published, article.published_source)


@dataclass(frozen=True)
class Preview:
    article: Article
    incidents: list[ExtractedIncident]


def preview(doc: RawDoc, gazetteer: Gazetteer, *, today: dt.date, published: dt.date | None = None) -> Preview:
    """What ingesting ``doc`` would store, without storing it (raises InputError when unusable)."""
    prepared = _Work(gazetteer, today, published, "", "")(doc)
    if isinstance(prepared, InputError):
        raise prepared
    return Preview(*prepared)
