"""Grouping: articles into stories, sentences into facts, and how many facts each story shows.

- `stories`: articles that report one event form a story (`group_stories`).
- `article_pairs`: what makes two articles alike (`article_vectors`, `pair_similarities`),
  and finding the pairs alike enough to share a story without comparing every pair.
- `facts`: within a story, sentences from different articles that state the same core
  fact become one item citing all of them (`group_facts`).
- `same_fact`: the same-fact decision, whether two sentences of different articles may be
  cited for one fact (`same_fact`), and the pairs of a story worth asking it about.
- `reading`: what that decision reads of a sentence (its main clause, actors, verb, speaker,
  stance, numbers and days).
- `figures`: numbers that reports attach to the same fact, and where they differ.
- `copies`: republished copies of one report, and the independent publishers a count counts.

`plan` puts them together for the digest: which stories, in which order, with which facts,
under which heading. A republished copy (`Article.duplicate_of`) is not a report of its own:
the digest shows the article it copies, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..lang.wordlists import STOPWORDS_ID
from ..parallel import process_map, processes_for
from ..rank import Ranker
from ..rank.news import news_score
from ..values import Article, Citation
from .copies import mark_copies, publishers, spell_publishers_alike
from .facts import Fact, group_facts
from .stories import StoryGroup, group_stories

__all__ = [
    "SINGLE_ARTICLE_ITEMS",
    "Fact",
    "Plan",
    "Section",
    "StoryGroup",
    "allot",
    "group_facts",
    "group_stories",
    "headline",
    "mark_copies",
    "plan",
    "publishers",
    "spell_publishers_alike",
]

SINGLE_ARTICLE_ITEMS = 3  # a story only one article covers is shown shorter, like a brief


@dataclass(frozen=True, slots=True)
class Section:
    """One story of the digest, before translation: its articles and the facts it shows."""

    story: StoryGroup
    facts: tuple[Fact, ...]

    @property
    def heading(self) -> str | None:
        """The story's headline (`heading_of`), or None."""
        chosen = self.heading_of
        return chosen[1] if chosen else None

    @property
    def heading_of(self) -> tuple[Article, str] | None:
        """The article whose headline heads the story, and that headline: of its articles'
        headlines, one that does not hold its news back (`teasing_headline`), then the one whose
        words the story's lines say most of, then that of the article whose sentence leads the
        story, then the central article's, then the one that reads most as news (`news_score`),
        then the first in the order of the alphabet: a story of two articles has no central one,
        and its headline followed the order the articles were given in. Read as a user on
        detik.com: a story of the Fed's rate cut was headed "Harga Minyak Mentah Turun Usai
        The Fed Pangkas Suku Bunga" (no line told of oil), and others "..., Ini Kata
        Kemenkeu", "... Dipakai Untuk Ini", where another article's headline told the news.
        None when no article has a headline, or when the story shows one line and the headline
        is that line or its start (a heading that repeats it is noise)."""
        shown = {w for f in self.facts for w in _content_words(f.source_text)}
        lead = self.facts[0].article if self.facts else None
        central = self.story.central if len(self.story.articles) > 2 else None

        def key(candidate: tuple[Article, str]) -> tuple[bool, float, bool, bool, float]:
            article, title = candidate
            words = _content_words(title)
            said = sum(w in shown for w in words) / len(words) if words else 0.0
            return (not teasing_headline(title), said, article is lead, article is central, news_score(title))

        titled = [(a, t) for a in self.story.articles if (t := headline(a))]
        if not titled:
            return None
        # `max` keeps the first of equal keys: in the order of the alphabet, not of the input.
        article, title = max(sorted(titled, key=lambda at: at[1]), key=key)
        if len(self.facts) == 1 and _folded(self.facts[0].source_text).startswith(_folded(title)):
            return None
        return article, title


# A headline that holds its news back for a click: "Heboh Sri Mulyani Sebut Guru Beban Negara,
# Ini Kata Kemenkeu", "Kemenkeu Minta Anggaran Rp 52 T di 2026, Dipakai Untuk Ini", "BPS
# Mendadak Tunda Rilis Data, Airlangga Bilang Begini", "..., Berikut Fakta-faktanya", a question.
_TEASING = re.compile(
    r"(?:^|[,:;!?–—-]\s*)(?:ini|begini|berikut|simak)\b"
    r"|\b(?:untuk|soal|kata|bilang|jawab|respons|reaksi)\s+(?:ini|begini)\b|\?",
    re.IGNORECASE,
)


