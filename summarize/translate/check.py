"""A translation checker: catches degenerate or unfaithful Indonesian->English output.

`check_translation(source, english)` returns the problems it finds (an empty list when
nothing is wrong). Each `Problem` has a machine-readable `kind` and a short `message`
that reads after "translation withheld: ". `review_translation` returns them with the notes
a reader may see beside English that passes: a conversion or gloss it adds ("the English adds
a conversion: 27 miles") is a note, never a problem. Kinds, one step each:

- ``repetition``: a word or n-gram (n=1..4) looping far beyond anything in the source, or
  a passage said twice back to back;
- ``numbers``: a number, date, money amount, percentage or quantity word differs, compared
  as values read by `summarize.numerals` ("Rp 2 triliun" = "IDR 2 trillion" = 2e12; "1.000"
  = "1,000"; "triwulan IV" = "the fourth quarter"; "ketiga" = "third"). What newsroom English
  does faithfully passes: a conversion or a gloss beside the figure ("25 meters (82 feet)",
  "(about $700,000)"), a date placed relative to the article ("this year", "last month", "on
  Monday"), a number word inside a name or set phrase ("Nusa Dua", "satu-satunya"). A
  figure's place left empty ("(about $ million)", "Sept. 29, ,") is a dropped figure;
- ``copy``: the output is (mostly) the untranslated source;
- ``language``: the output is not English;
- ``length``: the output/source length ratio is far outside faithful translations'.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lang import STOPWORDS_ID, TOKEN
from ..numerals import MONTHS, MONTHS_EN, WEEKDAYS, WEEKDAYS_EN, Quantity, quantities
from ..values import Problem

__all__ = ["KINDS", "Problem", "Review", "check_translation", "review_translation"]

KINDS = ("repetition", "numbers", "copy", "language", "length")


# Length bounds, English chars / Indonesian chars, from the tune splits of the two sets of
# good pairs with 30+ source characters (`python scripts/eval_guard.py --lengths`): literal
# (scripts/data/translations, 217) min 0.648, median 0.938, max 1.314; faithful newsroom
# English (scripts/data/faithful, 200) min 0.653, median 0.967, 99th pct 1.495, max 1.798
# (acronyms spelled out, conversions added). The bounds sit outside both with some room: a
# fragment lands below, an invented continuation beyond; a sentence said twice is a loop
# (`_check_passage`), whatever its length.
LENGTH_RATIO_MIN = 0.55
LENGTH_RATIO_MAX = 2.0
# Below this many source characters, ratios are noise (headlines, "Saturday."): no length check.
LENGTH_MIN_SOURCE_CHARS = 30
# Extra slack in characters, so that short sentences get some room on both sides.
LENGTH_SLACK_CHARS = 4

# Copy: share of the English's non-name words (English function words not counted as copied)
# that also occur in the source. Good pairs (tune split): max 0.29 (loanwords: "keyboard",
# "input", "roll-over").
COPY_SHARE_MAX = 0.5
COPY_MIN_WORDS = 3
# The same, names included: good pairs share names ("Kim Jong Un"), never most of the text
# (tune split max 0.59, a name-heavy line).
COPY_ALL_SHARE_MAX = 0.7
COPY_ALL_MIN_WORDS = 5

# Language: share of English function words and word forms among the English's words that
# are not the source's names, for outputs of 6+ such words (good pairs, all splits: min 0.2;
# the tiny random model's outputs: max 0.05); flagged below this, or when non-English function
# words (Indonesian, other languages) are at least as many as the English ones.
LANGUAGE_MIN_WORDS = 6
LANGUAGE_EN_SHARE_MIN = 0.08

# Repetition: back-to-back repeats of one n-gram, and total counts of one content n-gram.
REPEAT_TANDEM_MIN = 3
REPEAT_COUNT_MIN = 4
# A passage of this many words said twice is a loop (no good pair repeats a 6-gram).
REPEAT_PASSAGE_WORDS = 6
# ... and its second copy starts at most this many words after the first ends.
REPEAT_PASSAGE_GAP = 2
# A letter repeated 8+ times, or a piece of 2-4 letters 6+ times, inside the text.
_LETTER_LOOP_RE = re.compile(r"([^\W\d_])\1{7,}")
_PIECE_LOOP_RE = re.compile(r"([^\W\d_]{2,4}?)\1{5,}")
_LONG_RUN_RE = re.compile(r"[^\W\d_]{12,}")

# ---------------------------------------------------------------------------- words

_HAS_DIGIT_RE = re.compile(r"\d")
# An Indonesian verb or derived word by its affixes: "Resmikan", "Tingkatkan", "diserang".
_AFFIXED_RE = re.compile(r"(?:me|di|ber|ter|per)[a-z]{4,}$|[a-z]{4,}(?:kan|nya)$")

EN_FUNCTION = frozenset(
    """a an the of to in on at by for from with without into onto over under about after
    before and or but nor so if then than that this these those there here which who whom
    whose what when where why how is are was were be been being am has have had do does did
    will would shall should can could may might must not no it its it's he she they them
    their his her him we us our you your i me my as also only just even still very more
    most less such some any each every all both other another while although though because
    since until up down out off said says its through across against during among between
    within around toward towards upon whether despite""".split()
)
# English word forms no Indonesian word has: "-ed", "-ly", a possessive "'s". Evidence of
# English where a line has few function words (a list: "168 severely damaged houses, ...").
_ENGLISH_FORM_RE = re.compile(r"[a-z]{3,}(?:ed|ly)|[a-z]+'s")
ID_FUNCTION = frozenset(
    """yang dan di ke dari untuk dengan ini itu dalam pada tidak akan adalah juga oleh
    karena sebagai bahwa atau telah sudah bisa dapat kata ia dia mereka kami kita saya
    para tersebut namun tetapi tapi lebih saat secara sejak hingga sampai agar jika kalau
    masih belum harus sangat serta antara bagi seperti menurut ujar ucap yakni yaitu
    merupakan bukan hanya pun lagi kepada terhadap sedang sementara setelah sebelum ketika
    maka jadi nya ada""".split()
)

# Function words of other languages an MT model may slip into (es, fr, de, nl, pt, it, ms):
# counted against the output when the source does not have them (names like "de Gea").
OTHER_FUNCTION = frozenset(
    """de la el los las que y en del por para con una le les et des du est une dans qui
    pour pas o mais este disse der die das und ist nicht ein eine mit sich het een van ik niet op zijn
    os em não uma para il di che è per sono della bahawa daripada ialah kerana""".split()
)

# ---------------------------------------------------------------------------- numbers

# A unit conversion ("5.268 km" -> "3,274 miles") states the same quantity: each unit's
# size in its dimension's base unit, for the units news converts.
_UNIT_SIZES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("km", "kilometer", "kilometre"), ("length", 1000.0)),
    **dict.fromkeys(("m", "meter", "metre"), ("length", 1.0)),
    **dict.fromkeys(("cm", "centimeter", "centimetre", "sentimeter"), ("length", 0.01)),
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
    **dict.fromkeys(("pound", "lb"), ("mass", 0.4536)),
    **dict.fromkeys(("liter", "litre"), ("volume", 1.0)),
    **dict.fromkeys(("gallon",), ("volume", 3.785)),
}
# A figure's place left empty: English that needs a number where none is, as a dropped figure
# leaves it ("$ million", "(about pounds)", "27 miles, or kilometers", "a -meter wall",
# "Sept. 29, ,", "the world No. shuttler", a line opening on a list number's stop).
_HEDGE = (
    r"(?:about|around|roughly|approximately|approx\.|some|nearly|almost|over|more\s+than|less\s+than"
    r"|equivalent\s+to|the\s+equivalent\s+of)"
)
_UNIT_NAMES = sorted((u for u in _UNIT_SIZES if u.isalpha() and len(u) > 2), key=len, reverse=True)
_MONTH_NAMES = "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True))
_UNIT_WORD = (
    r"(?:" + "|".join(_UNIT_NAMES) + r"|mph|km/h|knots?|(?:U\.S\.\s+)?cents?|dollars?|pounds?)(?:e?s)?\b"
)
_EMPTY_SLOT_RE = re.compile(
    r"(?:US\$|\$|\bRp\.?|€|£)(?=\s*(?:million|billion|trillion|thousand)\b|\s*[),;]|\s*\Z)"
    rf"|\(\s*(?:{_HEDGE}\s*)?[)/]"
    rf"|\((?:\s+|\s*{_HEDGE}\s+)-?{_UNIT_WORD}"
    rf"|,\s*or\s+{_UNIT_WORD}"
    rf"|\b(?:about|around|roughly|approximately|nearly|almost|just|only|up\s+to)\s+(?:{_UNIT_WORD}|(?:km|kg|cm|mm)\b)"
    rf"|(?<=[\s(])-{_UNIT_WORD}"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:-\d{{1,2}})?,\s*(?=[,.)]|\Z)"
    r"|(?-i:\bNo\.\s+(?=[a-z]))"
    r"|\A\s*[.,;:]\s",
    re.IGNORECASE,
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
    r"(?:(?:about|around|roughly|approximately|approx\.|some|nearly|almost|over|just\s+over|"
    r"more\s+than|less\s+than|equivalent\s+to|the\s+equivalent\s+of)\s+)?",
    re.IGNORECASE,
)
GLOSS_GAP_CHARS = 50  # three unit words and a hedge fit in this
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


def _placed_relative(missing: list[Quantity], source: str, english: str) -> list[Quantity]:
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


def _dates_left_implied(
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


def _completes_date(q: Quantity, english: str, matched: list[Quantity]) -> bool:
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


@lru_cache(maxsize=4096)
def _unit_size(unit: str) -> tuple[str, float] | None:
    """(dimension, size in its base unit) of a unit as written: "miles", "square feet"."""
    for word in (unit, unit[:-2] if unit.endswith("es") else "", unit[:-1] if unit.endswith("s") else ""):
        if word in _UNIT_SIZES:
            return _UNIT_SIZES[word]
    return _UNIT_SIZES.get(unit.replace("s ", " "))


def _converts(a: Quantity, b: Quantity) -> bool:
    """Whether `a` and `b` are one measure in two units ("10 kilometer" ~ "6 miles")."""
    ua, ub = _unit_size(a.unit), _unit_size(b.unit)
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
    m = _DIGITS_RE.search(q.text)
    whole, _, frac = (m.group(0).replace(",", "") if m else "").partition(".")
    if not whole.strip("0"):
        return CONVERSION_TOLERANCE
    place = 10.0 ** -len(frac) if frac else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return min(ROUNDING_MAX, max(CONVERSION_TOLERANCE, 0.5 * place / float(f"{whole}.{frac or 0}")))


def _gloss(q: Quantity, english: str, matched: list[Quantity]) -> bool:
    """Whether `q`, an English figure the source lacks, glosses a figure that is there,
    before or after it: a conversion or an amount in another currency beside it, "(82
    feet)", "(about $9)", "27 miles, or 43 kilometers". A conversion between units this
    module knows must come out right."""
    if not q.unit and q.kind != "money":
        return False
    for m in matched:
        after = m.end <= q.start <= m.end + GLOSS_GAP_CHARS
        before = q.end <= m.start <= q.end + GLOSS_GAP_CHARS
        beside = (after and _GLOSS_GAP_RE.fullmatch(english, m.end, q.start)) or (
            before and _GLOSS_GAP_RE.fullmatch(english, q.end, m.start)
        )
        if beside and (_converts(m, q) or not _comparable(m, q)) and _plausible_rate(m, q):
            return True
    return False


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
    ua, ub = _unit_size(a.unit), _unit_size(b.unit)
    return bool(ua and ub and ua[0] == ub[0])


def _show(qs: list[Quantity]) -> str:
    seen = list(dict.fromkeys(q.text for q in qs))
    return ", ".join(seen[:4]) + (", ..." if len(seen) > 4 else "")


def _check_numbers(source: str, english: str) -> tuple[Problem | None, tuple[str, ...]]:
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
    measures = [(i, e) for i, e in enumerate(en_left) if _unit_size(e.unit)]
    converted = {
        (i, j) for i, q in enumerate(src_left) if _unit_size(q.unit) for j, e in measures if _converts(q, e)
    }
    missing = [q for i, q in enumerate(src_left) if q.hard and not any(a == i for a, _ in converted)]
    missing = _placed_relative(missing, source, english)
    if not any(e.kind == "year" for e in en_left):  # else the year was changed, not left out
        missing = _dates_left_implied(missing, src, en, source, english)
    left = {id(e) for e in en_left}
    matched = [e for e in en if id(e) not in left]
    unpaired = [e for j, e in enumerate(en_left) if e.hard and not any(b == j for _, b in converted)]
    glossed = [e for e in unpaired if _gloss(e, english, matched)]
    extra = [e for e in unpaired if not any(e is g for g in glossed)]
    if not any(q.kind == "year" for q in src_left):  # else the year was changed, not added
        extra = [e for e in extra if not _completes_date(e, english, matched)]
    notes = _notes([(src_left[i], en_left[j]) for i, j in sorted(converted)], glossed)
    if missing:
        return Problem(
            "numbers",
            f"numbers differ: source has {_show(missing)}; English has {_show(extra) or 'no match'}",
        ), notes
    if extra:
        return Problem("numbers", f"numbers differ: English has {_show(extra)}, not in the source"), notes
    return (_empty_slot(source, english) if src else None), notes


def _notes(converted: list[tuple[Quantity, Quantity]], glossed: list[Quantity]) -> tuple[str, ...]:
    """What the reader may want to know about figures that pass: "the English gives 5.268 km
    as 3,274 miles", "the English adds a conversion: 27 miles"."""
    out = [f"the English gives {_stated(q)} as {_stated(e)}" for q, e in converted]
    for e in glossed:
        what = "a conversion" if _unit_size(e.unit) or e.kind == "money" else "a gloss"
        out.append(f"the English adds {what}: {_stated(e)}")
    return tuple(dict.fromkeys(out))


