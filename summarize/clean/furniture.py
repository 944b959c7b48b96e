"""Page furniture: the named rules that drop a whole line.

Credits and copyright notices, related-article blocks, tags, bylines and author boxes,
comment forms, page markers, an agency's credit alone, photo captions, an outlet's line about
itself or its disclosure, editor initials, a date alone on its line. `RULES` holds them in
order, each with its name; `furniture_rule` names the first that drops a line (the name
`summarize clean` shows). Each rule's plain-string shortcuts, and one joint pre-filter over all
of them, keep the patterns off the lines none could match.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..numerals.names import MONTHS, WEEKDAYS
from .lines import lower_folded, words_of

__all__ = ["AGENCIES", "AGENCY_GROUP", "INITIALS", "RULES", "furniture_rule", "headline_after_label"]

# Longest first, so that "januari" is not read as "jan" and a rest.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))


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
        unless: Callable[[str], bool] | None = None,
    ) -> None:
        self.pattern = re.compile(pattern, flags)
        self.hints = hints
        self.ends = ends
        self.max_words = max_words  # furniture this rule drops is never longer (a credit, a label)
        self.unless = unless  # a line the pattern matches that is not furniture (prose it ends)

    def exact(self, line: str) -> bool:
        if self.max_words is not None and len(words_of(line)) > self.max_words:
            return False
        return bool(self.pattern.search(line)) and not (self.unless and self.unless(line))

    def __call__(self, line: str) -> bool:
        if self.hints and not any(map(lower_folded(line).__contains__, self.hints)):
            return False
        if self.ends and not _credit_tail(line).endswith(self.ends):
            return False
        return self.exact(line)


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
AGENCIES = r"AFP|AP|Reuters|REUTERS|SPUTNIK|Sputnik|KCNA|ANTARA|Antara|EPA|Getty Images|Xinhua|Yonhap"
_STOCK = r"pixabay|shutterstock|unsplash|getty\s+images|freepik|antara\s+foto"
CREDIT_WORDS = 20  # a copyright notice or credit line is short; a longer line is prose that names one
CAPTION_WORDS = 20  # a caption credited to agencies alone is a line: "Suasana di Oaxaca. (AFP / Reuters)"
LABEL_WORDS = 12  # "Sumber: Antara, Reuters": a label and a few names, not a sentence
NOTE_WORDS = 45  # an outlet's note about itself is a sentence or two, never a paragraph of news

# Editors' initials in brackets, signing an article: "(gil)", "(john /bu)", "(rsa / rsa)", a
# name beside them ("Yendhi / win", "Antara / kid"), or ANTARA's desk codes ("T.KR - NJI /
# M019", "Uu. G005"). One part at least is a short lower-case sign or a desk code, so that
# "(KPK)", "(INA / MAS)", "(Thailand)" or a date "(15/4/2017)" is never one. Case-sensitive.
_SIGN = r"[a-z]{1,8}|\*"
_DESK_MARK = r"(?:(?:Uu?|UU|T|U)\.\s*)?"  # "T.", "Uu. ": ANTARA's marks before a desk's code
_DESK = rf"{_DESK_MARK}[A-Z]{{1,3}}\d{{3}}"
_BESIDE = rf"{_DESK_MARK}[A-Z][\w.]*(?:\s*-\s*[A-Z]+)?(?:\s+[A-Za-z]+){{0,2}}|[a-z]+(?:\s+[a-z]+){{1,2}}"
_PART = rf"(?:{_SIGN}|{_DESK}|{_BESIDE})"
INITIALS = rf"\(\s*(?:{_PART}\s*/\s*){{0,3}}(?:{_SIGN}|{_DESK})(?:\s*/\s*{_PART}){{0,3}}\s*\)"
# Merdeka.com's, in square brackets and lower case: "[feb]", "[noe]", "[tsr / ded]".
SQUARE_INITIALS = rf"\[\s*(?:{_SIGN})(?:\s*/\s*(?:{_SIGN})){{0,3}}\s*\]"


# An agency's own credit in brackets, its name alone or several joined by "/": "(Antara)",
# "(Antara / Reuters)". Never a photographer's: "(ANTARA FOTO/Galih Pradipta)". Case-sensitive.
AGENCY_GROUP = rf"\(\s*(?:{AGENCIES})(?:\s*/\s*(?:{AGENCIES}))*\s*\)"
_AGENCY_GROUP = re.compile(rf"{AGENCY_GROUP}\s*")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
# A sentence's end inside the text: a stop after a word of three letters or more, a number or
# a bracket, and a capital after it ("... 1967. Sebagian ...", "... Senin. Kedua ..."), not an
# initial or a short abbreviation ("Donald J. Trump", "Jl. Sudirman").
_INNER_END = re.compile(r"(?:[^\W\d_]{3}|\d|\))[.!?…][\"'”’)\]]*\s+[\"“]?[A-Z]")


def _prose_with_credit(line: str) -> bool:
    """News that an agency's credit ends: a finished sentence, then "(Antara / Reuters)", with
    more than one sentence or more than a caption's words before it. An article's sign-off
    (`signoff`), not a photo's: the prose stays, and the credit is cut if it ends the article."""
    at = line.rfind("(")
    if at <= 0 or not _AGENCY_GROUP.fullmatch(line, at):
        return False
    before = line[:at].rstrip()
    if not _ENDS_SENTENCE.search(before):
        return False
    return len(words_of(before)) > CAPTION_WORDS or bool(_INNER_END.search(before))


