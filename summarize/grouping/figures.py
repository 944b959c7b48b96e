"""Numbers in Indonesian news sentences, to notice when reports of one fact disagree.

Indonesian writes "1.000" for a thousand, "1,5" for one and a half, and scales with a
word: "1,5 juta" (1.5 million), "180 ribu" (180 thousand). A figure is a number with
the noun it counts ("1.000 kontainer", "73 gerbong", "5 persen"); two reports disagree
when they attach different values to the same noun. Dates, times and years are not
figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang import STOPWORDS_ID, stem
from ..values import Citation

__all__ = ["differing_figures", "figures"]

_SCALE = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}
_NOT_UNITS = frozenset(
    """
    januari februari maret april mei juni juli agustus september oktober november desember
    jan feb mar apr jun jul agu agt sep okt nov des senin selasa rabu kamis jumat sabtu minggu
    wib wita wit pukul
    """.split()
)
_FIGURE = re.compile(
    r"(?:(Rp\.?|US\$|\$)\s?)?"  # money: the currency is the unit
    r"(?<![\w/.,:-])"  # not the tail of a date, time, code or longer number
    r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"  # 1.000 | 1000 | 1,5
    r"(?![\w/:]|[.,]\d)"  # not followed by more of a date, time or code ("13/10", "10:30")
    r"(?:\s+(ribu|rb|juta|jt|miliar|milyar|triliun)\b)?"
    r"\s*(%|[^\W\d_][\w-]*)?",
    re.IGNORECASE,
)


def figures(text: str) -> dict[str, tuple[float, str]]:
    """{unit stem: (value, figure as written)} for each counted noun, first mention only."""
    out: dict[str, tuple[float, str]] = {}
    for m in _FIGURE.finditer(text):
        currency, whole, frac, scale, unit = m.groups()
        if currency:
            word = "rupiah" if currency.lower().startswith("rp") else "dolar"
        elif unit is None:
            continue
        else:
            word = "persen" if unit == "%" else unit.lower()
        if word in _NOT_UNITS or word in STOPWORDS_ID:
            continue
        if scale is None and "." not in whole and len(whole) == 4 and whole[:2] in ("19", "20"):
            continue  # a year ("tahun 2022") or a model number, not a count
        value = float(whole.replace(".", "") + (f".{frac}" if frac else ""))
        value *= _SCALE[scale.lower()] if scale else 1.0
        last = 4 if scale else 3 if frac else 2  # the figure as written, without its noun
        shown = m.group(0)[: m.end(last) - m.start()] + ("%" if unit == "%" else "")
        out.setdefault(stem(word), (value, shown))
    return out


def differing_figures(
    texts: Sequence[str], citations: Sequence[Citation]
) -> tuple[tuple[str, tuple[Citation, ...]], ...]:
    """Where the reports of one fact give different values for the same noun: each value
    (as the first report giving it writes it) with the citations that give it.

    Empty when they agree or share no counted noun. Only the first noun they disagree on
    (in the first report's order) is returned, so the note stays one line.
    """
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
