"""What a line reads as: article prose, a headline, a heading or label, or the body begun.

The title finder takes the first headline before the prose starts (or a short one that is the
text's first line, furniture such as its date above it and its byline under it aside); the body
keeps prose and drops headings, labels and links (a list item among them), and a furniture
zone ends where prose resumes.
"""

from __future__ import annotations

import re

from .furniture import furniture_rule, headline_after_label
from .lines import words_of

__all__ = [
    "LIST_ITEM",
    "TERMINAL",
    "body_like",
    "exclaimed_headline",
    "heading",
    "is_prose",
    "looks_like_headline",
    "looks_like_short_title",
]

TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_QUOTE = re.compile(r"[\"“”]")


def is_prose(line: str, words: list[str] | None = None) -> bool:
    """A line that reads as article prose: ends like a sentence and is not title-cased."""
    words = words_of(line) if words is None else words
    return len(words) >= 6 and bool(TERMINAL.search(line)) and not _title_cased(words)


def _title_cased(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    if len(long) < 3:
        return False
    return sum(w[0].isupper() for w in long) / len(long) >= 0.75


def looks_like_headline(line: str) -> bool:
    """Five to thirty words, title-cased or short, not ending in a period, not furniture."""
    words = words_of(line)
    if not 5 <= len(words) <= 30 or line.rstrip().endswith("."):
        return False
    if not (_title_cased(words) or len(words) <= 14):
        return False
    return furniture_rule(line) is None


SHORT_TITLE_WORDS = 4  # "Djanur Genjot Persiapan Pasukannya": short Indonesian headlines are common
# A stop, a comma, a label's colon or a separator: a site's name, a date, a menu, not a headline.
_NOT_IN_SHORT_TITLE = re.compile(r"[.,:;|>»/•›@©()\[\]]")


def looks_like_short_title(line: str, following: str = "") -> bool:
    """Two to four words, each longer than three letters capitalised (two at least, an acronym
    such as "KPK" counting as one), with no stop, comma, colon or separator, and not furniture.
    A title only as the text's first line with the body right under it (the title finder says
    where); elsewhere it is a subheading.

    A label before capitalised words is a byline ("Penulis Rina Ayu"), unless `following`, the
    text under the line, writes one of those words in lower case: "Penulis Buku Laris" over
    "... penulis buku laris ..." is a headline (`furniture.headline_after_label`).
    """
    words = words_of(line)
    # An acronym counts as a capitalised word: "KPK OTT di Sultra" (detik.com) is a headline.
    long = [w for w in words if len(w) > 3 or (len(w) > 1 and w.isupper())]
    return (
        2 <= len(words) <= SHORT_TITLE_WORDS
        and len(long) >= 2
        and all(w[0].isupper() for w in long)
        and not _NOT_IN_SHORT_TITLE.search(line.lstrip("# "))
        and _not_furniture(line, following)
    )


def _not_furniture(line: str, following: str) -> bool:
    rule = furniture_rule(line)
    return rule is None or (rule == "byline" and headline_after_label(line, following))


def exclaimed_headline(line: str) -> bool:
    """A headline that opens with an exclamation or a question, the rest of it a headline too:
    "Lengkap! Isi Pidato Prabowo soal Rp 13 T Hasil Sitaan Kasus Sawit", "Heboh! Warga Temukan
    Buaya di Sungai Ciliwung". Its "!" is no sentence's end (`body_like` would say the body had
    begun); a full stop inside would be."""
    return looks_like_headline(line) and not _INNER_FULL_STOP.search(line)


def body_like(line: str) -> bool:
    """Long, or holding more than one sentence: the article body has begun."""
    return len(words_of(line)) > 30 or bool(_INNER_STOP.search(line))


_INNER_STOP = re.compile(r"[.!?][\"'”’)]*\s+[\"“(]?[A-Z]")
_ANY_STOP = re.compile(r"[.!?]\s")
_INNER_FULL_STOP = re.compile(r"(?<![A-Z])\.\s")  # a word's full stop, not an initial's ("H. Agus")
# A list item's marker: a bullet, or a number ("3. Rusia ...", or "3." alone on its line).
LIST_ITEM = re.compile(r"^\s*(?:[-•*–·▪]\s|\d{1,2}[.)](?:\s|$))")


def _prose_with_names(line: str, words: list[str]) -> bool:
    """A sentence that names many people or places: it ends in a full stop, has no "Label:"
    ("Pelatih: Wanderley Junior.", a line-up) and a long word in lower case (its verb)."""
    return (
        line.rstrip().rstrip("\"'”’)]").endswith(".")
        and ":" not in line
        and any(len(w) > 3 and w.islower() for w in words)
    )


def heading(line: str, words: list[str]) -> bool:
    """A heading, label or link: no sentence ending, no quotation, short or title-cased."""
    marker = LIST_ITEM.match(line)
    if marker and not words:
        return True  # a list number on a line of its own ("3."): never a sentence
    # A list number's full stop ("3. Rusia pamerkan ...") ends no sentence inside the line.
    if _QUOTE.search(line) or (len(words) >= 8 and _ANY_STOP.search(line, marker.end() if marker else 0)):
        return False  # a quotation or a sentence inside: article text, even if cut short
    if TERMINAL.search(line):
        # "Berakhir! Pelaku Ditangkap!": a title-cased line is a headline even with "!". Not a
        # sentence full of names that ends in a full stop, no label before a colon, and keeps
        # a long word in lower case ("Kepolisian menangkap Sri Rahayu (32) di ... Jawa Barat.").
        if _prose_with_names(line, words):
            return False
        return len(words) <= 25 and _title_cased(words)
    return len(words) <= 12 or (len(words) <= 30 and _title_cased(words)) or bool(marker)
