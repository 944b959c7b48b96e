"""A Document, or a string in memory, made into an Article: cleaned and segmented.

`make_article` cleans a `Document` (`summarize.clean`), cuts what is left into sentences
(at most `MAX_SENTENCES`, with a warning past them), and takes the title (the one cleaning
found, else the first sentence, cut at a word), the language, the date the text states (when
the page gave none) and the publisher. `article_from_text` does the same for a string, named
by `text_id` unless given an id. Nothing here reads a file: that is `ingest.files`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..clean import clean, lost_prose
from ..errors import ConfigError, InputError
from ..lang.terms import detect_language
from ..segment import collapse, iter_sentence_spans
from ..values import Article, Document, Dropped, Sentence, plural
from .dates import article_date, iso_day
from .publisher import publisher_evidence

__all__ = ["MAX_SENTENCES", "article_and_warnings", "article_from_text", "make_article", "text_id"]

# The stage's logger, not this module's: what `make_article` logs keeps the name it had
# before articles were made in a module of their own.
log = logging.getLogger("summarize.ingest")

# Sentences kept per article. News articles have tens; past this, ranking (a tree ensemble per
# sentence) would dominate the run, so a book-length file is cut here, with a warning.
MAX_SENTENCES = 10_000


def make_article(doc: Document, article_id: str) -> Article:
    """Clean and segment a Document into an Article (raises InputError if nothing is left).

    An article longer than MAX_SENTENCES keeps its first MAX_SENTENCES sentences, with a
    warning (logged here; `load_articles` collects it in `Loaded.warnings`).
    """
    article, warnings = article_and_warnings(doc, article_id)
    for w in warnings:
        log.warning(w)
    return article


def article_and_warnings(doc: Document, article_id: str) -> tuple[Article, list[str]]:
    """`make_article`, with its warnings returned rather than logged (for `load_articles`)."""
    if not doc.text.strip():
        raise InputError(f"{doc.source}: empty")
    cleaned = clean(doc)
    sentences: list[Sentence] = []
    warnings: list[str] = []
    lost = lost_prose(cleaned, doc.text)
    if lost:
        warnings.append(f"{doc.source}: {lost} (`summarize clean {doc.source}` shows each line and its rule)")
    spans = (
        (para, span)
        for para, (start, end) in enumerate(cleaned.paragraphs)
        for span in iter_sentence_spans(doc.text, start, end)  # lazy: stops at the cap
    )
    for para, (s, e) in spans:
        if len(sentences) == MAX_SENTENCES:  # and there is more
            warnings.append(
                f"{doc.source}: more than {MAX_SENTENCES:,} sentences (news articles have far fewer); "
                f"only the first {MAX_SENTENCES:,} are used, up to character {sentences[-1].end:,} "
                f"of {len(doc.text):,}"
            )
            break
        sentences.append(
            Sentence(index=len(sentences), text=collapse(doc.text[s:e]), start=s, end=e, paragraph=para)
        )
    if not sentences:
        raise InputError(
            f"{doc.source}: no article text left after cleaning ({plural(len(cleaned.dropped), 'line')} "
            f"of page furniture; `summarize clean {doc.source}` shows why)"
        )
    title = cleaned.title or _fallback_title(sentences[0].text)
    body = " ".join(s.text for s in sentences)
    dateline = _dropped(cleaned.dropped, "dateline")
    publisher, evidence = publisher_evidence(site=doc.site, url=doc.url, dateline=dateline, source=doc.source)
    article = Article(
        id=article_id,
        source=doc.source,
        title=collapse(title.lstrip("# ")),
        language=detect_language(body),
        text=doc.text,
        sentences=tuple(sentences),
        dropped=cleaned.dropped,
        url=doc.url,
        published=iso_day(doc.published) or _stated_date(cleaned.dropped, sentences),
        published_at=_timed(doc.published),
        site=doc.site,
        publisher=publisher,
        publisher_from=evidence,
    )
    return article, warnings


def _timed(published: str | None) -> str | None:
    """`published` where it gives a time of day as well as a day, else None."""
    return published if published and len(published) > 10 and iso_day(published) else None


def _dropped(dropped: Sequence[Dropped], rule: str) -> str | None:
    return next((d.text for d in dropped if d.rule == rule), None)


def _stated_date(dropped: Sequence[Dropped], sentences: Sequence[Sentence]) -> str | None:
    """The date the text states: a date line cleaning dropped, else its first sentences'."""
    lines = (d.text for d in dropped if d.rule == "date-line")
    return article_date(lines, (s.text for s in sentences))


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    source: str = "<text>",
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Article:
    """An Article from a string in memory, cleaned and segmented as a file would be.

    `id` names the article in citations; by default it is made from the text (`text_id`), so
    articles made from different texts never share one. `title` overrides the title cleaning
    would find (else the first heading line, else the first sentence). `publisher` names the
    outlet, as a web page's site name would (else `url`'s host, else the dateline's outlet);
    a digest counts a fact's sources only among publishers named. Raises InputError when no
    article text is left, ConfigError for an argument of the wrong type.
    """
    if not isinstance(text, str):
        hint = "; decode it first" if isinstance(text, bytes | bytearray) else ""
        raise ConfigError(f"article_from_text() takes the text as a str, not {type(text).__name__}{hint}")
    for name, value, optional in (
        ("id", id, True),
        ("source", source, False),
        ("title", title, True),
        ("url", url, True),
        ("publisher", publisher, True),
    ):
        if not isinstance(value, str) and not (optional and value is None):
            raise ConfigError(f"article_from_text(): {name} must be a str, not {type(value).__name__}")
    if id is not None and not id.strip():
        raise ConfigError("article_from_text(): id must not be empty")
    if publisher is not None and not publisher.strip():
        raise ConfigError("article_from_text(): publisher must not be empty")
    document = Document(source=source, text=text, title=title, url=url, site=publisher)
    return make_article(document, id or text_id(text))


def text_id(text: str) -> str:
    """A short id made from `text` (12 hex digits of its SHA-256): the same text, the same id."""
    import hashlib  # here: reading files never needs it

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _fallback_title(first_sentence: str, limit: int = 80) -> str:
    if len(first_sentence) <= limit:
        return first_sentence
    return first_sentence[:limit].rsplit(" ", 1)[0] + "…"
