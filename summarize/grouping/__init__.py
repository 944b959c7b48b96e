"""Grouping: articles into stories, sentences into facts, and how many facts each story shows.

- `stories`: articles that report one event form a story (`group_stories`).
- `facts`: within a story, sentences from different articles that state the same core
  fact become one item citing all of them (`group_facts`); the same-fact decision lives there.
- `figures`: numbers that reports attach to the same fact, and where they differ.

`plan` puts them together for the digest: which stories, in which order, with which facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..rank import Ranker
from ..values import Article
from .facts import Fact, group_facts
from .stories import StoryGroup, group_stories

__all__ = [
    "SINGLE_ARTICLE_ITEMS",
    "Fact",
    "Section",
    "StoryGroup",
    "allot",
    "group_facts",
    "group_stories",
    "plan",
]

SINGLE_ARTICLE_ITEMS = 3  # a story only one article covers is shown shorter, like a brief


@dataclass(frozen=True, slots=True)
class Section:
    """One story of the digest, before translation: its articles and the facts it shows."""

    story: StoryGroup
    facts: tuple[Fact, ...]


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


def plan(
    articles: Sequence[Article],
    *,
    n: int,
    items_per_story: int,
    max_stories: int | None = None,
    ranker: Ranker | None = None,
) -> list[Section]:
    """The digest's sections, in display order, each with the facts it shows.

    Stories are ordered by how many articles cover them (then by their top fact's score);
    a story of one article gets at most `SINGLE_ARTICLE_ITEMS` facts. `n` caps the facts of
    the whole digest (first one per story, then more to stories with more articles),
    `items_per_story` those of each story, `max_stories` the sections.
    """
    groups = group_stories(articles)
    per_story = []
    for g in groups:
        cap = items_per_story if len(g.articles) > 1 else min(items_per_story, SINGLE_ARTICLE_ITEMS)
        per_story.append(group_facts(g.articles, n=cap, ranker=ranker))
    order = sorted(
        range(len(groups)),
        key=lambda k: (-len(groups[k].articles), -(per_story[k][0].score if per_story[k] else 0.0), k),
    )
    if max_stories is not None:
        order = order[: max(max_stories, 0)]
    counts = allot([len(per_story[k]) for k in order], [len(groups[k].articles) for k in order], n)
    return [
        Section(groups[k], tuple(per_story[k][:count]))
        for k, count in zip(order, counts, strict=True)
        if count
    ]
