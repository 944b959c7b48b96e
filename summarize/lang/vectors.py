"""Sparse TF-IDF vectors over content terms (`lang.terms`): inverse document frequencies,
unit-length TF-IDF vectors, their cosine and their centroid.

Vectors are plain dicts (no numpy) so that `--no-translate` starts fast and the library
stays light; news articles are small enough that dict vectors are quick.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import mul

__all__ = [
    "Vector",
    "centroid",
    "cosine",
    "idf",
    "norm",
    "tfidf",
]

Vector = dict[str, float]


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over `documents` (term lists)."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        df.update(set(doc))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def tfidf(terms: Sequence[str], weights: dict[str, float]) -> Vector:
    """Unit-length TF-IDF vector (sublinear term frequency)."""
    if len(set(terms)) == len(terms):
        # Each term once, as in most sentences: 1.0 + log(1) is 1.0, so each weighs its IDF
        # exactly, with nothing to count (a sixth of a digest's TF-IDF time).
        return norm(dict(zip(terms, map(weights.get, terms, repeat(1.0)), strict=True)))
    counts = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in counts.items()}
    return norm(vec)


# The sums below run over `map` rather than a generator: the same products added in the
# same order (so the same floats), without a Python frame per term.


def norm(vec: Vector) -> Vector:
    values = vec.values()
    length = math.sqrt(sum(map(mul, values, values)))
    return {t: v / length for t, v in vec.items()} if length else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Unit-length mean of vectors."""
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return norm(total)
