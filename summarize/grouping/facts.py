"""Cross-article digest: the same fact reported by several articles becomes one item.

Sentences are compared as TF-IDF vectors whose weights come from the whole input, so
words that every article shares (the story's names) count for little and the words that
carry a particular fact count for much. Items are grown greedily: each round takes the
sentence whose item (itself plus its closest match in each other article) scores best,
counting both salience and how many articles report it. Two sentences can state one
fact only if, besides names and dates (which every report of a story shares), they share
words for what happened. Every member is similar to the item's centre and, on average,
to the other members, so chains of loosely related sentences never merge. An item never
repeats another; its text comes from the member that states most of what the reports
share; when reports attach different numbers to the same noun, the item lists each
figure with its citations (`summarize.figures`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import Vector, content_terms, cosine, tfidf
from ..rank import Ranker, get_ranker
from ..rank.features import features
from ..values import Article, Citation
from .figures import differing_figures

__all__ = ["REPEAT", "SAME_FACT", "Fact", "group_facts"]

SAME_FACT = 0.30  # cosine at or above which two sentences from different articles state one fact
MIN_SHARED = 2  # ... and they share at least this many content terms
MIN_PREDICATE = 2  # ... of which this many are neither names nor time words
COHERENCE = 0.8  # a member's mean similarity to the others must reach this share of SAME_FACT
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
    figures: tuple[tuple[str, tuple[Citation, ...]], ...] = ()  # set when reports give different numbers

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
    predicate: frozenset[str]  # terms that are neither names nor time words: what is said


def _weights(term_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """Unsmoothed IDF: a term in most sentences weighs almost nothing."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists)
    return {t: max(math.log(n / c), 0.05) for t, c in df.items()}


# Words for when something happened: two reports of different events in one story share them.
_TIME_WORDS = frozenset(
    """
    detik menit jam hari pekan minggu bulan tahun abad pagi siang sore malam kemarin besok lusa
    senin selasa rabu kamis jumat sabtu januari februari maret april mei juni juli agustus
    september oktober november desember
    """.split()
)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# A digest line stands alone: a sentence that opens by pointing back ("Dia mengatakan hal
# itu ...") means little without its neighbours, so it weighs less as an item.
_ANAPHORIC = re.compile(
    r"^\W*(dia|ia|beliau|mereka|keduanya|itu|ini|hal (itu|ini|tersebut)|(yang|pihaknya) )\b", re.IGNORECASE
)
ANAPHOR_DAMPING = 0.6


def _names(articles: Sequence[Article]) -> frozenset[str]:
    """Terms the input mostly writes capitalised inside a sentence: people, places, bodies.

    Within a story every report names the same actors, so shared names are no evidence
    that two sentences state the same fact; shared words for what happened are. "Mostly",
    because common words also appear inside capitalised names ("Badan Intelijen").
    """
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for a in articles:
        for s in a.sentences:
            for w in _WORD.findall(s.text)[1:]:  # the first word is capitalised anyway
                (upper if w[0].isupper() else lower).update(content_terms(w))
    return frozenset(t for t, c in upper.items() if c > lower[t])


def _nodes(articles: Sequence[Article], ranker: Ranker) -> list[_Node]:
    terms = [[content_terms(s.text) for s in a.sentences] for a in articles]
    names = _names(articles)
    stems_of_time = frozenset(content_terms(" ".join(_TIME_WORDS)))
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
            predicate = frozenset(shared) - names - stems_of_time
            salience = scores[i] / top
            if _ANAPHORIC.match(article.sentences[i].text):
                salience *= ANAPHOR_DAMPING
            nodes.append(_Node(article, i, frozenset(shared), tfidf(shared, weights), salience, predicate))
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
            if len(node.predicate & nodes[j].predicate) < MIN_PREDICATE:
                continue
            sim = cosine(node.vector, nodes[j].vector)
            if sim >= SAME_FACT:
                sims[i][j] = sims[j][i] = sim
    return sims


def _members(i: int, sims: dict[int, dict[int, float]], free: set[int], nodes: Sequence[_Node]) -> list[int]:
    """`i` and, from each other article, its closest report that fits with the rest.

    Candidates are taken closest first; each must be similar enough to `i` (SAME_FACT)
    and, on average, to every member taken so far (COHERENCE), so that a sentence that
    matches `i` on one side (a shared name, a shared place) does not join a fact that
    the other members state.
    """
    members = [i]
    seen = {nodes[i].article.id}
    for j, _ in sorted(((j, s) for j, s in sims[i].items() if j in free), key=lambda js: (-js[1], js[0])):
        aid = nodes[j].article.id
        if aid in seen:
            continue
        mean = sum(cosine(nodes[j].vector, nodes[m].vector) for m in members) / len(members)
        if mean >= COHERENCE * SAME_FACT:
            members.append(j)
            seen.add(aid)
    return members


def _representative(members: Sequence[int], nodes: Sequence[_Node]) -> int:
    """The most informative member: the one stating most of what the reports share.

    Terms that two or more members use are the fact itself; the member holding most of
    them says it most fully. Salience breaks ties.
    """
    if len(members) == 1:
        return members[0]
    counts = Counter(t for m in members for t in nodes[m].terms)
    shared = {t for t, c in counts.items() if c >= 2}
    return max(members, key=lambda m: (len(nodes[m].terms & shared), nodes[m].salience))


def group_facts(articles: Sequence[Article], *, n: int = 10, ranker: Ranker | None = None) -> list[Fact]:
    """The `n` most important facts across `articles`, each citing every article reporting it.

    Facts are ordered by the number of articles reporting them, then by salience.
    """
    if n <= 0 or not articles:
        return []
    nodes = _nodes(articles, ranker or get_ranker())
    sims = _similar_pairs(nodes)
    free = set(range(len(nodes)))

    def item(i: int) -> tuple[float, list[int]]:
        members = _members(i, sims, free, nodes)
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

    facts = []
    for score, members in chosen:
        rep = _representative(members, nodes)
        ordered = [rep] + [m for m in members if m != rep]
        citations = tuple(Citation(nodes[m].article.id, nodes[m].index) for m in ordered)
        texts = [nodes[m].article.sentences[nodes[m].index].text for m in ordered]
        facts.append(
            Fact(
                article=nodes[rep].article,
                index=nodes[rep].index,
                citations=citations,
                score=round(score, 4),
                figures=differing_figures(texts, citations),
            )
        )
    # Later rounds can outscore earlier ones once members are taken; most-reported first.
    facts.sort(key=lambda f: (-f.sources, -f.score))
    return facts
