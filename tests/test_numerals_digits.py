"""Numbers in figures as `quantities` reads them: currency, scale, unit, the text's own
convention, compound figures (`summarize.numerals.digits`)."""

from __future__ import annotations

from summarize.numerals import quantities


def values(text: str, lang: str) -> list[set[object]]:
    return [set(q.values) for q in quantities(text, lang)]


def test_money_has_its_currency_and_a_count_its_noun() -> None:
    money, count = quantities("Rp1,35 triliun untuk 1.000 kontainer", "id")
    assert (money.kind, money.unit, money.text) == ("money", "IDR", "Rp1,35 triliun")
    assert (count.kind, count.unit, count.text) == ("number", "kontainer", "1.000")


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


def test_the_text_s_own_convention_gives_the_value() -> None:
    assert [q.value for q in quantities("1.000,5 dan 3,5 juta", "id")] == [1000.5, 3.5e6]
    assert [q.value for q in quantities("1,000.5 and 3.5 million", "en")] == [1000.5, 3.5e6]
    # Digits in the other language's style: no value by this convention, readings still.
    (q,) = quantities("3.667,41", "en")
    assert q.value is None and 3667.41 in q.values


def test_a_slip_in_a_long_scale_word_is_still_the_scale() -> None:
    assert values("US$ 5 trilun", "id") == [{5e12}]
    assert values("Rp 2 miliyar", "id") == [{2e9}]
    assert values("Rp 2 trilyun", "id") == [{2e12}]
    assert quantities("5 militer", "id")[0].unit == "militer"  # two letters off: a word
