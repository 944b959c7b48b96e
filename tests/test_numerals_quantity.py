"""The values a digit string may mean (`summarize.numerals.quantity.readings`)."""

from __future__ import annotations

from summarize.numerals.quantity import readings


def test_readings_of_ambiguous_digits() -> None:
    assert readings("1.000") == {1000.0, 1.0}
    assert readings("1,000") == {1000.0, 1.0}
    assert readings("2,5") == {2.5}
