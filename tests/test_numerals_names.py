"""The month and weekday names of both languages (`summarize.numerals.names`)."""

from __future__ import annotations

from summarize.numerals.names import MONTHS, WEEKDAYS


def test_month_and_weekday_names_in_both_languages() -> None:
    assert MONTHS["oktober"] == MONTHS["october"] == MONTHS["okt"] == MONTHS["oct"] == 10
    assert WEEKDAYS["sabtu"] == WEEKDAYS["saturday"] == 5
