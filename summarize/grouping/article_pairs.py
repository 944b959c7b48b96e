"""Article pairs: what makes two articles alike, and finding the pairs worth comparing.

Each article becomes one TF-IDF vector over its content terms, with the title and lead
counted extra (news puts the event in its first lines; later paragraphs drift into
background that unrelated stories share). Only an article's strongest terms are kept,
the usual practice in topic detection and tracking: it removes the long tail of
incidental words and keeps the pairwise comparisons cheap. Two articles are as alike as
the cosine of their vectors, summed in one fixed term order (`term_order`).

No all-pairs scan is needed to find the pairs that can reach a threshold: an inverted
index leaves out each article's commonest terms (`linked_groups`, or with capped postings
for a big input, `close_pairs`). Story grouping (`stories`) clusters what these find.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from ..lang.terms import content_terms
from ..lang.vectors import Vector, cosine, norm
from ..values import Article
from .partition import Partition

__all__ = [
    "article_vectors",
    "close_pairs",
    "linked_groups",
    "pair_similarities",
    "ranked_pair_similarities",
    "term_order",
]

TITLE_WEIGHT = 3  # the title counts as this many copies of itself ...
LEAD_SENTENCES = 3  # ... and the first sentences count twice
TERMS_PER_ARTICLE = 20  # keep this many strongest terms per article vector
# On the big-input path (`close_pairs`, past `stories.EXACT_PAIRS`):
MAX_POSTINGS = 8  # articles each term is indexed under (the first that have it)
RARE_SHARE = 0.5  # ... and a pair is compared when its indexed words give this share of the threshold


def _terms(article: Article) -> list[str]:
    terms = content_terms(article.title) * TITLE_WEIGHT
    for s in article.sentences:
        words = content_terms(s.text)
        terms += words * 2 if s.index < LEAD_SENTENCES else words
    return terms


def article_vectors(articles: Sequence[Article]) -> list[Vector]:
    """One unit TF-IDF vector per article, IDF over the input, strongest terms only."""
    counts = [Counter(_terms(a)) for a in articles]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())  # each article once per term
    n = len(articles)
    # Smoothed IDF: with few articles, a term every article shares must still count
    # (five reports of one story share exactly the words that make them one story).
    idf = {t: math.log((1 + n) / (1 + f)) + 1.0 for t, f in df.items()}
    vectors = []
    for c in counts:
        # The article's own most frequent terms, not its rarest: with a handful of input
        # articles IDF cannot tell a story's key words from an article's incidental ones.
        top = _strongest(c, idf)
        vectors.append(norm({t: (1.0 + math.log(c[t])) * idf[t] for t in top}))
    return vectors


def _strongest(counts: Counter[str], idf: dict[str, float]) -> list[str]:
    """The TERMS_PER_ARTICLE terms first by count, then IDF, then spelling.

    Only terms counted at least as often as the TERMS_PER_ARTICLE-th most frequent one can
    be among them, so only those are sorted (an article has a few hundred terms).
    """
    pool: Iterable[str] = counts
    if len(counts) > TERMS_PER_ARTICLE:
        least = sorted(counts.values(), reverse=True)[TERMS_PER_ARTICLE - 1]
        pool = [t for t, c in counts.items() if c >= least]
    return sorted(pool, key=lambda t: (-counts[t], -idf[t], t))[:TERMS_PER_ARTICLE]


def term_order(vectors: Sequence[Vector]) -> dict[str, int]:
    """Each term's rank by first appearance (article by article): the order sums run in."""
    rank: dict[str, int] = {}
    for v in vectors:
        for t in v:
            rank.setdefault(t, len(rank))
    return rank


def _similarity(a: Vector, b: Vector, rank: dict[str, int]) -> float:
    """Cosine of two unit vectors, summed over their shared terms in `rank` order.

    One fixed order makes the sum the same float however the pair was found, so the
    clustering's comparisons (ties included) never depend on how candidates were searched.
    """
    total = 0.0
    for t in sorted(a.keys() & b.keys(), key=rank.__getitem__):
        total += a[t] * b[t]
    return total


def pair_similarities(vectors: Sequence[Vector]) -> dict[tuple[int, int], float]:
    """The cosine of every pair (i, j), i < j, of `vectors` (from `article_vectors`) that
    shares a term, as story grouping computes it; a pair not listed has cosine 0. For
    scripts that look for articles on one event (scripts/make_citation_pairs.py)."""
    return ranked_pair_similarities(vectors, term_order(vectors))