def _stated(q: Quantity) -> str:
    """A figure with its unit word, as a note shows it: "27 miles", "$700,000"."""
    return f"{q.text} {q.unit}" if q.unit and q.kind != "money" and q.unit != "%" else q.text


def _empty_slot(source: str, english: str) -> Problem | None:
    """A figure's place left empty in the English (and not in the source)."""
    m = _EMPTY_SLOT_RE.search(english)
    if m is None or _EMPTY_SLOT_RE.search(source):
        return None
    before, after = english[: m.start()].split()[-1:], english[m.end() :].split()[:1]
    around = " ".join([*before, m.group(0).strip(), *after])
    return Problem("numbers", f'numbers differ: a figure is missing in "{around}"')


# ---------------------------------------------------------------------------- repetition


def _tandem(words: list[str]) -> tuple[int, int, int]:
    """The longest back-to-back loop of one n-gram (n=1..4): (repeats, n, start index)."""
    best = (1, 1, 0)
    size = len(words)
    for n in range(1, 5):
        run = 0
        for i in range(size - n):
            if words[i] == words[i + n]:
                run += 1
                repeats = run // n + 1
                if repeats > best[0]:
                    best = (repeats, n, i - run + 1)
            else:
                run = 0
    return best


def _check_char_loop(source: str, english: str) -> Problem | None:
    """A character or short piece looping inside the text ("AAAAAAAA", "TATATATATATA")."""
    m = _LETTER_LOOP_RE.search(english)
    if m is None and _LONG_RUN_RE.search(english):
        m = _PIECE_LOOP_RE.search(english)
    if m and not (_LETTER_LOOP_RE.search(source) or _PIECE_LOOP_RE.search(source)):
        unit = m.group(1)
        times = len(m.group(0)) // len(unit)
        return Problem("repetition", f'repeated text: "{unit}" {times} times in a row')
    return None


