"""Agreement between two readings of the same items, for the scripts that build labelled sets
(`make_standalone_set.py`, `make_news_set.py`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two readers' labels for the same items, over the labels either gave."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    one, two = Counter(first), Counter(second)
    expected = sum(one[label] * two[label] for label in one) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0
