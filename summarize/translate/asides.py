"""Asides: what newsroom English puts in a parenthesis, a dash or an appositive after a figure.

"56 kilometers (35 miles)", "10 a.m. (0300 GMT)", "or roughly US$89 to US$200", "— roughly $4,
$5 and $6", "last Thursday, Aug. 3": a figure in an aside just after a figure the source
states glosses it (`aside_glosses`), held as `conversions` says where it can be and passed as
a note where it cannot; and a figure the English adds that nothing in the source explains is a
note where it sits in an aside, a withholding elsewhere (`aside_notes`, for `check_figures`).

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..numerals.names import WEEKDAYS_EN
from ..numerals.quantity import Quantity
from .conversions import (
    HEDGE,
    PER_RE,
    comparable,
    converts,
    currency,
    plausible_rate,
    rate_converts,
    unit_size,
)

__all__ = ["aside_glosses", "aside_notes"]

# An aside that opens just after a figure the source states: a parenthesis, a dash, or an
# appositive (", or about ...", ", roughly ..."). What English news puts there is a gloss of that
# figure (a conversion, the amount in dollars, the hour in GMT, a size in inches), in whatever
# unit; a figure standing alone in the running text is not one.
_APPOSITIVE_RE = re.compile(
    rf"(?:,?\s*\bor\s+{HEDGE}|,\s*{HEDGE}|\s*[\u2013\u2014]\s*(?:{HEDGE})?|\s+-\s+(?:{HEDGE})?)\s+",
    re.IGNORECASE,
)
# A date made explicit beside the day the source names: "last Thursday, Aug. 3", "on Monday, 2 p.m.".
_DAY_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS_EN)}|yesterday|today|tomorrow|tonight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,\s*\Z",  # "on Tuesday night, Dec. 12"
    re.IGNORECASE,
)
# What joins the figures of one aside: "$33, $41 and $48", "Aug. 3", "(Nov. 11)".
_ASIDE_JOIN_RE = re.compile(r"\.?,?\s*(?:(?:and|or|to)\s+)?|\s*[-\u2013]\s*", re.IGNORECASE)
# Between an appositive's hedge and its figure, at most the first end of a range: "or roughly
# US$89 to US$200". Anything more (", or about $5 worth $12 million") is running text.
_APPOSITIVE_GAP_RE = re.compile(
    r"(?:the\s+[^\W\d_]+\s+of\s+)?"  # "roughly the length of 20 football pitches"
    r"(?:\S+(?:\s+(?:thousand|million|billion|trillion))?\s*(?:to|and|-|\u2013)\s*)?"
)
ASIDE_REACH = (
    40  # from a figure to its aside, past unit words and a label: "10 a.m. Western Indonesia Time ("
)
_GLOSS_KINDS = frozenset({"number", "money", "code", "time"})  # a date or year in an aside is not a gloss


def _aside_start(q: Quantity, english: str) -> int | None:
    """Where the aside that holds `q` opens: the parenthesis around it, or the appositive
    ", or about" just before it."""
    paren = english.rfind("(", 0, q.start)
    if paren >= 0 and english.find(")", paren, q.start) < 0 and english.find(")", q.end) >= 0:
        return paren
    for m in _APPOSITIVE_RE.finditer(english, max(0, q.start - 60), q.start):
        if _APPOSITIVE_GAP_RE.fullmatch(english, m.end(), q.start):
            return m.start()
    if (day := _DAY_BEFORE_RE.search(english, max(0, q.start - 40), q.start)) is not None:
        return english.rindex(",", day.start(), q.start)
    return None


def aside_glosses(english: str, matched: list[Quantity], unpaired: list[Quantity]) -> dict[int, Quantity]:
    """The figures in `unpaired` that stand in an aside just after a source figure, each by
    its id, to the source figure it glosses. One in a unit comparable with that figure must
    convert to it, a dollar amount must be at a rate the rupiah has had; one in a unit
    `conversions` does not know ("6-foot-1", "0200 GMT", "mpg") passes, shown to the reader as a note."""
    out: dict[int, Quantity] = {}
    for q in unpaired:
        start = _aside_start(q, english) if q.kind in _GLOSS_KINDS else None
        if start is None:
            continue
        near = [m for m in matched if m.end <= start and start - m.end <= ASIDE_REACH]
        if not near or any(c.isdigit() for c in english[near[-1].end : start]):
            continue
        end = english.find(")", q.end) if english[start] == "(" else q.end
        if any(start <= m.start < end for m in matched):
            continue  # an aside that restates the source ("(Aug. 20, 2017)") holds no gloss
        if (m := _aside_source(q, english, [m for m in matched if m.end <= start])) is not None:
            out[id(q)] = m
    return out


def _aside_source(q: Quantity, english: str, before: list[Quantity]) -> Quantity | None:
    """The figure an aside's `q` glosses, nearest first: the first in a unit of its dimension
    decides, and must convert; a dollar amount needs a rupiah amount before it at a rate the
    rupiah has had; a figure that can be held to neither glosses the nearest, unverified."""
    if (rate := rate_converts(q, english, before)) is not None:
        return before[-1] if rate and before else None
    compound = PER_RE.match(english, q.end) is not None  # a rate the line cannot be held to
    for m in sorted(before, key=lambda m: -m.end):
        if comparable(m, q) and not compound:
            return m if converts(m, q) else None
        if {currency(m), currency(q)} == {"IDR", "USD"} and plausible_rate(m, q):
            return (
                m  # a range's first end may gloss a figure before the nearest: "or roughly US$89 to US$200"
            )
    if any({currency(m), currency(q)} == {"IDR", "USD"} for m in before):
        return None
    return before[-1] if before and before[-1].kind != "word" else None


def aside_notes(
    english: str,
    unpaired: list[Quantity],
    matched: list[Quantity],
    known: list[Quantity],
    added: list[Quantity],
) -> set[int]:
    """The ids of the figures in `added` (English figures nothing in the source explains) that
    sit in an aside: a parenthesis, a dash, an appositive (", or about", "last Thursday, Aug.
    3"), or a figure joined to one that does ("$33, $41 and $48", "Aug. 3"). Such a figure is a
    note for the reader, unless the aside restates a figure the source states (one in `matched`:
    "(Dec. 6, 3017)" for "(6/12)"), or a figure of the line in `known` (stated, converted or
    glossed) can hold it (a unit of its dimension, rupiah for dollars) and it fails: then it
    withholds."""
    ids = {id(q) for q in added}
    out: set[int] = set()
    start, last = None, None
    starts = [m.start for m in matched]
    held = [m for m in known if unit_size(m.unit) or currency(m) in ("IDR", "USD")]
    for q in unpaired:
        joined = last is not None and _ASIDE_JOIN_RE.fullmatch(english, last.end, q.start)
        start = start if joined else _aside_start(q, english)
        last = q if start is not None else None
        if start is None or id(q) not in ids:
            continue
        end = english.find(")", q.end) if english[start] == "(" else q.end
        restates = bisect_left(starts, start) < bisect_left(starts, end) or _after_word(
            q, english, start, matched
        )
        if not restates and not _held_and_wrong(q, english, held):
            out.add(id(q))
    return out


def _after_word(q: Quantity, english: str, start: int, known: list[Quantity]) -> bool:
    """Whether the aside holding `q` follows a number word, which digits may only restate
    ("octa-core (8-core)"): a figure there that differs changed it."""
    if q.kind == "money":
        return False
    near = next((m for m in reversed(known) if m.end <= start), None)
    if near is None or near.kind != "word" or start - near.end > ASIDE_REACH:
        return False
    return not any(c.isdigit() for c in english[near.end : start])


def _held_and_wrong(q: Quantity, english: str, known: list[Quantity]) -> bool:
    """Whether a figure in an aside can be held to a figure of the line and fails: a rate that
    does not come out of the figures before it, a measure that converts to none of its
    dimension, a dollar amount at no rate the rupiah has had with the rupiah amount nearest
    before it."""
    if q.kind not in _GLOSS_KINDS:
        return False
    if (rate := rate_converts(q, english, [m for m in known if m.end <= q.start])) is not None:
        return not rate
    if same := [m for m in known if comparable(m, q)]:
        return not any(converts(m, q) for m in same)
    if money := [m for m in known if {currency(m), currency(q)} == {"IDR", "USD"}]:
        before = [m for m in money if m.end <= q.start]  # the nearest before: a list glosses in order
        return not plausible_rate(before[-1] if before else money[0], q)
    return False
