"""Story grouping: a day's mixed articles become groups, one per story.

Articles are joined by average-linkage agglomerative clustering of their vectors
(`article_pairs`): the two groups whose mean pairwise similarity is highest merge, until
no two groups reach `STORY_THRESHOLD`. Average linkage does not chain the way single
linkage does (one shared name does not pull two stories together), and it does not need
every pair to match the way complete linkage does (a story's side articles still join it).
Two groups never merge when the days their articles carry would span more than `STORY_DAYS`:
reports months apart that share a topic, a person or a club (a general's January briefing
and his October travel ban) are not one story, however alike their words. An undated
article constrains nothing.

Cost grows about linearly with the input, without changing a single decision of the plain
method (the tests keep that method and compare): pairs that reach the threshold are found
through an inverted index that leaves out each article's commonest terms
(`article_pairs.linked_groups`); only articles those pairs link can ever share a story, so
each linked group is clustered alone (`_cluster`), with a heap of cluster pairs instead of
a rescan of them all on every merge. No N×N matrix is ever built: memory holds the
vectors, the index and each group's pairs.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..lang.vectors import Vector, cosine
from ..values import Article
from .article_pairs import article_vectors, close_pairs, linked_groups, ranked_pair_similarities, term_order

__all__ = ["STORY_THRESHOLD", "StoryGroup", "group_stories"]

STORY_THRESHOLD = 0.3  # mean pairwise cosine at or above which two groups are one story
# Articles dated further apart than this are never one story: a month. A story can run for
# weeks: the five articles of `seeds/`, one story (North Korean arms for Russia), span 27 days.
STORY_DAYS = 31
_K = TypeVar("_K")

# Above this many (pair, shared term) to sum, the exact method would cost more than the rest
# of a digest: a big input is clustered from close pairs and summed vectors instead.
EXACT_PAIRS = 20_000_000
CENTRAL_PAIRS = 16  # a story's central article by pairwise sums up to this many articles


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles about one story, in input order; `central` is the one most like the rest."""

    articles: tuple[Article, ...]
    central: Article


class _Spans:
    """The first and last day (an ordinal, or None) of each cluster's dated articles."""

    def __init__(self, days: Sequence[int | None]) -> None:
        self.first = list(days)
        self.last = list(days)

    def fit(self, a: int, b: int) -> bool:
        """Whether clusters a and b together span at most `STORY_DAYS` (always, if either is undated)."""
        first_a, first_b, last_a, last_b = self.first[a], self.first[b], self.last[a], self.last[b]
        if first_a is None or first_b is None or last_a is None or last_b is None:
            return True
        return max(last_a, last_b) - min(first_a, first_b) <= STORY_DAYS

    def join(self, a: int, b: int) -> None:
        """Cluster b merges into a."""
        self.first[a] = min((d for d in (self.first[a], self.first[b]) if d is not None), default=None)
        self.last[a] = max((d for d in (self.last[a], self.last[b]) if d is not None), default=None)


def _cluster_by_sums(
    vectors: Sequence[Vector], pairs: Iterable[tuple[float, int, int]], threshold: float, spans: _Spans
) -> list[list[int]]:
    """Average-linkage clustering from close pairs and each cluster's summed vector.

    For unit vectors the sum of pairwise cosines between two clusters is the dot product of
    their summed vectors, so no pair below the threshold needs storing: merging clusters a
    and b gives a mean with a cluster c that is the size-weighted mean of (a, c) and (b, c),
    so it can reach the threshold only if one of those did, and only those clusters are
    compared again (a sum not stored is one dot product of summed vectors). Merges go
    highest mean first, ties by the smaller pair of cluster ids, as in `_cluster`, and skip
    a pair whose days `spans` does not fit.
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
        if not spans.fit(a, b):
            continue  # spans only widen as clusters merge: this pair never fits again
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
        spans.join(a, b)
        for c, sum_ac in merged.items():
            x, y = (a, c) if a < c else (c, a)
            heapq.heappush(heap, (-sum_ac / (size[a] * size[c]), x, y, version[x], version[y]))
    return [sorted(m) for m in members.values()]


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


def _cluster(n: int, sims: dict[tuple[int, int], float], threshold: float, spans: _Spans) -> list[list[int]]:
    """Average-linkage agglomerative clustering of items 0..n-1 (sparse similarities).

    Each step merges the two clusters with the highest mean pairwise similarity (ties: the
    smallest pair of cluster ids, a cluster's id being its first item) while it reaches
    `threshold`. Rather than rescanning every pair of clusters on each merge, a heap holds
    the pairs at or above the threshold; a merge pushes the merged cluster's new pairs and
    leaves its old ones in the heap, recognised as stale by a version number when popped.
    A pair's mean changes only when one of its clusters merges, so a pair below the
    threshold needs no entry until then. Cost: about (pairs + merges × links) × log(heap).
    A pair whose days `spans` does not fit is passed over, the best pair that fits merging.
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
        if not spans.fit(a, b):
            continue  # spans only widen as clusters merge: this pair never fits again
        # Merge b into a (a < b keeps the id the cluster's first item). The sum to any other
        # cluster is the sum of both parts' sums: add the shorter row into the longer one.
        row_a, row_b = link[a], link[b]
        del row_a[b], row_b[a]
        row_a = _added(row_a, row_b)
        link[a], link[b] = row_a, {}
        _absorb(a, b, size, version, members)
        spans.join(a, b)
        for c, total in row_a.items():
            other = link[c]
            other.pop(b, None)
            other[a] = total
            mean = total / (size[a] * size[c])
            if mean >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-mean, x, y, version[x], version[y]))
    return [sorted(m) for m in members.values()]


def _partition(
    vectors: Sequence[Vector], threshold: float, days: Sequence[int | None] | None = None
) -> list[list[int]]:
    """Average-linkage clusters of unit `vectors` (each a sorted list of indices), never joining
    articles whose `days` (ordinals, None where undated) lie more than `STORY_DAYS` apart."""
    days = list(days) if days is not None else [None] * len(vectors)
    rank = term_order(vectors)
    if _shared_pairs(vectors) > EXACT_PAIRS:
        return _cluster_by_sums(vectors, close_pairs(vectors, rank, threshold), threshold, _Spans(days))
    clusters = []
    # Cluster each linked group alone: only its own pairs can ever decide a merge in it.
    for linked in linked_groups(vectors, rank, threshold):
        if len(linked) == 1:
            clusters.append(linked)
            continue
        sims = ranked_pair_similarities([vectors[i] for i in linked], rank)
        spans = _Spans([days[i] for i in linked])
        clusters += [[linked[k] for k in c] for c in _cluster(len(linked), sims, threshold, spans)]
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


def _day(published: str | None) -> int | None:
    """The day an ISO date or datetime names, as an ordinal; None for none or one unreadable."""
    try:
        return dt.date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def group_stories(articles: Sequence[Article], *, threshold: float = STORY_THRESHOLD) -> list[StoryGroup]:
    """Group `articles` into stories, most-covered story first (ties: earliest article first).
    Articles dated more than `STORY_DAYS` apart are never one story."""
    if not articles:
        return []
    vectors = article_vectors(articles)
    clusters = _partition(vectors, threshold, [_day(a.published) for a in articles])
    clusters.sort(key=lambda c: (-len(c), c[0]))
    groups = []
    for c in clusters:
        # The headline comes from the article closest to the story's other articles.
        groups.append(StoryGroup(tuple(articles[i] for i in c), articles[_central(c, vectors)]))
    return groups
