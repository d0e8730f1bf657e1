"""Publication-date inference and relative dates, Arabic and English."""

import datetime as dt

import pytest

from incidents.dates import find_dates, infer_publication
from incidents.text import words_of

TODAY = dt.date(2026, 11, 29)


def words(text):
    return [w for w, _, _ in words_of(text)]


@pytest.mark.parametrize("text, expected", [
    ("في بغداد، الخميس 25 يناير الحالي (أ ف ب)", dt.date(2024, 1, 25)),  # Thursday fixes 2024
    ("السبت 25 يناير", dt.date(2025, 1, 25)),
    ("الأحد 25 كانون الثاني", dt.date(2026, 1, 25)),  # Levantine month name
    ("Published Thursday, 25 January", dt.date(2024, 1, 25)),
    ("وقع الهجوم في 3 آذار 2024 وأعلن عنه في 5 آذار 2024", dt.date(2024, 3, 5)),  # the latest wins
    ("January 5, 2024", dt.date(2024, 1, 5)),
    ("2024-02-03", dt.date(2024, 2, 3)),
])
def test_publication_date_inferred_from_text(text, expected):
    assert infer_publication(words(text), TODAY).date == expected


@pytest.mark.parametrize("text", [
    "الخميس الماضي",  # a weekday alone is no date
    "25 يناير",  # day and month without weekday or year: the year is unknown
    "وزير الخارجية أحد المسؤولين",  # أحد is "one", not Sunday
    "السبت 25 يناير 2099",  # in the future
])
def test_no_publication_date_when_the_text_does_not_fix_one(text):
    assert infer_publication(words(text), TODAY) is None


PUB = dt.date(2024, 1, 25)  # a Thursday


@pytest.mark.parametrize("text, expected, precision", [
    ("وأصيب أربعة جنود، السبت، بإصابات", dt.date(2024, 1, 20), 1),
    ("في ساعة مبكرة الأربعاء", dt.date(2024, 1, 24), 1),
    ("أمس الأربعاء", dt.date(2024, 1, 24), 1),
    ("اليوم الخميس", dt.date(2024, 1, 25), 1),
    ("الليلة الماضية", dt.date(2024, 1, 24), 1),
    ("في وقت سابق من الشهر الجاري", dt.date(2024, 1, 1), 3),
    ("الشهر الماضي", dt.date(2023, 12, 1), 3),
    # a month of last year, not of this one
    ("In January last year", dt.date(2023, 1, 1), 3),
    ("في كانون الثاني من العام الماضي", dt.date(2023, 1, 1), 3),
    ("on Saturday", dt.date(2024, 1, 20), 1),
    ("early Thursday", dt.date(2024, 1, 25), 1),
    ("yesterday", dt.date(2024, 1, 24), 1),
    ("earlier this month", dt.date(2024, 1, 1), 3),
    ("last week", dt.date(2024, 1, 18), 2),
    ("on 20 January", dt.date(2024, 1, 20), 1),
    ("في 28 كانون الأول", dt.date(2023, 12, 28), 1),  # a date after the publication day is last year's
    ("في الثالث من كانون الثاني", dt.date(2024, 1, 3), 1),  # an ordinal day
    ("الحادي والعشرين من يناير", dt.date(2024, 1, 21), 1),
    ("في الثالث من كانون الثاني/يناير", dt.date(2024, 1, 3), 1),  # both month names
    ("on Thursday last week", dt.date(2024, 1, 18), 1),  # not today, the Thursday a week before
    ("on Monday last week", dt.date(2024, 1, 15), 1),  # this week's Monday was the 22nd
    ("في السادس من الشهر الجاري", dt.date(2024, 1, 6), 1),  # an ordinal day of a month told relatively
    ("في العاشر من الشهر الماضي", dt.date(2023, 12, 10), 1),
])
def test_relative_dates_resolve_against_the_publication_date(text, expected, precision):
    found = find_dates(words(text), PUB)
    assert [(d.date, d.precision) for d in found] == [(expected, precision)]


def test_relative_dates_need_a_reference():
    assert find_dates(words("السبت"), None) == []
    assert [d.date for d in find_dates(words("20 January 2024"), None)] == [dt.date(2024, 1, 20)]


def test_may_the_verb_is_not_a_month():
    assert find_dates(words("officials said they may respond"), PUB) == []


@pytest.mark.parametrize("text, reference, expected, precision", [
    # the year after the month's other name
    ("تفجير ١٥ نيسان/أبريل ٢٠١٧ الأكثر إيلاماً", dt.date(2022, 2, 2), dt.date(2017, 4, 15), 1),
    ("ففي الثامن من أيلول/سبتمبر ٢٠١٨ قصف الحرس الثوري", dt.date(2022, 2, 2), dt.date(2018, 9, 8), 1),
    ("في كانون الأول/ديسمبر ٢٠١٧", dt.date(2022, 2, 2), dt.date(2017, 12, 1), 3),
    # ordinal days and parts of a month
    ("early on Jan 5th", dt.date(2024, 2, 15), dt.date(2024, 1, 5), 1),
    ("in mid-January", dt.date(2024, 2, 15), dt.date(2024, 1, 1), 3),
    ("أواخر كانون الثاني", dt.date(2024, 2, 15), dt.date(2024, 1, 1), 3),
    ("منتصف كانون الثاني", dt.date(2024, 2, 15), dt.date(2024, 1, 1), 3),
    # numeric dates (day first, as the Arabic and European press writes them) and counted days
    ("on 12/03/2024", dt.date(2024, 3, 14), dt.date(2024, 3, 12), 1),
    ("بتاريخ ١٢/٣/٢٠٢٤", dt.date(2024, 3, 14), dt.date(2024, 3, 12), 1),
    ("2024/03/12", dt.date(2024, 3, 14), dt.date(2024, 3, 12), 1),
    ("13-3-2024", dt.date(2024, 3, 14), dt.date(2024, 3, 13), 1),
    ("قبل ثلاثة أيام", dt.date(2024, 3, 14), dt.date(2024, 3, 11), 1),
])
def test_written_dates(text, reference, expected, precision):
    (d,) = find_dates(words(text), reference)
    assert (d.date, d.precision) == (expected, precision)


def test_the_previous_day_is_not_today():
    assert find_dates(words("وفي اليوم السابق سقطت قذائف"), dt.date(2024, 3, 14)) == []


@pytest.mark.parametrize("text, expected", [
    ("An explosive-laden drone crashed into the grounds of Erbil airport shortly after midnight", "2023-05-10"),
    ("On Thursday, a small bomb exploded outside a shop shortly after midnight", "2023-05-04"),
    ("سقطت طائرة مسيرة قرب مطار أربيل بعد منتصف الليل", "2023-05-10"),
])
def test_after_midnight_is_the_reports_day_unless_a_day_is_told(text, expected):
    words = [w for w, _, _ in words_of(text)]
    assert [str(d.date) for d in find_dates(words, dt.date(2023, 5, 10))] == [expected]
