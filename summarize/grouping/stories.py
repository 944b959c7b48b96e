"""Story grouping: a day's mixed articles become groups, one per story.

Each article becomes one TF-IDF vector over its content terms, with the title and lead
counted extra (news puts the event in its first lines; later paragraphs drift into
background that unrelated stories share). Only an article's strongest terms are kept,
the usual practice in topic detection and tracking: it removes the long tail of
incidental words and keeps the pairwise comparisons cheap.

Articles are then joined by average-linkage agglomerative clustering: the two groups
whose mean pairwise similarity is highest merge, until no two groups reach
`STORY_THRESHOLD`. Average linkage does not chain the way single linkage does (one
shared name does not pull two stories together), and it does not need every pair to
match the way complete linkage does (a story's side articles still join it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import Vector, content_terms, cosine, norm
from ..values import Article

__all__ = ["STORY_THRESHOLD", "StoryGroup", "article_vectors", "group_stories"]

STORY_THRESHOLD = 0.3  # mean pairwise cosine at or above which two groups are one story
TITLE_WEIGHT = 3  # the title counts as this many copies of itself ...
LEAD_SENTENCES = 3  # ... and the first sentences count twice
TERMS_PER_ARTICLE = 20  # keep this many strongest terms per article vector


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles about one story, in input order; `central` is the one most like the rest."""

    articles: tuple[Article, ...]
    central: Article


def _terms(article: Article) -> list[str]:
    terms = content_terms(article.title) * TITLE_WEIGHT
    for s in article.sentences:
        words = content_terms(s.text)
        terms += words * 2 if s.index < LEAD_SENTENCES else words
    return terms


def article_vectors(articles: Sequence[Article]) -> list[Vector]:
    """One unit TF-IDF vector per article, IDF over the input, strongest terms only."""
    counts = [Counter(_terms(a)) for a in articles]
    df: Counter[str] = Counter(t for c in counts for t in c)
    n = len(articles)
    vectors = []
    for c in counts:
        # Smoothed IDF: with few articles, a term every article shares must still count
        # (five reports of one story share exactly the words that make them one story).
        idf = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in c}
        # The article's own most frequent terms, not its rarest: with a handful of input
        # articles IDF cannot tell a story's key words from an article's incidental ones.
        top = sorted(c, key=lambda t: (-c[t], -idf[t], t))[:TERMS_PER_ARTICLE]
        vectors.append(norm({t: (1.0 + math.log(c[t])) * idf[t] for t in top}))
    return vectors


def _pair_similarities(vectors: Sequence[Vector]) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) that shares a term; absent pairs are 0."""
    index: dict[str, list[tuple[int, float]]] = {}
    for i, v in enumerate(vectors):
        for t, w in v.items():
            index.setdefault(t, []).append((i, w))
    sims: dict[tuple[int, int], float] = {}
    for postings in index.values():
        for a in range(len(postings)):
            i, wi = postings[a]
            for j, wj in postings[a + 1 :]:
                sims[(i, j)] = sims.get((i, j), 0.0) + wi * wj
    return sims


def _cluster(n: int, sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering of items 0..n-1 (sparse similarities)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # Sum of pairwise similarities between two clusters; the mean is sum / (|a| * |b|).
    # Missing pairs sum to 0, so only pairs that share a term are ever stored.
    link: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in sims.items():
        link[i][j] = link[j][i] = s
    while True:
        best, pair = threshold, None
        for a, row in link.items():
            size_a = len(members[a])
            for b, total in row.items():
                if a < b:
                    mean = total / (size_a * len(members[b]))
                    if mean >= best and (pair is None or mean > best or (a, b) < pair):
                        best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        # Merge b into a: the sum to any other cluster is the sum of both parts' sums.
        for c, total in link.pop(b).items():
            del link[c][b]
            if c != a:
                link[a][c] = link[c][a] = link[a].get(c, 0.0) + total
        members[a] += members.pop(b)
    return [sorted(m) for m in members.values()]


def group_stories(articles: Sequence[Article], *, threshold: float = STORY_THRESHOLD) -> list[StoryGroup]:
    """Group `articles` into stories, most-covered story first (ties: earliest article first)."""
    if not articles:
        return []
    vectors = article_vectors(articles)
    clusters = _cluster(len(articles), _pair_similarities(vectors), threshold)
    clusters.sort(key=lambda c: (-len(c), c[0]))
    groups = []
    for c in clusters:
        # The headline comes from the article closest to the story's other articles.
        central = max(c, key=lambda i: (sum(cosine(vectors[i], vectors[j]) for j in c if j != i), -i))
        groups.append(StoryGroup(tuple(articles[i] for i in c), articles[central]))
    return groups
