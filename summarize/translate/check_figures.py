"""The translation checker's figures step: numbers, amounts, dates and times compared as values.

A number, date, money amount, percentage or quantity word that one side states and the other
does not is a problem, compared as values read by `summarize.numerals` ("Rp 2 triliun" = "IDR
2 trillion" = 2e12; "1.000" = "1,000"; "triwulan IV" = "the fourth quarter"; "ketiga" =
"third"). What newsroom English does faithfully passes: a conversion or a gloss beside the
figure ("25 meters (82 feet)", "(about $700,000)"), found as `glosses` and `asides` say, held
as `conversions` says, and given back as a note for the reader; a date placed relative to the
article ("this year", "last month", "on Monday"), as `relative_dates` says; a number word
inside a name or set phrase ("Nusa Dua", "satu-satunya"). A figure's place left empty ("(about
$ million)", "Sept. 29, ,", "a depth of km") is a dropped figure.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re

from ..numerals import quantities
from ..numerals.names import MONTHS, MONTHS_ID
from ..numerals.quantity import Quantity
from ..values import Problem
from .asides import aside_notes
from .conversions import HEDGE, LIST_RATE_SPREAD_MAX, UNIT_SIZES, converts, rates_disagree, unit_size
from .glosses import find_glosses, gloss_lists
from .relative_dates import (
    completes_date,
    date_part,
    dates_left_implied,
    dates_made_relative,
    makes_explicit,
    placed_relative,
)

__all__ = ["ADDED_FIGURE_POLICIES", "check_figures"]

# What a figure the English adds does when no source figure explains it (not a conversion or
# gloss that comes out right, not a date the English completes). "aside", the policy: a note
# for the reader where it sits in an aside (a parenthesis, a dash, ", or about ...", a date
# after the day it makes explicit, "last Thursday, Aug. 3"), a withholding where it stands in
# the running text, as an invented figure does. The others are kept so that
# `scripts/eval_guard.py --added-figures` can measure what each does to both sides: "withhold"
# (every such figure withholds), "dates" (also any added date or time is a note), "note"
# (every such figure is a note).
ADDED_FIGURE_POLICIES = ("aside", "withhold", "dates", "note")
ADDED_FIGURES = "aside"

# A figure's place left empty: English that needs a number where none is, as a dropped figure
# leaves it ("$ million", "(about pounds)", "27 miles, or kilometers", "a -meter wall",
# "Sept. 29, ,", "in July .", "the world No. shuttler", "a depth of km", "more than meters", "to get
# percent", "8 by inches", "(0200 or GMT)", "(about $53 to )", a line opening on a list number's stop).
_UNIT_NAMES = sorted((u for u in UNIT_SIZES if u.isalpha() and len(u) > 2), key=len, reverse=True)
_MONTH_NAMES = "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True))
_UNIT_WORD = (
    r"(?:" + "|".join(_UNIT_NAMES) + r"|mph|km/h|knots?|(?:U\.S\.\s+)?cents?|dollars?|pounds?)(?:e?s)?\b"
)
_UNIT = rf"(?:(?:square|cubic)\s+)?(?:{_UNIT_WORD}|(?:km|kg|cm|mm)\b)"  # spelled out or abbreviated
_EMPTY_SLOT_RE = re.compile(
    r"(?:US\$|\$|\bRp\.?|€|£)(?=\s*(?:million|billion|trillion|thousand)\b|\s*[),;]|\s+(?:to|and)\b|\s*\Z)"
    rf"|\(\s*(?:{HEDGE}\s*)?[)/]"
    rf"|\((?:\s+|\s*{HEDGE}\s+)-?{_UNIT_WORD}"
    rf"|,\s*or\s+{_UNIT_WORD}"
    rf"|\b(?:about|around|roughly|approximately|nearly|almost|just|only|up\s+to)\s+{_UNIT}"
    rf"|(?<=[\s(])-{_UNIT}"
    r"|(?-i:\b(?:of|at|to|by|from)\s+(?:km|kg|cm|mm)\b)"  # "at a depth of km (18 miles)"
    rf"|(?-i:\b(?:than|weigh\w*|measur\w*)\s+{_UNIT})"  # "more than meters (8 feet)"
    r"|(?-i:\b(?:get|gets|got|of|by|to|at|from)\s+percent\b)"
    rf"|(?<=\d)\s+by\s+{_UNIT}"  # a size's second side: "(roughly 8 by inches)"
    r"|\b(?:or|to|and)\s+(?:GMT|UTC)\b"  # an hour's conversion: "(0200 or GMT)"
    r"|\b(?:to|and)\s*\)"  # a range's end left empty: "(about $53 to )"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:-\d{{1,2}})?,\s*(?=[,.)]|\Z)"
    rf"|(?-i:\b(?:{_MONTH_NAMES})\s+(?=[,.;)]))"  # its year or day gone: "in July .", "(June )"
    r"|(?-i:\bNo\.\s+(?=[a-z])|\bNo\.\s*(?=[.,;:)]|\Z))"  # "the world No. ."
    r"|(?-i:\b(?:the|a|an)\s+(?:st|nd|rd|th)\b)"  # an ordinal's number gone: "the th Asian Games"
    r"|(?-i:\b(?:at|after|before|by|until|from|to|around|about)\s+[ap]\.m\.)"  # an hour gone: "after p.m."
    r"|\A\s*[.,;:]\s",
    re.IGNORECASE,
)


def _show(qs: list[Quantity]) -> str:
    seen = list(dict.fromkeys(q.text for q in qs))
    return ", ".join(seen[:4]) + (", ..." if len(seen) > 4 else "")


def check_figures(source: str, english: str) -> tuple[Problem | None, tuple[str, ...]]:
    """A number, amount, date part or time that one side states and the other does not;
    and notes on the conversions and glosses the English adds, which pass."""
    src = quantities(source, "id")
    en = quantities(english, "en") if src or any(c.isalnum() for c in english) else []
    if not src and not en:
        return None, ()
    src_values = frozenset().union(*(q.values for q in src))
    en_values = frozenset().union(*(e.values for e in en))
    src_left = [q for q in src if q.values.isdisjoint(en_values)]
    en_left = [e for e in en if e.values.isdisjoint(src_values)]
    measures = [(i, e) for i, e in enumerate(en_left) if unit_size(e.unit)]
    converted = {
        (i, j) for i, q in enumerate(src_left) if unit_size(q.unit) for j, e in measures if converts(q, e)
    }
    missing = [q for i, q in enumerate(src_left) if q.hard and not any(a == i for a, _ in converted)]
    missing = placed_relative(missing, source, english)
    if not any(e.kind == "year" for e in en_left):  # else the year was changed, not left out
        missing = dates_left_implied(missing, src, en, source, english)
        missing, relative = dates_made_relative(missing, src, source, english)
    else:
        relative = []
    left = {id(e) for e in en_left}
    matched = [e for e in en if id(e) not in left]
    unpaired = [e for j, e in enumerate(en_left) if e.hard and not any(b == j for _, b in converted)]
    glosses = find_glosses(english, matched, unpaired)
    glossed = [e for e in unpaired if id(e) in glosses]
    extra = [e for e in unpaired if id(e) not in glosses]
    if not any(q.kind == "year" for q in src_left):  # else the year was changed, not added
        extra = [e for e in extra if not completes_date(e, english, matched)]
    counts_left = [e for e in en_left if e.kind in ("word", "number", "approx") and 1.0 not in e.values]
    missing, kept = _slips_and_spans(missing, src, source, en, english, bool(counts_left))
    shown = extra
    extra, vague = _vague(extra)
    extra, added = _added(extra, src, source, english, unpaired, en)
    notes = _notes([(src_left[i], en_left[j]) for i, j in sorted(converted)], glossed)
    notes += tuple(relative) + kept + vague + added
    if missing:
        return Problem(
            "numbers",
            f"numbers differ: source has {_show(missing)}; English has {_show(shown) or 'no match'}",
        ), notes
    if extra:
        return Problem("numbers", f"numbers differ: English has {_show(extra)}, not in the source"), notes
    if rates := rates_disagree([(glosses[id(e)], e) for e in glossed]):
        return rates, notes
    for pairs in gloss_lists(english, matched, unpaired):
        if rates := rates_disagree(pairs, LIST_RATE_SPREAD_MAX):
            return rates, notes
    return (_empty_slot(source, english) if src else None), notes


def _notes(converted: list[tuple[Quantity, Quantity]], glossed: list[Quantity]) -> tuple[str, ...]:
    """What the reader may want to know about figures that pass: "the English gives 5.268 km
    as 3,274 miles", "the English adds a conversion: 27 miles"."""
    out = [f"the English gives {_stated(q)} as {_stated(e)}" for q, e in converted]
    for e in glossed:
        what = "a conversion" if unit_size(e.unit) or e.kind == "money" else "a gloss"
        out.append(f"the English adds {what}: {_stated(e)}")
    return tuple(dict.fromkeys(out))


