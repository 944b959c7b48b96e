"""Numbers written in figures, in Indonesian and English: digits read both ways ("1.000",
"1,5", "1,000", "1.5"), with a currency before them ("Rp", "US$") and a scale word or unit
after ("380 juta", "Rp 3,5 M", "1.5 million", "20 persen", "120 juta kaki kubik"); a year
("2006", "'96"); an amount in two scales ("Rp 1 juta 750 ribu"), a range sharing one scale
("75 - 85 juta"), digits in a name ("G20", "U-16") or an ordinal ("ke-3"), a height in feet
and inches ("6-foot-1"); and Roman numerals ("Kongres XVII", "World War II"). Readers for
`summarize.numerals.quantities`, each blanking what it read so that no later reader reads it
again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .names import SCALE_ALT, SCALES
from .quantity import Quantity, masked, readings, rounded

__all__ = ["digits", "feet_and_inches", "romans"]

# ---------------------------------------------------------------------------- patterns

_CURRENCY = r"Rp\.?|IDR|USD|US\$|S\$|A\$|HK\$|\$|€|£|¥|EUR|SGD|RM"
_CURRENCY_CODES = {
    "rp": "IDR",
    "idr": "IDR",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "eur": "EUR",
}
_NUMBER_RE = re.compile(
    rf"(?:(?P<cur>{_CURRENCY})\s?|(?<!\d))"  # digits glued to letters count too: "G20" = "G-20"
    r"(?P<apos>['\u2019](?=\d\d\b))?"
    r"(?P<num>\d+(?:[.,]\d+)*)"
    rf"(?:\s?[-\u2013]?\s?(?P<scale>{SCALE_ALT})\b)?"
    r"(?P<unit>\s?%|[\s-]{0,2}(?![x\u00d7]\d)(?:(?:square|sq\.?|(?:standard\s+)?cubic)\s+)?[^\W\d_][\w°²³]*(?:\s+(?:persegi|kubik))?)?",
    re.IGNORECASE,
)
_REDUPLICATED_RE = re.compile(r"[a-z]{2}2(?![\w.,])")  # "hal2", "foto2"; not "TL2" or "CO2", names
_HYPHENATED_RE = re.compile(r"([^\W\d_]+)\s?-\s?\Z")
_UNIT_WORDS = {"percent": "%", "persen": "%", "per cent": "%"}
_RANGE_GAP_RE = re.compile(
    r"\s*(?:-|hingga|sampai|s\.?d\.?|atau|dan|to|and|or)\s*(?:Rp\.?|US\$|\$|€|£)?\s*", re.IGNORECASE
)
# Indonesian headlines shorten miliar and triliun after a rupiah amount: "Rp 3,5 M", "Rp 2 T".
_SHORT_SCALE_RE = re.compile(r"\s?([MT])(?![\w])")
_SHORT_SCALES = {"M": 1e9, "T": 1e12}
# Indonesian scale words long enough that a one-letter slip ("trilun", "miliyar") still names
# them; shorter ones ("juta", "ribu") are too close to other words ("Kuta") to guess at.
_SCALE_TYPO_TARGETS = ("miliar", "milyar", "triliun", "trilyun")
_FEET_INCHES_RE = re.compile(
    r"(?<![\d.,])(\d)[\s-](?:foot|feet|ft)[\s-](\d{1,2})\b(?:\s*inch(?:es)?\b)?", re.IGNORECASE
)
_ROMAN_RE = re.compile(r"\b(?=[IVX]{2,6}\b)X{0,3}(?:IX|IV|V?I{0,3})\b")

# ---------------------------------------------------------------------------- reading


def digits(text: str, lang: str, found: list[Quantity]) -> str:
    """Numbers written in digits, with a currency before and a scale word after."""
    spans: list[tuple[int, int]] = []
    mine: list[tuple[Quantity, float]] = []  # each with its scale factor, 1.0 when none
    for m in _NUMBER_RE.finditer(text):
        cur, apos, digits = m.group("cur"), m.group("apos"), m.group("num")
        if lang == "id" and digits == "2" and _REDUPLICATED_RE.search(text, max(0, m.start() - 2), m.end()):
            continue  # "hal2", "foto2": informal "hal-hal", "foto-foto", a plural
        values = readings(digits)
        value = _convention(digits, lang)
        kind = "money" if cur else _number_kind(text, m.start())
        factor, end = _scale(m, text, lang)
        if factor != 1.0:
            values = {rounded(v * factor) if isinstance(v, float) else v for v in values}
            value = None if value is None else rounded(value * factor)
        elif apos and digits.isdigit():  # "'96", not "'00.0"
            values = {float(1900 + int(digits)), float(2000 + int(digits)), float(digits)}  # "'96"
            kind = "year"
        elif not cur and len(digits) == 4 and digits[:2] in ("19", "20"):
            kind = "year"
        word = "" if m.group("unit") and end >= m.end("unit") else m.group("unit")  # a slip read as a scale
        unit = _CURRENCY_CODES.get(cur.lower().rstrip(". "), cur.upper()) if cur else _unit(word)
        q = Quantity(text[m.start() : end], m.start(), end, frozenset(values), kind, unit, value=value)
        mine.append((q, factor))
        spans.append((m.start(), end))
    found.extend(_shared_scales(text, _compound_amounts(text, mine)))
    return masked(text, spans)


def _number_kind(text: str, start: int) -> str:
    """ "code" for digits that are part of a name ("G20", "U-16", "F-16"), "ordinal" for
    "ke-3", else "number"."""
    if start and text[start - 1].isalpha():
        return "code"
    if "-" not in text[max(0, start - 3) : start]:
        return "number"
    tail = _HYPHENATED_RE.search(text, max(0, start - 5), start)
    if tail is None:
        return "number"
    return "ordinal" if tail.group(1).lower() == "ke" else "code"


def _convention(digits: str, lang: str) -> float | None:
    """ "1.000,5" as Indonesian writes it (lang "id"), "1,000.5" as English does."""
    thou, dec = (".", ",") if lang == "id" else (",", ".")
    head, _, frac = digits.partition(dec)
    groups = head.split(thou)
    if (frac and not frac.isdigit()) or (len(groups) > 1 and any(len(g) != 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + frac if frac else ""))


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    word = " ".join(raw.strip(" -").lower().split())
    return _UNIT_WORDS.get(word, word)


def _scale(m: re.Match[str], text: str, lang: str) -> tuple[float, int]:
    """The scale factor after a number (1.0 when none) and where the quantity ends: a scale
    word ("380 juta"), a headline's "Rp 3,5 M", or a one-letter slip of a long Indonesian
    scale word ("US$ 5 trilun")."""
    if m.group("scale"):
        return SCALES[m.group("scale").lower()], m.end("scale")
    if lang != "id":
        return 1.0, m.end("num")
    if m.group("cur") and (short := _SHORT_SCALE_RE.match(text, m.end("num"))):
        return _SHORT_SCALES[short.group(1)], m.end("num") + len(short.group(0))  # "Rp 3,5 M", "Rp 2 T"
    unit = (m.group("unit") or "").strip(" -").lower()
    if len(unit) >= 5 and (near := [w for w in _SCALE_TYPO_TARGETS if _one_slip(unit, w)]):
        return SCALES[near[0]], m.end("unit")
    return 1.0, m.end("num")


def _one_slip(word: str, target: str) -> bool:
    """Whether `word` is `target` with one letter left out, added or changed."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    short, long_ = sorted((word, target), key=len)
    for i, (a, b) in enumerate(zip(short, long_, strict=False)):
        if a != b:
            rest = short[i + 1 :] if len(short) == len(long_) else short[i:]
            return rest == long_[i + 1 :]
    return True  # one letter more at the end


