"""HTML pages to Documents: main text, title, publication date and site name.

trafilatura finds the main text and drops menus, scripts, cookie banners, comment sections
and link lists. Lines such as "Baca Juga: ..." that sit inside the article body are left for
our own named cleaning rules (`summarize.clean`), so `summarize clean` can show why they go.
A page whose extracted text is mostly links' text (a section front, an index) is no article,
however long its headlines: `ListPageError` (`link_share`).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from ..values import Document
from .decoding import decode

__all__ = [
    "ExtractionError",
    "LinkShare",
    "ListPageError",
    "fragment_text",
    "html_to_document",
    "iso_date",
    "link_share",
]

# A page whose longest paragraph is shorter than this is an index, a login wall or an error
# page, not an article: trafilatura then returns menu labels and headline links.
MIN_PARAGRAPH_WORDS = 10


class ExtractionError(InputError):
    """No article text could be found in a page; `reason` is the message without the source."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.reason = reason


class ListPageError(ExtractionError):
    """The page's text is mostly links' text: a list of headlines, not an article."""

    def __init__(self, source: str, found: LinkShare) -> None:
        super().__init__(source, f"a page of {found.links} links, not an article")
        self.links = found.links
        self.share = found.share


# A section front or an index page lists headlines, each a link, with little or no prose.
# trafilatura keeps such a list as paragraphs when the headlines read like sentences, and a
# digest then cited a headline as "sentence 4 of article 3". A paragraph of the extracted text
# is a link's when it is a link's text, or begins or ends with one that makes up at least half
# of it ("<headline>2 jam lalu", "Baca juga: <headline>"), and a headline when it is or begins
# with one of `HEADLINE_WORDS` words or more (not "Beranda", "Berikutnya"; not "Baca juga:
# <headline>", an article's pointer to another). A page is a list when at least
# `LIST_MIN_LINKS` paragraphs are headlines, and either links' text holds at least
# `LIST_LINK_SHARE` of the text's characters or the headlines are as many as the paragraphs of
# prose (`MIN_PARAGRAPH_WORDS` words or more, not a link's): a front with a teaser sentence
# under each headline. An article's own furniture stays well under: of 500 detik.com articles
# served with menus, up to four "Baca juga" lines and related-article lists
# (`scripts/eval_list_pages.py`), none was refused: links' text held at most 25% of one's text,
# and none had more than one headline. All 25 section fronts of 20 of their headlines, in five
# layouts, were refused (a share of 21% or more, with teasers).
LIST_MIN_LINKS = 5
LIST_LINK_SHARE = 0.6
HEADLINE_WORDS = 3
# A paragraph longer than this is a link's only when it is one link's whole text: a headline
# with a label or a time beside it is far shorter. It bounds the work on a hostile page (each
# shorter paragraph is compared with the links that share its first or last characters).
LINK_LINE_CHARS = 400
# A link is compared with the paragraphs that begin or end with its first or last this many
# characters (`link_share`).
_KEY = 8
# How trafilatura marks a list item or a quote at a line's start.
_ITEM_MARK = re.compile(r"^[-*>#\s]+")


@dataclass(frozen=True, slots=True)
class LinkShare:
    """How much of a page's extracted text is links' text (`link_share`)."""

    links: int  # paragraphs that are or begin with a headline link's text
    share: float  # the part of the text's characters in paragraphs of any link's text, 0 to 1
    prose: int  # paragraphs of MIN_PARAGRAPH_WORDS words or more that are no link's text

    @property
    def list_page(self) -> bool:
        """Mostly links: a list of headlines, not an article."""
        return self.links >= LIST_MIN_LINKS and (self.share >= LIST_LINK_SHARE or self.links >= self.prose)


def link_share(paragraphs: Sequence[str], link_texts: Iterable[str]) -> LinkShare:
    """How many of `paragraphs` (the extracted text's) are headlines (a link's text, alone or
    first), the part of their characters that links' text holds, and how many are prose;
    `link_texts` are the texts of the page's <a> elements."""
    links = {" ".join(t.split()) for t in link_texts} - {""}
    # Each link by its first and last `_KEY` characters, so that a paragraph is compared only
    # with the links that can begin or end it (`str.startswith`: no copy of the paragraph's
    # part, as a lookup by each link length made); a shorter link can hold half of a paragraph
    # only of fewer than 2 * `_KEY` characters, looked up by length.
    heads: dict[str, list[str]] = {}
    tails: dict[str, list[str]] = {}
    for t in links:
        if _KEY <= len(t) <= LINK_LINE_CHARS:
            heads.setdefault(t[:_KEY], []).append(t)
            tails.setdefault(t[-_KEY:], []).append(t)
    count = prose = inside = total = 0
    for paragraph in paragraphs:
        line = _ITEM_MARK.sub("", paragraph)
        total += len(line)
        if not line:
            continue
        starts = ends = line in links
        if not starts and len(line) <= LINK_LINE_CHARS:
            least = (len(line) + 1) // 2  # a link must hold half of the paragraph or more
            short = range(least, min(_KEY, len(line)))
            starts = any(line[:n] in links for n in short) or any(
                len(t) >= least and line.startswith(t) for t in heads.get(line[:_KEY], ())
            )
            ends = not starts and (
                any(line[-n:] in links for n in short)
                or any(len(t) >= least and line.endswith(t) for t in tails.get(line[-_KEY:], ()))
            )
        words = len(line.split())
        if starts or ends:
            inside += len(line)
            count += starts and words >= HEADLINE_WORDS
        else:
            prose += words >= MIN_PARAGRAPH_WORDS
    return LinkShare(count, inside / total if total else 0.0, prose)


