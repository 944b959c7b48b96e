"""Sign-offs: editors' initials or an agency's credit run into the end of an article.

"... mulai dari mobil hingga apartemen. (gil)", "... Kita lihat saja nanti," katanya. (john
/bu)", "... di Jakarta, Senin. (Antara)", and Merdeka.com's initials in square brackets, "...
suhu tubuh." [feb]" (128 IndoSum articles end so). Alone on its line, such a group is furniture
(`editor-initials`, `agency-credit`); after the last sentence it is cut from the end of the
article's last paragraph, not dropped with it, as a dateline is cut from the start of the
first (`sign_off`). An agency's credit is cut so from any paragraph's end.
"""

from __future__ import annotations

import re

from .furniture import AGENCY_GROUP, INITIALS, SQUARE_INITIALS
from .prose import TERMINAL

__all__ = ["sign_off"]

_INITIALS = re.compile(rf"{INITIALS}\s*")
_AGENCY = re.compile(rf"{AGENCY_GROUP}\s*")
_SQUARE = re.compile(rf"{SQUARE_INITIALS}\s*")
_NEAR = 40
_TEXT = re.compile(r"\S")  # a group alone on its line is furniture's to drop, not a sign-off
_BEFORE = re.compile(r"[\s.!?…\"'”’)\]]")  # a sign-off is never glued to a word: "Kompas(gil)"


def sign_off(paragraph: str) -> tuple[int, str] | None:
    """Where a sign-off ending `paragraph` starts, with its rule's name; None when none does.

    Initials follow the last sentence ("apartemen. (gil)"); a lone group of initials with
    no sentence end before it is one only with a "/" in it ("kata dia (wis / djm)"), so an
    unfinished line's "(net)" or "(yoy)" stays. An agency's name alone ("(Antara)", "(AFP /
    Reuters)") is its credit only after a sentence's end: "Lembaga Kantor Berita Nasional
    (ANTARA)" names it.
    """
    # Only the last bracket can open a group that ends the paragraph (none holds a bracket),
    # and a sentence's end just before it is a few characters back: a long paragraph is never
    # searched through.
    at = max(paragraph.rfind("("), paragraph.rfind("["))
    if at <= 0 or not _BEFORE.match(paragraph, at - 1) or not _TEXT.search(paragraph, 0, at):
        return None
    finished = bool(TERMINAL.search(paragraph, max(0, at - _NEAR), at))
    if paragraph[at] == "[":  # square brackets hold only initials, after a sentence's end
        return (at, "editor-initials") if finished and _SQUARE.fullmatch(paragraph, at) else None
    if _INITIALS.fullmatch(paragraph, at) and (finished or "/" in paragraph[at:]):
        return at, "editor-initials"
    if _AGENCY.fullmatch(paragraph, at) and finished:
        return at, "agency-credit"
    return None