def _check_repetition(src_words: list[str], en_words: list[str]) -> Problem | None:
    if len(en_words) < REPEAT_TANDEM_MIN:
        return None
    repeats, n, at = _tandem(en_words)
    if repeats >= REPEAT_TANDEM_MIN and repeats > _tandem(src_words)[0]:
        start = max(0, at)
        gram = " ".join(en_words[start : start + n])
        return Problem("repetition", f'repeated text: "{gram}" {repeats} times in a row')
    # A content word (and so any n-gram holding one) used far more often than any in the source.
    counts = Counter(w for w in en_words if w not in EN_FUNCTION)
    if counts:
        word, c = counts.most_common(1)[0]
        if c >= REPEAT_COUNT_MIN:
            src = Counter(w for w in src_words if w not in ID_FUNCTION)
            if c > 2 * max(src.values(), default=0) + 1:
                return Problem("repetition", f'repeated text: "{word}" {c} times')
    return _check_passage(src_words, en_words)


def _check_passage(src_words: list[str], en_words: list[str]) -> Problem | None:
    """A whole passage said twice back to back ("X. X."), where the source says it once.

    Back to back: the first copy runs on up to where the second starts. Long faithful
    sentences repeat a phrase at a distance ("deposits of Rp1 billion ..., deposits of Rp1
    billion to Rp5 billion"); a decoding loop repeats it in a row.
    """
    k = REPEAT_PASSAGE_WORDS
    if len(en_words) < 2 * k:
        return None
    first: dict[tuple[str, ...], int] = {}
    for i in range(len(en_words) - k + 1):
        passage = tuple(en_words[i : i + k])
        f = first.setdefault(passage, i)
        if f == i:
            continue
        run = k
        while i + run < len(en_words) and en_words[f + run] == en_words[i + run]:
            run += 1
        if f + run >= i - REPEAT_PASSAGE_GAP:
            src_grams = [tuple(src_words[j : j + k]) for j in range(len(src_words) - k + 1)]
            if len(set(src_grams)) == len(src_grams):
                return Problem("repetition", f'repeated text: "{" ".join(passage)}" twice')
            return None
    return None


