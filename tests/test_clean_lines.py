"""A line's words and letters: the fold that lets a plain-string shortcut see what a
case-insensitive pattern matches."""

from __future__ import annotations

import re
import string

from summarize.clean.lines import lower_folded

# Letters case-insensitive matching takes for ASCII ones ("ſ" for "s"), and case changes.
LOOKALIKE = {"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "K": "\u212a"}


def test_every_character_a_case_insensitive_pattern_takes_for_an_ascii_one_is_folded_to_it() -> None:
    # A shortcut looks for a lower-case ASCII hint in `lower_folded(line)`: sound only if every
    # character that IGNORECASE matches to an ASCII one lowers and folds to it. All of Unicode.
    every = "".join(chr(u) for u in range(0x110000) if not 0xD800 <= u <= 0xDFFF)
    taken = set()
    for c in string.ascii_letters + string.digits + string.punctuation + " ":
        for m in re.finditer(re.escape(c), every, re.IGNORECASE):
            assert lower_folded(m.group()) == c.lower(), (c, m.group())
            taken.add(m.group())
    assert {c for c in taken if not c.isascii()} == set(LOOKALIKE.values())  # the tests' look-alikes