def ranked_pair_similarities(vectors: Sequence[Vector], rank: dict[str, int]) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) that shares a term; absent pairs are 0.

    Sums run over terms in `rank` order, as `_similarity` does (story grouping passes the
    whole input's order for a part of it, so a pair's sum is the same float in any part).
    """
    index: dict[str, list[tuple[int, float]]] = {}
    for i, v in enumerate(vectors):
        for t, w in v.items():
            index.setdefault(t, []).append((i, w))
    sims: dict[tuple[int, int], float] = {}
    for t in sorted(index, key=rank.__getitem__):
        postings = index[t]
        for a in range(len(postings)):
            i, wi = postings[a]
            for j, wj in postings[a + 1 :]:
                sims[(i, j)] = sims.get((i, j), 0.0) + wi * wj
    return sims


def _prefixes(
    vectors: Sequence[Vector], rank: dict[str, int], threshold: float
) -> tuple[list[list[str]], list[float]]:
    """Each vector's indexed terms (rarest first) and a bound on what its other terms add.

    Prefix filtering (Bayardo et al., 2007): with each vector's terms ordered rarest first,
    the common terms at its end whose weights together have norm below the threshold cannot
    make a pair reach it on their own, so only the terms before them are indexed. Two bounds
    on what the unindexed terms add to a cosine are kept, and the smaller one holds: their
    norm, and their weights times each term's largest weight in any vector.
    """
    df: Counter[str] = Counter(t for v in vectors for t in v)
    limit = threshold - 1e-9  # a margin for rounding in the sums
    peak: dict[str, float] = {}  # each term's largest weight in any article
    for v in vectors:
        for t, w in v.items():
            peak[t] = max(peak.get(t, 0.0), w)
    prefixes, rest = [], []
    for v in vectors:
        ordered = sorted(v, key=lambda t: (df[t], rank[t]))
        squares = by_peak = 0.0
        cut = len(ordered)
        while cut:
            w = v[ordered[cut - 1]]
            more = min(math.sqrt(squares + w * w), by_peak + w * peak[ordered[cut - 1]])
            if more >= limit:
                break
            squares += w * w
            by_peak += w * peak[ordered[cut - 1]]
            cut -= 1
        prefixes.append(ordered[:cut])
        rest.append(min(math.sqrt(squares), by_peak))
    return prefixes, rest


def linked_groups(vectors: Sequence[Vector], rank: dict[str, int], threshold: float) -> list[list[int]]:
    """Groups of articles joined by chains of pairs whose cosine reaches `threshold`.

    No story can span two groups: two clusters merge only when their mean pairwise
    similarity reaches the threshold, so at least one pair between them does. The pairs
    are found without an all-pairs scan: only each vector's prefix (`_prefixes`) is indexed,
    so the words every article shares, which make most pairs similar by a little, never
    need comparing.
    """
    limit = threshold - 1e-9
    prefixes, rest = _prefixes(vectors, rank, threshold)
    index: dict[str, list[tuple[int, float]]] = {}
    linked = Partition(len(vectors))

    for j, v in enumerate(vectors):
        # The indexed terms give part of each cosine; the unindexed rest adds at most its norm.
        partial: dict[int, float] = {}
        for t, w in v.items():
            for i, wi in index.get(t, ()):
                partial[i] = partial.get(i, 0.0) + wi * w
        for i, dot in partial.items():
            if dot + rest[i] < limit or linked.root(i) == linked.root(j):
                continue
            u = vectors[i]
            near = sum(u[t] * v[t] for t in u.keys() & v.keys())
            # The order of a sum moves only its last bits: settle near-ties in the fixed order.
            if near >= threshold + 1e-9 or (near > limit and _similarity(u, v, rank) >= threshold):
                linked.join(i, j)
        for t in prefixes[j]:
            index.setdefault(t, []).append((j, v[t]))
    return linked.groups()


def close_pairs(
    vectors: Sequence[Vector], rank: dict[str, int], threshold: float
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for pairs i < j at or above `threshold`, found through capped postings.

    The big-input join: as in `linked_groups`, only prefixes are indexed and probed, but each term
    keeps at most `MAX_POSTINGS` articles (the first that have it), so each article is
    compared with at most that many per term, however many articles share it. A story
    covered by more articles than that is still found: its later articles pair with its
    first ones. Pairs of two later articles are left for the clustering, which compares
    whole clusters (`stories`, by their summed vectors).
    """
    limit = threshold - 1e-9
    prefixes, rest = _prefixes(vectors, rank, threshold)
    index: dict[str, list[tuple[int, float]]] = {}
    pairs = []
    for j, v in enumerate(vectors):
        partial: dict[int, float] = {}
        for t in prefixes[j]:  # a pair that reaches the threshold shares a term of both prefixes
            w = v[t]
            for i, wi in index.get(t, ()):
                partial[i] = partial.get(i, 0.0) + wi * w
        for i, dot in partial.items():
            # Rarer shared words that give less than half the threshold leave a pair to the
            # common ones: on this path it is not compared (most candidates end here).
            if dot >= threshold * RARE_SHARE and dot + rest[i] + rest[j] >= limit:
                near = cosine(vectors[i], v)
                if near >= threshold:
                    pairs.append((near, i, j))
        for t in prefixes[j]:
            postings = index.setdefault(t, [])
            if len(postings) < MAX_POSTINGS:
                postings.append((j, v[t]))
    return pairs
