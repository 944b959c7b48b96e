"""Sentence scoring and selection for one article.

`features` (in `rank.features`) describes every sentence once; a `Ranker` scores them
(the learned model in `rank.learned`, or the centrality baseline here); `select` picks the
top sentences with maximal marginal relevance (MMR) so that a brief does not say the same
thing twice, and, given the stands-alone judgement (`rank.standalone`), so that it reads as
a paragraph. Rankers are chosen by name from a registry (`get_ranker`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from ..errors import ConfigError
from ..lang.vectors import Vector, cosine
from ..values import Article
from .features import SentenceFeatures
from .sentence_rules import Judgement
from .standalone import SOFT_TEASERS

__all__ = [
    "CentralityRanker",
    "Ranker",
    "SentenceFeatures",
    "follows",
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
# Learned from IndoSum's oracle labels; beats LEAD-3 by about 1.5 ROUGE-1 points on held-out
# articles with briefs read as a paragraph (3 without), where the centrality baseline falls
# below it (scripts/README.md).
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


# Cosine at or above which two sentences of one brief say the same thing: the later pick
# is skipped, whatever its score ("Cerita sekuel terbaru bocor." beside the sentence that
# tells the story).
REPEAT = 0.5


def select(
    scores: Sequence[float],
    vectors: Sequence[Vector],
    n: int,
    *,
    diversity: float = 0.3,
    judgements: Sequence[Judgement] | None = None,
) -> list[int]:
    """Indices of up to `n` sentences by MMR, returned in source order.

    Each pick maximises (1 - diversity) * score - diversity * (max similarity to picks).
    With `judgements`, the picks read as a paragraph (`_paragraph`) and open with a sentence
    that stands alone with no doubt where the article has one; where none can be read in
    place, MMR over `_facts`.
    """
    if n <= 0 or not scores:
        return []
    if judgements is None:
        return _mmr(scores, vectors, n, diversity)
    for tier in _tiers(judgements):
        picked = _paragraph(scores, vectors, n, diversity, tier)
        if picked:
            return picked
    keep = _facts(judgements) or list(range(len(scores)))
    picked = _mmr([scores[i] for i in keep], [vectors[i] for i in keep], n, diversity)
    return [keep[k] for k in picked]


def follows(judgements: Sequence[Judgement], picked: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """For each of `picked` (a brief's sentences, in source order), the earlier picked sentences
    it is read after: those it needs or leans on, back to one that stands alone (its chain),
    one of its ties, for a leading connective ("Namun, X ...") the pick just before it, and for
    one that may not open a brief (`Judgement.may_open`: "Wanita asal Bekasi ini ...", whose
    "ini" may point back) the pick its doubt names, else the pick just before it: `select`
    never lets such a sentence open, so a showing without its earlier picks must not either. A
    brief that leaves some picks out (under a digest that shows them) keeps these with it."""
    shown = set(picked)
    chains = _chains(judgements, len(judgements))
    out: dict[int, tuple[int, ...]] = {}
    for k, i in enumerate(picked):
        j = judgements[i]
        need = {m for m in chains[i] or () if m != i and m in shown}
        ties = [t for t in j.ties if t in shown and t < i]
        if ties and not need:
            nearest = max(ties)
            need = {nearest, *(m for m in chains[nearest] or () if m in shown)}
        if j.trim and k:
            need.add(picked[k - 1])
        elif not j.may_open and k and not need:
            named = j.depends_on
            need.add(named if named is not None and named < i and named in shown else picked[k - 1])
        out[i] = tuple(sorted(need))
    return out


def _facts(judgements: Sequence[Judgement]) -> list[int]:
    """The last fallback's candidates, where no sentence may open a paragraph (each leans on a
    hook or a fragment): the sentences that state a fact, read alone or after an earlier one,
    so the brief opens with the first fact rather than the hook ("Kabar mengejutkan datang
    dari ..."). A lead only `SOFT_TEASERS` call a hook stays one. Empty when none does: then
    plain MMR over all."""
    return [i for i, j in enumerate(judgements) if j.states_fact or j.rule in SOFT_TEASERS]


def _tiers(judgements: Sequence[Judgement]) -> list[Sequence[Judgement]]:
    """Who may open the brief: one the judgement is sure of, or one the rules pass with no
    doubt but one a reader with the headline gets past, likely enough (`Judgement.may_open`);
    failing those, the one the rules pass that the learned score rates most likely to
    stand alone; failing that, any the rules pass. (`_facts` when none qualifies, rather
    than nothing.)"""
    likely = [j.score for j in judgements if j.stands_alone and j.score is not None]
    best = max(likely, default=math.inf)
    return [
        judgements,
        [replace(j, sure=j.stands_alone and (j.score or 0.0) >= best, opens=False) for j in judgements],
        [replace(j, sure=j.stands_alone) for j in judgements],
    ]


def _mmr(scores: Sequence[float], vectors: Sequence[Vector], n: int, diversity: float) -> list[int]:
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


def _chains(judgements: Sequence[Judgement], n: int) -> list[tuple[int, ...] | None]:
    """For each sentence, itself and the earlier sentences it needs (or, `Judgement.leans`, is
    likely to; or, `Judgement.ties`, takes from), nearest first, back to one that stands alone
    (or needs only what precedes it, `Judgement.trim`); None when that takes more than `n`
    sentences, or the way back meets a teaser, a fragment or furniture (nothing a reader can
    start from)."""
    out: list[tuple[int, ...] | None] = []
    for i, j in enumerate(judgements):
        if j.ties and not j.leans:
            out.append(_tied(i, [out[t] for t in reversed(j.ties) if t < i], n))
        elif (j.stands_alone or j.trim) and not j.leans:
            out.append((i,))
        elif (j.label == "NEEDS_CONTEXT" or j.leans) and j.depends_on is not None and j.depends_on < i:
            before = out[j.depends_on]
            out.append((i, *before) if before is not None and len(before) < n else None)
        else:
            out.append(None)
    return out


def _tied(i: int, before: Sequence[tuple[int, ...] | None], n: int) -> tuple[int, ...] | None:
    """A tied sentence's chain: itself after the nearest of its ties that can be shown (`before`:
    their chains, nearest first); None when none can (`Judgement.ties`)."""
    chain = next((c for c in before if c is not None and len(c) < n), None)
    return (i, *chain) if chain is not None else None


def _paragraph(
    scores: Sequence[float],
    vectors: Sequence[Vector],
    n: int,
    diversity: float,
    judgements: Sequence[Judgement],
) -> list[int]:
    """MMR over sentences that can be read in place: a sentence that needs an earlier one is
    taken only together with it (and what that one needs), so the brief shows it first; one
    whose only tie is a leading connective ("Namun, Presiden ...") is taken after anything
    the brief says before it, never first, and so is a doubted one (`Judgement.doubt`): the
    brief opens with a sentence the judgement is sure of; hooks, fragments and furniture are
    never taken; nor is a sentence that repeats a pick (`REPEAT`). A chain is worth the mean
    MMR value of the sentences it adds. Returns [] when nothing qualifies (the caller then
    relaxes the doubts, and at last falls back to `_facts` rather than show nothing)."""
    top = max(scores) or 1.0
    norm = [s / top for s in scores]
    chains = _chains(judgements, n)
    redundancy = [0.0] * len(scores)
    chosen: set[int] = set()
    while len(chosen) < n:
        best: tuple[int, ...] = ()
        best_value = -math.inf
        for i, chain in enumerate(chains):
            # A tied sentence needs one of its ties before it, not the nearest: one already shown will do.
            tied = not chosen.isdisjoint(judgements[i].ties)
            if (chain is None and not tied) or i in chosen:
                continue
            adds = [i] if tied or chain is None else [k for k in chain if k not in chosen]
            if len(chosen) + len(adds) > n or any(redundancy[k] >= REPEAT for k in adds):
                continue
            if any(judgements[k].trim and not any(m < k for m in (*chosen, *adds)) for k in adds):
                continue  # "Namun, X ...": fine after what the brief already says, never first
            if not judgements[min((*chosen, *adds))].may_open:
                continue  # the opening is one the judgement is sure of; later, doubts may follow
            value = sum((1 - diversity) * norm[k] - diversity * redundancy[k] for k in adds) / len(adds)
            if value > best_value:
                best, best_value = tuple(adds), value
        if not best:
            break
        for k in best:
            chosen.add(k)
            for i in range(len(scores)):
                if i not in chosen:
                    redundancy[i] = max(redundancy[i], cosine(vectors[i], vectors[k]))
    return sorted(chosen)
