"""From raw input to clean text: HTML to text, page furniture removal, language, sentences."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import regex
from bs4 import BeautifulSoup

from incidents.arabic import ARABIC_LETTER, WORD, normalize_ar
from incidents.errors import DataFileError
from incidents.lexicon import load_csv

SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "form",
             "aside", "figcaption")  # asides hold other stories; captions retell or date a photo
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "header", "blockquote", "title")
# A sentence ends at . ! ? ؟ … (then space, a quote or a letter) or at a line break.
SENTENCE_END = regex.compile(r"(?<=[.!?؟…])[\"'”»)]*(?=\s|\p{L})|\n+")
MAX_FURNITURE_LINE = 200
ABBREVIATION_TAIL = regex.compile(r"[\p{L}.]*$")
DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate",
             "publish-date", "date", "dc.date", "DC.date.issued", "sailthru.date")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class HtmlDocument:
    text: str
    title: str
    published: str  # as found in the page metadata, unparsed ("" when none)


def content_hash(text: str) -> str:
    """Identity of an article: the SHA-256 of its whitespace-normalised text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def html_to_text(html: str) -> HtmlDocument:
    """Visible text of an HTML page, one block per line, with title and metadata date."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    published = ""
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key in DATE_META and meta.get("content"):
            published = meta["content"].strip()
            break
    if not published and (t := soup.find("time")) and t.get("datetime"):
        published = t["datetime"].strip()
    for tag in soup(SKIP_TAGS):
        tag.decompose()
    if soup.title:
        soup.title.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return HtmlDocument("\n".join(line for line in lines if line), title, published)


FURNITURE_KINDS = ("line", "label", "list")
HEADLINE_WORDS = 20  # a line of a related-stories list: a headline, not a paragraph
SENTENCE_FINAL = regex.compile(r"[.!?؟…][\"'”»)]*$")


@dataclass(frozen=True)
class Furniture:
    line: tuple[str, ...]  # a short line containing one of these is furniture ("Share on Facebook")
    label: frozenset[str]  # a line that is only one of these ("Advertisement")
    list: tuple[str, ...]  # a heading ("Related", "اقرأ أيضاً:"): the headlines under it are other stories


@lru_cache(maxsize=1)
def _furniture() -> Furniture:
    rows = load_csv("boilerplate.csv", required=("lang", "phrase", "kind"))
    by_kind: dict[str, list[str]] = {k: [] for k in FURNITURE_KINDS}
    for n, r in enumerate(rows, start=2):
        if r["kind"] not in by_kind:
            raise DataFileError(f"boilerplate.csv:{n}: kind {r['kind']!r} is not one of {', '.join(FURNITURE_KINDS)}")
        by_kind[r["kind"]].append(_furniture_key(r["phrase"]))
    return Furniture(tuple(by_kind["line"]), frozenset(by_kind["label"]), tuple(by_kind["list"]))


def _furniture_key(line: str) -> str:
    return " ".join(normalize_ar(line).casefold().split())


def _list_heading(key: str, headings: tuple[str, ...]) -> bool | None:
    """True for a heading alone ("Related", "اقرأ أيضاً:"), False for a heading with its one headline
    on the line ("Read also: …"), None for any other line."""
    for h in headings:
        if key.startswith(h):
            rest = key[len(h):].strip()
            if not rest.strip(":|-–—"):
                return True
            if rest[0] in ":|-–—":
                return False
    return None


def _headline(line: str) -> bool:
    """A short line that does not end a sentence: an item of a list of stories."""
    return len(line.split()) <= HEADLINE_WORDS and not SENTENCE_FINAL.search(line.strip())


def remove_furniture(text: str) -> str:
    """Drop page furniture: short lines of share buttons, captions and credits ("enable JavaScript",
    "اقرأ المزيد", "Photo: …"), ad labels, and related-stories boxes (the heading and the headlines
    under it, which are other stories)."""
    furniture = _furniture()
    kept = []
    in_list = False
    for line in text.splitlines():
        key = _furniture_key(line)
        if in_list and (not key or _headline(line)):
            continue
        in_list = False
        heading = _list_heading(key, furniture.list)
        if heading is not None:
            in_list = heading
            continue
        if key.strip(" :") in furniture.label or (
                len(line) <= MAX_FURNITURE_LINE and any(p in key for p in furniture.line)):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def clean(text: str) -> str:
    """Normalise line ends and white space, then remove page furniture."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = regex.sub(r"[ \t\f\v]+", " ", text)
    text = regex.sub(r"\n{3,}", "\n\n", text)
    return remove_furniture(text)


def detect_language(text: str) -> str:
    """``ar`` when Arabic letters outnumber Latin ones, else ``en``."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(regex.findall(r"[A-Za-z]", text))
    return "ar" if arabic >= latin else "en"


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"].casefold() for r in load_csv("abbreviations.csv", required=("lang", "abbreviation")))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("U.S.", "Lt.") not a sentence."""
    if text[dot - 1:dot] != ".":
        return False
    word = ABBREVIATION_TAIL.search(text, max(0, dot - 24), dot - 1).group()
    return len(word) == 1 and word.isupper() or word.casefold() in _abbreviations() or (
        len(word) >= 3 and word[-2] == "." and word[-1].isupper())  # "U.S" of "U.S."


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets into ``text``."""
    out = []
    pos = 0
    for m in SENTENCE_END.finditer(text):
        if "\n" not in m.group() and _is_abbreviation(text, m.start()):
            continue
        _add(out, text, pos, m.start())
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped[0])
        out.append(Sentence(s, s + len(stripped), stripped))


def words_of(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their start and end offsets."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
