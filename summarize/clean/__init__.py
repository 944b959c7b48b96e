"""Page furniture removal by named rules: `clean`, the stage's entry, and its `Cleaned` result.

Cleaning works on lines (a news page's paragraphs, captions and link blocks each sit on a
line of their own). Every dropped line keeps the name of the rule that dropped it, so
`summarize clean` can show why. Datelines ("Jakarta, IDN Times -") are cut from the start
of a paragraph rather than dropping it, editors' initials ("(gil)") from the end of the
last, and an agency's credit ("(Antara)") from the end of any. Offsets always point into the
document's text.

Here: the walk over a document's lines (the title, then each body line kept or dropped with
its rule: furniture, a zone after it, a repeated title or line, a heading, a cut-off copy)
and `lost_prose`, the warning when the rules took most of the prose. Its parts:
- `clean.furniture`: the named rules that drop a whole line (`RULES`, `furniture_rule`);
- `clean.datelines`: a leading dateline's length (`dateline_length`);
- `clean.signoff`: where initials or an agency's credit end the article (`sign_off`);
- `clean.prose`: whether a line reads as prose, a headline or a heading;
- `clean.lines`: a line's words, and its letters as a case-insensitive pattern sees them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..values import Document, Dropped, plural
from .datelines import DATELINE_PARAGRAPHS, dateline_length
from .furniture import furniture_rule
from .lines import words_of
from .prose import (
    LIST_ITEM,
    TERMINAL,
    body_like,
    exclaimed_headline,
    heading,
    is_prose,
    looks_like_headline,
    looks_like_short_title,
)
from .signoff import sign_off

__all__ = ["Cleaned", "clean", "lost_prose"]

# A related-block header starts a zone: the unrelated headlines after it are dropped too,
# until the article's prose resumes.
_ZONE_RULES = {"related-block", "topic-tags", "author-box"}


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one document: title, kept paragraph spans, dropped lines."""

    title: str | None
    paragraphs: tuple[tuple[int, int], ...]
    dropped: tuple[Dropped, ...]


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        stripped = m.group(0)
        lead = len(stripped) - len(stripped.lstrip())
        trail = len(stripped) - len(stripped.rstrip())
        if e - trail > s + lead:
            spans.append((s + lead, e - trail))
    return spans


def _word_set(line: str, words: list[str] | None = None) -> frozenset[str]:
    return frozenset(map(str.lower, words_of(line) if words is None else words))


def _overlap(wa: frozenset[str], wb: frozenset[str], threshold: float) -> bool:
    """Word-set overlap (Jaccard) of at least `threshold`, on word sets made once per line
    (every line is compared with all kept so far)."""
    if not wa or not wb:
        return False
    # |a ∩ b| / |a ∪ b| is at most min/max of the sizes, and dividing by floats keeps that
    # order, so sets too different in size are told apart without building either set.
    small, large = sorted((len(wa), len(wb)))
    if small / large < threshold:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold


REPEATED = 0.85  # word-set overlap (Jaccard) at which a line repeats one kept before