def _stated(q: Quantity) -> str:
    """A figure with its unit word, as a note shows it: "27 miles", "$700,000"."""
    bare = q.unit and q.kind != "money" and q.unit != "%" and not any(c.isalpha() for c in q.text)
    return f"{q.text} {q.unit}" if bare else q.text  # "6 feet 1 inch" carries its unit


def _vague(extra: list[Quantity]) -> tuple[list[Quantity], tuple[str, ...]]:
    """Leave out, as a note, an order of magnitude the English adds in words ("when millions
    travel home", "dozens of"): no figure a reader could take for the source's. A source figure
    it stands for instead ("ribuan", "380 juta") is still missing, and an invented figure in
    digits ("in 2019", "worth $12 million") still withholds."""
    vague = [e for e in extra if e.kind == "approx" and not any(c.isdigit() for c in e.text)]
    if not vague:
        return extra, ()
    note = f"the English adds {_show(vague)}, a rough quantity the source does not state"
    return [e for e in extra if all(e is not v for v in vague)], (note,)


def _empty_slot(source: str, english: str) -> Problem | None:
    """A figure's place left empty in the English (and not in the source)."""
    m = _EMPTY_SLOT_RE.search(english)
    if m is None or _EMPTY_SLOT_RE.search(source):
        return None
    before, after = english[: m.start()].split()[-1:], english[m.end() :].split()[:1]
    around = " ".join([*before, m.group(0).strip(), *after])
    return Problem("numbers", f'numbers differ: a figure is missing in "{around}"')


