"""The conversions and glosses newsroom English adds beside a figure, and how far they are held.

"25 meters (82 feet)", "35 miles, or 56 kilometers", "Rp10 billion (about $700,000)",
"Rp700,000 to Rp1 million (about $53 to $75)": a figure the source does not state, which the
translation checker (`check_figures`) lets pass as a note for the reader. A conversion between
units this module knows must come out right within rounding; a dollar gloss of rupiah must be
at a rate the rupiah has had, and the dollar glosses of one line at one rate. Without the
article's date no gloss can be held tighter than that: a gloss is shown as a translation note,
never as the source's figure.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

from ..numerals.names import WEEKDAYS_EN
from ..numerals.quantity import Quantity
from ..values import Problem

__all__ = [
    "HEDGE",
    "LIST_RATE_SPREAD_MAX",
    "UNIT_SIZES",
    "aside_glosses",
    "aside_notes",
    "converts",
    "find_glosses",
    "gloss_lists",
    "rates_disagree",
    "unit_size",
]

# A unit conversion ("5.268 km" -> "3,274 miles") states the same quantity: each unit's
# size in its dimension's base unit, for the units news converts.
UNIT_SIZES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("km", "kilometer", "kilometre"), ("length", 1000.0)),
    **dict.fromkeys(("m", "meter", "metre"), ("length", 1.0)),
    **dict.fromkeys(("cm", "centimeter", "centimetre", "sentimeter"), ("length", 0.01)),
    **dict.fromkeys(("mm", "millimeter", "millimetre", "milimeter"), ("length", 0.001)),
    **dict.fromkeys(("mile", "mil"), ("length", 1609.344)),
    # a speed is read by its distance, per hour on both sides: "100 km / jam" is "100 km"
    **dict.fromkeys(("mph",), ("length", 1609.344)),
    **dict.fromkeys(("knot",), ("length", 1852.0)),
    **dict.fromkeys(("foot", "feet", "ft"), ("length", 0.3048)),
    **dict.fromkeys(("inch", "inci"), ("length", 0.0254)),
    **dict.fromkeys(("hectare", "hektare", "hektar", "ha"), ("area", 1e4)),
    **dict.fromkeys(("acre", "are"), ("area", 4046.86)),
    **dict.fromkeys(("meter persegi", "square meter", "square metre", "sq m"), ("area", 1.0)),
    **dict.fromkeys(("square foot", "square feet", "sq ft"), ("area", 0.0929)),
    **dict.fromkeys(("kilometer persegi", "km persegi", "square kilometer", "square km"), ("area", 1e6)),
    **dict.fromkeys(("square mile",), ("area", 2.59e6)),
    **dict.fromkeys(("kg", "kilogram", "kilo"), ("mass", 1.0)),
    **dict.fromkeys(("ton", "tonne"), ("mass", 1000.0)),
    **dict.fromkeys(("gram", "g"), ("mass", 0.001)),
    **dict.fromkeys(("mg", "milligram", "miligram"), ("mass", 1e-6)),
    **dict.fromkeys(("pound", "lb"), ("mass", 0.4536)),
    **dict.fromkeys(("cubic meter", "cubic metre", "meter kubik", "m3", "m³"), ("volume", 1.0)),
    **dict.fromkeys(("cubic foot", "cubic feet", "standard cubic feet", "kaki kubik"), ("volume", 0.0283168)),
    **dict.fromkeys(("liter", "litre", "l"), ("volume", 0.001)),
    **dict.fromkeys(("ml", "milliliter", "millilitre", "mililiter"), ("volume", 1e-6)),
    **dict.fromkeys(("gallon",), ("volume", 0.003785)),
    **dict.fromkeys(("barrel", "barel"), ("volume", 0.158987)),
}
# Words that hedge a rounded figure: "(about $9)", "or roughly 6 miles".
HEDGE = (
    r"(?:about|around|roughly|approximately|approx\.|some|nearly|almost|over|just\s+over|more\s+than|less\s+than"
    r"|equivalent\s+to|the\s+equivalent\s+of)"
)
# Rupiah per US dollar in the news years the data covers (about 8,500 in the early 2000s
# to 16,500 at the weakest): an added "(about $1.5 million)" beside "Rp20 billion" must
# fall in this range.
IDR_PER_USD = (8000.0, 17500.0)
_CURRENCY_WORDS = {"rupiah": "IDR", "dollar": "USD", "dollars": "USD"}
CONVERSION_TOLERANCE = 0.06  # converted figures are rounded ("about 6 miles" for 10 km)
ROUNDING_MAX = 0.25  # a one-digit figure rounds by up to a quarter ("2 miles" for 3 km)
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
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
# Dollar glosses of rupiah in one line come from one rate: two that imply rates further apart
# than this (beyond their rounding) mean one of them is wrong.
RATE_SPREAD_MAX = 0.10
# The glosses of one list ("(roughly $6.70, $8.90 and $11.10)") were worked out together, at
# one rate: they may differ by their rounding and little more.
LIST_RATE_SPREAD_MAX = 0.03


@lru_cache(maxsize=4096)
def unit_size(unit: str) -> tuple[str, float] | None:
    """(dimension, size in its base unit) of a unit as written: "miles", "square feet"."""
    for word in (unit, unit[:-2] if unit.endswith("es") else "", unit[:-1] if unit.endswith("s") else ""):
        if word in UNIT_SIZES:
            return UNIT_SIZES[word]
    return UNIT_SIZES.get(unit.replace("s ", " "))


def converts(a: Quantity, b: Quantity) -> bool:
    """Whether `a` and `b` are one measure in two units ("10 kilometer" ~ "6 miles")."""
    ua, ub = unit_size(a.unit), unit_size(b.unit)
    if not ua or not ub or ua[0] != ub[0] or ua[1] == ub[1]:
        return False
    sizes_a = [v * ua[1] for v in a.values if isinstance(v, float)]
    sizes_b = [v * ub[1] for v in b.values if isinstance(v, float) and v]
    tolerance = _rounding(b)
    return any(abs(x / y - 1) <= tolerance for x in sizes_a for y in sizes_b)


def _rounding(q: Quantity) -> float:
    """How far a converted figure may be from the exact one: `CONVERSION_TOLERANCE`, or half
    its last written digit where that is more ("about 2 miles" for 3 km: 2 is 1.5 to 2.5),
    at most `ROUNDING_MAX`."""
    return min(ROUNDING_MAX, max(CONVERSION_TOLERANCE, _last_digit(q)))


def _gloss(q: Quantity, english: str, matched: list[Quantity]) -> Quantity | None:
    """The figure that `q`, an English figure the source lacks, glosses, before or after it:
    a conversion or an amount in another currency beside it, "(82 feet)", "(about $9)", "27
    miles, or 43 kilometers". A conversion between units this module knows must come out
    right; one that does may sit farther away, past a compound unit."""
    if (not q.unit and q.kind != "money") or _rate_converts(q, english, matched) is not None:
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
        return _plausible_rate(m, q)
    return m.kind != "word" and not _comparable(m, q) and _plausible_rate(m, q)


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


def rates_disagree(pairs: list[tuple[Quantity, Quantity]], spread: float = RATE_SPREAD_MAX) -> Problem | None:
    """Dollar glosses of rupiah in one line that imply rates more than `spread` apart,
    beyond what the glosses' rounding allows ("Rp1 million (about $75)" beside "Rp3 billion
    (about $2.25 million)" agree; "$22.5 million" would not)."""
    rates = []
    for m, g in pairs:
        rupiah, dollars = (m, g) if _currency(m) == "IDR" else (g, m)
        if {_currency(rupiah), _currency(dollars)} == {"IDR", "USD"} and rupiah.value and dollars.value:
            rates.append((rupiah.value / dollars.value, _last_digit(dollars), dollars.text))
    if len(rates) < 2:
        return None
    low, high = min(rates), max(rates)
    if high[0] / low[0] - 1 <= spread + low[1] + high[1]:
        return None
    return Problem("numbers", f"numbers differ: the glosses {low[2]} and {high[2]} imply different rates")


