"""Where newsroom English puts a gloss beside a figure, and which figure each one glosses.

"25 meters (82 feet)", "35 miles, or 56 kilometers", "Rp10 billion (about $700,000)",
"Rp700,000 to Rp1 million (about $53 to $75)": a figure the source does not state, which the
translation checker (`check_figures`) lets pass as a note for the reader. This module finds
them: a single gloss just before or after its figure, a range glossed end by end, a list of
glosses after a list of figures, in order; a gloss in an aside is `asides`'. Each is held as
`conversions` says: a conversion between units it knows must come out right within rounding;
a dollar gloss of rupiah must be at a rate the rupiah has had, and the dollar glosses of one
line at one rate. Without the article's date no gloss can be held tighter than that: a gloss
is shown as a translation note, never as the source's figure.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..numerals.quantity import Quantity
from .asides import aside_glosses
from .conversions import HEDGE, comparable, converts, currency, plausible_rate, rate_converts, unit_size

__all__ = ["find_glosses", "gloss_lists"]

# What may stand between a figure and its gloss: its unit words, then "(", ", or", "/",
# and a hedge: "25 meters (82 feet)", "Rp10 billion (about $700,000)", "1.5-meter (5-foot)".
_GLOSS_GAP_RE = re.compile(
    r"\s*(?:-?\s*+[^\W\d_][\w.²/]*+\s*+){0,3}(?:\(|,?\s*or\b|/)\s*"
    rf"(?:{HEDGE}\s+)?",
    re.IGNORECASE,
)
GLOSS_GAP_CHARS = 50  # three unit words and a hedge fit in this
# A conversion that comes out right may sit farther from its figure, past a compound unit
# and its abbreviation: "230.5 million standard cubic feet of gas per day (MMSCFD), or about
# 6.5 million cubic meters". Nothing with a digit may stand between.
_CONVERSION_GAP_RE = re.compile(rf"[^\d]{{0,90}}?(?:\(|,?\s*or\b|/)\s*(?:{HEDGE}\s+)?", re.IGNORECASE)
# The two ends of a range: "Rp700,000 to Rp1 million", "(about $53 to $75)", "5-10 km".
_RANGE_GAP_RE = re.compile(r"\s*(?:to|and|-|\u2013|\u2014)\s*", re.IGNORECASE)


def _gloss(q: Quantity, english: str, matched: list[Quantity]) -> Quantity | None:
    """The figure that `q`, an English figure the source lacks, glosses, before or after it:
    a conversion or an amount in another currency beside it, "(82 feet)", "(about $9)", "27
    miles, or 43 kilometers". A conversion between units `conversions` knows must come out
    right; one that does may sit farther away, past a compound unit."""
    if (not q.unit and q.kind != "money") or rate_converts(q, english, matched) is not None:
        return None  # a rate the line can be held to is held in its aside (`aside_glosses`)
    for m in matched:
        if _beside(m, q, english, _GLOSS_GAP_RE, GLOSS_GAP_CHARS) and _glosses(m, q):
            return m
        if converts(m, q) and _beside(m, q, english, _CONVERSION_GAP_RE, 2 * GLOSS_GAP_CHARS):
            return m
    return None


def _beside(m: Quantity, q: Quantity, english: str, gap: re.Pattern[str], chars: int) -> bool:
    """Whether `q` stands just after or just before `m`, with only `gap` between."""
    if m.end <= q.start <= m.end + chars:
        return gap.fullmatch(english, m.end, q.start) is not None
    if q.end <= m.start <= q.end + chars:
        return gap.fullmatch(english, q.end, m.start) is not None
    return False


def _glosses(m: Quantity, q: Quantity) -> bool:
    """Whether `q` may gloss `m`: a conversion that comes out right, or a figure of another
    kind (a currency at a rate the rupiah has had). A number word glossed by digits
    ("octa-core (8-core)") must restate its value: only a conversion may differ from it."""
    if converts(m, q):
        return plausible_rate(m, q)
    return m.kind != "word" and not comparable(m, q) and plausible_rate(m, q)


def _range_glosses(english: str, matched: list[Quantity], unpaired: list[Quantity]) -> dict[int, Quantity]:
    """A range glossed by a range, end by end: "Rp700,000 to Rp1 million (about $53 to $75)",
    "5 to 10 km (3 to 6 miles)". Maps each gloss's id to the figure it glosses."""
    out: dict[int, Quantity] = {}
    for a1, a2 in _ranges(english, matched):
        for b1, b2 in _ranges(english, unpaired):
            beside = _beside(a2, b1, english, _GLOSS_GAP_RE, GLOSS_GAP_CHARS)
            if beside and _glosses(a1, b1) and _glosses(a2, b2):
                out |= {id(b1): a1, id(b2): a2}
    return out


