"""Cross-article digest: the same fact reported by several articles becomes one item.

Sentences are compared as TF-IDF vectors whose weights come from the whole input, so
words that every article shares (the story's names) count for little and the words that
carry a particular fact count for much. Items are grown greedily: each round takes the
sentence whose item (itself plus its closest match in each other article) scores best,
counting both salience and how many articles report it. Every member is similar to the
item's centre, so chains of loosely related sentences never merge. An item never
repeats another.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .lang import content_terms
from .rank import Ranker, features, get_ranker
from .types import Article, Citation
from .vectors import Vector, cosine, tfidf

__all__ = ["REPEAT", "SAME_FACT", "Fact", "group_facts"]

SAME_FACT = 0.30  # cosine at or above which two sentences from different articles state one fact
MIN_SHARED = 2  # ... and they share at least this many content terms
REPEAT = 0.45  # cosine at or above which a candidate item repeats an item already chosen
SUPPORT_WEIGHT = 0.35  # what each additional reporting article adds to an item's importance
CANDIDATES_PER_ARTICLE = 12  # only an article's most salient sentences take part


@dataclass(frozen=True, slots=True)
class Fact:
    """An item before translation: the representative sentence and every citation."""

    article: Article
    index: int  # the representative sentence in `article`
    citations: tuple[Citation, ...]  # representative first, then the others by similarity
    score: float

    @property
    def source_text(self) -> str:
        return self.article.sentences[self.index].text

    @property
    def sources(self) -> int:
        return len({c.article for c in self.citations})


@dataclass(frozen=True, slots=True)
class _Node:
    article: Article
    index: int
    terms: frozenset[str]
    vector: Vector
    salience: float  # the ranker's score, scaled to [0, 1] within its article


def _weights(term_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """Unsmoothed IDF: a term in most sentences weighs almost nothing."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists)
    return {t: max(math.log(n / c), 0.05) for t, c in df.items()}


def _nodes(articles: Sequence[Article], ranker: Ranker) -> list[_Node]:
    terms = [[content_terms(s.text) for s in a.sentences] for a in articles]
    # Only terms that occur in two or more articles can make two reports match; a term
    # of one article alone is that article's detail and would only dilute similarity.
    article_freq: Counter[str] = Counter(
        t for per_article in terms for t in {x for s in per_article for x in s}
    )
    weights = _weights([s for per_article in terms for s in per_article])
    nodes = []
    for article, per_article in zip(articles, terms, strict=True):
        scores = ranker.score(article, features(article))
        top = max(scores, default=0.0) or 1.0
        best = sorted(range(len(scores)), key=lambda i: -scores[i])[:CANDIDATES_PER_ARTICLE]
        for i in sorted(best):
            shared = [t for t in per_article[i] if article_freq[t] >= 2]
            nodes.append(_Node(article, i, frozenset(shared), tfidf(shared, weights), scores[i] / top))
    return nodes


def _similar_pairs(nodes: Sequence[_Node]) -> dict[int, dict[int, float]]:
    """For each node, the nodes of *other* articles that state the same fact, with similarity."""
    index: dict[str, list[int]] = {}
    for i, node in enumerate(nodes):
        for t in node.terms:
            index.setdefault(t, []).append(i)
    sims: dict[int, dict[int, float]] = {i: {} for i in range(len(nodes))}
    for i, node in enumerate(nodes):
        shared: Counter[int] = Counter(j for t in node.terms for j in index[t] if j > i)
        for j, count in shared.items():
            if count < MIN_SHARED or nodes[j].article.id == node.article.id:
                continue
            sim = cosine(node.vector, nodes[j].vector)
            if sim >= SAME_FACT:
                sims[i][j] = sims[j][i] = sim
    return sims


def group_facts(articles: Sequence[Article], *, n: int = 10, ranker: Ranker | None = None) -> list[Fact]:
    """The `n` most important facts across `articles`, each citing every article reporting it."""
    if n <= 0 or not articles:
        return []
    nodes = _nodes(articles, ranker or get_ranker())
    sims = _similar_pairs(nodes)
    free = set(range(len(nodes)))

    def item(i: int) -> tuple[float, list[int]]:
        best: dict[str, tuple[float, int]] = {}
        for j, sim in sims[i].items():
            aid = nodes[j].article.id
            if j in free and sim > best.get(aid, (0.0, -1))[0]:
                best[aid] = (sim, j)
        members = [i] + [j for _, j in sorted(best.values(), reverse=True)]
        score = max(nodes[m].salience for m in members) + SUPPORT_WEIGHT * (len(members) - 1)
        return score, members

    chosen: list[tuple[float, list[int]]] = []
    while free and len(chosen) < n:
        score, members = max((item(i) for i in sorted(free)), key=lambda c: c[0])
        free.difference_update(members)
        repeats = any(
            cosine(nodes[m].vector, nodes[k].vector) >= REPEAT
            for _, picked in chosen
            for k in picked
            for m in members
        )
        if not repeats:
            chosen.append((score, members))

    chosen.sort(key=lambda c: -c[0])  # later rounds can outscore earlier ones once members are taken
    facts = []
    for score, members in chosen:
        rep = max(members, key=lambda m: nodes[m].salience)
        ordered = [rep] + [m for m in members if m != rep]
        facts.append(
            Fact(
                article=nodes[rep].article,
                index=nodes[rep].index,
                citations=tuple(Citation(nodes[m].article.id, nodes[m].index) for m in ordered),
                score=round(score, 4),
            )
        )
    return facts