# ---------------------------------------------------------------------------- copy, language, length


@dataclass(frozen=True, slots=True)
class _Pair:
    """A source and its English, with the words each step reads."""

    source: str
    english: str
    src_tokens: list[str]  # as written
    en_tokens: list[str]
    src_words: list[str]  # lower-cased, letters only
    en_words: list[str]

    @property
    def nothing_to_translate(self) -> bool:
        """A source of names and figures only (a lineup, a results row): its faithful English
        is mostly the same words, and need not have English function words."""
        lower = [t for t in self.src_tokens if t[:1].islower() and not _HAS_DIGIT_RE.search(t)]
        if len(lower) >= COPY_MIN_WORDS:
            return False
        # A Title Case headline is words, not names: "... Mungkin Sekutu Rusia Paling Berbahaya".
        return not any(w in STOPWORDS_ID or _AFFIXED_RE.match(w) for w in self.src_words)

    @classmethod
    def of(cls, source: str, english: str) -> _Pair:
        src_tokens, en_tokens = TOKEN.findall(source), TOKEN.findall(english)
        return cls(source, english, src_tokens, en_tokens, _letters(src_tokens), _letters(en_tokens))


def _letters(tokens: list[str]) -> list[str]:
    return [t.lower() for t in tokens if not _HAS_DIGIT_RE.search(t)]


