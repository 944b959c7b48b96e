"""Datelines: "Jakarta, IDN Times - " at the start of an article's first paragraphs.

A dateline is cut from the start of its paragraph, not dropped with it. `dateline_length`
tells a place or an outlet before a dash from a sentence that opens with a hyphenated name
(IndoSum's tokens space the dash: "Paris Saint - Germain", "GO - JEK") or a route
("Jakarta–Bandung").
"""

from __future__ import annotations

import re

from .lines import lower_folded

__all__ = ["DATELINE_PARAGRAPHS", "dateline_length"]

DATELINE_PARAGRAPHS = 3  # a dateline is looked for in the first paragraphs of the body only

_DATELINE = re.compile(
    r"""^\s*
    (?P<prefix>
        (?:[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}        # place or outlet: "Jakarta", "Washington D.C."
          |[a-z]\w*\.(?:com|co\.id|id|net|org)\b)       # or an outlet's domain: "blokTuban.com", "tirto.id"
        (?:\s*,\s*[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3})? # ", IDN Times" / ", Washington"
        (?:\s*\(\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*\))?   # "(ANTARA)", "( ANTARA News )"
    )
    (?P<before>\s*)(?:[-–—]\s?[-–—]|[-–—])(?P<gap>\s*)(?=[\"“A-Z0-9])  # "-", "--", IndoSum's "- -"
    """,
    re.VERBOSE,
)
_OUTLET_MARK = re.compile(r"\.(com|co\.id|id|net|org)\b|\btimes\b|\bwarta\b|\bnews\b|\bpost\b|\(", re.I)
_LETTERS_ONLY = re.compile(r"^[A-Za-z .]{3,}$")


def dateline_length(line: str, following: str = "") -> int:
    """Length of a leading dateline ("Jakarta, IDN Times - "), or 0 when there is none.

    `following` is the article's text after `line`: a name that recurs there is no dateline.
    """
    m = _DATELINE.match(line)
    if not m:
        return 0
    prefix = m.group("prefix")
    if len(prefix.split()) > 6:
        return 0
    # The text may follow the dash unspaced only after an outlet in brackets ("JAKARTA (Pos
    # Kota) –Komisi ...") or a place in capitals spaced from its dash ("JAKARTA –Pemilu 2019
    # ...", 4 IndoSum articles, each a dateline): "Jakarta–Bandung ..." opens a sentence about
    # a route.
    if not m.group("gap") and not (
        prefix.rstrip().endswith(")") or (m.group("before") and _caps_place(prefix.strip()))
    ):
        return 0
    if not (_OUTLET_MARK.search(prefix) or "," in prefix or _caps_place(prefix) or _place_alone(prefix)):
        return 0
    if _spaced_name(prefix, line[m.end() :], following):
        return 0
    return m.end()


NAME_PIECE_LETTERS = 2  # "Timnas U - 22", "CEO Go - Jek", "Sederhananya, T - HR3": half a name
_FIRST_WORD = re.compile(r"[\"“]?([^\W_]+)")


def _spaced_name(prefix: str, after: str, following: str) -> bool:
    """A hyphenated name whose dash IndoSum's tokens spaced ("Paris Saint - Germain"), read as
    "prefix - rest": a piece of one or two letters before the dash, or the pair recurring in
    the article ("Mercedes - Benz ... Mercedes - Benz"; "Jakarta - Presiden" never does)."""
    if prefix.rstrip().endswith(")"):  # "Jakarta (ANTARA)"
        return False
    last = prefix.split()[-1]
    if sum(c.isalnum() for c in last) <= NAME_PIECE_LETTERS:
        return True
    first = _FIRST_WORD.match(after)
    if not first:
        return False
    name, rest = first.group(1), after[first.end() :]
    # Most pairs' words never both come back, and compiling the pattern for each dateline
    # was most of what this check cost (about 0.15 ms a dateline): it is compiled only
    # where a text holds both words.
    texts = [text for text in (rest, following) if _may_hold(text, last, name)]
    if not texts:
        return False
    pair = re.compile(rf"\b{re.escape(last)}\s*[-–—]\s*{re.escape(name)}\b", re.IGNORECASE)
    return any(pair.search(text) for text in texts)


def _may_hold(text: str, *pieces: str) -> bool:
    """False only when `text` holds some piece in no case: an IGNORECASE pattern that must
    match every piece can't match there. ASCII pieces only (`lower_folded` folds the letters
    that match ASCII ones); any other piece may be there."""
    if not all(piece.isascii() for piece in pieces):
        return True
    lowered = lower_folded(text)
    return all(piece.lower() in lowered for piece in pieces)


PLACE_LETTERS = 3  # "JAKARTA -" is a place; "GO - JEK" (IndoSum's spaced "GO-JEK") or "H - 2" is not


def _place_alone(prefix: str) -> bool:
    """A title-case place or outlet with no mark: one word ("Jakarta", "Rimanews") or dotted
    ("Washington D.C."). "Paris Saint - Germain" and "Bandara Soekarno - Hatta" are IndoSum's
    spaced names, so a bare "Kuala Lumpur -" is left in: a dateline kept costs less than a
    name cut in half."""
    return bool(_LETTERS_ONLY.match(prefix)) and (len(prefix.split()) == 1 or "." in prefix)


def _caps_place(prefix: str) -> bool:
    """An all-caps prefix long enough to name a place ("JAKARTA", "KOREA SELATAN")."""
    return prefix.isupper() and sum(c.isalpha() for c in prefix) >= PLACE_LETTERS
