"""Page furniture removal by named rules.

Cleaning works on lines (a news page's paragraphs, captions and link blocks each sit on a
line of their own). Every dropped line keeps the name of the rule that dropped it, so
`summarize clean` can show why. Datelines ("Jakarta, IDN Times -") are cut from the start
of a paragraph rather than dropping it. Offsets always point into the document's text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..numerals.names import MONTHS, WEEKDAYS
from ..values import Document, Dropped

# Longest first, so that "januari" is not read as "jan" and a rest.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

__all__ = ["RULES", "Cleaned", "clean", "lost_prose"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_QUOTE = re.compile(r"[\"“”]")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


# Letters that IGNORECASE matching takes for ASCII ones but `str.lower` does not map to
# them ("ſ" matches "s"): folded before the hints are looked for, so they stay sound.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})
_FOLDED = re.compile("[ſıİ\u212a]")


class _Rule:
    """A rule's test: does its pattern match the line? (`RULES` holds one per rule name.)

    An unanchored pattern is tried at every position of every line, which made it most of
    a clean's cost. So a rule may name what every match must contain, checked first with
    plain string operations that answer "no" for almost every line at once: `hints`,
    lower-case fragments one of which is in every match, or `ends`, names one of which
    ends the line (before a closing parenthesis and spaces). The pattern still decides;
    `exact` skips the shortcut, and the tests check that both always agree.
    """

    def __init__(
        self,
        pattern: str,
        flags: int = re.IGNORECASE,
        *,
        hints: tuple[str, ...] = (),
        ends: tuple[str, ...] = (),
        max_words: int | None = None,
    ) -> None:
        self.pattern = re.compile(pattern, flags)
        self.hints = hints
        self.ends = ends
        self.max_words = max_words  # furniture this rule drops is never longer (a credit, a label)

    def exact(self, line: str) -> bool:
        if self.max_words is not None and len(_words(line)) > self.max_words:
            return False
        return bool(self.pattern.search(line))

    def __call__(self, line: str) -> bool:
        if self.hints and not any(map(_lowered(line).__contains__, self.hints)):
            return False
        if self.ends and not _credit_tail(line).endswith(self.ends):
            return False
        return self.exact(line)


def _lowered(line: str) -> str:
    return line.lower() if line.isascii() or not _FOLDED.search(line) else line.translate(_FOLD).lower()


def _credit_tail(line: str) -> str:
    """The line without trailing spaces, a closing parenthesis and the spaces before it."""
    tail = line.rstrip()
    return tail[:-1].rstrip() if tail.endswith(")") else tail


class _Either:
    """Any of several rules' tests: one name for a drop with several shapes."""

    def __init__(self, *rules: _Rule) -> None:
        self.rules = rules

    def exact(self, line: str) -> bool:
        return any(rule.exact(line) for rule in self.rules)

    def __call__(self, line: str) -> bool:
        return any(rule(line) for rule in self.rules)


_rx = _Rule
_AGENCIES = r"AFP|AP|Reuters|REUTERS|SPUTNIK|Sputnik|KCNA|ANTARA|Antara|EPA|Getty Images|Xinhua|Yonhap"
_STOCK = r"pixabay|shutterstock|unsplash|getty\s+images|freepik|antara\s+foto"
CREDIT_WORDS = 20  # a copyright notice or credit line is short; a longer line is prose that names one
LABEL_WORDS = 12  # "Sumber: Antara, Reuters": a label and a few names, not a sentence


