"""The phrase table every lexicon and the gazetteer match words with."""

from incidents.phrases import PhraseTable
from incidents.text import words_of


def _find(table, text):
    words = [w for w, _, _ in words_of(text)]
    return [(" ".join(words[h.start:h.end]), h.payloads, h.clitic) for h in table.find(words)]


def test_the_longest_phrase_wins_and_a_proclitic_is_stripped():
    table = PhraseTable([("police officer", "person"), ("police officer in", "seat"), ("القائم", "town")])
    assert _find(table, "A police officer in Samarra said") == [("police officer in", ("seat",), "")]
    assert _find(table, "وصلت التعزيزات بالقائم") == [("بالقائم", ("town",), "ب")]


def test_a_phrase_added_after_a_search_is_found():
    table = PhraseTable([("Samarra", "city")])
    assert _find(table, "near Tikrit and Samarra") == [("Samarra", ("city",), "")]
    table.add("Tikrit", "city")
    assert _find(table, "near Tikrit and Samarra") == [("Tikrit", ("city",), ""), ("Samarra", ("city",), "")]
