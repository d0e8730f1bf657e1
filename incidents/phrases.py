"""Multi-word phrase lookup over words, tolerant of Arabic proclitics and articles.

One table serves triggers, actors, dates, cue words and (in the gazetteer) place names: a
phrase is stored under its key (``arabic.name_key``); running text is matched word by word,
the first word of a phrase also under its proclitic-stripped forms (``بالقائم`` → ``قائم``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Generic, Iterable, Sequence, TypeVar

from incidents.arabic import WORD, is_arabic, name_key, normalize_word, proclitic_stems, strip_article, word_key

T = TypeVar("T")


@dataclass(frozen=True)
class Hit(Generic[T]):
    start: int  # word index, inclusive
    end: int  # word index, exclusive
    key: str
    payloads: tuple[T, ...]
    clitic: str  # the proclitic letters stripped from the first word ("" when none)


STARTS_CACHE = 200_000  # words whose phrase-starting forms a table remembers


@lru_cache(maxsize=200_000)
def first_word_variants(word: str, keep_article: bool = False) -> tuple[tuple[str, str], ...]:
    """(key, stripped proclitics) for a word as the first word of a phrase."""
    if not is_arabic(word):
        return [(word_key(word), "")]
    norm = normalize_word(word)
    out: dict[str, str] = {}
    for stem in proclitic_stems(norm):
        key = stem if keep_article else strip_article(stem)
        if not keep_article or not stem.startswith("ال") or stem == norm or norm.startswith(("وال", "فال", "بال", "كال", "لل")):
            out.setdefault(key, norm[: len(norm) - len(stem)])
    return tuple(out.items())


@lru_cache(maxsize=200_000)
def _word_key(word: str, keep_article: bool) -> str:
    return normalize_word(word) if keep_article and is_arabic(word) else word_key(word)


def _phrase_key(phrase: str, keep_article: bool) -> str:
    if not keep_article:
        return name_key(phrase)
    return " ".join(_word_key(m.group(), True) for m in WORD.finditer(phrase))


class PhraseTable(Generic[T]):
    """Phrases → payloads; ``find`` returns the longest non-overlapping hits, left to right."""

    def __init__(self, entries: Iterable[tuple[str, T]] = (), *, keep_article: bool = False):
        """``keep_article``: the Arabic article is part of the phrase (الأحد ≠ أحد)."""
        self.keep_article = keep_article
        self.index: dict[str, list[T]] = {}
        self.first_words: set[str] = set()  # first words of all phrases: a cheap pre-check
        self.lengths: dict[str, set[int]] = {}  # first word → the lengths (in words) of its phrases
        self._starts: dict[str, tuple[tuple[str, str], ...]] = {}  # word → its forms that begin a phrase
        self.max_words = 1
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        key = _phrase_key(phrase, self.keep_article)
        if not key:
            return
        if self._starts:
            self._starts.clear()  # (a word may begin a phrase now)
        words = WORD.findall(phrase)
        firsts = {key.split(" ", 1)[0], _word_key(words[0], self.keep_article)}
        self.first_words.update(firsts)
        length = key.count(" ") + 1
        spans = {length, len(words)}  # (a key's words may be fewer or more: "north-east")
        for word in firsts:
            self.lengths.setdefault(word, set()).update(spans)
        bucket = self.index.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)
        self.max_words = max(self.max_words, *spans)

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def find(self, words: Sequence[str], keys: Sequence[str] | None = None,
             accept_first: Callable[[str], bool] | None = None) -> list[Hit[T]]:
        if keys is None or self.keep_article:
            keys = [_word_key(w, self.keep_article) for w in words]
        hits: list[Hit[T]] = []
        starts, i, n = self._starts, 0, len(words)
        if len(starts) > STARTS_CACHE:
            starts.clear()
        while i < n:
            # most words start no phrase: one dictionary lookup per word, before any slicing or joining
            variants = starts.get(words[i])
            if variants is None:
                variants = starts[words[i]] = self._variants(words[i])
            if not variants and not (keys[i] in ("al", "el") and i + 1 < n):
                i += 1
                continue
            hit = self._longest_at(words, keys, i, accept_first, variants)
            if hit is None:
                i += 1
            else:
                hits.append(hit)
                i = hit.end
        return hits

    def _variants(self, word: str) -> tuple[tuple[str, str], ...]:
        """The forms of ``word`` under which a phrase of this table may begin with it."""
        return tuple(v for v in first_word_variants(word, self.keep_article) if v[0] in self.first_words)

    def _longest_at(self, words, keys, i, accept_first, variants) -> Hit[T] | None:
        if accept_first is not None and not accept_first(words[i]):
            return None
        lengths: set[int] = set()  # only the lengths of the phrases these first words begin, longest first
        for first, _ in variants:
            lengths |= self.lengths.get(first, set())
        if keys[i] in ("al", "el") and i + 1 < len(keys):
            lengths |= {n + 1 for n in self.lengths.get(keys[i + 1], ())}
        for length in sorted((n for n in lengths if n <= len(words) - i), reverse=True):
            tail = keys[i + 1:i + length]
            for first, clitic in variants:
                key = " ".join([first, *tail])
                if key in self.index:
                    return Hit(i, i + length, key, tuple(self.index[key]), clitic)
            if length > 1 and keys[i] in ("al", "el"):  # "Al Qaim": a standalone article
                key = " ".join(tail)
                if key in self.index:
                    return Hit(i, i + length, key, tuple(self.index[key]), "")
        return None