class _Kept:
    """The word sets of the lines kept so far, indexed for `repeats`: does one have nearly the
    same words (`_overlap` of `REPEATED` or more)?

    Comparing each line with every kept one cost quadratic time: a 1 MB text of 5,000 short
    paragraphs took 7 s there. Two sets that overlap that much share a word among the first
    |x| - ⌊0.85 |x|⌋ + 1 of each, in any one order of words (prefix filtering); the rarest
    words of the text come first, so each word of a prefix points to few kept lines.
    """

    def __init__(self, lines: list[frozenset[str]]) -> None:
        counts: dict[str, int] = {}
        for words in lines:
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        self._rank = {w: k for k, w in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}
        self._index: dict[str, list[frozenset[str]]] = {}

    def _prefix(self, words: frozenset[str]) -> list[str]:
        n = len(words)
        rank = self._rank
        return sorted(words, key=lambda w: rank.get(w, -1))[: n - math.floor(REPEATED * n) + 1]

    def add(self, words: frozenset[str]) -> None:
        for w in self._prefix(words):
            self._index.setdefault(w, []).append(words)

    def repeats(self, words: frozenset[str]) -> bool:
        n = len(words)
        if not n:
            return False
        compared: set[int] = set()
        for w in self._prefix(words):
            for other in self._index.get(w, ()):
                if id(other) in compared:
                    continue
                compared.add(id(other))
                size = len(other)
                if min(size, n) / max(size, n) < REPEATED:
                    continue  # the overlap is at most min/max of the sizes (as `_overlap`)
                # |a ∪ b| = |a| + |b| - |a ∩ b|: the union's size is counted, not built
                common = len(words & other)
                if common / (n + size - common) >= REPEATED:
                    return True
        return False


def clean(doc: Document) -> Cleaned:
    """Split `doc.text` into kept paragraphs and dropped lines (each with its rule)."""
    text = doc.text
    lines = _lines(text)
    given = doc.title.strip() if doc.title and doc.title.strip() else None
    title, start_at, dropped = (given, 0, []) if given else _find_title(text, lines)
    kept = _body(text, lines[start_at:], title, dropped)
    return Cleaned(title=title, paragraphs=tuple(kept), dropped=tuple(sorted(dropped, key=lambda d: d.start)))


def _dropped(text: str, s: int, e: int, rule: str) -> Dropped:
    return Dropped(text=" ".join(text[s:e].split()), rule=rule, start=s, end=e)


def _find_title(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, int, list[Dropped]]:
    """Plain text: (the title, the line after it, the lines above it and itself, dropped).

    The title is the first headline-like line before the prose starts; short labels above it
    ("Sukses", "Sabtu, 4 Oktober 2025") are page furniture. A short headline ("Djanur Genjot
    Persiapan Pasukannya") is the title only as the text's first line, a blank line and then
    the body under it: a label above a longer headline, or a subheading, is not. Furniture
    above it does not count: under a publication stamp ("Rabu, 9 Agustus 2017 12:50 WIB", the
    way the README dates a saved page) it is still the text's first line. Nor does its writer's
    line under it: "Banjir Rendam Bekasi", "Oleh Rina Ayu", the body (`_short_title_above_body`).
    A byline is never the title ("Penulis Rina Ayu"), but a headline that opens with its label
    is: "Penulis Buku Laris" over an article that writes "buku" (`looks_like_short_title`).
    """
    for i, (s, e) in enumerate(lines[:6]):
        line = text[s:e]
        if (
            is_prose(line)
            or dateline_length(line, text[e:])
            or (body_like(line) and not exclaimed_headline(line))
        ):
            break
        if looks_like_headline(line) or (
            _only_furniture(text, lines[:i]) and _short_title_above_body(text, lines[i:])
        ):
            labels = [
                _dropped(text, ps, pe, furniture_rule(text[ps:pe]) or "header-label") for ps, pe in lines[:i]
            ]
            return " ".join(line.split()), i + 1, [*labels, _dropped(text, s, e, "title")]
    return None, 0, []


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Who wrote the article, on a line of its own between a headline and the body: "Oleh Rina
# Ayu" (`byline`), "Penulis: Rina Ayu | Editor: Adi Nugroho" (`author-box`).
_WRITER_RULES = frozenset({"byline", "author-box"})