def _ranges(english: str, qs: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Consecutive figures of one kind joined as a range ("$53 to $75")."""
    return [
        (a, b)
        for a, b in pairwise(qs)
        if a.kind == b.kind and a.end <= b.start and _RANGE_GAP_RE.fullmatch(english, a.end, b.start)
    ]


# A list of glosses after a list of figures: "(roughly $6.70, $8.90 and $11.10)", "... each
# — roughly $33, $41 and $48". It opens with a parenthesis (a hedge optional) or with a
# comma, semicolon or dash and a hedge (", or about"); its figures are joined by commas and
# "and", each followed by at most two unit words.
_LIST_OPEN_RE = re.compile(
    rf"(?:\(\s*(?:{HEDGE}\s+)?|\s*[,;\u2013\u2014-]\s*(?:or\s+)?{HEDGE}\s+)", re.IGNORECASE
)
_LIST_SEP_RE = re.compile(r"(?:\s*[^\W\d_][\w.²/]*){0,2}\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)


def gloss_lists(
    english: str, matched: list[Quantity], unpaired: list[Quantity]
) -> list[list[tuple[Quantity, Quantity]]]:
    """A list of glosses right after a list of figures of one kind glosses them in order:
    "Rp89,900, Rp119,900 and Rp149,900 (roughly $6.70, $8.90 and $11.10)". The two lists must
    be as long, and each pair must hold as a single gloss does (a rate the rupiah has had, a
    conversion that comes out right). Each list as its (figure, gloss) pairs."""
    out: list[list[tuple[Quantity, Quantity]]] = []
    for items in _gloss_lists(english, unpaired):
        opener = _list_opener(english, items[0], matched)
        if opener is None:
            continue
        before = [m for m in matched if m.end <= opener]
        for kind in dict.fromkeys(_kind(m) for m in reversed(before)):
            figures = [m for m in before if _kind(m) == kind]
            if len(figures) == len(items) and all(
                _checked(m, q) and _glosses(m, q) for m, q in zip(figures, items, strict=True)
            ):
                out.append(list(zip(figures, items, strict=True)))
                break
    return out


def _gloss_lists(english: str, qs: list[Quantity]) -> list[list[Quantity]]:
    """Runs of two or more consecutive figures of one kind joined as a list ("$33, $41 and $48")."""
    runs: list[list[Quantity]] = []
    for a, b in pairwise(qs):
        joined = _kind(a) == _kind(b) and a.end <= b.start and _LIST_SEP_RE.fullmatch(english, a.end, b.start)
        if joined and runs and runs[-1][-1] is a:
            runs[-1].append(b)
        elif joined:
            runs.append([a, b])
    return runs


def _list_opener(english: str, first: Quantity, matched: list[Quantity]) -> int | None:
    """Where a list of glosses that begins with `first` opens, if an opener stands just
    before it, after the last figure the source states and with no digit between."""
    before = [m.end for m in matched if m.end <= first.start]
    if not before:
        return None
    for m in _LIST_OPEN_RE.finditer(english, max(before[-1], first.start - 60), first.start):
        if m.end() == first.start and not any(c.isdigit() for c in english[before[-1] : m.start()]):
            return m.start()
    return None


def _kind(q: Quantity) -> tuple[str, str]:
    """What a figure is, for lining up lists: its currency, its unit's dimension, or its kind."""
    size = unit_size(q.unit)
    return (q.kind, currency(q) or (size[0] if size else q.unit))


def _checked(m: Quantity, q: Quantity) -> bool:
    """Whether a gloss can be held to its figure: a currency for another, or a unit for
    another of its dimension."""
    return comparable(m, q) or "" != currency(m) != currency(q) != ""


def find_glosses(english: str, matched: list[Quantity], unpaired: list[Quantity]) -> dict[int, Quantity]:
    """The English figures in `unpaired` that gloss one in `matched` (a figure the source
    states), each by its id, to the figure it glosses: lists in order, ranges end by end, then
    single figures."""
    listed = {id(q): m for pairs in gloss_lists(english, matched, unpaired) for m, q in pairs}
    unpaired = [e for e in unpaired if id(e) not in listed]
    glosses = listed | _range_glosses(english, matched, unpaired)
    for e in unpaired:
        if id(e) not in glosses and (m := _gloss(e, english, matched)):
            glosses[id(e)] = m
    return glosses | aside_glosses(english, matched, [e for e in unpaired if id(e) not in glosses])
