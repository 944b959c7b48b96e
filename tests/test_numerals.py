"""Numbers, dates and scale words: one parser for both languages (`summarize.numerals.quantities`).

Here: one value from each reader, no text that makes `quantities` or `find_date` raise, and
cases that take two readers. Each reader's own cases are in test_numerals_<module>.py.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from summarize.numerals import quantities
from summarize.numerals.dates import find_date


def values(text: str, lang: str) -> list[set[object]]:
    return [set(q.values) for q in quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1.000", "id", 1000.0),
        ("1,5", "id", 1.5),
        ("Rp1,35 triliun", "id", 1.35e12),
        ("608,4 juta", "id", 608.4e6),
        ("Rp 2 jutaan", "id", 2e6),
        ("US$58.4 billion", "en", 58.4e9),
        ("380 million", "en", 380e6),
        ("180,000", "en", 180000.0),
        ("dua puluh", "id", 20.0),
        ("tiga belas ribu", "id", 13000.0),
        ("ketiga", "id", 3.0),
        ("six", "en", 6.0),
        ("third", "en", 3.0),
        ("four and a half", "en", 4.5),
        ("a hundred", "en", 100.0),
        ("Kongres XVII", "id", 17.0),
    ],
)
def test_one_value(text: str, lang: str, value: float) -> None:
    assert any(value in v for v in values(text, lang)), quantities(text, lang)


@given(st.text(), st.sampled_from(["id", "en"]))
def test_never_raises_and_spans_slice_back(text: str, lang: str) -> None:
    for q in quantities(text, lang):
        assert 0 <= q.start <= q.end <= len(text)
    find_date(text)


@example("'00.0", "id")  # an apostrophe year that is not one
@given(st.text(alphabet="0123456789.,/:-' RpMTjutabillion%()", max_size=60), st.sampled_from(["id", "en"]))
def test_never_raises_on_digit_soup(text: str, lang: str) -> None:
    for q in quantities(text, lang):
        assert q.values and 0 <= q.start <= q.end <= len(text)
    find_date(text)


def test_number_idioms_core_counts_and_compound_units() -> None:
    assert [(q.values, q.hard) for q in quantities("a hat-trick and a brace", "en")] == [
        (frozenset({3.0}), False),
        (frozenset({2.0}), False),
    ]
    assert quantities("a magic trick", "en") == []
    assert [q.values for q in quantities("deca core", "id")] == [frozenset({10.0})]
    assert [q.values for q in quantities("a quad-core chip", "en")] == [frozenset({4.0})]
    assert quantities("120 juta kaki kubik gas", "id")[0].unit == "kaki kubik"
    assert quantities("120 million standard cubic feet", "en")[0].unit == "standard cubic feet"


def test_a_relay_zero_and_a_few_words() -> None:
    """ "4x100" is two figures, written either way; "zero" and "nol" are 0 (English "zero" is
    soft, like "one"); "sepatah dua kata" is "a few words", no count."""
    for text, lang in (("nomor 4 x 100 meter", "id"), ("the 4x100 meters", "en"), ("4×400 relay", "en")):
        assert [q.values for q in quantities(text, lang)][:2] in (
            [frozenset({4.0}), frozenset({100.0})],
            [frozenset({4.0}), frozenset({400.0})],
        ), text
    assert [(q.values, q.hard) for q in quantities("nol persen", "id")] == [(frozenset({0.0}), True)]
    assert [(q.values, q.hard) for q in quantities("zero percent", "en")] == [(frozenset({0.0}), False)]
    assert [q.hard for q in quantities("mengucapkan sepatah dua kata", "id")] == [False]
    assert [q.hard for q in quantities("mendapat dua kata sandi", "id")] == [True]