# (rule name, predicate) in order; the first rule that matches a line names its drop.
RULES: list[tuple[str, _Rule | _Either]] = [
    ("read-also", _rx(r"^\W*(baca|simak|lihat|tonton)\s+(juga|selengkapnya|pula)\b")),
    (
        "page-marker",
        _rx(r"^\W*(\d+\s+dari\s+\d+\s+halaman|halaman\s+\d+(\s+dari\s+\d+)?|selanjutnya|sebelumnya)\W*$"),
    ),
    (
        "comment-form",
        _rx(
            r"leave a (reply|comment)|your email address will not be published|required fields are marked"
            r"|tinggalkan (balasan|komentar)|alamat email anda tidak akan|ruas yang wajib|wajib ditandai"
            r"|^\W*(tulis|kirim|lihat semua) komentar|^\W*komentar\W*$|^\W*post a comment",
            hints=(
                "leave a ",
                "email address",
                "required fields",
                "tinggalkan ",
                "alamat email",
                "wajib",
                "komentar",
                "post a comment",
            ),
        ),
    ),
    (
        # A notice: "© 2023 Kompas.com", "Copyright © PT X. All rights reserved." Prose that
        # names copyright ("gugatan pelanggaran copyright terhadap Getty Images") is news.
        "copyright",
        _Either(
            _rx(
                r"©|\(c\)\s*\d{4}|all rights? reserved|hak cipta dilindungi"
                r"|^\W*copyright\b.*(?:©|\(c\)|\d{4}|reserved)",
                hints=("©", "(c)", "reserved", "hak cipta", "copyright"),
                max_words=CREDIT_WORDS,
            ),
            _rx(r"^\W*copyright\b", hints=("copyright",), max_words=4),  # "Copyright Kompas.com"
        ),
    ),
    (
        "author-box",
        _Either(
            _rx(
                r"verified writer|community adalah media|tanggung jawab dari penulis",
                hints=("verified writer", "community adalah media", "tanggung jawab dari penulis"),
            ),
            # A label and a name or two: "Penulis: Rina | Editor: Adi", "Sumber: Antara".
            _rx(
                r"^\W*(penulis|editor|reporter|pewarta|kontributor|redaktur|sumber)\s*:",
                hints=(":",),
                max_words=LABEL_WORDS,
            ),
        ),
    ),
    (
        # An outlet's line about itself at the foot of every article: "DailySocial.id adalah
        # portal berita startup dan inovasi teknologi. Kamu bisa menjadi member komunitas ...".
        "site-promo",
        _rx(
            r"^\W*[\w-]+\.(?:co\.id|com|id|net|org)\s+(?:adalah|merupakan)\s+(?:portal|situs|media)\b",
            hints=("adalah", "merupakan"),
            max_words=45,
        ),
    ),
    ("topic-tags", _rx(r"^\W*(topik|tags?|kata kunci|label)\s*:")),
    (
        "related-block",
        _rx(
            r"^\W*(berita terkini( lainnya)?|rekomendasi untuk anda|more from author|video terkini"
            r"|berita terkait|artikel terkait|terpopuler|berita populer|related (posts|articles)"
            r"|pilihan editor|baca berita lainnya|infografis\b.*)\W*$"
        ),
    ),
    (
        "photo-caption",
        _Either(
            _rx(
                r"\((foto|dok\.?|dokumentasi|ilustrasi|sumber foto|photo)\s*[:.]|\bfoto\s*:\s",
                hints=("foto", "(dok", "(ilustrasi", "(photo"),
            ),
            # A stock or photo agency credited at the end of a caption, not named in a sentence:
            # "(Shutterstock)", "Getty Images/Chip Somodevilla", "(ANTARA FOTO/Galih Pradipta)".
            _rx(
                rf"\b({_STOCK})(\.com)?(\s*/[^/()]{{1,60}})*\s*\)?\s*$",
                hints=tuple(name.split("\\")[0] for name in _STOCK.split("|")),
            ),
            # An agency's credit at the end of the line: "... / AFP", "REUTERS/Kim Hong-Ji".
            _rx(
                rf"/\s*({_AGENCIES})\s*\)?\s*$|^[A-Z0-9 ./]*\b({_AGENCIES})\s*\)?\s*$",
                0,
                ends=tuple(_AGENCIES.split("|")),
            ),
        ),
    ),
    ("editor-initials", _rx(r"^\s*\(\s*[\w*]+(\s*/\s*[\w*]+)+\s*\)\s*$")),
    (
        "date-line",
        _rx(
            rf"^\W*(({_WEEKDAY_NAMES}),?\s+)?\d{{1,2}}\s+({_MONTH_NAMES})\.?"
            r"\s+\d{4}([,\s|-]+\d{1,2}[:.]\d{2}(\s*wib)?)?\W*$"
        ),
    ),
]


def _prefilter(rules: list[tuple[str, _Rule | _Either]]) -> Callable[[str], bool]:
    """One test that every line some rule matches passes, and most lines fail at once.

    It asks what the rules' shortcuts ask, all together: a hint in the lower-cased line, a
    credit ending it, or a match at its start of one of the anchored patterns (combined
    into one). A rule with no shortcut and no anchor makes it pass every line.
    """
    hints: list[str] = []
    ends: list[str] = []
    anchored: list[str] = []
    for _, rule in rules:
        for one in rule.rules if isinstance(rule, _Either) else (rule,):
            if one.hints:
                hints += one.hints
            elif one.ends:
                ends += one.ends
            elif one.pattern.pattern.startswith("^") and not one.pattern.flags & re.MULTILINE:
                flag = "i" if one.pattern.flags & re.IGNORECASE else "-i"
                anchored.append(f"(?{flag}:{one.pattern.pattern})")
            else:
                return lambda line: True
    start = re.compile("|".join(anchored))
    all_hints, all_ends = tuple(dict.fromkeys(hints)), tuple(dict.fromkeys(ends))
    return lambda line: bool(
        start.match(line)
        or any(map(_lowered(line).__contains__, all_hints))
        or _credit_tail(line).endswith(all_ends)
    )


