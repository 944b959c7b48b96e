"""Dates newsroom English gives relative to the article's date, which the figures step lets pass.

The reader has the article's date beside the line, so a source date part the English leaves
implied ("Senin (2/10)" as "on Monday", "13 Oktober 2023" as "Oct. 13"), places relative
("pada 2008" as "this year", "Mei 2017" as "in May", "(16/6)" as "last Friday") or completes
("Sabtu (16/9)" as "Saturday, Sept. 16, 2023") is no dropped or invented figure; and a date
part the English adds may make explicit a day the source gives only by its name ("Kamis lalu"
as "last Thursday, Aug. 3"). `check_figures` asks each of these of its missing and added
figures.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re

from ..numerals.names import MONTHS, MONTHS_EN, WEEKDAYS, WEEKDAYS_EN, WEEKDAYS_ID
from ..numerals.quantity import Quantity

__all__ = [
    "completes_date",
    "date_part",
    "dates_left_implied",
    "dates_made_relative",
    "makes_explicit",
    "placed_relative",
]

# English that places a dropped year or month relative to the article's date: "pada 2008"
# may be "this year", "Oktober" may be "last month".
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:this|last|next|that|the\s+same|the\s+previous|the\s+following|a)\s+year\b"
    r"|\b(?:earlier|later)\s+this\s+year\b|\bthis\s+year's\b|\blast\s+year's\b",
    re.IGNORECASE,
)
_RELATIVE_MONTH_RE = re.compile(
    r"\b(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+month\b"
    r"|\b(?:earlier|later)\s+this\s+month\b",
    re.IGNORECASE,
)


def placed_relative(missing: list[Quantity], source: str, english: str) -> list[Quantity]:
    """Leave out a year or month the English places relative to the article's date ("pada
    2008" as "this year"): only when the English says so more often than the source does
    ("tahun ini" is "this year" already, and cannot stand for a dropped "2015")."""
    for kind, en_re, id_re in (
        ("year", _RELATIVE_YEAR_RE, _RELATIVE_YEAR_ID_RE),
        ("month", _RELATIVE_MONTH_RE, _RELATIVE_MONTH_ID_RE),
    ):
        spare = len(en_re.findall(english)) - len(id_re.findall(source))
        dropped = [q for q in missing if q.kind == kind]
        if dropped and spare >= len(dropped):
            missing = [q for q in missing if q.kind != kind]
    return missing


_WEEKDAY_BEFORE_RE = re.compile(
    rf"\b({'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\b\W{{0,3}}$", re.IGNORECASE
)
# "Senin (2/10) kemarin" may be "yesterday".
_RELATIVE_DAY_RE = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening|week)"
    r"|(?:last|next)\s+week)\b",
    re.IGNORECASE,
)
# A month named in the English ("Aug."), with or without its day.
_EN_MONTH_RE = re.compile(
    r"\b(?:"
    + "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True) if m in MONTHS_EN or len(m) <= 4)
    + r")\b"
)
# "on Monday", "Monday's", "last Monday": an English weekday, by its number.
_EN_WEEKDAY_RES = [re.compile(rf"\b{name}\b", re.IGNORECASE) for name in WEEKDAYS_EN]
_RELATIVE_YEAR_ID_RE = re.compile(
    r"\btahun\s+(?:ini|lalu|depan|mendatang|itu|sebelumnya|berikutnya|kemarin|yang\s+sama)\b", re.IGNORECASE
)
_RELATIVE_MONTH_ID_RE = re.compile(
    r"\bbulan\s+(?:ini|lalu|depan|mendatang|itu|sebelumnya|berikutnya|kemarin|yang\s+sama)\b", re.IGNORECASE
)


def dates_left_implied(
    missing: list[Quantity], src: list[Quantity], en: list[Quantity], source: str, english: str
) -> list[Quantity]:
    """Leave out what newsroom English leaves implied about a date: the bracketed date after
    a weekday the English names ("Senin (2/10)" as "on Monday"), and the year of a date
    whose day and month the English gives ("13 Oktober 2023" as "Oct. 13")."""
    if not missing:
        return missing
    gone = {id(q) for q in missing}
    implied: set[int] = set()
    for i, q in enumerate(src):
        if q.kind == "date":  # a slash date: its day, month and year share its span
            parts = [p for p in src if (p.start, p.end) == (q.start, q.end)]
            weekday = _WEEKDAY_BEFORE_RE.search(source, max(0, q.start - 12), q.start)
            said = weekday and (
                _en_weekday(weekday.group(1)).search(english) or _RELATIVE_DAY_RE.search(english)
            )
            named = said and not _EN_MONTH_RE.search(english)
            stated = any(p.values & e.values for p in parts for e in en if e.hard)
            if named and not stated:
                implied |= {id(p) for p in parts}
            elif all(id(p) not in gone for p in parts if p.kind != "year"):
                implied |= {id(p) for p in parts if p.kind == "year"}
        elif q.kind == "year" and id(q) in gone and i >= 2:
            month, day = src[i - 1], src[i - 2]
            dated = month.kind == "month" and q.start - month.end <= 3 and month.start - day.end <= 3
            if dated and id(month) not in gone and id(day) not in gone:
                implied.add(id(q))
    return [q for q in missing if id(q) not in implied]


# An English month named as a word, with or without a day: "in May", "late November", "July
# this year". "May" opening a sentence may be the verb.
_EN_MONTH_WORD_RE = re.compile(
    r"(?<![.!?]\s)(?<!\A)\b(" + "|".join(m.title() for m in MONTHS_EN) + r")\b"
    r"|\b(" + "|".join(m.title() for m in MONTHS_EN if m != "may") + r")\b"
)


def dates_made_relative(
    missing: list[Quantity], src: list[Quantity], source: str, english: str
) -> tuple[list[Quantity], list[str]]:
    """Leave out a date part the English gives relative to the article's date, where what the
    English does state of that date agrees: "Mei 2017" as "in May" (the month named, the year
    the article's), "(16/6)" as "last Friday" (a weekday or "yesterday", and no month named that
    could disagree). Each is a note for the reader, who has the article's date beside the line."""
    named = {MONTHS[(a or b).lower()] for a, b in _EN_MONTH_WORD_RE.findall(english)}
    said_day = any(r.search(english) for r in _EN_WEEKDAY_RES) or _RELATIVE_DAY_RE.search(english)
    gone = {id(q) for q in missing}
    relative: set[int] = set()
    for i, q in enumerate(src):
        if id(q) not in gone:
            continue
        if q.kind == "month" and {v[1] for v in q.values if isinstance(v, tuple)} & named:
            year = src[i + 1] if i + 1 < len(src) else None
            relative |= {id(q)} | (
                {id(year)} if year and year.kind == "year" and year.start - q.end <= 3 else set()
            )
        elif q.kind == "date" and said_day and not named and not _EN_MONTH_RE.search(english):
            if _WEEKDAY_BEFORE_RE.search(source, max(0, q.start - 12), q.start):
                continue  # the source names its weekday: `dates_left_implied` holds the English to it
            relative |= {id(p) for p in src if (p.start, p.end) == (q.start, q.end)}
    notes = [
        f"the English gives {q.text} relative to the article's date" for q in missing if id(q) in relative
    ]
    return [q for q in missing if id(q) not in relative], list(dict.fromkeys(notes))


