"""Numbers in Indonesian news sentences, to notice when reports of one fact disagree.

Indonesian writes "1.000" for a thousand, "1,5" for one and a half, and scales with a
word: "1,5 juta" (1.5 million), "180 ribu" (180 thousand). A figure is a number with
the noun it counts ("1.000 kontainer", "73 gerbong", "5 persen"); two reports disagree
when they attach different values to the same noun. Dates, times and years are not
figures. The numbers are read by `summarize.numerals`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.terms import stem
from ..lang.wordlists import STOPWORDS_ID
from ..numerals import quantities
from ..numerals.names import MONTHS, WEEKDAYS
from ..values import Citation

__all__ = ["differing_figures", "figures", "rounded_alike"]

# Words after a number that are not what it counts: date and time words.
_NOT_UNITS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset({"wib", "wita", "wit", "pukul"})
_CURRENCY_NOUNS = {"IDR": "rupiah", "USD": "dolar", "EUR": "euro"}


def figures(text: str) -> dict[str, tuple[float, str]]:
    """{unit stem: (value, figure as written)} for each counted noun, first mention only."""
    out: dict[str, tuple[float, str]] = {}
    for q in quantities(text, "id"):
        if q.kind not in ("number", "money") or q.value is None or not q.unit:
            continue  # dates, times and years are not figures; nor is a number that counts nothing
        word = _CURRENCY_NOUNS.get(q.unit, q.unit.lower()) if q.kind == "money" else q.unit
        word = "persen" if word == "%" else word.split()[0]
        if word in _NOT_UNITS or word in STOPWORDS_ID:
            continue
        out.setdefault(stem(word), (q.value, q.text + ("%" if q.unit == "%" else "")))
    return out


# A number as written: digits with "." between thousands and "," before decimals ("31,54").
_WRITTEN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def _resolution(value: float, shown: str) -> float:
    """How finely `shown` rounds `value`: its last decimal's worth ("Rp 31,54 triliun": 0.01
    trillion). A whole number is taken as exact ("5%" is no rounded 4,75%): 0, as when it
    cannot be read."""
    m = _WRITTEN.search(shown)
    if m is None:
        return 0.0
    whole, _, decimals = m.group(0).replace(".", "").partition(",")
    if not decimals:
        return 0.0
    written = float(f"{whole}.{decimals}")
    return abs(value / written) * 10.0 ** -len(decimals) if written else 0.0


def rounded_alike(first: tuple[float, str], second: tuple[float, str]) -> bool:
    """Two figures (value, as written) that agree at the coarser one's precision: "Rp 31,54
    triliun" and "Rp 31,542 triliun" are one figure rounded, "5%" and "4,75%" two."""
    coarse = max(_resolution(*first), _resolution(*second))
    return abs(first[0] - second[0]) <= coarse / 2 * (1 + 1e-9)


def differing_figures(
    texts: Sequence[str], citations: Sequence[Citation]
) -> tuple[tuple[str, tuple[Citation, ...]], ...]:
    """Where the reports of one fact give different values for the same noun: each value
    (as the first report giving it writes it) with the citations that give it.

    Empty when they agree or share no counted noun. Only the first noun they disagree on
    (in the first report's order) is returned, so the note stays one line.
    """
    if len(texts) < 2:
        return ()  # one report agrees with itself: most facts of a day are one article's
    found = [figures(t) for t in texts]
    units = [u for f in found for u in f]
    for unit in dict.fromkeys(units):
        values: dict[float, tuple[str, list[Citation]]] = {}
        for f, c in zip(found, citations, strict=True):
            if unit in f:
                value, shown = f[unit]
                values.setdefault(value, (shown, []))[1].append(c)
        if len(values) > 1:
            return tuple((shown, tuple(cs)) for shown, cs in values.values())
    return ()