# A name in a byline: "Rina", "Ayu", "M.", "O'Neil". The by-word in any case, the names
# capitalised; "Oleh karena itu" and "Oleh Sebab Itu" open prose, never a byline.
_NAME = r"[A-Z][\w.'’-]*"
_JOIN = r"\s*[,/&]\s*|\s+(?:dan\s+)?"  # "Rina, Adi", "Rina / Adi", "Rina dan Adi", "Rina Ayu"
_BYLINE_BY = rf"^\W*(?i:oleh)\s*:?\s+(?!(?i:karena|sebab)\b){_NAME}(?:(?:{_JOIN}){_NAME}){{0,5}}\s*$"
# A label before a short name (one to three words): "Penulis Rina Ayu", "Editor Adi". Alone,
# the line can't tell a headline that opens with the label ("Penulis Buku Laris"): the title
# finder asks the article (`headline_after_label`).
_LABEL = r"(?i:penulis|reporter|editor|pewarta|kontributor|redaktur|wartawan)"
_BYLINE_LABEL = rf"^\W*{_LABEL}\s+{_NAME}(?:\s+{_NAME}){{0,2}}\s*$"
_LABELLED = re.compile(_BYLINE_LABEL)
_LABEL_WORD = re.compile(rf"^\W*{_LABEL}\s+")
COMMON_WORD_LETTERS = 3  # "M." or "Al" is an initial or a name's piece, no word an article writes


def headline_after_label(line: str, following: str) -> bool:
    """A label and a "name" (`byline`'s second shape) that is a headline's words: `following`,
    the article under the line, writes one of them (three letters or more) in lower case.

    A capitalised word is a name unless the article writes it in lower case somewhere, as
    `rank.hooks.no_actor` reads a lead's first word: "Penulis Buku Laris" over "... penulis
    buku laris ..." and "Editor Senior Mundur" over "... editor senior ..., mundur ..." are
    headlines; "Penulis Rina Ayu" stays a byline, and so does "Penulis Buku Laris" over an
    article that writes neither word in lower case (nothing says they are not names). The
    whole word only: "bukunya" or "terlaris" is not "buku" or "laris".
    """
    if not _LABELLED.match(line):
        return False
    label = _LABEL_WORD.match(line)
    name = line[label.end() :] if label else line
    return any(
        re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", following)
        for word in words_of(name)
        if len(word) >= COMMON_WORD_LETTERS
    )


