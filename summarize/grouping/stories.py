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

Cost grows about linearly with the input, without changing a single decision of the plain
method (the tests keep that method and compare): pairs that reach the threshold are found
through an inverted index that leaves out each article's commonest terms (`_linked`); only
articles those pairs link can ever share a story, so each linked group is clustered alone
(`_cluster`), with a heap of cluster pairs instead of a rescan of them all on every merge.
No N×N matrix is ever built: memory holds the vectors, the index and each group's pairs.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..lang.terms import content_terms
from ..lang.vectors import Vector, cosine, norm
from ..values import Article
from .partition import Partition

__all__ = ["STORY_THRESHOLD", "StoryGroup", "article_vectors", "group_stories", "pair_similarities"]

STORY_THRESHOLD = 0.3  # mean pairwise cosine at or above which two groups are one story
TITLE_WEIGHT = 3  # the title counts as this many copies of itself ...
LEAD_SENTENCES = 3  # ... and the first sentences count twice
_K = TypeVar("_K")

TERMS_PER_ARTICLE = 20  # keep this many strongest terms per article vector
# Above this many (pair, shared term) to sum, the exact method would cost more than the rest
# of a digest: a big input is clustered from close pairs and summed vectors instead.
EXACT_PAIRS = 20_000_000
MAX_POSTINGS = 8  # on that path: articles each term is indexed under (the first that have it)
RARE_SHARE = 0.5  # ... and a pair is compared when its indexed words give this share of the threshold
CENTRAL_PAIRS = 16  # a story's central article by pairwise sums up to this many articles


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


def _term_order(vectors: Sequence[Vector]) -> dict[str, int]:
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


def _linked(vectors: Sequence[Vector], rank: dict[str, int], threshold: float) -> list[list[int]]:
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


def _close_pairs(
    vectors: Sequence[Vector], rank: dict[str, int], threshold: float
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for pairs i < j at or above `threshold`, found through capped postings.

    The big-input join: as in `_linked`, only prefixes are indexed and probed, but each term
    keeps at most `MAX_POSTINGS` articles (the first that have it), so each article is
    compared with at most that many per term, however many articles share it. A story
    covered by more articles than that is still found: its later articles pair with its
    first ones. Pairs of two later articles are left for the clustering, which compares
    whole clusters (`_cluster_by_sums`).
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


def _cluster_by_sums(
    vectors: Sequence[Vector], pairs: Iterable[tuple[float, int, int]], threshold: float
) -> list[list[int]]:
    """Average-linkage clustering from close pairs and each cluster's summed vector.

    For unit vectors the sum of pairwise cosines between two clusters is the dot product of
    their summed vectors, so no pair below the threshold needs storing: merging clusters a
    and b gives a mean with a cluster c that is the size-weighted mean of (a, c) and (b, c),
    so it can reach the threshold only if one of those did, and only those clusters are
    compared again (a sum not stored is one dot product of summed vectors). Merges go
    highest mean first, ties by the smaller pair of cluster ids, as in `_cluster`.
    """
    total = list(vectors)  # a cluster's summed vector; an article's own until it merges
    size = [1] * len(vectors)
    version = [0] * len(vectors)
    link: list[dict[int, float]] = [{} for _ in vectors]  # sums of cosines, for means at the threshold
    heap = []
    for s, i, j in pairs:
        link[i][j] = link[j][i] = s
        heap.append((-s, i, j, 0, 0))
    heapq.heapify(heap)
    members: dict[int, list[int]] = {i: [i] for i in range(len(vectors))}
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or a not in members or b not in members:
            continue
        row_a, row_b = link[a], link[b]
        row_a.pop(b, None)
        row_b.pop(a, None)
        merged: dict[int, float] = {}
        for c in row_a.keys() | row_b.keys():
            part_a = row_a[c] if c in row_a else cosine(total[a], total[c])
            part_b = row_b[c] if c in row_b else cosine(total[b], total[c])
            other = link[c]
            other.pop(a, None)
            other.pop(b, None)
            if (part_a + part_b) / ((size[a] + size[b]) * size[c]) >= threshold:
                merged[c] = other[a] = part_a + part_b
        link[a], link[b] = merged, {}
        # An article's own vector is copied before it takes a sum: the vectors never change.
        owned = [x if x is not vectors[a] and x is not vectors[b] else dict(x) for x in (total[a], total[b])]
        total[a], total[b] = _added(*owned), {}
        _absorb(a, b, size, version, members)
        for c, sum_ac in merged.items():
            x, y = (a, c) if a < c else (c, a)
            heapq.heappush(heap, (-sum_ac / (size[a] * size[c]), x, y, version[x], version[y]))
    return [sorted(m) for m in members.values()]


def pair_similarities(vectors: Sequence[Vector]) -> dict[tuple[int, int], float]:
    """The cosine of every pair (i, j), i < j, of `vectors` (from `article_vectors`) that
    shares a term, as story grouping computes it; a pair not listed has cosine 0. For
    scripts that look for articles on one event (scripts/make_citation_pairs.py)."""
    return _pair_similarities(vectors, _term_order(vectors))


def _pair_similarities(vectors: Sequence[Vector], rank: dict[str, int]) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) that shares a term; absent pairs are 0.

    Sums run over terms in `rank` order, as `_similarity` does.
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


