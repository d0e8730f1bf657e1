"""No input crashes the text cleaner, the date finder or the extractor (hypothesis)."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.dates import find_dates, infer_publication
from incidents.extract import extract
from incidents.ingest import decode
from incidents.model import Article
from incidents.text import clean, content_hash, html_to_text, sentences, words_of

# Text that looks like reporting: Arabic and Latin letters, digits of both systems, punctuation,
# diacritics, tatweel, the words the rules look for, and arbitrary characters.
WORDS = ["قاعدة", "عين", "الأسد", "بالقائم", "وجرف", "الصخر", "السبت", "أمس", "مقتل", "قتيلان", "صواريخ",
         "باليستية", "طائرة", "مسيرة", "في", "قرب", "strike", "Ain", "al-Asad", "killed", "on", "Saturday",
         "٣", "25", "يناير", "الخميس", "ـ", "\u064e", ".", "،", "\n", "<b>", "</p>", "&amp;", "'s"]
reportish = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


@given(reportish)
def test_cleaning_and_sentences_never_crash_and_offsets_point_into_the_text(text):
    cleaned = clean(text)
    for s in sentences(cleaned):
        assert cleaned[s.start:s.end] == s.text
    for w, start, end in words_of(cleaned):
        assert cleaned[start:end] == w


@given(reportish)
def test_html_to_text_never_crashes(text):
    html_to_text(f"<html><body><p>{text}</p><script>{text}</script></body></html>")


@given(st.binary(max_size=200))
def test_decode_gives_text_or_a_clear_error(data):
    try:
        assert isinstance(decode(data, "f.txt"), str)
    except ValueError as e:
        assert str(e).startswith("f.txt:")


@given(reportish, st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))))
def test_dates_never_crash(text, reference):
    words = [w for w, _, _ in words_of(text)]
    find_dates(words, reference)
    infer_publication(words, dt.date(2026, 1, 1))


@given(reportish, st.one_of(st.none(), st.just(dt.date(2024, 1, 25))))
def test_extract_never_crashes_and_evidence_is_in_the_text(gazetteer, text, published):
    text = clean(text)
    for inc in extract(Article(text, content_hash(text), published=published), gazetteer):
        assert text[inc.start:inc.end] == inc.evidence
        assert inc.fatalities is None or inc.fatalities >= 0
