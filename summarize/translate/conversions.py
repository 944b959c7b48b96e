"""What a conversion or gloss beside a figure is held to: units, rates and rounding.

Whether two figures are one measure in two units ("10 kilometer" ~ "6 miles"), a rate that
comes out of the line's figures ("49 miles per gallon" of "100 kilometers" on "4.8 liters"), a
dollar gloss of rupiah at a rate the rupiah has had, and the dollar glosses of one line at one
rate, each within the rounding its written digits allow. Where in the English a gloss stands
is `glosses` and `asides`; this module only weighs the figures.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numerals.quantity import Quantity
from ..values import Problem

__all__ = [
    "HEDGE",
    "LIST_RATE_SPREAD_MAX",
    "PER_RE",
    "UNIT_SIZES",
    "comparable",
    "converts",
    "currency",
    "plausible_rate",
    "rate_converts",
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
# Dollar glosses of rupiah in one line come from one rate: two that imply rates further apart
# than this (beyond their rounding) mean one of them is wrong.
RATE_SPREAD_MAX = 0.10
# The glosses of one list ("(roughly $6.70, $8.90 and $11.10)") were worked out together, at
# one rate: they may differ by their rounding and little more.
LIST_RATE_SPREAD_MAX = 0.03
# "49 miles per gallon": a rate, in a compound unit, per its second word
PER_RE = re.compile(r"[^\W\d_]*\s*[^\W\d_]*\s*(?:per\b|/)\s*([^\W\d_]*)", re.IGNORECASE)


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


def rates_disagree(pairs: list[tuple[Quantity, Quantity]], spread: float = RATE_SPREAD_MAX) -> Problem | None:
    """Dollar glosses of rupiah in one line that imply rates more than `spread` apart,
    beyond what the glosses' rounding allows ("Rp1 million (about $75)" beside "Rp3 billion
    (about $2.25 million)" agree; "$22.5 million" would not)."""
    rates = []
    for m, g in pairs:
        rupiah, dollars = (m, g) if currency(m) == "IDR" else (g, m)
        if {currency(rupiah), currency(dollars)} == {"IDR", "USD"} and rupiah.value and dollars.value:
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


def currency(q: Quantity) -> str:
    return q.unit if q.kind == "money" else _CURRENCY_WORDS.get(q.unit, "")


def plausible_rate(a: Quantity, b: Quantity) -> bool:
    """Whether a rupiah amount and its dollar gloss (either way round) are at a rate the
    rupiah has had; other pairs of currencies are not checked."""
    pair = {currency(a): a, currency(b): b}
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


def comparable(a: Quantity, b: Quantity) -> bool:
    ua, ub = unit_size(a.unit), unit_size(b.unit)
    return bool(ua and ub and ua[0] == ub[0])


def rate_converts(q: Quantity, english: str, before: list[Quantity]) -> bool | None:
    """Whether a rate ("49 miles per gallon") comes out of two figures before it, one in each
    of its dimensions ("100 kilometers" on "4.8 liters"); None where the line has no such pair."""
    m = PER_RE.match(english, q.end)
    top, per = unit_size(q.unit), m and unit_size(m.group(1).lower())
    if top is None or per is None or not q.value:
        return None
    sized = [(m, size) for m in before if m.value and (size := unit_size(m.unit))]
    tops = [m.value * size[1] / top[1] for m, size in sized if m.value and size[0] == top[0]]
    bottoms = [m.value * size[1] / per[1] for m, size in sized if m.value and size[0] == per[0]]
    if not tops or not bottoms:
        return None
    return any(abs(t / b / q.value - 1) <= _rounding(q) for t in tops for b in bottoms)
