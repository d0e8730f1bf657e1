"""Arabic and Latin normalisation for matching, and number words.

camel-tools does the Arabic orthographic work (dediacritisation, alef / alef maksura /
teh marbuta normalisation). Only ``camel_tools.utils`` is imported: the rest of the package
tries to download data at import time and fails offline.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

from incidents.lexicon import load_csv

TATWEEL = "\u0640"
ARABIC_LETTER = regex.compile(r"\p{Script=Arabic}")
# A word: letters, marks and digits, with inner hyphens or apostrophes ("al-Qa'im").
WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’‘ʼʿ`\-][\p{L}\p{M}\p{Nd}]+)*")  # (‘ and ` for the ayn: "Ma‘arrat", "Ma`arrat")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Proclitics that attach to a following noun: conjunctions, then prepositions.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_LATIN_ARTICLES = ("al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "es", "ez")


def is_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))


def normalize_ar(text: str) -> str:
    """Dediacritise, drop tatweel, unify alef/ya/teh marbuta variants and digits."""
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    return text.translate(_DIGITS)


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """``normalize_ar`` of one word, cached: running text repeats its words."""
    return normalize_ar(word)


def strip_article(word: str) -> str:
    """Normalised Arabic word without its definite article, when enough remains."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def proclitic_stems(word: str) -> list[str]:
    """The normalised word and what remains after stripping و/ف, ب/ل/ك and ال, in order.

    ``بالقائم`` → [بالقائم, القائم, قائم]; ``وجرف`` → [وجرف, جرف]. Stems shorter than two
    letters are not produced.
    """
    out = [word]
    rest = word
    if rest[:1] in _CONJ and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 4:  # ل + ال with the alef dropped
        out.append(rest[2:])
        return out
    if rest[:1] in _PREP and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    bare = strip_article(rest)
    if bare != rest:
        out.append(bare)
    return out


POSSESSIVE = ("'s", "’s")


def is_possessive(word: str) -> bool:
    """A Latin word with the possessive ending: "Baghdad's", "Syria’s"."""
    return word.endswith(POSSESSIVE)


@lru_cache(maxsize=200_000)
def latin_word_key(word: str) -> str:
    """Casefolded ASCII form of a Latin word without apostrophes and article prefix."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c))
    if is_possessive(word):  # "Baghdad's Mashtal district"
        word = word[:-2]
    for mark in "'’‘ʼʿ`":
        word = word.replace(mark, "")
    head, sep, tail = word.partition("-")
    if sep and head in _LATIN_ARTICLES and tail:
        word = tail
    return word.replace("-", " ")


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The matching key of one word: Arabic without article, or Latin casefolded."""
    if is_arabic(word):
        return strip_article(normalize_word(word))
    return latin_word_key(word)


def name_key(name: str) -> str:
    """The matching key of a whole name: its words' keys, standalone al/el dropped."""
    keys = [word_key(m.group()) for m in WORD.finditer(name)]
    keys = [k for k in keys if k not in ("al", "el")] or keys
    return " ".join(keys)


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Number words keyed by their normalised form (Arabic and English)."""
    rows = load_csv("numbers.csv", required=("lang", "word", "value"))
    out: dict[str, int] = {}
    for r in rows:
        key = normalize_ar(r["word"]) if r["lang"] == "ar" else r["word"].casefold()
        out[key] = int(r["value"])
    return out


@lru_cache(maxsize=200_000)
def parse_number(word: str) -> int | None:
    """An integer from digits (either numeral system) or a number word; else None."""
    w = normalize_word(word).casefold()
    if w[:1] in ("و", "ف") and w[1:].isdigit():  # "13 قتيلا و58 جريحا"
        w = w[1:]
    if w.isdigit():
        return int(w)
    words = number_words()
    for stem in proclitic_stems(w) if is_arabic(w) else [w]:
        if stem in words:
            return words[stem]
    return None
