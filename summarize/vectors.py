"""Sparse TF-IDF vectors over stemmed content terms, in plain Python.

Kept dependency-free (no numpy) so that `--no-translate` starts fast and the library
stays light; news articles are small enough that dict vectors are quick.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]

__all__ = ["Vector", "centroid", "cosine", "idf", "norm", "tfidf"]


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
    counts = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in counts.items()}
    return norm(vec)


def norm(vec: Vector) -> Vector:
    length = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / length for t, v in vec.items()} if length else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Unit-length mean of vectors."""
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return norm(total)
