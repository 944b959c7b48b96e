"""A translation checker: catches degenerate or unfaithful Indonesian->English output.

`check_translation(source, english)` returns the problems it finds (an empty list when
nothing is wrong). Each `Problem` has a machine-readable `kind` and a short `message`
that reads after "translation withheld: ". Kinds:

- ``repetition``: a word or n-gram (n=1..4) looping far beyond anything in the source;
- ``numbers``: a number, date, money amount, percentage or quantity word differs
  (compared as values: "Rp 2 triliun" = "IDR 2 trillion" = 2e12; "1.000" = "1,000");
- ``copy``: the output is (mostly) the untranslated source;
- ``language``: the output is not English;
- ``length``: the output/source length ratio is far outside human translations'.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..values import Problem

__all__ = ["KINDS", "Problem", "check_translation"]

KINDS = ("repetition", "numbers", "copy", "language", "length")


# Length bounds, English chars / Indonesian chars. From scripts/data/translations/good.jsonl
# (tune split, 217 human pairs with 30+ source characters): ratio min 0.648, 1st pct 0.658,
# median 0.938, 99th pct 1.243, max 1.314 (`python scripts/eval_guard.py --lengths`). The
# bounds sit outside that range with some room: a fragment or a doubled sentence lands
# beyond them, a loose but whole translation does not.
LENGTH_RATIO_MIN = 0.55
LENGTH_RATIO_MAX = 1.55
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

# Language: share of English function words among the English's words, for outputs of 6+
# words (tune split min 0.14); flagged below this, or when non-English function words
# (Indonesian, other languages) are at least as many as the English ones.
LANGUAGE_MIN_WORDS = 6
LANGUAGE_EN_SHARE_MIN = 0.08

# Repetition: back-to-back repeats of one n-gram, and total counts of one content n-gram.
REPEAT_TANDEM_MIN = 3
REPEAT_COUNT_MIN = 4
# A passage of this many words said twice is a loop (no good pair repeats a 6-gram).
REPEAT_PASSAGE_WORDS = 6
# A letter repeated 8+ times, or a piece of 2-4 letters 6+ times, inside the text.
_LETTER_LOOP_RE = re.compile(r"([^\W\d_])\1{7,}")
_PIECE_LOOP_RE = re.compile(r"([^\W\d_]{2,4}?)\1{5,}")
_LONG_RUN_RE = re.compile(r"[^\W\d_]{12,}")

# ---------------------------------------------------------------------------- words

_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_TOKEN_RE = re.compile(r"[^\W_]+")

EN_FUNCTION = frozenset(
    """a an the of to in on at by for from with without into onto over under about after
    before and or but nor so if then than that this these those there here which who whom
    whose what when where why how is are was were be been being am has have had do does did
    will would shall should can could may might must not no it its it's he she they them
    their his her him we us our you your i me my as also only just even still very more
    most less such some any each every all both other another while although though because
    since until up down out off said says its""".split()
)
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

_MONTHS = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "feb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
_SCALES = {
    "ribu": 1e3,
    "rb": 1e3,
    "thousand": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "million": 1e6,
    "mn": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "billion": 1e9,
    "bn": 1e9,
    "triliun": 1e12,
    "trillion": 1e12,
}
_SCALE_ALT = "|".join(sorted(_SCALES, key=len, reverse=True))
# Currency written against the digits ("Rp2,5", "US$26"): split so the digits stand alone.
_CURRENCY_GLUE_RE = re.compile(r"(Rp|IDR|USD|US\$|S\$|A\$|\$|€|£)(?=\d)", re.IGNORECASE)
_DASH_RE = re.compile(r"[\u2012-\u2015\u2212]")
_DATE_SLASH_RE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_TIME_RE = re.compile(
    r"(?:\b(pukul|jam|at|around|about|by|until|from|sekitar)\s+)?"
    r"(?<![\d.,:])(\d{1,2})([.:])(\d{2})(?![\d.,]\d)"
    r"(?:\s*(WIB|WITA|WIT|a\.m\.|p\.m\.|am\b|pm\b))?",
    re.IGNORECASE,
)
_HOUR_AMPM_RE = re.compile(r"(?<![\d.,:])(\d{1,2})\s*(a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_NUM_RE = re.compile(
    r"(?<![^\W\d_])(\d+(?:[.,]\d+)*)(?:\s*(" + _SCALE_ALT + r")\b)?",
    re.IGNORECASE,
)
_MONTH_BEFORE_DIGIT_RE = re.compile(r"\b([A-Za-z]{3,9})\.?(?=[\s,.]{1,3}\d)")
_MONTH_AFTER_DIGIT_RE = re.compile(r"\d[\s\-]{0,2}([A-Za-z]{3,9})\b")
_TIME_HINT_RE = re.compile(r"\d[.:]\d\d")
_ANY_DIGIT_RE = re.compile(r"\d")
_AMPM_HINT_RE = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)

_ID_UNITS = {
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
    "sejuta": 1e6,
    "satu": 1,
}
_EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ID_MULT = {"puluh": 10, "ratus": 100}
_EN_MULT = {"hundred": 100}
_ID_BIG = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}
_EN_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Words that can stand for a number but often do not ("satu" = "a", "kedua" = "both"):
# they may match a number on the other side, and are never required.
_ID_SOFT = {
    "satu": 1,
    "pertama": 1,
    "sekali": 1,
    "kedua": 2,
    "ketiga": 3,
    "keempat": 4,
    "kelima": 5,
    "keenam": 6,
    "ketujuh": 7,
    "kedelapan": 8,
    "kesembilan": 9,
    "kesepuluh": 10,
    "setengah": 0.5,
    "separuh": 0.5,
    "sepasang": 2,
    "lusin": 12,
    "selusin": 12,
}
_EN_SOFT = {
    "one": 1,
    "single": 1,
    "once": 1,
    "first": 1,
    "twice": 2,
    "both": 2,
    "pair": 2,
    "couple": 2,
    "double": 2,
    "second": 2,
    "third": 3,
    "triple": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "half": 0.5,
    "dozen": 12,
}
# "puluhan" = tens (of), "ratusan" = hundreds (of), ...: compared as orders of magnitude.
_ID_APPROX = {
    "puluhan": 10,
    "belasan": 10,
    "ratusan": 100,
    "ribuan": 1e3,
    "jutaan": 1e6,
    "miliaran": 1e9,
    "milyaran": 1e9,
    "triliunan": 1e12,
}
_EN_APPROX = {
    "tens": 10,
    "dozens": 10,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
_SOFT_APPROX = frozenset({"belasan", "dozens", "tens"})

Value = float | tuple[str, float] | tuple[str, int, int] | str


@dataclass(frozen=True)
class _Quantity:
    text: str
    values: frozenset[Value]
    hard: bool


def _norm(v: float) -> float:
    return float(f"{v:.9g}")


def _readings(digits: str) -> set[Value]:
    """Values a digit string may mean: "1.000" is 1000 (or 1.0), "2,5" is 2.5, "1,000" 1000."""
    if "." not in digits and "," not in digits:
        return {_norm(float(digits))}
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
            out.add(_norm(float("".join(groups) + ("." + frac if frac else ""))))
        except ValueError:
            continue
    return out or {digits}


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _word_numbers(words: list[str], lang: str) -> list[_Quantity]:
    units = _ID_UNITS if lang == "id" else _EN_UNITS
    mult = _ID_MULT if lang == "id" else _EN_MULT
    big = _ID_BIG if lang == "id" else _EN_BIG
    soft = _ID_SOFT if lang == "id" else _EN_SOFT
    approx = _ID_APPROX if lang == "id" else _EN_APPROX
    out: list[_Quantity] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w in approx:
            v = approx[w]
            j = i + 1
            # "puluhan ribu", "tens of thousands", "hundreds of millions"
            if j < n and lang == "en" and words[j] == "of" and j + 1 < n and words[j + 1] in approx:
                v *= approx[words[j + 1]]
                j += 2
            elif j < n and lang == "id" and words[j] in big:
                v *= big[words[j]]
                j += 1
            if w == "tens" and j == i + 1 and not (j < n and words[j] == "of"):
                i += 1
                continue
            hard = w not in _SOFT_APPROX or j > i + 1
            out.append(_Quantity(" ".join(words[i:j]), frozenset({("~", _norm(v))}), hard))
            i = j
            continue
        start = i
        if lang == "en" and w == "a" and i + 1 < n and (words[i + 1] in mult or words[i + 1] in big):
            total, current, i = 0.0, 1.0, i + 1
        elif w in units:
            total, current = 0.0, 0.0
        else:
            if w in soft:
                out.append(_Quantity(w, frozenset({_norm(soft[w])}), False))
            i += 1
            continue
        parts = 0
        while i < n:
            t = words[i]
            if t in units and (parts == 0 or current % 10 == 0 or current >= 100):
                current += units[t]
            elif lang == "id" and t == "belas" and 0 < current < 10:
                current += 10
            elif t in mult and current:
                current *= mult[t]
            elif t in big and (current or total):
                total += (current or 1) * big[t]
                current = 0
            elif lang == "en" and t == "and" and parts and i + 1 < n and words[i + 1] in units:
                pass
            else:
                break
            parts += 1
            i += 1
        value = total + current
        text = " ".join(words[start:i])
        lone = parts == 1 and words[start] in soft
        out.append(_Quantity(text, frozenset({_norm(value)}), not lone))
    return out


def _quantities(text: str, lang: str) -> list[_Quantity]:
    text = _DASH_RE.sub("-", _CURRENCY_GLUE_RE.sub(r"\1 ", text))
    out: list[_Quantity] = []
    if not _ANY_DIGIT_RE.search(text):
        return _word_numbers([w.lower() for w in _WORD_RE.findall(text)], lang)
    # Month names next to a digit are date parts ("13 Oktober 2023", "October 13").
    spans: dict[int, re.Match[str]] = {}
    for m in _MONTH_BEFORE_DIGIT_RE.finditer(text):
        spans[m.start(1)] = m
    for m in _MONTH_AFTER_DIGIT_RE.finditer(text):
        spans.setdefault(m.start(1), m)
    for _, m in sorted(spans.items()):
        word = m.group(1)
        month = _MONTHS.get(word.lower())
        if month is None or (word.islower() and len(word) <= 4):
            continue  # "mar", "des" and friends in running text are not months
        out.append(_Quantity(word, frozenset({("M", month)}), True))
        text = _mask(text, m.start(1), m.end(1))
    for m in _DATE_SLASH_RE.finditer(text) if "/" in text else ():
        day, mon, year = m.group(1), m.group(2), m.group(3)
        out.append(_Quantity(m.group(0), frozenset({_norm(float(day))}), True))
        out.append(_Quantity(m.group(0), frozenset({("M", int(mon))}), True))
        if year:
            y = int(year) + (2000 if len(year) == 2 else 0)
            out.append(_Quantity(m.group(0), frozenset({_norm(float(y)), _norm(float(year))}), True))
        text = _mask(text, m.start(), m.end())
    for m in _TIME_RE.finditer(text) if _TIME_HINT_RE.search(text) else ():
        lead, h, sep, mm, suffix = m.groups()
        if sep == "." and not lead and not suffix:
            continue  # "1.5", "36.447": an ordinary number
        hour, minute = int(h), int(mm)
        if hour > 24 or minute > 59:
            continue
        if suffix and suffix.lower().startswith("p") and hour < 12:
            hour += 12
        values: set[Value] = {("T", hour, minute)}
        if sep == ".":
            values |= _readings(f"{h}.{mm}")
        out.append(_Quantity(m.group(0).strip(), frozenset(values), True))
        text = _mask(text, m.start(2), m.end())
    for m in _HOUR_AMPM_RE.finditer(text) if _AMPM_HINT_RE.search(text) else ():
        hour = int(m.group(1))
        if hour > 12:
            continue
        if m.group(2).lower().startswith("p") and hour < 12:
            hour += 12
        out.append(_Quantity(m.group(0), frozenset({("T", hour, 0)}), True))
        text = _mask(text, m.start(), m.end())
    for m in _NUM_RE.finditer(text):
        digits, scale = m.group(1), m.group(2)
        values = _readings(digits)
        if scale:
            factor = _SCALES[scale.lower()]
            values = {_norm(v * factor) if isinstance(v, float) else v for v in values}
        out.append(_Quantity(m.group(0), frozenset(values), True))
        text = _mask(text, m.start(), m.end())
    out.extend(_word_numbers([w.lower() for w in _WORD_RE.findall(text)], lang))
    return out


def _check_numbers(source: str, english: str) -> Problem | None:
    src = _quantities(source, "id")
    if not src and not any(c.isdigit() for c in english):
        en_words = _quantities(english, "en")
        if not any(q.hard for q in en_words):
            return None
        en = en_words
    else:
        en = _quantities(english, "en")
    missing = [q for q in src if q.hard and not any(q.values & e.values for e in en)]
    extra = [e for e in en if e.hard and not any(e.values & q.values for q in src)]
    if not missing and not extra:
        return None

    def show(qs: list[_Quantity]) -> str:
        seen: list[str] = []
        for q in qs:
            if q.text not in seen:
                seen.append(q.text)
        return ", ".join(seen[:4]) + (", ..." if len(seen) > 4 else "")

    if missing:
        return Problem(
            "numbers",
            f"numbers differ: source has {show(missing)}; English has {show(extra) or 'no match'}",
        )
    return Problem("numbers", f"numbers differ: English has {show(extra)}, not in the source")


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
    # A whole passage said twice ("X. X."): a repeated 6-gram the source does not have.
    if len(en_words) >= 2 * REPEAT_PASSAGE_WORDS:
        k = REPEAT_PASSAGE_WORDS
        seen: set[tuple[str, ...]] = set()
        for i in range(len(en_words) - k + 1):
            passage = tuple(en_words[i : i + k])
            if passage in seen:
                src_grams = [tuple(src_words[j : j + k]) for j in range(len(src_words) - k + 1)]
                if len(set(src_grams)) == len(src_grams):
                    return Problem("repetition", f'repeated text: "{" ".join(passage)}" twice')
                break
            seen.add(passage)
    return None


# ---------------------------------------------------------------------------- the check


def check_translation(source: str, english: str) -> list[Problem]:
    """The problems found in `english` as a translation of the Indonesian `source`."""
    problems: list[Problem] = []
    source = source if isinstance(source, str) else str(source)
    english = english if isinstance(english, str) else str(english)
    src_tokens = _WORD_RE.findall(source)
    en_tokens = _WORD_RE.findall(english)
    src_words = [w.lower() for w in src_tokens]
    en_words = [w.lower() for w in en_tokens]

    rep = _check_char_loop(source, english) or _check_repetition(
        [w.lower() for w in _TOKEN_RE.findall(source)], [w.lower() for w in _TOKEN_RE.findall(english)]
    )
    if rep:
        problems.append(rep)

    nums = _check_numbers(source, english)
    if nums:
        problems.append(nums)

    # copy: the English's non-name words found among the source's words
    src_set = set(src_words)
    # Capitalised source words count as names (a Title Case headline copied is caught by
    # the names-included share below).
    names = {w.lower() for w in src_tokens if w[:1].isupper()}
    plain = [w for w in en_words if w not in names]
    copied = sum(1 for w in plain if w in src_set and w not in EN_FUNCTION)
    shared = sum(1 for w in en_words if w in src_set)
    if (copied >= COPY_MIN_WORDS and copied > COPY_SHARE_MAX * len(plain)) or (
        shared >= COPY_ALL_MIN_WORDS and shared > COPY_ALL_SHARE_MAX * len(en_words)
    ):
        problems.append(
            Problem(
                "copy",
                f"looks untranslated: {max(copied, shared)} of {len(en_words)} words are the source's",
            )
        )

    # language: English function words present, Indonesian ones not dominant
    if en_words:
        n_en = sum(1 for w in en_words if w in EN_FUNCTION)
        n_id = sum(1 for w in en_words if w in ID_FUNCTION and w not in EN_FUNCTION)
        n_id += sum(1 for w in en_words if w in OTHER_FUNCTION and w not in src_set)
        if (n_id >= 2 and n_id >= n_en) or (
            len(en_words) >= LANGUAGE_MIN_WORDS and n_en < LANGUAGE_EN_SHARE_MIN * len(en_words)
        ):
            problems.append(
                Problem(
                    "language",
                    f"not English: {n_en} English and {n_id} non-English function words "
                    f"in {len(en_words)} words",
                )
            )

    # length: characters, against the bounds human translations show
    s_len, e_len = len(source.strip()), len(english.strip())
    if s_len >= LENGTH_MIN_SOURCE_CHARS:
        if e_len < LENGTH_RATIO_MIN * s_len - LENGTH_SLACK_CHARS:
            problems.append(
                Problem("length", f"too short: {e_len} characters for a {s_len}-character source")
            )
        elif e_len > LENGTH_RATIO_MAX * s_len + LENGTH_SLACK_CHARS:
            problems.append(Problem("length", f"too long: {e_len} characters for a {s_len}-character source"))
    return problems
