"""A story's facts: which sentences the digest shows, each citing every article that states it.

`candidates` are an article's most salient sentences, read for the judge (`reading.py`) and
scored for importance within the story. `group_facts` builds items from them, most important
first: a sentence and, from each other article, its closest report of the same fact (the
same-fact decision is `same_fact.py`'s). Items must hold together: every member passes the
judge with every other member (no chains). An item's line is its most informative member
that stands alone (`rank.standalone`), or, where the judgement is sure of none, the member it
rates likeliest to stand alone; an item that repeats one already chosen (`REPEAT`) is
left out; different figures for one counted noun are noted, each with its citations
(`figures.py`). An item also cites, in each article it does not cite yet, a sentence that
repeats one of its sentences word for word, however far down that article it stands
(`_with_repeats`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lang.terms import content_terms
from ..lang.vectors import centroid, cosine, tfidf
from ..rank import REPEAT as BRIEF_REPEAT
from ..rank import Ranker, get_ranker
from ..rank.features import features
from ..rank.standalone import judge, shown_span
from ..segment import collapse
from ..values import Article, Citation
from .figures import differing_figures
from .reading import Candidate, StoryTerms
from .same_fact import similar_pairs

__all__ = ["REPEAT", "Fact", "candidates", "group_facts"]

REPEAT = 0.45  # cosine at or above which a candidate item repeats an item already chosen
SUPPORT_WEIGHT = 0.35  # what each additional backing article adds to an item's importance
CANDIDATES_PER_ARTICLE = 12  # an article's most salient sentences take part, and as many that stand alone
REPEATED_WORDS = 6  # a sentence of this many words or more that another article repeats is cited there too
TRIMMED_DAMPING = 0.6  # salience kept by a sentence shown without its leading connective
CENTRAL_WEIGHT = 1.0  # what being typical of the whole story (cosine to its centroid) adds
TITLE_WEIGHT = 1.0  # what restating its article's headline (cosine to the title) adds
# A fact two reports back, with no member in the sure tier, shows a member the judgement rates
# at least this likely to stand alone. On the tuning split's 39 such lines, the 6 below it were
# 1 NEEDS_CONTEXT, 2 unlabelled of the same kind and 3 credits ("Sumber berita Oppo.") that
# cleaning now drops, none labelled STANDALONE; a reader's check found "Dua orang itu juga
# diperiksa ..." (0.49) shown as a line.
FALLBACK_LIKELY = 0.5


@dataclass(frozen=True, slots=True)
class Fact:
    """An item before translation: the representative sentence and every citation."""

    article: Article
    index: int  # the representative sentence in `article`
    citations: tuple[Citation, ...]  # representative first, then the others by similarity
    score: float
    figures: tuple[tuple[str, tuple[Citation, ...]], ...] = ()  # set when reports give different numbers

    @property
    def span(self) -> tuple[int, int]:
        """Offsets of what the line shows: the sentence, or its end after a leading connective."""
        return shown_span(self.article, self.index)

    @property
    def trimmed(self) -> bool:
        return self.span[0] != self.article.sentences[self.index].start

    @property
    def source_text(self) -> str:
        if not self.trimmed:
            return self.article.sentences[self.index].text
        start, end = self.span
        return collapse(self.article.text[start:end])

    @property
    def sources(self) -> int:
        return len({c.article for c in self.citations})


def candidates(articles: Sequence[Article], ranker: Ranker) -> list[Candidate]:
    """The candidates of every article, with their salience within the story.

    A digest line stands alone: only a sentence the stands-alone judgement (`rank.standalone`)
    passes is `shown`, or one it passes once a leading connective is left off ("Namun, ..."),
    which weighs less (`TRIMMED_DAMPING`): the connective often meant something. The others
    (needing an earlier sentence, a hook, a fragment, furniture) may back an item as citations
    but never are its line, so never lead a story. Of those shown, one the judgement has a
    doubt about (`Judgement.doubt`) is not `sure`: it is a line only of a fact another
    report backs (`_lines`).

    Salience is the ranker's score (scaled within the article), plus how typical the sentence
    is of the whole story (cosine to the centroid of all candidates), plus how closely it
    restates its article's headline: every article's lead scores high with the ranker, and
    the sentence that states what the story is about, the fact the editors put in the
    headline, should lead.
    """
    story = StoryTerms(articles)
    nodes = []
    for k, article in enumerate(articles):
        feats = features(article)
        scores = ranker.score(article, feats)
        title = tfidf(content_terms(article.title), story.weights)
        top = max(scores, default=0.0) or 1.0
        verdicts = judge(article)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        # The most salient sentences that may be lines, and those that may only back one.
        lines = [i for i in ranked if verdicts[i].stands_alone or verdicts[i].trim][:CANDIDATES_PER_ARTICLE]
        for i in sorted({*lines, *ranked[:CANDIDATES_PER_ARTICLE]}):
            salience = scores[i] / top
            if verdicts[i].trim:
                salience *= TRIMMED_DAMPING
            salience += TITLE_WEIGHT * cosine(tfidf(story.terms[k][i], story.weights), title)
            shown = verdicts[i].stands_alone or verdicts[i].trim > 0
            sure = verdicts[i].line
            score = verdicts[i].score
            likely = score if score is not None else float(shown)
            own = feats[i].vector
            nodes.append(
                story.candidate(k, article, i, salience, shown=shown, sure=sure, likely=likely, own=own)
            )
    middle = centroid(node.vector for node in nodes)
    if not middle:
        # No vector has a term (a story of one article shares none with another): every
        # cosine to the centroid is 0, and each salience stays as it is.
        return nodes
    return [
        replace(node, salience=node.salience + CENTRAL_WEIGHT * cosine(node.vector, middle)) for node in nodes
    ]


def _members(
    i: int,
    sims: dict[int, dict[int, float]],
    free: set[int],
    nodes: Sequence[Candidate],
    masks: Sequence[int],
) -> list[int]:
    """`i` and, from each other article, its closest report that states the same fact.

    Candidates are taken closest first; each must pass the judge with every member taken
    so far, so a sentence that matches `i` on one side never joins a fact the others state.
    (`masks[m]` has bit j set when m and j pass the judge: one AND keeps what every member
    passes with, however many near-copies a fact has.)
    """
    members = [i]
    seen = {nodes[i].article.id}
    agreed = -1  # every bit: the nodes all members after `i` pass the judge with
    for j, _ in sorted(((j, s) for j, s in sims[i].items() if j in free), key=lambda js: (-js[1], js[0])):
        if nodes[j].article.id not in seen and agreed >> j & 1:
            members.append(j)
            seen.add(nodes[j].article.id)
            agreed &= masks[j]
    return members


def _lines(members: Sequence[int], nodes: Sequence[Candidate]) -> list[int]:
    """The members that may be the item's line: those the judgement is sure of; failing
    them, when another report backs the fact, those that stand alone all the same and that it
    rates more likely than not to (`FALLBACK_LIKELY`: a fact two articles state is kept, one
    article's doubted sentence is left out); else none."""
    sure = [m for m in members if nodes[m].sure]
    if sure or len(members) < 2:
        return sure
    return [m for m in members if nodes[m].shown and nodes[m].likely >= FALLBACK_LIKELY]


def _representative(members: Sequence[int], nodes: Sequence[Candidate]) -> int:
    """The most informative member that stands alone: the one stating most of what the
    reports share; where the judgement is sure of none (`_lines`), the one it rates likeliest.

    Terms that two or more members use are the fact itself; the member holding most of
    them says it most fully. Salience breaks ties.
    """
    shown = _lines(members, nodes)
    if len(shown) == 1:
        return shown[0]
    if not any(nodes[m].sure for m in shown):
        # Doubted members only (a fact two reports back): the one the judgement rates likeliest
        # to stand alone. "Hari ini, Rabu (8/11), ia telah resmi menjadi istri ..." held more of
        # the shared words than "Kahiyang dan Bobby kini telah resmi menyandang status ...", and
        # its "ia" was the line.
        return max(shown, key=lambda m: (nodes[m].likely, nodes[m].salience))
    counts = Counter(t for m in members for t in nodes[m].terms)
    shared = {t for t, c in counts.items() if c >= 2}
    return max(shown, key=lambda m: (len(nodes[m].terms & shared), nodes[m].salience))


def _alike(x: Candidate, y: Candidate, known: dict[tuple[str, str], bool]) -> bool:
    """Whether `x` repeats `y`, memoised by text: a whole-sentence cosine of `REPEAT` or more
    over the terms the story's articles share, or, for two sentences of one article, of
    `rank.REPEAT` (a brief's) over their article's own terms. A one-article story reads like a
    brief, and its shared terms are none: "Wiranto memastikan Presiden Filipina Rodrigo Duterte
    sudah memberikan lampu hijau ..." and, eleven sentences on, "Sebelumnya, Presiden Filipina
    Rodrigo Duterte sudah memberikan lampu hijau ..." were two lines of one story."""
    key = (x.text, y.text)
    if key not in known:
        known[key] = cosine(x.vector, y.vector) >= REPEAT or (
            x.article.id == y.article.id
            and x.own is not None
            and y.own is not None
            and cosine(x.own, y.own) >= BRIEF_REPEAT
        )
    return known[key]


def _fact(score: float, members: Sequence[int], nodes: Sequence[Candidate]) -> Fact:
    """An item as a Fact: its representative sentence first, then the other citations."""
    rep = _representative(members, nodes)
    ordered = [rep] + [m for m in members if m != rep]
    citations = tuple(Citation(nodes[m].article.id, nodes[m].index) for m in ordered)
    texts = [nodes[m].text for m in ordered]
    return Fact(
        article=nodes[rep].article,
        index=nodes[rep].index,
        citations=citations,
        score=round(score, 4),
        figures=differing_figures(texts, citations),
    )


def _repeats(articles: Sequence[Article]) -> dict[str, list[Citation]]:
    """Each sentence of `REPEATED_WORDS` words or more that two or more articles hold word for
    word (lower-cased): its first place in each of them."""
    where: dict[str, dict[str, Citation]] = {}
    for article in articles:
        for i, sentence in enumerate(article.sentences):
            if len(sentence.text.split()) >= REPEATED_WORDS:
                where.setdefault(sentence.text.lower(), {}).setdefault(article.id, Citation(article.id, i))
    return {text: list(places.values()) for text, places in where.items() if len(places) > 1}


def _with_repeats(fact: Fact, repeats: dict[str, list[Citation]], by_id: dict[str, Article]) -> Fact:
    """`fact` citing also each article it does not cite yet that repeats one of its cited
    sentences word for word (`_repeats`). Only an article's most salient sentences are
    candidates, so a repeat far down an article was never compared: a detik.com report's
    30th sentence repeated another's 8th, which was a line, and went uncited. A repeat only
    adds a citation; it never makes a line or an item."""
    cited = {c.article for c in fact.citations}
    extra: list[Citation] = []
    for c in fact.citations:
        for place in repeats.get(by_id[c.article].sentences[c.index].text.lower(), ()):
            if place.article not in cited:
                cited.add(place.article)
                extra.append(place)
    return replace(fact, citations=fact.citations + tuple(extra)) if extra else fact


def group_facts(articles: Sequence[Article], *, n: int = 10, ranker: Ranker | None = None) -> list[Fact]:
    """The `n` most important facts across `articles`, each citing every article stating it.

    Importance is the ranker's salience of the item's best sentence plus `SUPPORT_WEIGHT`
    for each other article backing it; facts come most important first, so a story's key
    fact leads even when fewer reports repeat it than repeat its background.
    """
    if n <= 0 or not articles:
        return []
    nodes = candidates(articles, ranker or get_ranker())
    sims = similar_pairs(nodes)
    free = set(range(len(nodes)))
    masks = [sum(1 << j for j in sims[i]) for i in range(len(nodes))]

    def item(i: int) -> tuple[float, list[int]]:
        members = _members(i, sims, free, nodes, masks)
        lines = _lines(members, nodes)
        if not lines:
            return -math.inf, members  # nothing a reader could take alone: never a line
        score = max(nodes[m].salience for m in lines)
        return score + SUPPORT_WEIGHT * (len(members) - 1), members

    chosen: list[tuple[float, list[int]]] = []
    # Near-copies repeat sentences word for word: each text is compared once with each chosen one.
    shown_texts: dict[str, Candidate] = {}
    alike: dict[tuple[str, str], bool] = {}
    # An item changes only when a sentence it could take is taken: recompute just those.
    items = {i: item(i) for i in free}
    while free and len(chosen) < n:
        best = max(sorted(free), key=lambda i: items[i][0])
        score, members = items[best]
        if score == -math.inf:
            break
        free.difference_update(members)
        taken = set(members)
        for i in free:
            if taken & sims[i].keys():
                items[i] = item(i)
        said = {nodes[m].text: nodes[m] for m in members}
        if not any(_alike(x, y, alike) for y in shown_texts.values() for x in said.values()):
            chosen.append((score, members))
            shown_texts.update(said)

    repeats, by_id = _repeats(articles), {a.id: a for a in articles}
    facts = [_with_repeats(_fact(score, members, nodes), repeats, by_id) for score, members in chosen]
    # Later rounds can outscore earlier ones once members are taken: most important first.
    facts.sort(key=lambda f: -f.score)
    return facts