def _last_digit(q: Quantity) -> float:
    """Half the last written digit of a figure, relative to it: how far rounding moves it."""
    m = _DIGITS_RE.search(q.text)
    whole, _, frac = (m.group(0).replace(",", "") if m else "").partition(".")
    if not whole.strip("0"):
        return 0.0  # "0.5": too small a figure to tell its rounding by
    place = 10.0 ** -len(frac) if frac else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return 0.5 * place / float(f"{whole}.{frac or 0}")


def _currency(q: Quantity) -> str:
    return q.unit if q.kind == "money" else _CURRENCY_WORDS.get(q.unit, "")


def _plausible_rate(a: Quantity, b: Quantity) -> bool:
    """Whether a rupiah amount and its dollar gloss (either way round) are at a rate the
    rupiah has had; other pairs of currencies are not checked."""
    pair = {_currency(a): a, _currency(b): b}
    rupiah, dollars = pair.get("IDR"), pair.get("USD")
    if rupiah is None or dollars is None or rupiah is dollars:
        return True
    low, high = IDR_PER_USD
    return any(
        low <= r / d <= high
        for r in rupiah.values
        if isinstance(r, float)
        for d in dollars.values
        if isinstance(d, float) and d
    )


def _comparable(a: Quantity, b: Quantity) -> bool:
    ua, ub = unit_size(a.unit), unit_size(b.unit)
    return bool(ua and ub and ua[0] == ub[0])


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
    return (q.kind, _currency(q) or (size[0] if size else q.unit))


