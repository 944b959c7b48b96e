"""Numbers written in words, in Indonesian and English: "dua puluh", "tiga belas ribu",
"four and a half", "a hundred"; ordinals and other soft number words ("ketiga", "kedua",
"third", "twin", "a brace"); orders of magnitude ("puluhan ribu", "tens of thousands",
"several hundred"). `spelled(text, lang)` reads them into `Quantity` values, for
`summarize.numerals.quantities`; `ID_ORDINALS` are the Indonesian ordinal words, which the
reader of quarters ("kuartal pertama") reads too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .quantity import Quantity, Value, rounded

__all__ = ["ID_ORDINALS", "spelled"]

# ---------------------------------------------------------------------------- words

_UNITS: dict[str, dict[str, float]] = {
    "id": {
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
        "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
        "seribu": 1000, "sejuta": 1e6, "semiliar": 1e9,
    },
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    },
}  # fmt: skip
_MULTIPLIERS: dict[str, dict[str, float]] = {"id": {"puluh": 10, "ratus": 100}, "en": {"hundred": 100}}
_BIG: dict[str, dict[str, float]] = {
    "id": {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12},
    "en": {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12},
}
_HALF: dict[str, tuple[str, ...]] = {"id": ("setengah",), "en": ("and", "a", "half")}
# Words that can stand for a number but often do not ("satu" = "a", "kedua" = "both",
# "second" = a unit of time): they may match a number on the other side and are never
# required. Ordinals are here: "ketiga" = "third" = "3rd" = "ke-3".
_SOFT: dict[str, dict[str, float]] = {
    "id": {
        "satu": 1, "pertama": 1, "sekali": 1, "kedua": 2, "keduanya": 2, "ketiga": 3,
        "ketiganya": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8,
        "kesembilan": 9, "kesepuluh": 10, "setengah": 0.5, "separuh": 0.5, "sepertiga": 1 / 3,
        "seperempat": 0.25, "sepasang": 2, "lusin": 12, "selusin": 12, "dekade": 10, "abad": 100,
        "perdana": 1, "tunggal": 1, "kembar": 2, "ganda": 2,
        # a chip's cores as the trade writes them, in either language: "deca core" = 10 cores
        "dual": 2, "quad": 4, "hexa": 6, "octa": 8, "deca": 10,
    },
    "en": {
        "one": 1, "single": 1, "once": 1, "first": 1, "twice": 2, "both": 2, "pair": 2,
        "couple": 2, "double": 2, "second": 2, "third": 3, "triple": 3, "fourth": 4, "fifth": 5,
        "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
        "twelfth": 12, "half": 0.5, "quarter": 0.25, "dozen": 12, "decade": 10, "century": 100,
        "doubled": 2, "twofold": 2, "tripled": 3, "threefold": 3, "quadruple": 4, "quadrupled": 4,
        "fourfold": 4, "fivefold": 5, "tenfold": 10,
        # number words as adjectives: "dua mesin" = "twin-engine", "pertama" = "maiden"
        "sole": 1, "lone": 1, "maiden": 1, "inaugural": 1, "twin": 2, "twins": 2, "dual": 2,
        "duo": 2, "trio": 3, "treble": 3, "quartet": 4, "fortnight": 2, "quad": 4, "hexa": 6,
        "octa": 8, "deca": 10,
        # number idioms of sport: "dua gol" = "a brace", "tiga gol" = "a hat-trick" (see _SOFT_PAIRS)
        "brace": 2,
    },
}  # fmt: skip
# Soft number words of two words, by their second: "hat-trick" (and "hat trick") = 3.
_SOFT_PAIRS: dict[str, dict[tuple[str, str], float]] = {"id": {}, "en": {("hat", "trick"): 3}}
# "puluhan" = tens (of), "ratusan" = hundreds (of): compared as orders of magnitude, ("~", 100).
_APPROX: dict[str, dict[str, float]] = {
    "id": {
        "puluhan": 10, "belasan": 10, "ratusan": 100, "ribuan": 1e3, "jutaan": 1e6,
        "miliaran": 1e9, "milyaran": 1e9, "triliunan": 1e12,
    },
    "en": {
        "tens": 10, "scores": 10, "dozens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
        "billions": 1e9, "trillions": 1e12,
    },
}  # fmt: skip
# Nouns after "a" that make it a count of one: "a year and six months" for "1 tahun 6 bulan".
_MEASURE_NOUNS = frozenset(
    "year month week day hour minute decade century kilometer kilometre mile meter metre kilogram ton".split()
)
_SOME = frozenset({"several", "few", "some"})
_SOFT_APPROX = frozenset({"belasan", "dozens", "tens", "scores"})
_ONLY_BEFORE_OF = frozenset({"tens", "scores"})  # "tens of", "scores of"; "he scores" is no number
# A count before these names a round of a tournament, not a count: "delapan besar" = the last
# eight, the quarterfinals.
_ROUND_WORDS = frozenset({"besar"})
# Number words that are part of a set phrase, not a count ("satu-satunya" = the only one).
_IDIOMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "id": (
        ("salah", "satu"),
        ("satu", "per", "satu"),
        ("satu", "sama", "lain"),
        ("dua", "alam"),
        ("sepatah", "dua", "kata"),  # "a few words"
    ),
    "en": (("one", "another"), ("one", "of"), ("no", "one"), ("each", "one")),
}
# The Indonesian ordinals, "pertama" .. "kesepuluh" (without "keduanya", "ketiganya", which
# say "both", "all three"): also the number of a quarter ("kuartal pertama").
ID_ORDINALS = {
    w: v
    for w, v in _SOFT["id"].items()
    if (w.startswith("ke") and w not in ("keduanya", "ketiganya")) or w == "pertama"
}
_WORD_RE = re.compile(r"[^\W\d_]+")

# ---------------------------------------------------------------------------- reading


class _Words:
    """The words of a text with their offsets, for reading spelled-out numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(_WORD_RE.finditer(text))
        self.words = [m.group(0).lower() for m in self.matches]

    def at(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def quantity(self, i: int, j: int, value: Value, kind: str, hard: bool, unit: str = "") -> Quantity:
        start, end = self.matches[i].start(), self.matches[j - 1].end()
        return Quantity(self.text[start:end], start, end, frozenset({value}), kind, unit, hard)

    def set_phrase(self, i: int, lang: str) -> bool:
        """Whether the number word at `i` is part of a name or a set phrase: "Nusa Dua",
        "satu-satunya", "dua-duanya", "salah satu", "one of"."""
        m = self.matches[i]
        if (
            m.group(0)[:1].isupper()
            and i > 0
            and self.text[self.matches[i - 1].end() : m.start()].strip() == ""
        ):
            return self.matches[i - 1].group(0)[:1].isupper()  # inside a capitalised name
        if self.text[m.end() : m.end() + 1] == "-" and self.at(i + 1).startswith(self.words[i]):
            return True  # reduplicated
        for phrase in _IDIOMS[lang]:
            for k, word in enumerate(phrase):
                if word == self.words[i] and tuple(self.words[i - k : i - k + len(phrase)]) == phrase:
                    return True
        return False


def _approx(w: _Words, i: int, lang: str) -> tuple[Quantity | None, int]:
    """ "puluhan ribu", "tens of thousands", "hundreds of millions": an order of magnitude."""
    approx, big = _APPROX[lang], _BIG[lang]
    word = w.words[i]
    v, j = approx[word], i + 1
    if lang == "en" and w.at(j) == "of" and w.at(j + 1) in approx:
        v, j = v * approx[w.at(j + 1)], j + 2
    elif lang == "id" and w.at(j) in big:
        v, j = v * big[w.at(j)], j + 1
    if word in _ONLY_BEFORE_OF and j == i + 1 and w.at(j) != "of":
        return None, i + 1
    hard = word not in _SOFT_APPROX or j > i + 1
    q = w.quantity(i, j, ("~", rounded(v)), "approx", hard)
    # "jutaan tahun" may be "a million years": an Indonesian order of magnitude is also its round number.
    return (replace(q, values=q.values | {rounded(v)}) if lang == "id" else q), j


def _count(w: _Words, i: int, lang: str) -> tuple[float, int, int]:
    """A spelled-out number from word `i`: (value, index after it, words used)."""
    units, mult, big, half = _UNITS[lang], _MULTIPLIERS[lang], _BIG[lang], _HALF[lang]
    n = len(w.words)
    total, current, parts = 0.0, 0.0, 0
    if lang == "en" and w.words[i] == "a":
        current, i = 1.0, i + 1
    while i < n:
        t = w.words[i]
        if t in units and (parts == 0 or current % 10 == 0 or current >= 100):
            current += units[t]
        elif lang == "id" and t == "belas" and 0 < current < 10:
            current += 10
        elif t in mult and current:
            current *= mult[t]
        elif tuple(w.words[i : i + len(half)]) == half and current and parts:
            current += 0.5
            i += len(half) - 1
        elif t in big and (current or total):
            total += (current or 1) * big[t]
            current = 0
        elif lang == "en" and t == "and" and parts and w.at(i + 1) in units:
            pass
        else:
            break
        parts += 1
        i += 1
    return total + current, i, parts


def _soft(word: str, lang: str) -> float | None:
    """A soft number word's value: "kedua", "twin", and an Indonesian ordinal with "-nya"
    ("gim kelimanya", its fifth game)."""
    soft = _SOFT[lang]
    if word in soft:
        return soft[word]
    if lang == "id" and word.endswith("nya") and word[:-3] in ID_ORDINALS:
        return soft[word[:-3]]
    return None


def spelled(text: str, lang: str) -> list[Quantity]:
    """Spelled-out numbers, ordinals and orders of magnitude: "dua puluh", "ketiga",
    "four and a half", "puluhan ribu", "tens of thousands"."""
    w = _Words(text)
    units, mult, big = _UNITS[lang], _MULTIPLIERS[lang], _BIG[lang]
    out: list[Quantity] = []
    i, n = 0, len(w.words)
    while i < n:
        word = w.words[i]
        if word in _APPROX[lang]:
            q, i = _approx(w, i, lang)
            if q:
                out.append(q)
            continue
        if (
            lang == "en"
            and word in _SOME
            and (w.at(i + 1) in mult or w.at(i + 1) in big or w.at(i + 1) == "dozen")
        ):
            order = {**mult, **big}.get(w.at(i + 1), 10)  # "several hundred" = "ratusan"
            out.append(w.quantity(i, i + 2, ("~", rounded(order)), "approx", True))
            i += 2
            continue
        if lang == "en" and word in ("a", "an") and w.at(i + 1) in _MEASURE_NOUNS:
            out.append(w.quantity(i, i + 1, 1.0, "word", False))  # "a year" may say "1 tahun"
            i += 1
            continue
        leading_a = lang == "en" and word == "a" and (w.at(i + 1) in mult or w.at(i + 1) in big)
        if not (leading_a or word in units):
            value = _soft(word, lang)
            if (value := _SOFT_PAIRS[lang].get((w.at(i - 1), word), value)) is not None:
                out.append(w.quantity(i, i + 1, rounded(value), "word", False))
            i += 1
            continue
        value, j, parts = _count(w, i, lang)
        lone = parts == 1 and (word in _SOFT[lang] or (lang == "en" and value <= 12))
        hard = not lone and not w.set_phrase(i, lang) and w.at(j) not in _ROUND_WORDS
        out.append(w.quantity(i, j, rounded(value), "word", hard, unit=w.at(j)))  # "dua meter": meter
        i = max(j, i + 1)
    return out