def _added(
    extra: list[Quantity],
    src: list[Quantity],
    source: str,
    english: str,
    unpaired: list[Quantity],
    en: list[Quantity],
) -> tuple[list[Quantity], tuple[str, ...]]:
    """Split the figures the English adds into those that withhold and those shown as a note,
    as `ADDED_FIGURES` says. A date part the source states in its own figures ("Kamis (15/6)")
    is held to them: one the English adds in an aside ("Thursday (15/8)") changed it."""
    if not extra or ADDED_FIGURES == "withhold":
        return extra, ()
    if ADDED_FIGURES == "note":
        noted = {id(e) for e in extra}
    else:
        gone = {id(e) for e in extra}
        left = {id(e) for e in unpaired}
        matched = [e for e in en if id(e) not in left]
        noted = aside_notes(english, unpaired, matched, [e for e in en if id(e) not in gone], extra)
        months = [m for m in unpaired if m.kind == "month"]
        if ADDED_FIGURES == "dates":
            noted |= {id(e) for e in extra if date_part(e, english, months)}
        noted -= {
            id(e) for e in extra if id(e) in noted and not makes_explicit(e, src, source, english, months)
        }
    shown = [e for e in extra if id(e) in noted]
    note = (f"the English adds {_show(shown)}, which the source does not state",) if shown else ()
    return [e for e in extra if id(e) not in noted], note