def _added(x: dict[_K, float], y: dict[_K, float]) -> dict[_K, float]:
    """The sums of `x` and `y` key by key, added into the longer one (which is returned)."""
    if len(y) > len(x):
        x, y = y, x
    for k, v in y.items():
        x[k] = x.get(k, 0.0) + v
    return x


def _absorb(a: int, b: int, size: list[int], version: list[int], members: dict[int, list[int]]) -> None:
    """Cluster `b` merges into `a`: sizes and members move, and `a`'s older heap entries go stale."""
    size[a] += size[b]
    version[a] += 1
    members[a] += members.pop(b)


def _cluster(n: int, sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering of items 0..n-1 (sparse similarities).

    Each step merges the two clusters with the highest mean pairwise similarity (ties: the
    smallest pair of cluster ids, a cluster's id being its first item) while it reaches
    `threshold`. Rather than rescanning every pair of clusters on each merge, a heap holds
    the pairs at or above the threshold; a merge pushes the merged cluster's new pairs and
    leaves its old ones in the heap, recognised as stale by a version number when popped.
    A pair's mean changes only when one of its clusters merges, so a pair below the
    threshold needs no entry until then. Cost: about (pairs + merges × links) × log(heap).
    """
    size = [1] * n
    version = [0] * n  # bumped on every merge into a cluster: older heap entries are stale
    # Sum of pairwise similarities between two clusters; the mean is sum / (|a| * |b|).
    # Missing pairs sum to 0, so only pairs that share a term are ever stored.
    link: list[dict[int, float]] = [{} for _ in range(n)]
    heap: list[tuple[float, int, int, int, int]] = []
    for (i, j), s in sims.items():
        link[i][j] = link[j][i] = s
        if s >= threshold:
            heap.append((-s, i, j, 0, 0))
    heapq.heapify(heap)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or a not in members or b not in members:
            continue
        # Merge b into a (a < b keeps the id the cluster's first item). The sum to any other
        # cluster is the sum of both parts' sums: add the shorter row into the longer one.
        row_a, row_b = link[a], link[b]
        del row_a[b], row_b[a]
        row_a = _added(row_a, row_b)
        link[a], link[b] = row_a, {}
        _absorb(a, b, size, version, members)
        for c, total in row_a.items():
            other = link[c]
            other.pop(b, None)
            other[a] = total
            mean = total / (size[a] * size[c])
            if mean >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-mean, x, y, version[x], version[y]))
    return [sorted(m) for m in members.values()]


def _partition(vectors: Sequence[Vector], threshold: float) -> list[list[int]]:
    """Average-linkage clusters of unit `vectors` (each a sorted list of indices)."""
    rank = _term_order(vectors)
    if _shared_pairs(vectors) > EXACT_PAIRS:
        return _cluster_by_sums(vectors, _close_pairs(vectors, rank, threshold), threshold)
    clusters = []
    # Cluster each linked group alone: only its own pairs can ever decide a merge in it.
    for linked in _linked(vectors, rank, threshold):
        if len(linked) == 1:
            clusters.append(linked)
            continue
        sims = _pair_similarities([vectors[i] for i in linked], rank)
        clusters += [[linked[k] for k in c] for c in _cluster(len(linked), sims, threshold)]
    return clusters


def _shared_pairs(vectors: Sequence[Vector]) -> int:
    """How many (pair, shared term) the exact method could have to sum: its worst-case cost."""
    df = Counter(t for v in vectors for t in v)
    return sum(f * (f - 1) // 2 for f in df.values())


def _central(members: Sequence[int], vectors: Sequence[Vector]) -> int:
    """The member most like the others: the highest sum of cosines to them (ties: the first).

    Up to `CENTRAL_PAIRS` members each pair is summed; past that, each member's sum is its
    dot product with the story's summed vector less its own (the same sum, found in linear
    time; only its last bits of rounding can differ).
    """
    if len(members) <= CENTRAL_PAIRS:
        return max(
            members, key=lambda i: (sum(cosine(vectors[i], vectors[j]) for j in members if j != i), -i)
        )
    total: dict[str, float] = {}
    for i in members:
        for t, w in vectors[i].items():
            total[t] = total.get(t, 0.0) + w
    return max(members, key=lambda i: (cosine(vectors[i], total) - cosine(vectors[i], vectors[i]), -i))


def group_stories(articles: Sequence[Article], *, threshold: float = STORY_THRESHOLD) -> list[StoryGroup]:
    """Group `articles` into stories, most-covered story first (ties: earliest article first)."""
    if not articles:
        return []
    vectors = article_vectors(articles)
    clusters = _partition(vectors, threshold)
    clusters.sort(key=lambda c: (-len(c), c[0]))
    groups = []
    for c in clusters:
        # The headline comes from the article closest to the story's other articles.
        groups.append(StoryGroup(tuple(articles[i] for i in c), articles[_central(c, vectors)]))
    return groups