def _check_loops(pair: _Pair) -> Problem | None:
    """A loop of letters, words or passages that the source does not have."""
    return _check_char_loop(pair.source, pair.english) or _check_repetition(
        [t.lower() for t in pair.src_tokens], [t.lower() for t in pair.en_tokens]
    )


def _check_copy(pair: _Pair) -> Problem | None:
    """The English's non-name words found among the source's: an untranslated line."""
    if pair.nothing_to_translate:
        return None
    src_set = set(pair.src_words)
    # Capitalised source words count as names (a Title Case headline copied is caught by
    # the names-included share below).
    names = {t.lower() for t in pair.src_tokens if t[:1].isupper()}
    plain = [w for w in pair.en_words if w not in names]
    copied = sum(1 for w in plain if w in src_set and w not in EN_FUNCTION)
    shared = sum(1 for w in pair.en_words if w in src_set)
    if (copied >= COPY_MIN_WORDS and copied > COPY_SHARE_MAX * len(plain)) or (
        shared >= COPY_ALL_MIN_WORDS and shared > COPY_ALL_SHARE_MAX * len(pair.en_words)
    ):
        return Problem(
            "copy",
            f"looks untranslated: {max(copied, shared)} of {len(pair.en_words)} words are the source's",
        )
    return None


def _check_language(pair: _Pair) -> Problem | None:
    """English function words present, and Indonesian or other languages' not dominant.

    The share of English is taken over the words that are not the source's names (a line
    of Indonesian names and titles is still English), with English word forms counted as
    English: good pairs' lowest share is 0.2, the tests' random model's highest 0.05."""
    words = pair.en_words
    if not words or pair.nothing_to_translate:
        return None
    src_set = set(pair.src_words)
    n_en = sum(1 for w in words if w in EN_FUNCTION)
    n_other = sum(1 for w in words if w in ID_FUNCTION and w not in EN_FUNCTION)
    n_other += sum(1 for w in words if w in OTHER_FUNCTION and w not in src_set)
    names = {t.lower() for t in pair.src_tokens if t[:1].isupper()}
    own = [w for w in words if w not in names]
    english = sum(1 for w in own if w in EN_FUNCTION or _ENGLISH_FORM_RE.fullmatch(w))
    if (n_other >= 2 and n_other >= n_en) or (
        len(own) >= LANGUAGE_MIN_WORDS and english < LANGUAGE_EN_SHARE_MIN * len(own)
    ):
        return Problem(
            "language",
            f"not English: {n_en} English and {n_other} non-English function words in {len(words)} words",
        )
    return None


