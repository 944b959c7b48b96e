"""Numbers written in words as `quantities` reads them: names and set phrases, adjectives,
ordinals (`summarize.numerals.spelled`)."""

from __future__ import annotations

from summarize.numerals import quantities


def test_names_and_set_phrases_are_soft() -> None:
    assert [q.hard for q in quantities("Restoran Nusa Dua", "id")] == [False]
    assert [q.hard for q in quantities("satu-satunya jalan", "id")] == [False]
    assert [q.hard for q in quantities("salah satu masalah", "id")] == [False]
    assert [q.hard for q in quantities("enam partai", "id")] == [True]


def test_number_words_as_adjectives_and_ordinals_with_nya() -> None:
    assert [(q.values, q.hard) for q in quantities("twin-engine", "en")] == [(frozenset({2.0}), False)]
    assert [q.values for q in quantities("gim kelimanya", "id")] == [frozenset({5.0})]
    assert quantities("satu-satunya", "id")[0].hard is False
    assert quantities("dua meter", "id")[0].unit == "meter"
