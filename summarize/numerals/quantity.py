"""A quantity as read from text: `Quantity` (where it is written, every value it may mean, its
kind, unit and hardness), `Value` (what a value is: a number, a month, a time, an order of
magnitude, a part of a year), `readings` (the values a digit string may mean, "1.000" being
1000 or 1.0), and the small helpers every reader of `summarize.numerals` shares: `rounded`
(a value to 9 significant digits), `masked` (a read span blanked out so no later reader reads
it again) and `ANY_DIGIT_RE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ANY_DIGIT_RE", "Quantity", "Value", "masked", "readings", "rounded"]

# A number (float), a month ("M", 1..12), a time of day ("T", hour, minute), an order of
# magnitude ("~", 1000.0), a part of a year ("Q" quarter | "H" half, n), or, for digits
# that cannot be read as a number, the digits themselves.
Value = float | tuple[str, float] | tuple[str, int, int] | str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, amount, date part or time as written at `text[start:end]`, with every value
    it may mean (`values`: "1.000" may be 1000 or 1.0). `kind` says what it is; `unit` is
    the currency ("IDR", "USD") or the word that follows the number, lower-cased ("km",
    "orang"), or "". A soft quantity (`hard` false: "satu", "kedua", "Nusa Dua") may match
    the other side but is never required."""

    text: str
    start: int
    end: int
    values: frozenset[Value]
    kind: str  # number | money | code | ordinal | date | month | year | time | approx | period | word
    unit: str = ""
    hard: bool = True
    value: float | None = None  # digits read by the text's own convention ("1.000" in Indonesian: 1000)


def rounded(v: float) -> float:
    """`v` to 9 significant digits, so that one value reached two ways (1.35 x 1e12 and
    1350000000000) compares equal."""
    return float(f"{v:.9g}")


def readings(digits: str) -> set[Value]:
    """Values a digit string may mean: "1.000" is 1000 (or 1.0), "2,5" is 2.5, "1,000" 1000."""
    if "." not in digits and "," not in digits:
        return {rounded(float(digits))}
    out: set[Value] = set()
    for thou, dec in ((".", ","), (",", ".")):
        head, sep, frac = digits.rpartition(dec) if dec in digits else (digits, "", "")
        if not sep:
            head, frac = digits, ""
        if dec in head:
            continue
        groups = head.split(thou)
        if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
            continue
        try:
            out.add(rounded(float("".join(groups) + ("." + frac if frac else ""))))
        except ValueError:
            continue
    return out or {digits}


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span blanked out (offsets kept), so that no later step reads it again."""
    if not spans:
        return text
    parts, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        parts += [text[at:start], " " * (end - start)]
        at = max(at, end)
    return "".join(parts) + text[at:]


# Whether a text holds a digit at all: the digit readers' quick test before their patterns.
ANY_DIGIT_RE = re.compile(r"\d")
