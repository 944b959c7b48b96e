"""Reading sources into articles: files, folders, stdin and URLs.

Each source becomes a `Document` (decoded text plus metadata), then an `Article`
(cleaned, segmented). A source that cannot be used becomes a `Skipped` with a one-line
reason; it never stops the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..clean import clean
from ..errors import InputError
from ..lang import detect_language
from ..segment import collapse, iter_sentence_spans
from ..values import Article, Document, Loaded, Sentence, Skipped
from .decoding import decode

__all__ = [
    "MAX_BYTES",
    "MAX_SENTENCES",
    "TEXT_SUFFIXES",
    "article_from_text",
    "decode",
    "load_articles",
    "make_article",
    "read_document",
]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_BYTES = 10 * 1024 * 1024  # a news article is a few KB; 10 MB is a mistake, not an article
# Sentences kept per article. News articles have tens; past this, ranking (a tree ensemble per
# sentence) would dominate the run, so a book-length file is cut here, with a warning.
MAX_SENTENCES = 10_000


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    """Any `scheme://` source goes to the web loader, which fetches http(s) and refuses the rest."""
    return bool(_SCHEME.match(source))


def _read_limited(fh: BinaryIO, source: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB; not read")
    return data


def read_document(source: str) -> Document:
    """Read one local file or `-` (stdin) into a Document."""
    if source == "-":
        data = _read_limited(sys.stdin.buffer, "<stdin>")
        text, warnings = decode(data, "<stdin>")
        return Document(source="-", text=text, warnings=warnings)
    path = Path(source)
    try:
        with path.open("rb") as fh:
            data = _read_limited(fh, source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        from .extract import html_to_document

        return html_to_document(data, source=source)
    text, warnings = decode(data, source)
    return Document(source=source, text=text, warnings=warnings)


def make_article(doc: Document, article_id: str) -> Article:
    """Clean and segment a Document into an Article (raises InputError if nothing is left).

    An article longer than MAX_SENTENCES keeps its first MAX_SENTENCES sentences, with a
    warning (logged here; `load_articles` collects it in `Loaded.warnings`).
    """
    article, warnings = _make_article(doc, article_id)
    for w in warnings:
        log.warning(w)
    return article


def _make_article(doc: Document, article_id: str) -> tuple[Article, list[str]]:
    if not doc.text.strip():
        raise InputError(f"{doc.source}: empty")
    cleaned = clean(doc)
    sentences: list[Sentence] = []
    warnings: list[str] = []
    for para, (start, end) in enumerate(cleaned.paragraphs):
        for s, e in iter_sentence_spans(doc.text, start, end):
            if len(sentences) == MAX_SENTENCES:
                break
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=collapse(doc.text[s:e]),
                    start=s,
                    end=e,
                    paragraph=para,
                )
            )
        else:
            continue
        warnings.append(
            f"{doc.source}: more than {MAX_SENTENCES:,} sentences (news articles have far fewer); only the "
            f"first {MAX_SENTENCES:,} are used, up to character {sentences[-1].end:,} of {len(doc.text):,}"
        )
        break
    if not sentences:
        raise InputError(
            f"{doc.source}: no article text left after cleaning ({len(cleaned.dropped)} lines were page "
            f"furniture; `summarize clean {doc.source}` shows why)"
        )
    title = cleaned.title or _fallback_title(sentences[0].text)
    body = " ".join(s.text for s in sentences)
    article = Article(
        id=article_id,
        source=doc.source,
        title=collapse(title.lstrip("# ")),
        language=detect_language(body),
        text=doc.text,
        sentences=tuple(sentences),
        dropped=cleaned.dropped,
        url=doc.url,
        published=doc.published,
        site=doc.site,
    )
    return article, warnings


def article_from_text(
    text: str, *, id: str = "1", source: str = "<text>", title: str | None = None, url: str | None = None
) -> Article:
    """An Article from a string in memory, cleaned and segmented as a file would be.

    `title` overrides the title cleaning would find (else the first heading line, else the
    first sentence). Raises InputError when no article text is left.
    """
    return make_article(Document(source=source, text=text, title=title, url=url), id)


def _fallback_title(first_sentence: str, limit: int = 80) -> str:
    if len(first_sentence) <= limit:
        return first_sentence
    return first_sentence[:limit].rsplit(" ", 1)[0] + "…"


def _expand(source: str) -> Iterator[str]:
    """A folder becomes its article files (recursively, sorted); anything else is itself."""
    path = Path(source)
    if source != "-" and not is_url(source) and path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
            and not p.name.startswith(".")
        )
        if not files:
            raise InputError(f"{source}: folder holds no .txt, .md or .html files")
        yield from (str(p) for p in files)
    else:
        yield source


def _documents(
    sources: Iterable[str | Path], *, limit: int | None, since: dt.date | None
) -> Iterator[Document | Skipped]:
    for raw in sources:
        source = str(raw)
        try:
            expanded = list(_expand(source))
        except InputError as exc:
            yield Skipped(source, str(exc))
            continue
        for item in expanded:
            if is_url(item):
                from .web import load_url

                docs, skipped = load_url(item, limit=limit, since=since)
                yield from docs
                yield from skipped
                continue
            try:
                yield read_document(item)
            except InputError as exc:
                yield Skipped(item, str(exc))


def load_articles(
    sources: Iterable[str | Path],
    *,
    limit: int | None = None,
    since: dt.date | None = None,
) -> Loaded:
    """Read every source into cleaned, segmented articles; collect what had to be skipped.

    Sources are files, folders (read recursively: .txt, .md, .html), `-` for stdin, or
    http(s) URLs of article pages or RSS/Atom feeds (`limit` and `since` apply to feeds).
    Articles are numbered "1", "2", ... in input order.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for item in _documents(sources, limit=limit, since=since):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        warnings.extend(item.warnings)
        try:
            article, notes = _make_article(item, str(len(articles) + 1))
        except InputError as exc:
            skipped.append(Skipped(item.source, str(exc)))
            continue
        articles.append(article)
        warnings.extend(notes)
    for w in warnings:
        log.warning(w)
    return Loaded(articles=tuple(articles), skipped=tuple(skipped), warnings=tuple(warnings))