def _compound_amounts(text: str, mine: list[tuple[Quantity, float]]) -> list[tuple[Quantity, float]]:
    """ "Rp 1 juta 750 ribu": one amount in two scales, 1,750,000, as "Rp1.75 million" says it."""
    out: list[tuple[Quantity, float]] = []
    for q, factor in mine:
        if out and 1.0 < factor < out[-1][1] and not text[out[-1][0].end : q.start].strip():
            head, big = out.pop()
            if head.value is not None and q.value is not None:
                total = rounded(head.value + q.value)
                q = Quantity(
                    text[head.start : q.end],
                    head.start,
                    q.end,
                    frozenset({total}),
                    head.kind,
                    head.unit,
                    value=total,
                )
                factor = big
            else:
                out.append((head, big))
        out.append((q, factor))
    return out


def _shared_scales(text: str, quantities: list[tuple[Quantity, float]]) -> list[Quantity]:
    """A range's scale word serves both ends: "75 - 85 juta" is 75 million to 85 million, and
    "Rp 3 hingga 6 juta" "Rp3 million to Rp6 million"; the first end may mean either."""
    out = [q for q, _ in quantities]
    for k in range(len(quantities) - 1):
        (a, fa), (b, fb) = quantities[k], quantities[k + 1]
        if fa == 1.0 and fb != 1.0 and _RANGE_GAP_RE.fullmatch(text, a.end, b.start):
            scaled = {rounded(v * fb) for v in a.values if isinstance(v, float)}
            out[k] = replace(a, values=a.values | scaled)
    return out


def feet_and_inches(text: str, found: list[Quantity]) -> str:
    """ "6-foot-1", "5 feet 10 inches": one height, read in inches (73), as a unit converts."""
    spans: list[tuple[int, int]] = []
    for m in _FEET_INCHES_RE.finditer(text):
        inches = float(12 * int(m.group(1)) + int(m.group(2)))
        found.append(
            Quantity(m.group(0), m.start(), m.end(), frozenset({inches}), "number", "inch", value=inches)
        )
        spans.append(m.span())
    return masked(text, spans)


def romans(text: str, lang: str, found: list[Quantity]) -> str:
    """ "Kongres XVII", "World War II": numbers; soft in English, where "the 17th" may
    read "XVII" back into a name."""
    for m in _ROMAN_RE.finditer(text):
        value = frozenset({float(_roman_value(m.group(0)))})
        found.append(Quantity(m.group(0), m.start(), m.end(), value, "word", hard=lang == "id"))
    return text


def _roman_value(numeral: str) -> int:
    total, last = 0, 0
    for ch in reversed(numeral):
        v = {"I": 1, "V": 5, "X": 10}[ch]
        total += -v if v < last else v
        last = max(last, v)
    return total
