"""Dates, times, seasons and quarters as `quantities` reads them, and a dateline's date
(`summarize.numerals.dates`)."""

from __future__ import annotations

from datetime import date

import pytest

from summarize.numerals import quantities
from summarize.numerals.dates import find_date


def values(text: str, lang: str) -> list[set[object]]:
    return [set(q.values) for q in quantities(text, lang)]


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


def test_a_season_reads_both_ways() -> None:
    short, full = values("musim 16/17", "id"), values("the 2016/17 season", "en")
    assert 2016.0 in short[0] and 2017.0 in short[1] and 16.0 in full[0] and 2017.0 in full[1]
    assert values("2016-2017", "en") == [{2016.0, 16.0}, {2017.0, 17.0}]
    assert values("Senin (11/12)", "id") == [{11.0}, {("M", 12)}]  # a day and a month, not a season
    assert 2011.0 in values("musim 11/12", "id")[0]


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


def test_date_at_reads_only_a_date_that_starts_there() -> None:
    from summarize.numerals.dates import date_at

    text = "Jumat (13/10/2023) dan 5 Mei 2017"
    assert date_at(text, 7) == (date(2023, 10, 13), 17)
    assert date_at(text, 23) == (date(2017, 5, 5), 33)
    assert date_at(text, 0) is None  # a weekday, not a date
    assert date_at("Rabu (31/2/2017)", 6) is None  # no such day
