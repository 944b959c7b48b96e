"""The names that numbers and dates are written with, in Indonesian and English: the months
(`MONTHS_ID`, `MONTHS_EN`, and `MONTHS`, every name and abbreviation to its number), the
weekdays (`WEEKDAYS_ID`, `WEEKDAYS_EN`, `WEEKDAYS`) and the scale words after digits
(`SCALES`: "juta", "million"). Their one home: the readers in `summarize.numerals` and every
other module that needs a month, a weekday or a scale word import them from here.
"""

from __future__ import annotations

__all__ = [
    "MONTHS",
    "MONTHS_EN",
    "MONTHS_ID",
    "SCALES",
    "SCALE_ALT",
    "WEEKDAYS",
    "WEEKDAYS_EN",
    "WEEKDAYS_ID",
]

MONTHS_ID = "januari februari maret april mei juni juli agustus september oktober november desember".split()
MONTHS_EN = "january february march april may june july august september october november december".split()
# Abbreviations news uses, both languages ("Okt.", "Sept.", "Agt"), and old spellings.
_MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nopember": 11,
    "des": 12, "dec": 12,
}  # fmt: skip
# Every month name and abbreviation, lower-cased, in either language: its number 1..12.
MONTHS: dict[str, int] = {
    **{name: i for i, name in enumerate(MONTHS_ID, 1)},
    **{name: i for i, name in enumerate(MONTHS_EN, 1)},
    **_MONTH_ABBREVIATIONS,
}
WEEKDAYS_ID = "senin selasa rabu kamis jumat sabtu minggu".split()
WEEKDAYS_EN = "monday tuesday wednesday thursday friday saturday sunday".split()
# Every weekday name, lower-cased, either language: 0 (Monday) .. 6 (Sunday). "Jum'at" too.
WEEKDAYS: dict[str, int] = {
    **{name: i for i, name in enumerate(WEEKDAYS_ID)},
    **{name: i for i, name in enumerate(WEEKDAYS_EN)},
    "jum'at": 4,
    "ahad": 6,
}

# Scale words after digits ("380 juta", "1.5 million"), both languages. "jutaan" after a
# digit ("Rp 2 jutaan") is "some 2 million", the same scale.
SCALES: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "ribuan": 1e3, "thousand": 1e3,
    "juta": 1e6, "jt": 1e6, "jutaan": 1e6, "million": 1e6, "mn": 1e6,
    "miliar": 1e9, "milyar": 1e9, "miliaran": 1e9, "billion": 1e9, "bn": 1e9,
    "triliun": 1e12, "trilyun": 1e12, "triliunan": 1e12, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# The scale words as one regex alternation, longest first ("jutaan" before "juta"), for the
# patterns that read a scale word after digits.
SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
