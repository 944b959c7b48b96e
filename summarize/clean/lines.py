"""What the cleaning rules read in a line: its words, and its letters lowered as a
case-insensitive pattern sees them.

`words_of` is what a rule's word limit, the prose and headline tests and the repeated-line
checks count; `lower_folded` is what the plain-string shortcuts that run before a pattern
(a furniture rule's hints, a dateline's spaced-name check) look in.
"""

from __future__ import annotations

import re

__all__ = ["lower_folded", "words_of"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def words_of(line: str) -> list[str]:
    """The words of `line`: each a letter, then letters, digits, apostrophes or hyphens."""
    return _WORD.findall(line)


# Letters that IGNORECASE matching takes for ASCII ones but `str.lower` does not map to
# them ("ſ" matches "s"): folded before the hints are looked for, so they stay sound.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})
_FOLDED = re.compile("[ſıİ\u212a]")


def lower_folded(line: str) -> str:
    """`line` lower-cased, with the letters above folded first: what a hint is looked for in."""
    return line.lower() if line.isascii() or not _FOLDED.search(line) else line.translate(_FOLD).lower()