def completes_date(q: Quantity, english: str, matched: list[Quantity]) -> bool:
    """Whether `q` is the year the English adds to a date the source gives without one:
    "Sabtu (16/9)" as "Saturday, Sept. 16, 2023"."""
    if q.kind != "year":
        return False
    before = [m for m in matched if m.end <= q.start and q.start - m.end <= 3]
    if not before or english[before[-1].end : q.start].strip(" ,.") or before[-1].kind == "year":
        return False
    return any(m.kind == "month" and q.start - m.end <= 12 for m in matched)


def _en_weekday(name: str) -> re.Pattern[str]:
    return _EN_WEEKDAY_RES[WEEKDAYS[name.lower()]]


# What a date the English makes explicit stands for in the source: a weekday or a word that
# places a day relative to the article's ("Kamis lalu" as "last Thursday, Aug. 3").
_DAY_ID_RE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS_ID)}|jum'at|kemarin|kemarin\s+lusa|besok|lusa|tadi|lalu|mendatang|depan)\b",
    re.IGNORECASE,
)


def makes_explicit(
    q: Quantity, src: list[Quantity], source: str, english: str, months: list[Quantity]
) -> bool:
    """Whether `q`, if a part of a date, makes explicit a date the source gives only by its
    day: the source names a weekday or a relative day and states no figure of that part
    ("Kamis (15/6)" as "Thursday (15/8)" changed it), and a day is a day of a month ("Nov. 81"
    is none)."""
    part = date_part(q, english, months)
    if not part:
        return True
    if part == "date" and q.kind == "number" and not 1 <= (q.value or 0) <= 31:
        return False
    return _DAY_ID_RE.search(source) is not None and all(date_part(s, "", []) != part for s in src)


def date_part(q: Quantity, text: str, months: list[Quantity]) -> str:
    """What part of a date `q` is: "date" (a day or month, or the day of one of `months` just
    before it: "Aug. 3"), "year", "time", or "" for none."""
    if q.kind in ("date", "month") or any(
        m.end <= q.start <= m.end + 2 and text[m.end : q.start].strip(". ") == "" for m in months
    ):
        return "date"
    return q.kind if q.kind in ("year", "time") else ""