def teasing_headline(title: str) -> bool:
    """Whether a headline holds its news back for a click (`_TEASING`)."""
    return bool(_TEASING.search(title))


def _content_words(text: str) -> set[str]:
    return {w for w in _folded(text).split() if len(w) > 3 and w not in STOPWORDS_ID}


def _folded(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def headline(article: Article) -> str | None:
    """The article's own title; None when its title is only its first sentence (or the start
    of it, cut with "…"), as ingest makes one for a text with no title line."""
    if not article.sentences:
        return article.title or None
    title = _folded(article.title.removesuffix("…"))
    if not title or _folded(article.sentences[0].text).startswith(title):
        return None
    return article.title


def allot(available: Sequence[int], weights: Sequence[int], total: int) -> list[int]:
    """How many items each story shows, out of `total`, in story order.

    First one item per story, so that a small total still covers as many stories as it
    can; then round by round, each story taking as many more as it has articles, so that
    widely covered stories get more lines than stories one article reports.
    """
    counts = [0] * len(available)
    left = total
    first = True
    while left > 0:
        progressed = False
        for k, have in enumerate(available):
            take = min(1 if first else weights[k], have - counts[k], left)
            if take > 0:
                counts[k] += take
                left -= take
                progressed = True
        first = False
        if not progressed:
            break
    return counts


def _ordered_facts(
    groups: Sequence[StoryGroup],
    n: int,
    items_per_story: int,
    max_stories: int | None,
    ranker: Ranker | None,
    workers: int | None = None,
) -> tuple[list[int], dict[int, list[Fact]]]:
    """The stories in display order, as far as the digest can reach, and their facts.

    Stories are ordered by how many articles cover them, then facts first (`_precedence`),
    and the digest shows at most one story per item it has room for (a story with no line
    takes a place too). So facts are worked out tier by tier (all stories of one size,
    which their scores then order) and only until the tiers done hold `n` stories (or
    `max_stories`): the stories after those can't be shown. A day of news is mostly stories
    of one article, and those are never reached by a 20-item digest, so their facts are
    never computed. Every story whose facts are computed is ordered exactly as if all were.
    """
    by_size: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        by_size.setdefault(len(g.articles), []).append(k)
    sizes = sorted(by_size, reverse=True)
    order: list[int] = []
    per_story: dict[int, list[Fact]] = {}
    room = n if max_stories is None else min(n, max_stories)

    while sizes and len(order) < room:
        # The tiers the digest reaches, worked out together so that they can be spread
        # over processes; a tier is never worked out that the digest would not reach.
        batch: list[int] = []
        reach = len(order)
        while sizes and reach < room:
            batch.append(sizes.pop(0))
            reach += len(by_size[batch[-1]])
        cap = {
            size: items_per_story if size > 1 else min(items_per_story, SINGLE_ARTICLE_ITEMS)
            for size in batch
        }
        stories = [k for size in batch for k in by_size[size]]
        jobs = [(groups[k].articles, cap[len(groups[k].articles)]) for k in stories]
        for k, (articles, _), found in zip(stories, jobs, _facts_of(jobs, ranker, workers), strict=True):
            per_story[k] = [
                Fact(articles[a], index, citations, score, figures)
                for a, index, citations, score, figures in found
            ]
        for size in batch:
            order += sorted(by_size[size], key=lambda k: (*_precedence(per_story[k]), k))
    return order, per_story


def _precedence(facts: Sequence[Fact]) -> tuple[bool, float, float]:
    """How a story sorts among stories of its size: after those with a line if it has none;
    else the one whose first line reads most as news first (`rank.news`: who did, said or
    decided what, how much, when; not a scene, a description or a judgement), then by that
    line's ranker score (which rates a sentence within its own article, so it cannot order
    stories alone: every lead scores near the top)."""
    if not facts:
        return (True, 0.0, 0.0)
    top = facts[0]
    return (False, -news_score(top.source_text), -top.score)


# A story's facts, as a pool process sends them back: the representative article's place in
# the story, then the rest of the Fact (Articles are not sent back: the caller has them).
_Found = list[tuple[int, int, tuple[Citation, ...], float, tuple[tuple[str, tuple[Citation, ...]], ...]]]

# Each process gets at least this many stories' facts to work out (a process costs more).
PARALLEL_STORIES = 20
_ranker: Ranker | None = None  # in a pool process: the ranker its jobs use


def _use_ranker(ranker: Ranker | None) -> None:
    global _ranker
    _ranker = ranker


def _facts_job(job: tuple[Sequence[Article], int]) -> _Found:
    """`group_facts` of one story in a pool process (top-level, so spawned ones find it)."""
    return _facts_in(job, _ranker)


def _facts_in(job: tuple[Sequence[Article], int], ranker: Ranker | None) -> _Found:
    articles, cap = job
    place = {id(a): k for k, a in enumerate(articles)}
    return [
        (place[id(f.article)], f.index, f.citations, f.score, f.figures)
        for f in group_facts(articles, n=cap, ranker=ranker)
    ]


def _facts_of(
    jobs: Sequence[tuple[Sequence[Article], int]], ranker: Ranker | None, workers: int | None
) -> Iterator[_Found]:
    """The facts of each job's story: over up to `workers` processes when there are many stories."""
    count = processes_for(len(jobs), PARALLEL_STORIES, workers)  # decided once: the load may move
    if count == 1:
        return (_facts_in(job, ranker) for job in jobs)  # no module state in this process
    return process_map(
        _facts_job,
        jobs,
        per_worker=PARALLEL_STORIES,
        workers=count,
        initializer=_use_ranker,
        initargs=(ranker,),
    )


@dataclass(frozen=True, slots=True)
class Plan:
    """The digest's sections in display order, and how many stories the articles hold
    (copies left out), so that the stories a cap leaves out can be counted."""

    sections: list[Section]
    stories: int


def plan(
    articles: Sequence[Article],
    *,
    n: int,
    items_per_story: int,
    max_stories: int | None = None,
    ranker: Ranker | None = None,
    workers: int | None = None,
) -> Plan:
    """The digest's sections, in display order, each with the facts it shows (`Plan`).

    Stories are ordered by how many articles cover them, then the one whose line tells news
    first (`_precedence`);
    a story of one article gets at most `SINGLE_ARTICLE_ITEMS` facts. A story none of whose
    sentences may be a line (none stands alone surely enough, `rank.standalone`) is still a
    section, with no facts, after those of its size that have some: it never vanishes
    silently (the reader follows its citations). Republished copies
    (`duplicate_of` set, see `mark_copies`) are left out. `n` caps the facts of
    the whole digest (first one per story, then more to stories with more articles),
    `items_per_story` those of each story, `max_stories` the sections. The facts of many
    stories are worked out over up to `workers` processes (None: every core).
    """
    groups = group_stories([a for a in articles if not a.duplicate_of])
    order, per_story = _ordered_facts(groups, n, items_per_story, max_stories, ranker, workers)
    # At most one story per item the digest has room for: a story with no line takes a place too.
    order = order[: max(n if max_stories is None else min(n, max_stories), 0)]
    counts = allot([len(per_story[k]) for k in order], [len(groups[k].articles) for k in order], n)
    sections = [
        Section(groups[k], _reading_order(groups[k], per_story[k][:count]))
        for k, count in zip(order, counts, strict=True)
        if count or not per_story[k]
    ]
    return Plan(sections, len(groups))


def _reading_order(story: StoryGroup, facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """The order a story shows the facts chosen for it (most important first): a story of one
    article in the article's own order, so that a line naming "kepala Diskar PB Bandung Ferdi
    Ligaswara" comes before the line "Ferdi mengatakan ..."; the story's place among stories was
    decided before, on its most important line (`_precedence`), which is its first in source order
    too on almost every story. A story of several articles keeps importance order: its lines come
    from different reports, with no one order to follow, and its first is the fact the most
    reports back."""
    if len(story.articles) > 1:
        return tuple(facts)
    return tuple(sorted(facts, key=lambda f: f.index))
