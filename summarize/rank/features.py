"""Per-sentence features of one article, computed once and shared by every ranker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.terms import content_terms
from ..lang.vectors import Vector, centroid, cosine, idf, tfidf
from ..values import Article

__all__ = ["SentenceFeatures", "features"]

_NUMBER = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What rankers look at, per sentence. Vectors are unit TF-IDF over the article."""

    vector: Vector
    position: float  # 0 for the first sentence, rising towards 1 at the end
    paragraph: int
    first_in_paragraph: bool
    words: int
    centrality: float  # cosine to the article centroid
    title_overlap: float  # share of the title's content terms present
    has_number: bool
    has_quote: bool


def features(article: Article) -> list[SentenceFeatures]:
    """Per-sentence features of an article (computed once, shared by rankers)."""
    terms = [content_terms(s.text) for s in article.sentences]
    weights = idf(terms)
    vectors = [tfidf(t, weights) for t in terms]
    center = centroid(vectors)
    title_terms = set(content_terms(article.title))
    n = len(article.sentences)
    out = []
    prev_para = -1
    for s, t, v in zip(article.sentences, terms, vectors, strict=True):
        out.append(
            SentenceFeatures(
                vector=v,
                position=s.index / max(1, n - 1),
                paragraph=s.paragraph,
                first_in_paragraph=s.paragraph != prev_para,
                words=len(s.text.split()),
                centrality=cosine(v, center),
                title_overlap=len(title_terms & set(t)) / len(title_terms) if title_terms else 0.0,
                has_number=bool(_NUMBER.search(s.text)),
                has_quote=bool(_QUOTE.search(s.text)),
            )
        )
        prev_para = s.paragraph
    return out