def _check_length(pair: _Pair) -> Problem | None:
    """Characters, against the bounds faithful translations show."""
    s_len, e_len = len(pair.source.strip()), len(pair.english.strip())
    if s_len < LENGTH_MIN_SOURCE_CHARS:
        return None
    if e_len < LENGTH_RATIO_MIN * s_len - LENGTH_SLACK_CHARS:
        return Problem("length", f"too short: {e_len} characters for a {s_len}-character source")
    if e_len > LENGTH_RATIO_MAX * s_len + LENGTH_SLACK_CHARS:
        return Problem("length", f"too long: {e_len} characters for a {s_len}-character source")
    return None


# ---------------------------------------------------------------------------- the check


@dataclass(frozen=True, slots=True)
class Review:
    """What the check found in one translation: the `problems` that withhold it, and
    `notes` a reader may see beside English that passes (a conversion or gloss it adds)."""

    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


def review_translation(source: str, english: str) -> Review:
    """The problems found in `english` as a translation of the Indonesian `source`, one
    step per kind in `KINDS` order, and, when there are none, the notes on what it adds."""
    pair = _Pair.of(str(source), str(english))
    figures, notes = _check_numbers(pair.source, pair.english)
    found = (_check_loops(pair), figures, _check_copy(pair), _check_language(pair), _check_length(pair))
    problems = tuple(p for p in found if p is not None)
    return Review(problems, () if problems else notes)


def check_translation(source: str, english: str) -> list[Problem]:
    """The problems found in `english` as a translation of the Indonesian `source`."""
    return list(review_translation(source, english).problems)
