"""Numbers, dates and scale words: one parser for both languages."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from summarize.numerals import quantities
from summarize.numerals.dates import find_date
from summarize.numerals.names import MONTHS, WEEKDAYS
from summarize.numerals.quantity import readings


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


def test_money_has_its_currency_and_a_count_its_noun() -> None:
    money, count = quantities("Rp1,35 triliun untuk 1.000 kontainer", "id")
    assert (money.kind, money.unit, money.text) == ("money", "IDR", "Rp1,35 triliun")
    assert (count.kind, count.unit, count.text) == ("number", "kontainer", "1.000")


def test_dates_and_periods() -> None:
    assert values("Sabtu (16/9/2023)", "id") == [{16.0}, {("M", 9)}, {2023.0}]
    assert values("13 Oktober 2023", "id") == [{13.0}, {("M", 10)}, {2023.0}]
    assert values("Oct. 13, 2023", "en") == [{("M", 10)}, {13.0}, {2023.0}]
    assert values("triwulan IV/2006", "id") == [{("Q", 4.0)}, {2006.0}]
    assert values("the fourth quarter of 2006", "en") == [{("Q", 4.0)}, {2006.0}]
    assert values("the last three months of 2006", "en") == [{("Q", 4.0)}, {2006.0}]
    assert 1996.0 in values("back in '96", "en")[0]


def test_times() -> None:
    assert ("T", 10, 30) in values("pukul 10.30 WIB", "id")[0]
    assert ("T", 16, 0) in values("at 4 p.m.", "en")[0]
    # A decimal after "from" is a number, not a time: its scale word stays with it.
    assert values("from 4.43 million", "en") == [{4.43e6}]


def test_informal_reduplication_is_no_number() -> None:
    assert quantities("hal2 yang saya hindari, foto2", "id") == []
    assert [q.text for q in quantities("G2 dan 2 orang", "id")] == ["2", "2"]
    assert [q.text for q in quantities("emisi CO2 di TL2", "id")] == ["2", "2"]  # names, not "hal2"


def test_compound_forms_read_as_one_figure() -> None:
    assert [(q.values, q.unit) for q in quantities("the 6-foot-1 striker", "en")] == [
        (frozenset({73.0}), "inch")
    ]
    assert [q.values for q in quantities("Rp 1 juta 750 ribu", "id")] == [frozenset({1_750_000.0})]
    assert [q.values for q in quantities("a 2.36-million-dot viewfinder", "en")] == [frozenset({2_360_000.0})]


def test_names_and_set_phrases_are_soft() -> None:
    assert [q.hard for q in quantities("Restoran Nusa Dua", "id")] == [False]
    assert [q.hard for q in quantities("satu-satunya jalan", "id")] == [False]
    assert [q.hard for q in quantities("salah satu masalah", "id")] == [False]
    assert [q.hard for q in quantities("enam partai", "id")] == [True]


def test_the_text_s_own_convention_gives_the_value() -> None:
    assert [q.value for q in quantities("1.000,5 dan 3,5 juta", "id")] == [1000.5, 3.5e6]
    assert [q.value for q in quantities("1,000.5 and 3.5 million", "en")] == [1000.5, 3.5e6]
    # Digits in the other language's style: no value by this convention, readings still.
    (q,) = quantities("3.667,41", "en")
    assert q.value is None and 3667.41 in q.values


def test_readings_of_ambiguous_digits() -> None:
    assert readings("1.000") == {1000.0, 1.0}
    assert readings("1,000") == {1000.0, 1.0}
    assert readings("2,5") == {2.5}


def test_month_and_weekday_names_in_both_languages() -> None:
    assert MONTHS["oktober"] == MONTHS["october"] == MONTHS["okt"] == MONTHS["oct"] == 10
    assert WEEKDAYS["sabtu"] == WEEKDAYS["saturday"] == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jakarta, Sabtu (16/9/2023) - Polisi menangkap dua orang.", date(2023, 9, 16)),
        ("Jumat (13/10/2023)", date(2023, 10, 13)),
        ("Jakarta - Diperbarui 13 Oktober 2023, 10:30 WIB", date(2023, 10, 13)),
        ("Published Oct. 13, 2023", date(2023, 10, 13)),
        ("2023-10-13T08:00", date(2023, 10, 13)),
        ("Selasa (31/2/2023), lalu Rabu (1/3/2023)", date(2023, 3, 1)),
        ("Sabtu (16/9) kemarin", None),
        ("Tidak ada tanggal di sini.", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


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


def test_a_season_reads_both_ways() -> None:
    short, full = values("musim 16/17", "id"), values("the 2016/17 season", "en")
    assert 2016.0 in short[0] and 2017.0 in short[1] and 16.0 in full[0] and 2017.0 in full[1]
    assert values("2016-2017", "en") == [{2016.0, 16.0}, {2017.0, 17.0}]
    assert values("Senin (11/12)", "id") == [{11.0}, {("M", 12)}]  # a day and a month, not a season
    assert 2011.0 in values("musim 11/12", "id")[0]


def test_a_slip_in_a_long_scale_word_is_still_the_scale() -> None:
    assert values("US$ 5 trilun", "id") == [{5e12}]
    assert values("Rp 2 miliyar", "id") == [{2e9}]
    assert values("Rp 2 trilyun", "id") == [{2e12}]
    assert quantities("5 militer", "id")[0].unit == "militer"  # two letters off: a word


def test_number_words_as_adjectives_and_ordinals_with_nya() -> None:
    assert [(q.values, q.hard) for q in quantities("twin-engine", "en")] == [(frozenset({2.0}), False)]
    assert [q.values for q in quantities("gim kelimanya", "id")] == [frozenset({5.0})]
    assert quantities("satu-satunya", "id")[0].hard is False
    assert quantities("dua meter", "id")[0].unit == "meter"


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
