"""Helpers the text-like renderers share."""

from __future__ import annotations

from ..types import Article, Citation, DigestItem


def cites(citations: tuple[Citation, ...]) -> str:
    """`[1.3][4.0]`: article.sentence for every citation."""
    return "".join(str(c) for c in citations)


def sources_note(item: DigestItem) -> str:
    n = item.sources
    return f"{n} source" if n == 1 else f"{n} sources"


def origin(article: Article) -> str:
    """Where an article came from: its URL, else its path."""
    return article.url or article.source


def figures_note(item: DigestItem) -> str:
    """'sources differ: 1.000 [5.1]; 1.200 [3.4]' when reported figures disagree."""
    if not item.figures:
        return ""
    return "sources differ: " + "; ".join(f"{value} {cites(c)}" for value, c in item.figures)
