"""Dates and times as news writes them, in Indonesian and English.

The date parts, times and parts of a year that `summarize.numerals.quantities` reads, each
blanking what it read so that the digit reader does not read it again: a month name beside a
digit ("13 Oktober 2023", "Oct. 13"), a day and month with a slash ("16/9/2023", "(24/5)"), a
season or fiscal year ("2016/17", "2016-2017"), a time of day ("pukul 10.30 WIB", "4 p.m."),
a quarter or half of a year ("triwulan IV", "the fourth quarter", "Q4").

And `find_date`, the first full calendar date written in a text (a dateline's): a `date`.
"""

from __future__ import annotations

import re
from datetime import date

from .names import MONTHS, SCALE_ALT
from .quantity import ANY_DIGIT_RE, Quantity, Value, masked, readings, rounded
from .spelled import ID_ORDINALS

__all__ = ["date_at", "find_date", "months", "periods", "seasons", "slash_dates", "times"]

# ---------------------------------------------------------------------------- periods

# Quarters and halves of a year: "triwulan IV/2006", "kuartal pertama", "semester I".
_PERIOD_ID = {"triwulan": "Q", "kuartal": "Q", "caturwulan": "C", "semester": "H"}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PERIOD_ID_RE = re.compile(
    r"\b(triwulan|kuartal|caturwulan|semester)\s*(?:(IV|III|II|I)\b|ke-?\s?([1-4])\b|(pertama|kedua|ketiga|keempat)\b|([1-4])\b)",
    re.IGNORECASE,
)
# "the fourth quarter", "the first half", "the last three months of 2006".
_PERIOD_EN = re.compile(
    r"\b(?:(first|second|third|fourth|final|last)[\s-]+(quarter|half)|(first|last)\s+three\s+months"
    r"|Q([1-4])|H([12]))\b",
    re.IGNORECASE,
)
_ORDINAL_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

# ---------------------------------------------------------------------------- patterns

