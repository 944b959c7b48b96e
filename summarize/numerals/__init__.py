"""Numbers, dates and scale words in Indonesian and English news text: the one home.

Indonesian writes "1.000" for a thousand and "1,5" for one and a half, scales with a word
("380 juta", "Rp1,35 triliun"), dates as "Sabtu (16/9/2023)" or "13 Oktober 2023", quarters
as "triwulan IV/2006", and spells small numbers out ("dua puluh", "ketiga"). English news
writes "1,000", "1.5", "380 million", "Oct. 13, 2023", "'96", "the fourth quarter", "six",
"third". `quantities(text, lang)` reads all of these into `Quantity` values
(`numerals.quantity`) that compare across the two languages: "Rp1,35 triliun" and "Rp1.35
trillion" both hold 1.35e12. Numbers written in words are read in `numerals.spelled`.

Also here: `find_date`, the first full calendar date in a text (a dateline). The month,
weekday and scale names of both languages are in `numerals.names`.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import spelled
from .names import MONTHS, SCALES
from .quantity import ANY_DIGIT_RE, Quantity, Value, masked, readings, rounded
from .spelled import ID_ORDINALS

__all__ = ["find_date", "quantities"]

# ---------------------------------------------------------------------------- periods

# Quarters and halves of a year: "triwulan IV/2006", "kuartal pertama", "semester I".
_PERIOD_ID = {"triwulan": "Q", "kuartal": "Q", "caturwulan": "C", "semester": "H"}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# "the fourth quarter", "the first half", "the last three months of 2006".
_PERIOD_EN = re.compile(
    r"\b(?:(first|second|third|fourth|final|last)[\s-]+(quarter|half)|(first|last)\s+three\s+months"
    r"|Q([1-4])|H([12]))\b",
    re.IGNORECASE,
)
_ORDINAL_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

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
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"(?:(?P<cur>{_CURRENCY})\s?|(?<!\d))"  # digits glued to letters count too: "G20" = "G-20"
    r"(?P<apos>['\u2019](?=\d\d\b))?"
    r"(?P<num>\d+(?:[.,]\d+)*)"
    rf"(?:\s?[-\u2013]?\s?(?P<scale>{_SCALE_ALT})\b)?"
    r"(?P<unit>\s?%|[\s-]{0,2}(?![x\u00d7]\d)(?:(?:square|sq\.?|(?:standard\s+)?cubic)\s+)?[^\W\d_][\w°²³]*(?:\s+(?:persegi|kubik))?)?",
    re.IGNORECASE,
)
_DATE_SLASH_RE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_TIME_RE = re.compile(
    r"(?:\b(pukul|jam|at|around|about|by|until|from|sekitar)\s+)?"
    r"(?<![\d.,:])(\d{1,2})([.:])(\d{2})(?![\d.,]\d)"
    r"(?:\s*(WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b))?",
    re.IGNORECASE,
)
_TIME_LEADS = frozenset({"pukul", "jam"})
_HOUR_AMPM_RE = re.compile(r"(?<![\d.,:])(\d{1,2})\s*(a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_MONTH_NEAR_DIGIT_RE = re.compile(
    r"\b([A-Za-z]{3,9})\.?(?=[\s,.]{1,3}\d)|(?<=\d)[\s\-]{0,2}([A-Za-z]{3,9})\b"
)
_PERIOD_ID_RE = re.compile(
    r"\b(triwulan|kuartal|caturwulan|semester)\s*(?:(IV|III|II|I)\b|ke-?\s?([1-4])\b|(pertama|kedua|ketiga|keempat)\b|([1-4])\b)",
    re.IGNORECASE,
)
_ROMAN_RE = re.compile(r"\b(?=[IVX]{2,6}\b)X{0,3}(?:IX|IV|V?I{0,3})\b")
# Indonesian headlines shorten miliar and triliun after a rupiah amount: "Rp 3,5 M", "Rp 2 T".
_FEET_INCHES_RE = re.compile(
    r"(?<![\d.,])(\d)[\s-](?:foot|feet|ft)[\s-](\d{1,2})\b(?:\s*inch(?:es)?\b)?", re.IGNORECASE
)
_REDUPLICATED_RE = re.compile(r"[a-z]{2}2(?![\w.,])")  # "hal2", "foto2"; not "TL2" or "CO2", names
_RANGE_GAP_RE = re.compile(
    r"\s*(?:-|hingga|sampai|s\.?d\.?|atau|dan|to|and|or)\s*(?:Rp\.?|US\$|\$|€|£)?\s*", re.IGNORECASE
)
_SHORT_SCALE_RE = re.compile(r"\s?([MT])(?![\w])")
_SHORT_SCALES = {"M": 1e9, "T": 1e12}
# Indonesian scale words long enough that a one-letter slip ("trilun", "miliyar") still names
# them; shorter ones ("juta", "ribu") are too close to other words ("Kuta") to guess at.
_SCALE_TYPO_TARGETS = ("miliar", "milyar", "triliun", "trilyun")
_HYPHENATED_RE = re.compile(r"([^\W\d_]+)\s?-\s?\Z")
_SEASON_RE = re.compile(r"(?<![\d/.,:])((?:19|20)?\d\d)\s?([/-])\s?((?:19|20)?\d\d)(?![\d/]|[.,:]\d)")
_SEASON_WORD_RE = re.compile(
    r"\b(?:musim|season|tahun\s+(?:anggaran|ajaran|buku)|TA|fiscal(?:\s+year)?|FY|periode|term)\W{0,3}\Z",
    re.IGNORECASE,
)
_DASH_RE = re.compile(r"[\u2012-\u2015\u2212]")
_TIME_HINT_RE = re.compile(r"\d[.:]\d\d")
_AMPM_HINT_RE = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
_UNIT_WORDS = {"percent": "%", "persen": "%", "per cent": "%"}
_SCALE_OR_UNIT_AFTER_RE = re.compile(rf"\s*(?:{_SCALE_ALT}|%|percent|persen)\b", re.IGNORECASE)

# ---------------------------------------------------------------------------- reading


def _months(text: str, found: list[Quantity]) -> str:
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


def _slash_dates(text: str, found: list[Quantity]) -> str:
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


def _periods(text: str, lang: str, found: list[Quantity]) -> str:
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


def _feet_and_inches(text: str, found: list[Quantity]) -> str:
    """ "6-foot-1", "5 feet 10 inches": one height, read in inches (73), as a unit converts."""
    spans: list[tuple[int, int]] = []
    for m in _FEET_INCHES_RE.finditer(text):
        inches = float(12 * int(m.group(1)) + int(m.group(2)))
        found.append(
            Quantity(m.group(0), m.start(), m.end(), frozenset({inches}), "number", "inch", value=inches)
        )
        spans.append(m.span())
    return masked(text, spans)


def _times(text: str, found: list[Quantity]) -> str:
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


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    word = " ".join(raw.strip(" -").lower().split())
    return _UNIT_WORDS.get(word, word)


def _convention(digits: str, lang: str) -> float | None:
    """ "1.000,5" as Indonesian writes it (lang "id"), "1,000.5" as English does."""
    thou, dec = (".", ",") if lang == "id" else (",", ".")
    head, _, frac = digits.partition(dec)
    groups = head.split(thou)
    if (frac and not frac.isdigit()) or (len(groups) > 1 and any(len(g) != 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + frac if frac else ""))


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


def _digits(text: str, lang: str, found: list[Quantity]) -> str:
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


def _seasons(text: str, found: list[Quantity]) -> str:
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


def _romans(text: str, lang: str, found: list[Quantity]) -> str:
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


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number, amount, date part, time, period and spelled-out number in `text`
    (`lang` "id" or "en"), in text order."""
    text = _DASH_RE.sub("-", text)  # one character each: offsets are kept
    found: list[Quantity] = []
    text = _periods(text, lang, found)
    if ANY_DIGIT_RE.search(text):
        text = _months(text, found)
        text = _seasons(text, found)
        text = _slash_dates(text, found)
        text = _times(text, found)
        text = _feet_and_inches(text, found) if lang == "en" else text
        text = _digits(text, lang, found)
    text = _romans(text, lang, found)
    found.extend(spelled.spelled(text, lang))
    found.sort(key=lambda q: q.start)
    return _years_and_months(found, text) if lang == "id" else found