# An hour's word before a number word: "pukul empat", "jam dua".
_HOUR_BEFORE_RE = re.compile(r"\b(?:pukul|jam)\s+\Z", re.IGNORECASE)
# The "1" of a rate, and a span of months, that the English states in other words.
_RATE_ONE_RE = re.compile(r"(?:/|\bper)\s*\Z", re.IGNORECASE)  # "2000 mg / 1 sendok teh"
_PER_EN_RE = re.compile(r"\b(?:per|a|an|each|every)\b|/", re.IGNORECASE)  # "2,000 mg per teaspoon"
_MONTH_ALT = "|".join(MONTHS_ID)
_MONTH_SPAN_RE = re.compile(
    rf"\b({_MONTH_ALT})\s*(?:-|\u2013|s/d|sd|hingga|sampai(?:\s+dengan)?)\s*({_MONTH_ALT})\b", re.IGNORECASE
)


def _slips_and_spans(
    missing: list[Quantity],
    src: list[Quantity],
    source: str,
    en: list[Quantity],
    english: str,
    counts_left: bool,
) -> tuple[list[Quantity], tuple[str, ...]]:
    """Leave out, as notes, what the English states in other words or what the source states
    by a slip or an idiom: the "1" of a rate ("2000 mg / 1 sendok teh" as "2,000 mg per
    teaspoon"); a span of months as its length ("Januari - September" as "the first nine
    months"); and, where every figure in digits is stated and the English has no count of its
    own left over (`counts_left`: "enam" as "seven" changed it), a number word standing beside
    another number ("dua empat varian", a slip, as "four variants") or in a set phrase the
    English renders without it ("bertemu empat mata" as "met one-on-one")."""
    if not missing:
        return missing, ()
    notes: list[str] = []
    out = []
    spans = _month_spans(source, en) if any(q.kind == "month" for q in missing) else []
    digits_stated = all(q.kind == "word" for q in missing)
    for q in missing:
        per_one = q.values == {1.0} and _RATE_ONE_RE.search(source, max(0, q.start - 6), q.start)
        if per_one and _PER_EN_RE.search(english):
            notes.append(f"the English gives {q.text} as a rate")
        elif q.kind == "month" and any(a <= q.start < b for a, b in spans):
            notes.append(f"the English gives {source[q.start : q.end]} as a span of months")
        elif digits_stated and q.kind == "word" and _beside_number(q, src, missing, source):
            notes.append(f"the English leaves out {q.text}, beside another number in the source")
        elif digits_stated and not counts_left and _uncounted(q, source):
            notes.append(f"the English leaves out {q.text}, a number word perhaps in a set phrase")
        else:
            out.append(q)
    return out, tuple(dict.fromkeys(notes))


def _uncounted(q: Quantity, source: str) -> bool:
    """Whether `q` may be a number word in a set phrase rather than a count the English must
    state: spelled out in words (not a Roman numeral), and not the number of a unit, a
    percentage or an hour ("empat persen", "dua meter", "pukul empat" are measures)."""
    measure = unit_size(q.unit) or q.unit.startswith("persen")
    hour = _HOUR_BEFORE_RE.search(source, max(0, q.start - 8), q.start)
    return q.kind == "word" and not q.text.isupper() and not measure and not hour


def _month_spans(source: str, en: list[Quantity]) -> list[tuple[int, int]]:
    """The spans of months in the source whose length in months the English states."""
    spans = []
    for m in _MONTH_SPAN_RE.finditer(source):
        length = MONTHS[m.group(2).lower()] - MONTHS[m.group(1).lower()] + 1
        if any(e.unit.startswith("month") and float(length) in e.values for e in en):
            spans.append((m.start(), m.end()))
    return spans


def _beside_number(q: Quantity, src: list[Quantity], missing: list[Quantity], source: str) -> bool:
    """Whether a number the English states stands right beside `q` in the source."""
    return any(
        o is not q
        and all(o is not m for m in missing)
        and source[min(q.end, o.end) : max(q.start, o.start)].strip() == ""
        for o in src
    )
