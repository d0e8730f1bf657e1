"""Dates in Arabic and English text: publication-date inference and relative dates.

Nothing here reads a clock: the publication date (``reference``) and today's date are
always passed in, like dateparser's ``RELATIVE_BASE``. Words live in ``lexicon/dates.csv``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from incidents.arabic import is_arabic, normalize_ar, normalize_word
from incidents.lexicon import choice, load_csv
from incidents.phrases import PhraseTable

KINDS = ("weekday", "month", "day", "relative_day", "relative_week", "relative_month", "relative_year", "same_day",
         "no_date",
         "small_hours")
MONTH_INTRO = ("في", "خلال", "in", "during", "since", "منذ", "مطلع", "early", "late", "mid", "أواخر", "أوائل",
               "منتصف", "نهاية", "بداية")
NIGHT_JOINERS = ("to", "into", "على", "إلى", "الى")  # "the night of Tuesday to Wednesday", "ليلة الثلاثاء على الأربعاء"
MONTH_INTROS = frozenset(normalize_ar(w).casefold() for w in MONTH_INTRO)
DMY = regex.compile(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$")
ISO = regex.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class DateWord:
    kind: str
    value: int


@dataclass(frozen=True)
class DateExpr:
    """A date expression at words ``start:end`` resolved to ``date`` with ACLED precision."""

    start: int
    end: int
    date: dt.date
    precision: int  # 1 day, 2 within a week, 3 month
    text: str = ""
    small_hours: bool = False  # "shortly after midnight": the report's day only because no other day is told


@lru_cache(maxsize=1)
def date_words() -> PhraseTable[DateWord]:
    table: PhraseTable[DateWord] = PhraseTable(keep_article=True)
    for lineno, r in enumerate(load_csv("dates.csv", required=("lang", "phrase", "kind", "value")), start=2):
        table.add(r["phrase"], DateWord(choice("dates.csv", lineno, r["kind"], KINDS), int(r["value"])))
    return table


def _int(word: str) -> int | None:
    w = normalize_word(word)
    return int(w) if w.isdigit() and len(w) <= 4 else None


ORDINAL_SUFFIX = regex.compile(r"(?<=\d)(st|nd|rd|th)$", regex.IGNORECASE)  # "Jan 5th", "the 21st"


def _day(word: str | None) -> int | None:
    n = _int(ORDINAL_SUFFIX.sub("", word.rstrip(","))) if word else None
    return n if n is not None and 1 <= n <= 31 else None


def _year(word: str | None) -> int | None:
    n = _int(word.rstrip(",")) if word else None
    return n if n is not None and 1900 <= n <= 2100 else None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _ordinal_day(words: Sequence[str], end_index: int) -> tuple[int | None, int]:
    """The ordinal day word(s) ending at ``end_index`` ("الثالث", "الحادي والعشرين"), and where they start."""
    for length in (2, 1):
        start = end_index - length + 1
        if start < 0:
            continue
        hits = date_words().find(list(words[start:end_index + 1]))
        if hits and hits[0].start == 0 and hits[0].end == length and hits[0].payloads[0].kind == "day":
            return hits[0].payloads[0].value, start
    return None, end_index


def year_for(month: int, day: int, *, weekday: int | None, reference: dt.date) -> int | None:
    """The year of ``day month`` not after ``reference``: the latest whose weekday fits."""
    for year in range(reference.year, reference.year - 29, -1):
        d = _safe_date(year, month, day)
        if d is None or d > reference:
            continue
        if weekday is None or d.weekday() == weekday:
            return year
    return None


def find_dates(words: Sequence[str], reference: dt.date | None, *, explicit_only: bool = False,
               same_day: list[int] | None = None) -> list[DateExpr]:
    """Every date expression in ``words`` that can be resolved against ``reference``.

    Explicit dates with a year resolve without a reference; relative ones ("السبت",
    "yesterday", "earlier this month") need it and are skipped when it is None. With
    ``explicit_only`` only full dates are returned, and a missing year is taken only from a
    weekday that fixes it ("الخميس 25 يناير"), never guessed from ``reference``. Into ``same_day``
    go the days counted from the day just told ("the next day": 1, "a day earlier": -1, "وفي اليوم نفسه": 0).
    """
    hits = date_words().find(words)
    out: list[DateExpr] = []
    used: set[int] = set()
    small_hours: list[DateExpr] = []
    for n, hit in enumerate(hits):
        if hit.start in used:
            continue
        word = hit.payloads[0]
        if word.kind == "same_day" and word.value and out and out[-1].precision == 1 and not explicit_only:
            # "… on Friday evening, while artillery shelled villages near Sidakan a day later": the day after the
            # one this sentence has just told
            out.append(DateExpr(hit.start, hit.end, out[-1].date + dt.timedelta(days=word.value), 1,
                                " ".join(words[hit.start:hit.end])))
            continue
        if word.kind == "no_date":  # "في اليوم الثاني من العملية": the operation's second day, not today
            continue
        if word.kind in ("same_day", "relative_year"):  # "وفي اليوم نفسه": the day just told, not today; a
            if word.kind == "same_day" and same_day is not None:  # year alone places nothing ("last year" only
                same_day.append(word.value)  # qualifies a month: see _last_year)
            continue
        if word.kind == "small_hours":  # "shortly after midnight": the report's day, if no other day is told
            if reference is not None and not explicit_only:
                small_hours.append(DateExpr(hit.start, hit.end, reference + dt.timedelta(days=word.value), 1,
                                            " ".join(words[hit.start:hit.end]), small_hours=True))
            continue
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        expr = None
        if word.kind == "day":  # an ordinal day counts only before a month (see _explicit) …
            if reference is not None and not explicit_only and nxt and nxt.payloads[0].kind == "relative_month" \
                    and nxt.payloads[0].value <= 0 and nxt.start - hit.end <= 1:
                first = _relative(nxt.payloads[0], nxt.start, nxt.end, None, reference, used).date
                if (d := _safe_date(first.year, first.month, word.value)) and d <= reference:
                    used.add(nxt.start)  # … or a month told relatively: "السادس من الشهر الجاري"
                    out.append(DateExpr(hit.start, nxt.end, d, 1, " ".join(words[hit.start:nxt.end])))
            continue
        prev = hits[n - 1] if n else None
        if word.kind == "month" and prev and prev.end == hit.start and prev.payloads[0].kind == "month":
            continue  # "كانون الأول/ديسمبر": the same month in its other name
        if word.kind == "month":
            # "١٥ نيسان/أبريل ٢٠١٧": the year follows the month's other name
            end = nxt.end if nxt and nxt.start == hit.end and nxt.payloads[0] == word else hit.end
            expr = _explicit(words, hit.start, end, word.value, None, reference, guess_year=not explicit_only)
        elif word.kind == "weekday":
            if nxt and nxt.payloads[0].kind == "month" and nxt.start == hit.end + 1:
                expr = _explicit(words, nxt.start, nxt.end, nxt.payloads[0].value, word.value, reference,
                                 first=hit.start, guess_year=True)
                if expr:
                    used.add(nxt.start)
            if expr is None and reference is not None and not explicit_only and nxt and \
                    nxt.payloads[0].kind == "weekday" and nxt.payloads[0].value == (word.value + 1) % 7 and \
                    (nxt.start == hit.end or (nxt.start == hit.end + 1 and words[hit.end].casefold() in NIGHT_JOINERS)):
                used.add(nxt.start)  # "ليل الثلاثاء – الأربعاء", "the night of Tuesday to Wednesday": after midnight
                back = (reference.weekday() - nxt.payloads[0].value) % 7
                expr = DateExpr(hit.start, nxt.end, reference - dt.timedelta(days=back), 1)
            if expr is None and reference is not None and not explicit_only:
                back = (reference.weekday() - word.value) % 7
                end = hit.end
                if nxt and nxt.start == hit.end and nxt.payloads[0].kind == "relative_week" and nxt.payloads[0].value < 0:
                    used.add(nxt.start)  # "on Thursday last week": that weekday in the week before
                    end = nxt.end
                    if back < reference.weekday() + 1:  # the most recent one is in this week
                        back += 7 * -nxt.payloads[0].value
                expr = DateExpr(hit.start, end, reference - dt.timedelta(days=back), 1)
        elif reference is not None and not explicit_only:
            expr = _relative(word, hit.start, hit.end, nxt, reference, used)
        if expr is not None and (expr.precision == 1 or not explicit_only):
            out.append(DateExpr(expr.start, expr.end, expr.date, expr.precision,
                                " ".join(words[expr.start:expr.end])))
    for i, w in enumerate(words):
        m = ISO.match(w)
        if m and (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))):
            out.append(DateExpr(i, i + 1, d, 1, w))
        m = DMY.match(w)  # "13-3-2024", "13.03.2024"
        if m and (d := _safe_date(int(m[3]), int(m[2]), int(m[1]))):
            out.append(DateExpr(i, i + 1, d, 1, w))
    out += _numeric(words, {i for e in out for i in range(e.start, e.end)})
    return sorted(out or small_hours, key=lambda e: e.start)


def _numeric(words: Sequence[str], taken: set[int]) -> list[DateExpr]:
    """Dates written in digits and split by the tokeniser: "12/03/2024" (day first, as the Arabic and
    European press writes them), "١٢/٣/٢٠٢٤", "2024/03/12"."""
    out = []
    for i in range(len(words) - 2):
        if taken & {i, i + 1, i + 2}:
            continue
        a, b, c = (_int(w) for w in words[i:i + 3])
        if None in (a, b, c):
            continue
        d = _safe_date(c, b, a) if 1900 <= c <= 2100 else _safe_date(a, b, c) if 1900 <= a <= 2100 else None
        if d is not None:
            out.append(DateExpr(i, i + 3, d, 1, " ".join(words[i:i + 3])))
            taken |= {i, i + 1, i + 2}
    return out


def _relative(word: DateWord, start: int, end: int, nxt, reference: dt.date, used: set[int]) -> DateExpr:
    if word.kind == "relative_day":
        if nxt and nxt.payloads[0].kind == "weekday" and nxt.start == end:
            used.add(nxt.start)  # "أمس الأربعاء": the relative word decides the day
            end = nxt.end
        return DateExpr(start, end, reference + dt.timedelta(days=word.value), 1)
    if word.kind == "relative_week":
        return DateExpr(start, end, reference + dt.timedelta(weeks=word.value), 2)
    first = reference.replace(day=1)
    for _ in range(-word.value):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return DateExpr(start, end, first, 3)


def _last_year(words, end: int) -> bool:
    """The month is followed by "last year" / "(من) العام الماضي" (a relative_year phrase)."""
    start = end + 1 if end < len(words) and normalize_ar(words[end]) == "من" else end
    return any(h.start == 0 and h.payloads[0].kind == "relative_year" for h in date_words().find(words[start:start + 3]))


def _explicit(words, start, end, month, weekday, reference, *, first=None, guess_year=True) -> DateExpr | None:
    """``[weekday] day month [year]``, ``month day[,] [year]`` or ``in month [year]``."""
    before = words[start - 1] if start > 0 else None
    after = words[end] if end < len(words) else None
    after2 = words[end + 1] if end + 1 < len(words) else None
    day, s, e = _day(before), start - 1, end
    if day is None and start > 0:  # "الثالث من كانون الأول", "الثالث مارس": an ordinal day
        i = start - 2 if start >= 2 and normalize_ar(words[start - 1]) == "من" else start - 1
        day, s = _ordinal_day(words, i)
    year = _year(after)
    if year:
        e = end + 1
    if day is None:  # English "January 25, 2024"
        day, s = _day(after), start
        if day is not None:
            e = end + 1
            year = _year(after2)
            if year:
                e = end + 2
    if first is not None:
        s = first
    if day is None:
        intro = normalize_ar(before).casefold() if before else ""
        if not (year or intro in MONTH_INTROS or (intro[:1] in "وف" and intro[1:] in MONTH_INTROS)) or \
                (not is_arabic(words[start]) and not any(p[:1].isupper() for w in words[start:end] for p in w.split("-"))):
            return None
        if year is None and (reference is None or not guess_year):
            return None
        y = year or (reference.year if month <= reference.month else reference.year - 1)
        if year is None and _last_year(words, end):  # "In March last year", "في آذار من العام الماضي"
            y = reference.year - 1
        return DateExpr(start, e, dt.date(y, month, 1), 3)
    if year is None:
        if reference is None or (weekday is None and not guess_year):
            return None
        year = year_for(month, day, weekday=weekday, reference=reference)
        if year is None:
            return None
    d = _safe_date(year, month, day)
    if d is None or (weekday is not None and d.weekday() != weekday):
        return None
    return DateExpr(s, e, d, 1)


def infer_publication(words: Sequence[str], today: dt.date) -> DateExpr | None:
    """The publication date a report states about itself, or None.

    Only full dates count: a day and month with a year, or with a weekday that fixes the
    year ("الخميس 25 يناير": the latest year not after ``today`` in which 25 January is a
    Thursday). The latest such date not after ``today`` wins: a dateline beats history.
    """
    found = [e for e in find_dates(words, today, explicit_only=True) if e.date <= today]
    return max(found, key=lambda e: e.date, default=None)


def parse_iso(value: str, what: str = "date") -> dt.date:
    """``YYYY-MM-DD`` → date, or an InputError saying what is allowed."""
    from incidents.errors import InputError

    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as e:
        raise InputError(f"{what} {value!r} is not a date in the form YYYY-MM-DD") from e