def _checked(m: Quantity, q: Quantity) -> bool:
    """Whether a gloss can be held to its figure: a currency for another, or a unit for
    another of its dimension."""
    return _comparable(m, q) or "" != _currency(m) != _currency(q) != ""


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
# "49 miles per gallon": a rate, in a compound unit, per its second word
_PER_RE = re.compile(r"[^\W\d_]*\s*[^\W\d_]*\s*(?:per\b|/)\s*([^\W\d_]*)", re.IGNORECASE)


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
    convert to it, a dollar amount must be at a rate the rupiah has had; one in a unit this
    module does not know ("6-foot-1", "0200 GMT", "mpg") passes, shown to the reader as a note."""
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


def _rate_converts(q: Quantity, english: str, before: list[Quantity]) -> bool | None:
    """Whether a rate ("49 miles per gallon") comes out of two figures before it, one in each
    of its dimensions ("100 kilometers" on "4.8 liters"); None where the line has no such pair."""
    m = _PER_RE.match(english, q.end)
    top, per = unit_size(q.unit), m and unit_size(m.group(1).lower())
    if top is None or per is None or not q.value:
        return None
    sized = [(m, size) for m in before if m.value and (size := unit_size(m.unit))]
    tops = [m.value * size[1] / top[1] for m, size in sized if m.value and size[0] == top[0]]
    bottoms = [m.value * size[1] / per[1] for m, size in sized if m.value and size[0] == per[0]]
    if not tops or not bottoms:
        return None
    return any(abs(t / b / q.value - 1) <= _rounding(q) for t in tops for b in bottoms)


def _aside_source(q: Quantity, english: str, before: list[Quantity]) -> Quantity | None:
    """The figure an aside's `q` glosses, nearest first: the first in a unit of its dimension
    decides, and must convert; a dollar amount needs a rupiah amount before it at a rate the
    rupiah has had; a figure that can be held to neither glosses the nearest, unverified."""
    if (rate := _rate_converts(q, english, before)) is not None:
        return before[-1] if rate and before else None
    compound = _PER_RE.match(english, q.end) is not None  # a rate the line cannot be held to
    for m in sorted(before, key=lambda m: -m.end):
        if _comparable(m, q) and not compound:
            return m if converts(m, q) else None
        if {_currency(m), _currency(q)} == {"IDR", "USD"} and _plausible_rate(m, q):
            return (
                m  # a range's first end may gloss a figure before the nearest: "or roughly US$89 to US$200"
            )
    if any({_currency(m), _currency(q)} == {"IDR", "USD"} for m in before):
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
    held = [m for m in known if unit_size(m.unit) or _currency(m) in ("IDR", "USD")]
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
    if (rate := _rate_converts(q, english, [m for m in known if m.end <= q.start])) is not None:
        return not rate
    if same := [m for m in known if _comparable(m, q)]:
        return not any(converts(m, q) for m in same)
    if money := [m for m in known if {_currency(m), _currency(q)} == {"IDR", "USD"}]:
        before = [m for m in money if m.end <= q.start]  # the nearest before: a list glosses in order
        return not _plausible_rate(before[-1] if before else money[0], q)
    return False