def _years_and_months(found: list[Quantity], text: str) -> list[Quantity]:
    """ "4 tahun 6 bulan" is also "four and a half years": both parts may match 4.5."""
    out = list(found)
    for k in range(len(out) - 1):
        years, months = out[k], out[k + 1]
        if (
            years.unit != "tahun"
            or months.unit != "bulan"
            or text[years.end : months.start].strip() != "tahun"
        ):
            continue
        both = {
            rounded(y + m / 12)
            for y in years.values
            if isinstance(y, float)
            for m in months.values
            if isinstance(m, float) and m < 12
        }
        out[k], out[k + 1] = (
            replace(years, values=years.values | both),
            replace(months, values=months.values | both),
        )
    return out


# ---------------------------------------------------------------------------- dates

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


def find_date(text: str) -> date | None:
    """The first full calendar date written in `text`, or None: "Jakarta, Sabtu (16/9/2023)",
    "Jumat (13/10/2023)", "13 Oktober 2023", "Oct. 13, 2023", "2023-10-13". Two-digit years
    are this century ("16/9/23"); impossible dates ("31/2/2023") are skipped."""
    found: list[tuple[int, date]] = []
    for m in _FULL_SLASH_RE.finditer(text):
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        found.append((m.start(), _date(year, int(m.group(2)), int(m.group(1))) or date.min))
    for m in _DMY_RE.finditer(text):
        found.append(
            (m.start(), _date(int(m.group(3)), MONTHS.get(m.group(2).lower()), int(m.group(1))) or date.min)
        )
    for m in _MDY_RE.finditer(text):
        found.append(
            (m.start(), _date(int(m.group(3)), MONTHS.get(m.group(1).lower()), int(m.group(2))) or date.min)
        )
    for m in _ISO_RE.finditer(text):
        found.append((m.start(), _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) or date.min))
    dates = [d for _, d in sorted(found, key=lambda f: f[0]) if d != date.min]
    return dates[0] if dates else None
