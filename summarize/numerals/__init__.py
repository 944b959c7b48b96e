"""Numbers, dates and scale words in Indonesian and English news text: the one home.

Indonesian writes "1.000" for a thousand and "1,5" for one and a half, scales with a word
("380 juta", "Rp1,35 triliun"), dates as "Sabtu (16/9/2023)" or "13 Oktober 2023", quarters
as "triwulan IV/2006", and spells small numbers out ("dua puluh", "ketiga"). English news
writes "1,000", "1.5", "380 million", "Oct. 13, 2023", "'96", "the fourth quarter", "six",
"third". `quantities(text, lang)` reads all of these into `Quantity` values that compare
across the two languages: "Rp1,35 triliun" and "Rp1.35 trillion" both hold 1.35e12.

`quantities` (here) runs one reader after another, each blanking what it read:
- `numerals.dates`: date parts, seasons, times of day, quarters and halves of a year; and
  `find_date`, the first full calendar date in a text (a dateline);
- `numerals.digits`: numbers in figures, with their currency, scale word and unit; Roman
  numerals;
- `numerals.spelled`: numbers written in words, ordinals, orders of magnitude.
They share `numerals.quantity` (`Quantity`, `Value`, `readings`) and `numerals.names` (the
month, weekday and scale names of both languages, for every module that needs them).

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import dates, digits, spelled
from .quantity import ANY_DIGIT_RE, Quantity, rounded

__all__ = ["quantities"]

_DASH_RE = re.compile(r"[\u2012-\u2015\u2212]")


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number, amount, date part, time, period and spelled-out number in `text`
    (`lang` "id" or "en"), in text order."""
    text = _DASH_RE.sub("-", text)  # one character each: offsets are kept
    found: list[Quantity] = []
    text = dates.periods(text, lang, found)
    if ANY_DIGIT_RE.search(text):
        text = dates.months(text, found)
        text = dates.seasons(text, found)
        text = dates.slash_dates(text, found)
        text = dates.times(text, found)
        text = digits.feet_and_inches(text, found) if lang == "en" else text
        text = digits.digits(text, lang, found)
    text = digits.romans(text, lang, found)
    found.extend(spelled.spelled(text, lang))
    found.sort(key=lambda q: q.start)
    return _years_and_months(found, text) if lang == "id" else found


def _years_and_months(found: list[Quantity], text: str) -> list[Quantity]:
    """ "4 tahun 6 bulan" is also "four and a half years": both parts may match 4.5."""
    out = list(found)
    for k in range(len(out) - 1):
        years, months = out[k], out[k + 1]
        if (
            years.unit != "tahun"
            or months.unit != "bulan"
            or text[years.end : months.start].strip() != "tahun"
        ):
            continue
        both = {
            rounded(y + m / 12)
            for y in years.values
            if isinstance(y, float)
            for m in months.values
            if isinstance(m, float) and m < 12
        }
        out[k], out[k + 1] = (
            replace(years, values=years.values | both),
            replace(months, values=months.values | both),
        )
    return out