def iso_date(value: str | None) -> str | None:
    """htmldate's "%Y-%m-%dT%H:%M:%S%z" to ISO 8601; a bare midnight means no time was found."""
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None and parsed.time() == dt.time(0, 0):
            return parsed.date().isoformat()
        return parsed.isoformat()
    return None


_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


# trafilatura and htmldate parse with module-level lxml parsers (`trafilatura.utils.HTML_PARSER`,
# `htmldate.utils.HTML_PARSER`), and lxml's documentation says a parser must not be used by two
# threads at once. Pages fetched in parallel (ingest/web.py) were parsed in their fetching
# threads, and a run of a feed once aborted in C ("munmap_chunk(): invalid pointer"), the kind
# of crash such sharing causes. Parsing holds this lock (it held the GIL anyway); fetching stays
# parallel.
PARSING = threading.Lock()


def _extract(html: str, url: str | None) -> tuple[Any, list[str]]:
    """trafilatura's extraction, and the texts of the page's links (read from the tree before
    trafilatura prunes it; it parses a tree it is given just as the text it would parse)."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    links = [a.text_content() for a in tree.iter("a")] if tree is not None else []
    result = trafilatura.bare_extraction(
        tree if tree is not None else html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,  # link tables and data grids, never prose in news pages
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,  # a repeated line is for our rules to name, not to vanish silently
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "outputformat": _DATE_FORMAT,
        },
    )
    return result, links


def _page_date(html: str, found: str | None) -> str | None:
    date = iso_date(found)
    # A bare 1 January usually comes from "© 2023" in the footer (htmldate's last resort):
    # keep it only if a search of the page's dated markup agrees.
    if date and len(date) == 10 and date.endswith("-01-01"):
        import htmldate

        strict = htmldate.find_date(
            html, extensive_search=False, original_date=True, outputformat=_DATE_FORMAT
        )
        return iso_date(strict)
    return date


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def html_to_document(html: str | bytes, *, source: str, url: str | None = None) -> Document:
    """Extract the article in an HTML page into a Document.

    Paragraphs become lines separated by blank lines, so line-based cleaning sees each one.
    Raises ExtractionError (an InputError) when the page holds no article text, ListPageError
    (one) when its text is mostly links (`link_share`).
    """
    warnings: tuple[str, ...] = ()
    if isinstance(html, bytes):
        html, warnings = decode(html, source, html=True)
    if not html.strip():
        raise ExtractionError(source, "empty page")
    with PARSING:
        try:
            result, links = _extract(html, url)
        except Exception as exc:  # third-party parser boundary: any failure means "no text"
            raise ExtractionError(source, f"cannot parse the page ({type(exc).__name__})") from None
        published = _page_date(html, result.date) if result is not None else None
    paragraphs = _paragraphs(result.text or "") if result is not None else []
    found = link_share(paragraphs, links)
    if found.list_page:
        raise ListPageError(source, found)
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise ExtractionError(source, "no article text found in the page")
    return Document(
        source=source,
        text="\n\n".join(paragraphs) + "\n",
        title=" ".join(result.title.split()) if result.title else None,
        url=url or result.url,
        published=published,
        site=_as_spelled(result.sitename, html) or result.hostname,
        warnings=warnings,
    )


# <meta property="og:site_name" content="kumparan">, attributes in either order. A tag is read
# only up to `_TAG` characters: hostile markup ("<meta name=og:site_name " 8,000 times, no ">")
# cost 31 s when one pattern ran from each "<meta" to the next ">".
_TAG = 1000
_META = re.compile(rf"<meta\b[^<>]{{0,{_TAG}}}>", re.IGNORECASE)
_SITE_NAME_KEY = re.compile(r"\b(?:property|name)\s*=\s*[\"']?og:site_name\b", re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)


def _as_spelled(sitename: str | None, html: str) -> str | None:
    """trafilatura's site name as the page spells it: trafilatura capitalises an og:site_name
    ("kumparan" -> "Kumparan", "detikcom" -> "Detikcom"), which is not the outlet's name."""
    if not sitename:
        return sitename
    for tag in _META.finditer(html, 0, 200_000):
        content = _CONTENT.search(tag.group(0))
        if content and _SITE_NAME_KEY.search(tag.group(0)):
            spelled = " ".join((content.group(1) or content.group(2) or "").split())
            if spelled.lower() == sitename.lower():
                return spelled
    return sitename


class _FragmentText(HTMLParser):
    """Block-level elements and <br> become line breaks; script and style are skipped."""

    _BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "tr",
            "section",
            "article",
            "figure",
            "figcaption",
            "pre",
        }
    )
    _SKIP = frozenset({"script", "style", "noscript", "iframe", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """An HTML fragment (a feed entry's full content) as paragraphs separated by blank lines.

    Feed content is already the article body without page furniture, so a plain
    block-aware conversion keeps every paragraph, where page extraction might drop a short one.
    """
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    paragraphs = _paragraphs("".join(parser.parts))
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
