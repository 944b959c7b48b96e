"""Sentence scoring and selection for one article.

`features` (in `rank.features`) describes every sentence once; a `Ranker` scores them
(the learned model in `rank.learned`, or the centrality baseline here); `select` picks the
top sentences with maximal marginal relevance (MMR) so that a brief does not say the same
thing twice. Rankers are chosen by name from a registry (`get_ranker`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

from ..errors import ConfigError
from ..lang import Vector, cosine
from ..values import Article
from .features import SentenceFeatures

__all__ = [
    "CentralityRanker",
    "Ranker",
    "SentenceFeatures",
    "get_ranker",
    "ranker_names",
    "register_ranker",
    "select",
]


class Ranker(Protocol):
    """Scores each sentence of an article; higher is more important."""

    name: str

    def score(self, article: Article, feats: Sequence[SentenceFeatures]) -> list[float]: ...


class CentralityRanker:
    """Unsupervised baseline: TF-IDF centrality, a lead prior and title overlap.

    Short sentences (under 6 words) are damped: they rarely carry a fact on their own.
    """

    name = "centrality"

    def __init__(self, *, centrality: float = 0.45, lead: float = 0.35, title: float = 0.2) -> None:
        self.weights = (centrality, lead, title)

    def score(self, article: Article, feats: Sequence[SentenceFeatures]) -> list[float]:
        wc, wl, wt = self.weights
        scores = []
        for i, f in enumerate(feats):
            lead = 1.0 / math.sqrt(1 + i)
            s = wc * f.centrality + wl * lead + wt * f.title_overlap
            if f.words < 6:
                s *= 0.5
            scores.append(s)
        return scores


def _learned() -> Ranker:
    # Imported on first use: the model file is read only when a learned ranker is asked for.
    from .learned import LearnedRanker

    return LearnedRanker()


_RANKERS: dict[str, Callable[[], Ranker]] = {"centrality": CentralityRanker, "learned": _learned}
# Learned from IndoSum's oracle labels; beats LEAD-3 by about 3 ROUGE-1 points on held-out
# articles where the centrality baseline falls below it (scripts/README.md).
DEFAULT_RANKER = "learned"


def register_ranker(name: str, factory: Callable[[], Ranker]) -> None:
    """Make a ranker selectable by name."""
    _RANKERS[name] = factory


def ranker_names() -> list[str]:
    """The registered rankers' names, sorted (the CLI's `--ranker` choices)."""
    return sorted(_RANKERS)


def get_ranker(name: str | None = None) -> Ranker:
    """The ranker registered under `name` (the default when None)."""
    key = name or DEFAULT_RANKER
    try:
        return _RANKERS[key]()
    except KeyError:
        raise ConfigError(f"unknown ranker {key!r}; choose one of: {', '.join(sorted(_RANKERS))}") from None


def select(
    scores: Sequence[float], vectors: Sequence[Vector], n: int, *, diversity: float = 0.3
) -> list[int]:
    """Indices of up to `n` sentences by MMR, returned in source order.

    Each pick maximises (1 - diversity) * score - diversity * (max similarity to picks).
    """
    if n <= 0 or not scores:
        return []
    top = max(scores) or 1.0
    norm = [s / top for s in scores]
    # Each sentence's highest similarity to the picks so far, updated with the newest pick
    # only: O(sentences × n) cosines instead of recomputing every pair on every round.
    redundancy = [0.0] * len(scores)
    chosen: list[int] = []
    remaining = list(range(len(scores)))  # ascending: ties go to the earlier sentence
    while remaining and len(chosen) < n:
        best, best_value = remaining[0], -math.inf
        for i in remaining:
            value = (1 - diversity) * norm[i] - diversity * redundancy[i]
            if value > best_value:
                best, best_value = i, value
        chosen.append(best)
        remaining.remove(best)
        picked = vectors[best]
        for i in remaining:
            redundancy[i] = max(redundancy[i], cosine(vectors[i], picked))
    return sorted(chosen)