# (rule name, predicate) in order; the first rule that matches a line names its drop.
RULES: list[tuple[str, _Rule | _Either]] = [
    # A promotion of the outlet's videos or live shows, set between paragraphs or after the last:
    # "Simak juga Video 'Purbaya Ungkap ...':", "Tonton juga video "X" di sini:", "Lihat Video:
    # X", "Saksikan Live DetikPagi :" (detik.com). Before `read-also`, whose "Simak juga" it is.
    ("video-promo", _rx(r"^\W*(simak|lihat|tonton|saksikan)\s+(juga\s+)?(video|live)\b", max_words=30)),
    # What a page sets inside an article for its advertisements: a label ("ADVERTISEMENT",
    # "Iklan") or a prompt to scroll past one ("SCROLL TO CONTINUE WITH CONTENT", under the
    # second or third paragraph of every detik.com article).
    (
        "ad-marker",
        _rx(r"^\W*(advertisement|iklan|scroll\s+to\s+(continue|resume)(\s+with\s+content)?)\W*$"),
    ),
    # An embedded post's placeholder: "[Gambas:Instagram]", "[Gambas:Video 20detik]".
    ("embed", _rx(r"^\s*\[\s*gambas\s*:[^\]]*\]\s*$")),
    # A link to another article: "Baca juga: ...", and a headline under a label and a dash or
    # colon, "BERITA LAIN - Wayne Rooney, Legenda Inggris Tanggung" (IndoSum dev.05, 1504375800-
    # wayne-rooney-ditangkap-polisi). "Berita lain menyebutkan ..." without the mark is prose.
    (
        "read-also",
        _rx(
            r"^\W*(baca|simak|lihat|tonton)\s+(juga|selengkapnya|pula)\b"
            r"|^\W*(berita|artikel)\s+(lain(nya)?|terkait)\s*[-–—:]"
        ),
    ),
    (
        "page-marker",
        _rx(r"^\W*(\d+\s+dari\s+\d+\s+halaman|halaman\s+\d+(\s+dari\s+\d+)?|selanjutnya|sebelumnya)\W*$"),
    ),
    (
        "comment-form",
        _rx(
            r"leave a (reply|comment)|your email address will not be published|required fields are marked"
            r"|tinggalkan (balasan|komentar)|alamat email anda tidak akan|ruas yang wajib|wajib ditandai"
            r"|^\W*sampaikan komentar anda\b"
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
            # A tech site's credit at the foot, with no colon: "Sumber berita Neowin.", "Sumber
            # berita PhoneArena dan gambar header 9to5Google." (48 IndoSum articles; two reports
            # ending "Sumber berita Oppo." made a digest line citing both). Not prose about a
            # source: "Sumber berita itu menyebutkan ...", "Sumber berita di Istana menyebutkan ...".
            _rx(
                r"^\W*sumber\s+(berita|gambar|foto)\s+(?!(itu|ini|tersebut|yang)\b)"
                r"(?!.*(?-i:\b(me|di|ber|ter)[a-z]{4,}\b))",  # no verb: a credit, not a sentence
                hints=("sumber",),
                max_words=LABEL_WORDS,
            ),
        ),
    ),
    # A byline without a label's colon (`author-box` has those): "Oleh Rina Ayu", "Oleh: Rina
    # dan Adi", "Penulis Rina Ayu". Alone on its line it is never a title or a heading; a short
    # headline that opens with a label ("Penulis Buku Laris") is the title finder's to tell.
    ("byline", _Either(_rx(_BYLINE_BY, 0), _rx(_BYLINE_LABEL, 0))),
    (
        # An outlet's line about itself at the foot of every article: "DailySocial.id adalah
        # portal berita startup dan inovasi teknologi. Kamu bisa menjadi member komunitas ...".
        "site-promo",
        _rx(
            r"^\W*[\w-]+\.(?:co\.id|com|id|net|org)\s+(?:adalah|merupakan)\s+(?:portal|situs|media)\b",
            hints=("adalah", "merupakan"),
            max_words=NOTE_WORDS,
        ),
    ),
    # Its disclosure, beside its articles on events it partners: "–Disclosure: DailySocial
    # merupakan media partner Creative Business Cup 2017 Indonesia." (12 IndoSum articles).
    # And a sponsored event's credit at an article's foot, read as a digest line on detik.com
    # text: "Outlook Ekonomi DPR dipersembahkan oleh Komisi XI DPR RI bersama detikcom dan didukung
    # oleh LPS (Lembaga Penjamin Simpanan); PT Bank Rakyat Indonesia (Persero) Tbk; BTN; ...".
    # An opinion column's disclaimer, above or below it: "Tulisan ini merupakan opini pribadi
    # penulis dan tidak mencerminkan pandangan Redaksi." (detik.com, 2025).
    (
        "disclosure",
        _Either(
            _rx(r"^\W*(disclosure|disclaimer)\s*:", max_words=NOTE_WORDS),
            _rx(
                r"\btulisan\s+ini\s+(merupakan|adalah)\s+(opini|pendapat)\s+pribadi\b",
                hints=("pribadi",),
                max_words=NOTE_WORDS,
            ),
            _rx(
                r"\bdipersembahkan\s+oleh\b.*\b(didukung|disponsori)\s+oleh\b",
                hints=("dipersembahkan",),
                max_words=NOTE_WORDS,
            ),
        ),
    ),
    # A column's note on its writer, marked as a footnote: "*)I Dewa Gede Sayang Adi Yadnya,
    # pemerhati pendidikan ..." (detik.com's opinion pages, 2025).
    ("author-note", _rx(r"^\s*\*\)", max_words=NOTE_WORDS)),
    ("topic-tags", _rx(r"^\W*(topik|tags?|kata kunci|label)\s*:")),
    (
        "related-block",
        _rx(
            r"^\W*(berita terkini( lainnya)?|rekomendasi untuk anda|more from author|video terkini"
            r"|berita terkait|artikel terkait|terpopuler|berita populer|related (posts|articles)"
            r"|pilihan editor|baca berita lainnya|infografis\b.*)\W*$"
        ),
    ),
    # An agency's credit alone on its line, wherever it stands: "(Antara)", "(AFP / Reuters)".
    ("agency-credit", _rx(rf"^\s*{AGENCY_GROUP}\s*$", 0)),
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
            # An agency's credit at the end of the line: "... / AFP", "REUTERS/Kim Hong-Ji". Not
            # news ending "... perang Timur Tengah 1967. (Antara / Reuters)": its sign-off.
            _rx(
                rf"/\s*({AGENCIES})\s*\)?\s*$|^[A-Z0-9 ./]*\b({AGENCIES})\s*\)?\s*$",
                0,
                ends=tuple(AGENCIES.split("|")),
                unless=_prose_with_credit,
            ),
            # A photographer's credit alone on its line: "REUTERS/Kim Hong-Ji", "AFP PHOTO/Ed Jones".
            _rx(
                rf"^\W*({AGENCIES})(\s+(FOTO|PHOTO|Foto|Photo))?\s*/\s*[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){{0,3}}\W*$",
                0,
            ),
        ),
    ),
    (
        # Alone on their line: "(oln/*/NW)", any group of names split by "/", or "(sur)".
        "editor-initials",
        _Either(
            _rx(r"^\s*\(\s*[\w*]+(\s*/\s*[\w*]+)+\s*\)\s*$"),
            _rx(rf"^\s*{INITIALS}\s*$", 0),
            _rx(rf"^\s*{SQUARE_INITIALS}\s*$", 0),
        ),
    ),
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
        or any(map(lower_folded(line).__contains__, all_hints))
        or _credit_tail(line).endswith(all_ends)
    )


_MAYBE_FURNITURE = _prefilter(RULES)


def furniture_rule(line: str) -> str | None:
    """The name of the first rule that drops `line`, or None."""
    if not _MAYBE_FURNITURE(line):
        return None
    return next((name for name, pred in RULES if pred(line)), None)
