"""The values that flow between stages. All frozen: a stage returns new values.

Indices and character offsets survive every stage, so any English line in any output
can be traced back to the exact span of the source it translates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from .errors import ConfigError

__all__ = [
    "Article",
    "Brief",
    "Briefs",
    "Citation",
    "Digest",
    "DigestItem",
    "Document",
    "Dropped",
    "Loaded",
    "ModelInfo",
    "Problem",
    "Selected",
    "Sentence",
    "Skipped",
    "Story",
    "checked_articles",
    "cite_label",
    "http_url",
    "inert",
    "inert_json",
    "page_url",
    "parse_cite",
    "plural",
]

# What outside text (a file name, a title, a sentence, a URL, a server's reply) must not
# carry onto a screen or a page live: C0 and C1 controls (ESC starts a terminal escape
# sequence, BEL rings, CR rewrites the line, a line break forges a whole message line),
# DEL, the Unicode line and paragraph separators, and the bidi controls (U+202E reverses
# how everything after it reads, so "[1.2] ... [3.4]" could show citations backwards).
_WIDE = r"\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_LIVE = re.compile(rf"[\x00-\x1f{_WIDE}]")
_LIVE_IN_JSON = re.compile(rf"[{_WIDE}]")  # json.dumps escapes C0 controls itself
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Of those, the three bidi marks (Arabic letter mark, left-to-right mark, right-to-left mark)
# are shown as nothing: they are invisible, open and close nothing, and real pages carry them
# ("Wihara Dharma Bhakti\u200e ini" in IndoSum), so an escape only litters the sentence. Left
# live they could still turn the brackets and digits beside them ("[1.2]"), so they go.
_MARKS = frozenset("\u061c\u200e\u200f")


def _shown(char: str) -> str:
    if char in _MARKS:
        return ""
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def inert(text: str) -> str:
    """`text` on one line and inert wherever it is shown: every control character, line
    break and bidi control becomes a visible escape ("\\n", "\\x1b", "\\u202e"); the
    invisible bidi marks (U+061C, U+200E, U+200F) are dropped.

    The one helper for everything that came from outside, on stderr, in `summarize cite`
    and in every output format.
    """
    return _LIVE.sub(lambda m: _shown(m.group()), text)


def inert_json(document: str) -> str:
    """A JSON document with the characters `inert` escapes written as JSON escapes
    ("\\u202e"): the data reads back unchanged (offsets still slice to the sentence), and
    nothing in it acts on a terminal. (json.dumps escapes C0 controls itself; the rest can
    only sit inside strings, where an escape means the same character.)"""
    return _LIVE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def cite_label(article: str, index: int) -> str:
    """How a reader sees a citation: `[2.4]` is article 2, sentence 4, both counted from 1.

    Article ids are the input order ("1", "2", ...); sentence numbers count kept
    sentences from 1, so `[2.4]` is `articles[1].sentences[3]` (JSON's 0-based `index` 3).
    """
    return f"[{article}.{index + 1}]"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 article", "2 articles"; `many` where adding an s will not do ("1 story", "2 stories")."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def _whole(text: str) -> bool:
    # ASCII digits only: "²" is a digit to str.isdigit, but not to int().
    return text.isascii() and text.isdigit()


def parse_cite(text: str, *, numbered: bool = False) -> tuple[str, int]:
    """`"2.4"`, `"[2.4]"` or `"[2.4, 13 Oct 2023]"` (a citation with its article's date) to
    (article id "2", 0-based sentence index 3); ValueError if malformed. `numbered`: the
    article must be a number, as `load_articles` numbers them, so "2.4.1" is malformed
    rather than sentence 1 of an article "2.4"."""
    body = text.strip().removeprefix("[").removesuffix("]").partition(",")[0].strip()
    article, dot, number = body.rpartition(".")
    if not dot or not article or (numbered and not _whole(article)) or not _whole(number) or int(number) < 1:
        raise ValueError(f"{text!r} is not a citation like 2.4 (article 2, sentence 4; both count from 1)")
    return article, int(number) - 1


def http_url(value: str | None) -> str | None:
    """`value` if it is an absolute http(s) URL, else None (no javascript:, data:, file:)."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value.strip()
    return None


def page_url(url: str) -> str:
    """The page a URL names: without its fragment ("#comments", "#0"), which no server sees,
    so `page#0` ... `page#49` are one page, fetched and counted once."""
    try:
        return urldefrag(url.strip()).url
    except ValueError:  # not a URL urllib can split: the fetcher names the problem
        return url.strip()


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded source before cleaning: plain text plus what the source told us about it.

    `text` is what offsets point into: the decoded file for text input, the extracted main
    text for HTML pages and feed entries.
    """

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    site: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One source sentence: `text` equals `article.text[start:end]` with whitespace collapsed."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0  # index of the kept paragraph (line block) it came from


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line (or part of one) that cleaning removed, with the rule that removed it."""

    text: str
    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, segmented article. `text` is the decoded source that offsets point into."""

    id: str
    source: str
    title: str
    language: str
    text: str
    sentences: tuple[Sentence, ...]
    dropped: tuple[Dropped, ...] = ()
    url: str | None = None
    published: str | None = None  # ISO day ("2023-10-13"): the page's, the feed's or the text's
    # The page's or the feed's time, where it gives one ("2023-10-13T10:48:00+07:00"): which of
    # two copies published one day came first (`grouping.copies`).
    published_at: str | None = None
    site: str | None = None
    publisher: str | None = None  # site name or host, else the dateline's outlet, else the folder
    # What named `publisher`: "site", "host", "dateline" or "folder" (only the file's folder:
    # shown as such, not as a named outlet); None when unknown or given by the caller.
    publisher_from: str | None = None
    duplicate_of: str | None = None  # id of the article this one republishes (`mark_copies`)

    @property
    def link(self) -> str | None:
        """The article's web address: `url`, or `source` when that is one; only http(s)."""
        return http_url(self.url) or http_url(self.source)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A source that produced no article, and why (shown to the user; exit code 3)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Loaded:
    """What `load_articles` returns: the articles, and every source it had to skip."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def notes(self) -> tuple[str, ...]:
        """What reading noted, for a digest or brief to show: each skipped source with its
        reason, then each warning (a sentence cap, an encoding guess)."""
        skipped = tuple(
            f"skipped {s.reason}" if s.reason.startswith(s.source) else f"skipped {s.source}: {s.reason}"
            for s in self.skipped
        )
        return skipped + self.warnings


def checked_articles(articles: Iterable[Article], call: str) -> tuple[Article, ...]:
    """`articles` as a tuple, or ConfigError saying what `call` takes instead.

    Citations name articles by id, so two articles with one id would cite each other's
    sentences: that is refused too.
    """
    if isinstance(articles, Article):
        raise ConfigError(f"{call}() takes a list of articles, not one Article: pass [article]")
    if isinstance(articles, str | bytes) or not isinstance(articles, Iterable):
        raise ConfigError(
            f"{call}() takes a list of Article (load_articles(...).articles), not {type(articles).__name__}"
        )
    out = tuple(articles)
    seen: dict[str, int] = {}
    for k, a in enumerate(out):
        if not isinstance(a, Article):
            raise ConfigError(
                f"{call}(): item {k} is a {type(a).__name__}, not an Article; "
                "make articles with load_articles or article_from_text"
            )
        if a.id in seen:
            raise ConfigError(
                f"{call}(): items {seen[a.id]} and {k} share the id {a.id!r}; each article needs its own "
                "(article_from_text(..., id=...))"
            )
        seen[a.id] = k
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a translation: a machine-readable `kind` and a short `message`.

    Made by `summarize.check_translation`; kinds: repetition, numbers, copy, language, length.
    """

    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Selected:
    """A sentence chosen for a brief: its source text, English text and score.

    When the translation failed the check even after a repair, it is withheld: `problems`
    says why and `text` is the source sentence, so no failing English is ever shown.
    `check_notes` says what the check noticed in English that passed ("the English adds a
    conversion: 27 miles"). `after`: the indices of the earlier sentences of its brief it is
    read after (the one it leans on, one it takes a word from, the one a leading connective
    answers, the one a sentence that may not open a brief may point back to), so that a
    shorter showing of the brief can keep them with it.
    """

    index: int
    source_text: str
    text: str
    score: float
    problems: tuple[Problem, ...] = ()
    check_notes: tuple[str, ...] = ()
    after: tuple[int, ...] = ()

    @property
    def withheld(self) -> bool:
        """True when `text` is the source sentence because its translation failed the check."""
        return bool(self.problems)


@dataclass(frozen=True, slots=True)
class Brief:
    """An article and its selected sentences, in source order.

    `title` is the article's title in the brief's language (translated with the sentences);
    None when it was not translated, so `heading` falls back to the original title.
    `title_problems` is set when the title's translation was withheld (`title` is then the
    original title).
    """

    article: Article
    sentences: tuple[Selected, ...]
    title: str | None = None
    title_problems: tuple[Problem, ...] = ()

    @property
    def heading(self) -> str:
        return self.title or self.article.title


@dataclass(frozen=True, slots=True)
class Briefs:
    """What `brief` returns: one brief per article, the model that translated them, notes.

    Iterates and indexes like the tuple of briefs it holds.
    """

    briefs: tuple[Brief, ...]
    model: ModelInfo | None = None
    notes: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Brief]:
        return iter(self.briefs)

    def __len__(self) -> int:
        return len(self.briefs)

    def __getitem__(self, index: int) -> Brief:
        return self.briefs[index]

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(b.article for b in self.briefs)


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    """(article id, 0-based sentence index): resolves to `article.sentences[index]`.

    Shown to readers 1-based (`cite_label`): `Citation("2", 3)` reads `[2.4]`.
    """

    article: str
    index: int

    def __str__(self) -> str:
        return cite_label(self.article, self.index)


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One key fact: the English text of one representative sentence, citing every report of it.

    `citations[0]` is the representative sentence that `source_text` and `text` come from.
    `publishers` names the independent publishers of its citations, each once (a republished
    copy is not another publisher); `sources` counts them.
    `figures` is set when sources report different numbers for the same fact:
    each distinct figure with the citations that give it.
    `problems` is set when the translation was withheld (`text` is then `source_text`).
    `trimmed` is set when a leading connective ("Namun,") was left off so that the line stands
    alone: the (start, end) offsets of `source_text` in the article's text, which it slices
    exactly (whitespace collapsed); `source_text` is then the end of `citations[0]`'s sentence.
    `check_notes` says what the check noticed in English that passed (a conversion it adds).
    """

    text: str
    source_text: str
    citations: tuple[Citation, ...]
    score: float
    figures: tuple[tuple[str, tuple[Citation, ...]], ...] = ()
    problems: tuple[Problem, ...] = ()
    trimmed: tuple[int, int] | None = None
    publishers: tuple[str, ...] = ()
    check_notes: tuple[str, ...] = ()

    @property
    def sources(self) -> int:
        """How many independent publishers report this fact: those `publishers` names (an
        article whose publisher is unknown adds none)."""
        return len(self.publishers)

    @property
    def withheld(self) -> bool:
        """True when `text` is the source sentence because its translation failed the check."""
        return bool(self.problems)


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one story, with its own digest items.

    `title` is the headline of its central article; None when that article has no title of
    its own, or when the title only repeats the story's one line. `title_problems` is set when
    the title's translation was withheld (`title` is then the central article's original title).
    """

    title: str | None
    articles: tuple[str, ...]
    items: tuple[DigestItem, ...]
    title_problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which translation model produced the English text."""

    name: str
    backend: str


@dataclass(frozen=True, slots=True)
class Digest:
    """The cross-article digest: items in display order, plus what they cite."""

    articles: tuple[Article, ...]
    items: tuple[DigestItem, ...]
    stories: tuple[Story, ...] = ()
    briefs: tuple[Brief, ...] = ()
    model: ModelInfo | None = None
    notes: tuple[str, ...] = field(default=())
    # (article id, English title) for every translated article whose title passed the check:
    # the Sources list shows it beside the original title.
    english_titles: tuple[tuple[str, str], ...] = ()
    # Stories the articles hold that a cap (`max_stories`, `n`) left out; a note says so too.
    stories_left_out: int = 0

    def english_title(self, article_id: str) -> str | None:
        """The article's title in English, when the digest was translated and it passed."""
        return dict(self.english_titles).get(article_id)