_DATE_SLASH_RE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_MONTH_NEAR_DIGIT_RE = re.compile(
    r"\b([A-Za-z]{3,9})\.?(?=[\s,.]{1,3}\d)|(?<=\d)[\s\-]{0,2}([A-Za-z]{3,9})\b"
)
_SEASON_RE = re.compile(r"(?<![\d/.,:])((?:19|20)?\d\d)\s?([/-])\s?((?:19|20)?\d\d)(?![\d/]|[.,:]\d)")
_SEASON_WORD_RE = re.compile(
    r"\b(?:musim|season|tahun\s+(?:anggaran|ajaran|buku)|TA|fiscal(?:\s+year)?|FY|periode|term)\W{0,3}\Z",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?:\b(pukul|jam|at|around|about|by|until|from|sekitar)\s+)?"
    r"(?<![\d.,:])(\d{1,2})([.:])(\d{2})(?![\d.,]\d)"
    r"(?:\s*(WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b))?",
    re.IGNORECASE,
)
_TIME_LEADS = frozenset({"pukul", "jam"})
_HOUR_AMPM_RE = re.compile(r"(?<![\d.,:])(\d{1,2})\s*(a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_TIME_HINT_RE = re.compile(r"\d[.:]\d\d")
_AMPM_HINT_RE = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
_SCALE_OR_UNIT_AFTER_RE = re.compile(rf"\s*(?:{SCALE_ALT}|%|percent|persen)\b", re.IGNORECASE)

# ---------------------------------------------------------------------------- reading


def months(text: str, found: list[Quantity]) -> str:
    """Month names next to a digit are date parts ("13 Oktober 2023", "Oct. 13")."""
    spans: list[tuple[int, int]] = []
    for m in _MONTH_NEAR_DIGIT_RE.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        month = MONTHS.get(word.lower())
        if month is None or (word.islower() and len(word) <= 4):
            continue  # "mar", "may", "des" in running text are not months
        start, end = m.span(group)
        found.append(Quantity(word, start, end, frozenset({("M", month)}), "month"))
        spans.append((start, end))
    return masked(text, spans)


def slash_dates(text: str, found: list[Quantity]) -> str:
    """ "16/9/2023", "(24/5)": a day, a month and maybe a year."""
    spans: list[tuple[int, int]] = []
    for m in _DATE_SLASH_RE.finditer(text) if "/" in text else ():
        day, month, year = m.group(1), m.group(2), m.group(3)
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue
        whole, start, end = m.group(0), m.start(), m.end()
        found.append(Quantity(whole, start, end, frozenset({rounded(float(day))}), "date"))
        found.append(Quantity(whole, start, end, frozenset({("M", int(month))}), "month"))
        if year:
            full = int(year) + (2000 if len(year) == 2 else 0)
            found.append(Quantity(whole, start, end, frozenset({float(full), float(year)}), "year"))
        spans.append((start, end))
    return masked(text, spans)


def periods(text: str, lang: str, found: list[Quantity]) -> str:
    """Quarters and halves of a year, soft: "triwulan IV" = "the fourth quarter" = "Q4"."""
    spans: list[tuple[int, int]] = []
    if lang == "id":
        for m in _PERIOD_ID_RE.finditer(text):
            word, roman, digit, ordinal, bare = m.groups()
            n = (
                _ROMAN.get(roman or "")
                or int(digit or bare or 0)
                or ID_ORDINALS.get((ordinal or "").lower(), 0)
            )
            value = (_PERIOD_ID[word.lower()], float(n))
            found.append(Quantity(m.group(0), m.start(), m.end(), frozenset({value}), "period", hard=False))
            spans.append((m.start(), m.end()))
        return masked(text, spans)
    for m in _PERIOD_EN.finditer(text):
        nth, part, three, q, h = m.groups()
        if q or h:
            value = ("Q" if q else "H", float(q or h))
        elif three:
            value = ("Q", 1.0 if three.lower() == "first" else 4.0)
        else:
            n = _ORDINAL_WORD[nth.lower()]
            value = ("Q", float(n)) if part.lower() == "quarter" else ("H", 2.0 if n > 1 else 1.0)
        found.append(Quantity(m.group(0), m.start(), m.end(), frozenset({value}), "period", hard=False))
        spans.append((m.start(), m.end()))
    return masked(text, spans)


def seasons(text: str, found: list[Quantity]) -> str:
    """Two consecutive years as one span, "2016/17", "16/17", "2016-2017": a season or a
    fiscal year, written either way. Each end keeps its plain reading too (a score "16-17")."""
    spans: list[tuple[int, int]] = []
    for m in _SEASON_RE.finditer(text) if ANY_DIGIT_RE.search(text) else ():
        a, b = m.group(1), m.group(3)
        if (int(a[-2:]) + 1) % 100 != int(b[-2:]):
            continue
        short = len(a) == len(b) == 2
        if short and int(b) <= 12 and not _SEASON_WORD_RE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "(11/12)" is a day and a month
        for digits, start in ((a, m.start(1)), (b, m.start(3))):
            yy = float(digits[-2:])
            values = {float(digits), yy} | ({1900 + yy, 2000 + yy} if len(digits) == 2 else set())
            found.append(Quantity(digits, start, start + len(digits), frozenset(values), "year"))
        spans.append(m.span())
    return masked(text, spans)


def times(text: str, found: list[Quantity]) -> str:
    """ "pukul 10.30 WIB", "10:30", "22.00 WITA", "4 p.m.": times of day."""
    spans: list[tuple[int, int]] = []
    for m in _TIME_RE.finditer(text) if _TIME_HINT_RE.search(text) else ():
        lead, h, sep, mm, suffix = m.groups()
        clock = bool(suffix) or (lead or "").lower() in _TIME_LEADS
        if sep == "." and not clock and not _clock_after(lead, mm, text, m.end()):
            continue  # "1.5", "36.447", "from 4.43 million": an ordinary number
        hour, minute = int(h), int(mm)
        if hour > 24 or minute > 59:
            continue
        if suffix and suffix.lower().startswith("p") and hour < 12:
            hour += 12
        values: set[Value] = {("T", hour, minute)}
        if sep == ".":
            values |= readings(f"{h}.{mm}")
        found.append(Quantity(m.group(0).strip(), m.start(2), m.end(), frozenset(values), "time"))
        spans.append((m.start(2), m.end()))
    text, spans = masked(text, spans), []
    for m in _HOUR_AMPM_RE.finditer(text) if _AMPM_HINT_RE.search(text) else ():
        hour = int(m.group(1))
        if hour > 12:
            continue
        at = hour + 12 if m.group(2).lower().startswith("p") and hour < 12 else hour
        values = {("T", at, 0), float(hour)}  # "4 p.m." also says "pukul empat"
        found.append(Quantity(m.group(0), m.start(), m.end(), frozenset(values), "time"))
        spans.append((m.start(), m.end()))
    return masked(text, spans)


def _clock_after(lead: str | None, minutes: str, text: str, end: int) -> bool:
    """ "at 10.30": a time after "at", "around", "until" when its minutes are a clock's
    and no scale word or percent follows ("at 4.43 million" is a number)."""
    return bool(lead) and minutes in ("00", "15", "30", "45") and not _SCALE_OR_UNIT_AFTER_RE.match(text, end)


# ---------------------------------------------------------------------------- full dates

_DMY_RE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)(?!\d)")
_MDY_RE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)(?!\d)")
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "16/9/2023", and "30 / 1 / 2018" as tokenized text writes it.
_FULL_SLASH_RE = re.compile(r"(?<![\d/.,])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?((?:19|20)\d\d|\d{2})(?![\d/])")


def _date(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read(m: re.Match[str], pattern: re.Pattern[str]) -> date | None:
    """The calendar date one match of a full-date pattern writes, or None if it is impossible."""
    if pattern is _FULL_SLASH_RE:
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        return _date(year, int(m.group(2)), int(m.group(1)))
    if pattern is _DMY_RE:
        return _date(int(m.group(3)), MONTHS.get(m.group(2).lower()), int(m.group(1)))
    if pattern is _MDY_RE:
        return _date(int(m.group(3)), MONTHS.get(m.group(1).lower()), int(m.group(2)))
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_FULL_DATES = (_FULL_SLASH_RE, _DMY_RE, _MDY_RE, _ISO_RE)


def find_date(text: str) -> date | None:
    """The first full calendar date written in `text`, or None: "Jakarta, Sabtu (16/9/2023)",
    "Jumat (13/10/2023)", "13 Oktober 2023", "Oct. 13, 2023", "2023-10-13". Two-digit years
    are this century ("16/9/23"); impossible dates ("31/2/2023") are skipped."""
    found = [(m.start(), _read(m, p)) for p in _FULL_DATES for m in p.finditer(text)]
    dates = [d for _, d in sorted(found, key=lambda f: f[0]) if d is not None]
    return dates[0] if dates else None


def date_at(text: str, pos: int) -> tuple[date, int] | None:
    """The full calendar date written at `pos` of `text` (as `find_date` reads one) and where
    it ends, or None when none starts there ("Jumat (|13/10/2023)")."""
    for pattern in _FULL_DATES:
        m = pattern.match(text, pos)
        if m:
            found = _read(m, pattern)
            return (found, m.end()) if found else None
    return None