_MAYBE_FURNITURE = _prefilter(RULES)


def furniture_rule(line: str) -> str | None:
    """The name of the first rule that drops `line`, or None."""
    if not _MAYBE_FURNITURE(line):
        return None
    return next((name for name, pred in RULES if pred(line)), None)


DATELINE_PARAGRAPHS = 3  # a dateline is looked for in the first paragraphs of the body only

# A related-block header starts a zone: the unrelated headlines after it are dropped too,
# until the article's prose resumes.
_ZONE_RULES = {"related-block", "topic-tags", "author-box"}

_DATELINE = re.compile(
    r"""^\s*
    (?P<prefix>
        (?:[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3})        # place or outlet: "Jakarta", "Washington D.C."
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
    match every piece can't match there. ASCII pieces only (`_lowered` folds the letters that
    match ASCII ones); any other piece may be there."""
    if not all(piece.isascii() for piece in pieces):
        return True
    lowered = _lowered(text)
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


def is_prose(line: str, words: list[str] | None = None) -> bool:
    """A line that reads as article prose: ends like a sentence and is not title-cased."""
    words = _words(line) if words is None else words
    return len(words) >= 6 and bool(_TERMINAL.search(line)) and not _title_cased(words)


def _title_cased(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    if len(long) < 3:
        return False
    return sum(w[0].isupper() for w in long) / len(long) >= 0.75


def looks_like_headline(line: str) -> bool:
    """Five to thirty words, title-cased or short, not ending in a period, not furniture."""
    words = _words(line)
    if not 5 <= len(words) <= 30 or line.rstrip().endswith("."):
        return False
    if not (_title_cased(words) or len(words) <= 14):
        return False
    return furniture_rule(line) is None


def _body_like(line: str) -> bool:
    """Long, or holding more than one sentence: the article body has begun."""
    return len(_words(line)) > 30 or bool(_INNER_STOP.search(line))


_INNER_STOP = re.compile(r"[.!?][\"'”’)]*\s+[\"“(]?[A-Z]")
_ANY_STOP = re.compile(r"[.!?]\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–·▪]|\d{1,2}[.)])\s")
_INLINE_READ_ALSO = re.compile(r"\s(?:baca|simak|lihat)\s+(?:juga|pula)\s*:", re.IGNORECASE)


def _prose_with_names(line: str, words: list[str]) -> bool:
    """A sentence that names many people or places: it ends in a full stop, has no "Label:"
    ("Pelatih: Wanderley Junior.", a line-up) and a long word in lower case (its verb)."""
    return (
        line.rstrip().rstrip("\"'”’)]").endswith(".")
        and ":" not in line
        and any(len(w) > 3 and w.islower() for w in words)
    )


def _heading(line: str, words: list[str]) -> bool:
    """A heading, label or link: no sentence ending, no quotation, short or title-cased."""
    if _QUOTE.search(line) or (len(words) >= 8 and _ANY_STOP.search(line)):
        return False  # a quotation or a sentence inside: article text, even if cut short
    if _TERMINAL.search(line):
        # "Berakhir! Pelaku Ditangkap!": a title-cased line is a headline even with "!". Not a
        # sentence full of names that ends in a full stop, no label before a colon, and keeps
        # a long word in lower case ("Kepolisian menangkap Sri Rahayu (32) di ... Jawa Barat.").
        if _prose_with_names(line, words):
            return False
        return len(words) <= 25 and _title_cased(words)
    return len(words) <= 12 or (len(words) <= 30 and _title_cased(words)) or bool(_LIST_ITEM.match(line))


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


def _similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Word-set overlap (Jaccard) of at least `threshold`."""
    return _overlap(_word_set(a), _word_set(b), threshold)


def _word_set(line: str, words: list[str] | None = None) -> frozenset[str]:
    return frozenset(map(str.lower, _words(line) if words is None else words))


def _overlap(wa: frozenset[str], wb: frozenset[str], threshold: float) -> bool:
    """`_similar` on word sets made once per line (every line is compared with all kept so far)."""
    if not wa or not wb:
        return False
    # |a ∩ b| / |a ∪ b| is at most min/max of the sizes, and dividing by floats keeps that
    # order, so sets too different in size are told apart without building either set.
    small, large = sorted((len(wa), len(wb)))
    if small / large < threshold:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold


def _repeats(words: frozenset[str], seen: dict[int, list[frozenset[str]]]) -> bool:
    """Whether a line kept before has nearly the same words: `_overlap` of 0.85 or more.

    Only lines of a size that could reach that overlap are compared (a long article keeps
    hundreds of lines), and the union's size is counted, not built: |a ∪ b| = |a| + |b| - |a ∩ b|.
    """
    n = len(words)
    if not n:
        return False
    for size in range(max(math.ceil(n * 0.85) - 1, 1), math.floor(n / 0.85) + 2):
        for other in seen.get(size, ()):
            common = len(words & other)
            if common / (n + size - common) >= 0.85:
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
    ("Sukses", "Sabtu, 4 Oktober 2025") are page furniture.
    """
    for i, (s, e) in enumerate(lines[:6]):
        line = text[s:e]
        if is_prose(line) or dateline_length(line, text[e:]) or _body_like(line):
            break
        if looks_like_headline(line):
            labels = [
                _dropped(text, ps, pe, furniture_rule(text[ps:pe]) or "header-label") for ps, pe in lines[:i]
            ]
            return " ".join(line.split()), i + 1, [*labels, _dropped(text, s, e, "title")]
    return None, 0, []


def _body(
    text: str, lines: list[tuple[int, int]], title: str | None, dropped: list[Dropped]
) -> list[tuple[int, int]]:
    """The kept paragraph spans of the body; every other line goes to `dropped` with its rule."""
    kept: list[tuple[int, int]] = []
    seen: dict[int, list[frozenset[str]]] = {}  # the word sets of the lines kept so far, by size
    title_words = _word_set(title) if title else frozenset()
    zone: str | None = None
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        listed = _words(line)
        words = _word_set(line, listed)
        rule = _line_rule(line, listed, words, title_words, zone, seen)
        if rule is None and k + 1 < len(lines) and _truncated_copy(line, text[slice(*lines[k + 1])]):
            rule = "truncated-copy"
        if rule is not None:
            if rule in _ZONE_RULES:
                zone = f"after-{rule}"
            dropped.append(_dropped(text, s, e, rule))
            continue
        zone = None
        seen.setdefault(len(words), []).append(words)
        kept.append(_trimmed(text, s, e, len(kept), dropped))
    return kept


def _line_rule(
    line: str,
    listed: list[str],
    words: frozenset[str],
    title_words: frozenset[str],
    zone: str | None,
    seen: dict[int, list[frozenset[str]]],
) -> str | None:
    """The rule that drops a body line, or None to keep it (the first that applies, in order)."""
    rule = furniture_rule(line)
    if rule is None and title_words and not _TERMINAL.search(line) and _overlap(words, title_words, 0.6):
        rule = "repeated-title"
    if rule is None and zone and not is_prose(line, listed):
        rule = zone
    if rule is None and _repeats(words, seen):
        rule = "duplicate-line"
    if rule is None and _heading(line, listed):
        rule = "list-item" if _LIST_ITEM.match(line) else "heading"
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


def _trimmed(text: str, s: int, e: int, paragraph: int, dropped: list[Dropped]) -> tuple[int, int]:
    """A kept line's span without a leading dateline or a trailing "Baca juga:" link (both dropped)."""
    # Datelines open the article body; further down, "X, Y - Z" is just text.
    cut = dateline_length(text[s:e], text[e:]) if paragraph < DATELINE_PARAGRAPHS else 0
    if cut:
        dropped.append(_dropped(text, s, s + cut, "dateline"))
        s += cut
    # A "Baca juga:" link run into the end of a paragraph is cut off, the paragraph kept.
    inline = _INLINE_READ_ALSO.search(text, s, e)
    if inline and inline.start() > s:
        dropped.append(_dropped(text, inline.start() + 1, e, "read-also"))
        e = inline.start()
    return s, e


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
            lost[d.rule] = lost.get(d.rule, 0) + len(_words(d.text))
    if not lost:
        return None  # most articles: nothing to weigh, so the kept prose goes uncounted
    kept = sum(len(_words(text[s:e])) for s, e in cleaned.paragraphs if is_prose(text[s:e]))
    if sum(lost.values()) <= kept:
        return None
    rules = ", ".join(f"{rule} ({words} words)" for rule, words in sorted(lost.items(), key=lambda x: -x[1]))
    return f"cleaning dropped most of the article's prose, by rule {rules}; kept {kept} words of prose"