def _only_furniture(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether every line is furniture that a rule drops wherever it stands (a date, a credit),
    none of them a label or a block's header (what follows a header is the block's)."""
    return all(furniture_rule(text[s:e]) not in (None, *_ZONE_RULES) for s, e in lines)


def _short_title_above_body(text: str, lines: list[tuple[int, int]]) -> bool:
    """The first of `lines` a short headline, with a blank line and then the body under it.

    Its writer's lines between them count for nothing, as a stamp above it does: "Banjir
    Rendam Bekasi", "Oleh Rina Ayu" (or "Penulis: Rina Ayu | Editor: Adi Nugroho"), the body.
    The blank line may be above the byline or under it; with none, the headline is not set
    apart from what follows ("Banjir Rendam Bekasi", "Oleh Rina Ayu", the body: a heading).
    """
    if len(lines) < 2:
        return False
    start, end = lines[0]
    if not looks_like_short_title(text[start:end], text[end:]):  # the text under it: a byline?
        return False
    k = 1  # the body's line: past the writer's lines under the headline
    while k < len(lines) and furniture_rule(text[slice(*lines[k])]) in _WRITER_RULES:
        k += 1
    if k == len(lines):
        return False
    s, e = lines[k]
    if len(_LINE_BREAK.findall(text, end, s)) < k + 1:  # a break after each line, one more for a blank
        return False
    following = text[s:e]
    return is_prose(following) or bool(dateline_length(following, text[e:])) or body_like(following)


def _body(
    text: str, lines: list[tuple[int, int]], title: str | None, dropped: list[Dropped]
) -> list[tuple[int, int]]:
    """The kept paragraph spans of the body; every other line goes to `dropped` with its rule."""
    kept: list[tuple[int, int]] = []
    title_words = _word_set(title) if title else frozenset()
    zone: str | None = None
    listed_words = [words_of(text[s:e]) for s, e in lines]
    word_sets = [_word_set(text[s:e], listed) for (s, e), listed in zip(lines, listed_words, strict=True)]
    seen = _Kept(word_sets)  # the lines kept so far
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        listed, words = listed_words[k], word_sets[k]
        rule = _line_rule(line, listed, words, title_words, zone, seen)
        if rule is None and k + 1 < len(lines) and _truncated_copy(line, text[slice(*lines[k + 1])]):
            rule = "truncated-copy"
        if rule is not None:
            if rule in _ZONE_RULES:
                zone = f"after-{rule}"
            dropped.append(_dropped(text, s, e, rule))
            continue
        zone = None
        seen.add(words)
        kept.append(_trimmed(text, s, e, len(kept), dropped))
    if kept:
        kept[:-1] = [_credited(text, s, e, dropped) for s, e in kept[:-1]]
        kept[-1] = _signed_off(text, *kept[-1], dropped)
    return kept


def _line_rule(
    line: str,
    listed: list[str],
    words: frozenset[str],
    title_words: frozenset[str],
    zone: str | None,
    seen: _Kept,
) -> str | None:
    """The rule that drops a body line, or None to keep it (the first that applies, in order)."""
    rule = furniture_rule(line)
    if rule is None and title_words and not TERMINAL.search(line) and _overlap(words, title_words, 0.6):
        rule = "repeated-title"
    if rule is None and zone and not is_prose(line, listed):
        rule = zone
    if rule is None and seen.repeats(words):
        rule = "duplicate-line"
    if rule is None and heading(line, listed):
        rule = "list-item" if LIST_ITEM.match(line) else "heading"
    return rule


_ELLIPSIS = re.compile(r"\s*(?:…|\.{3})\s*$")
TRUNCATED_AT_LEAST = 20  # characters a cut-off copy keeps: shorter could be any sentence's start


def _truncated_copy(line: str, following: str) -> bool:
    """A line cut off with an ellipsis that the next line starts with: a teaser or a feed's
    summary above the paragraph it shortens ("Pelatih ... sebagai manajer Crystal Palace
    pada…" above the whole sentence). Shown, it would be a broken copy of a kept sentence."""
    # The pattern's leading \s* is tried at every position of the line (12 us on a long one):
    # it is searched only where the line ends with an ellipsis, which rstrip (the same
    # whitespace as \s; lines hold no line break) lets a plain test see.
    if not line.rstrip().endswith(("…", "...")):
        return False
    cut = _ELLIPSIS.search(line)
    if not cut:
        return False
    head = " ".join(line[: cut.start()].split())
    return len(head) >= TRUNCATED_AT_LEAST and " ".join(following.split()).startswith(head)


# "Baca juga:", or a label, a dash and a headline after a sentence's end ("... konfirmasi pihak
# berwajib. BERITA LAIN - Wayne Rooney, Legenda Inggris Tanggung").
_INLINE_READ_ALSO = re.compile(
    r"\s(?:baca|simak|lihat)\s+(?:juga|pula)\s*:"
    r"|(?<=[.!?\"”])\s(?:berita|artikel)\s+(?:lain(?:nya)?|terkait)\s*[-–—:]",
    re.IGNORECASE,
)


def _trimmed(text: str, s: int, e: int, paragraph: int, dropped: list[Dropped]) -> tuple[int, int]:
    """A kept line's span without a leading dateline or a trailing "Baca juga:" or "BERITA LAIN -"
    link (both dropped)."""
    # Datelines open the article body; further down, "X, Y - Z" is just text.
    cut = dateline_length(text[s:e], text[e:]) if paragraph < DATELINE_PARAGRAPHS else 0
    if cut:
        dropped.append(_dropped(text, s, s + cut, "dateline"))
        s += cut
    # A link run into the end of a paragraph is cut off, the paragraph kept.
    inline = _INLINE_READ_ALSO.search(text, s, e)
    if inline and inline.start() > s:
        dropped.append(_dropped(text, inline.start() + 1, e, "read-also"))
        e = inline.start()
    return s, e


def _signed_off(
    text: str, s: int, e: int, dropped: list[Dropped], *, only: str | None = None
) -> tuple[int, int]:
    """The last kept paragraph's span without the initials or credit that end it (dropped);
    with `only`, only a sign-off of that rule is cut."""
    found = sign_off(text[s:e])
    if found is None or (only is not None and found[1] != only):
        return s, e
    at, rule = found
    dropped.append(_dropped(text, s + at, e, rule))
    return s, s + len(text[s : s + at].rstrip())


def _credited(text: str, s: int, e: int, dropped: list[Dropped]) -> tuple[int, int]:
    """A paragraph's span without an agency's credit after its last sentence ("... ujar Herry.
    (Antara)", dropped): a page that runs two agency stories together credits each, and the
    credit is never a sentence. Initials stay: only the article's end is signed with them."""
    return _signed_off(text, s, e, dropped, only="agency-credit")


# Rules that drop whole lines for what they are, not for where they stand: when they take
# most of an article's prose, a rule has likely mistaken the news for furniture.
_NOT_FURNITURE_RULES = frozenset({"title", "repeated-title", "duplicate-line", "truncated-copy", "dateline"})


def lost_prose(cleaned: Cleaned, text: str) -> str | None:
    """A warning when cleaning dropped most of the article's prose, naming the rules; else None.

    Prose is counted in words of lines that read as sentences (`is_prose`), kept or dropped.
    """
    lost: dict[str, int] = {}
    for d in cleaned.dropped:
        if d.rule not in _NOT_FURNITURE_RULES and is_prose(d.text):
            lost[d.rule] = lost.get(d.rule, 0) + len(words_of(d.text))
    if not lost:
        return None  # most articles: nothing to weigh, so the kept prose goes uncounted
    kept = sum(len(words_of(text[s:e])) for s, e in cleaned.paragraphs if is_prose(text[s:e]))
    if sum(lost.values()) <= kept:
        return None
    by_size = sorted(lost.items(), key=lambda x: -x[1])
    rules = ", ".join(f"{rule} ({plural(n, 'word')})" for rule, n in by_size)
    left = plural(kept, "word")
    return f"cleaning dropped most of the article's prose, by rule {rules}; kept {left} of prose"
