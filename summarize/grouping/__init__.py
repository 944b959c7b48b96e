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


def _ordered_facts(
    groups: Sequence[StoryGroup],
    n: int,
    items_per_story: int,
    max_stories: int | None,
    ranker: Ranker | None,
) -> tuple[list[int], dict[int, list[Fact]]]:
    """The stories in display order, as far as the digest can reach, and their facts.

    Stories are ordered by how many articles cover them, then by their top fact's score,
    and the digest shows at most one story per item it has room for. So facts are worked
    out tier by tier (all stories of one size, which their scores then order) and only
    until the tiers done hold `n` stories with a fact (or `max_stories` stories): the
    stories after those can't be shown. A day of news is mostly stories of one article,
    and those are never reached by a 20-item digest, so their facts are never computed.
    Every story whose facts are computed is ordered exactly as if all were.
    """
    by_size: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        by_size.setdefault(len(g.articles), []).append(k)
    order: list[int] = []
    per_story: dict[int, list[Fact]] = {}
    shown = 0
    for size in sorted(by_size, reverse=True):
        if shown >= n or (max_stories is not None and len(order) >= max_stories):
            break
        cap = items_per_story if size > 1 else min(items_per_story, SINGLE_ARTICLE_ITEMS)
        tier = by_size[size]
        for k in tier:
            per_story[k] = group_facts(groups[k].articles, n=cap, ranker=ranker)
        order += sorted(tier, key=lambda k: (-(per_story[k][0].score if per_story[k] else 0.0), k))
        shown += sum(1 for k in tier if per_story[k])
    return order, per_story


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
    order, per_story = _ordered_facts(groups, n, items_per_story, max_stories, ranker)
    if max_stories is not None:
        order = order[: max(max_stories, 0)]
    counts = allot([len(per_story[k]) for k in order], [len(groups[k].articles) for k in order], n)
    return [
        Section(groups[k], tuple(per_story[k][:count]))
        for k, count in zip(order, counts, strict=True)
        if count
    ]
