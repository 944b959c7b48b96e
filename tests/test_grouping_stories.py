"""Story grouping: one story per event, unrelated articles apart."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.grouping.stories import group_stories
from summarize.values import Article

DATA = Path(__file__).parent / "data"


def test_seeds_form_one_story(seed_articles: tuple[Article, ...]) -> None:
    groups = group_stories(seed_articles)
    assert len(groups) == 1
    assert [a.id for a in groups[0].articles] == ["1", "2", "3", "4", "5"]
    assert groups[0].central in seed_articles


def test_unrelated_articles_stay_out_of_the_seed_story(mixed: tuple[Article, ...]) -> None:
    groups = group_stories(mixed)
    assert [a.id for a in groups[0].articles] == ["1", "2", "3", "4", "5"]
    # Two of the others are about North Korea or Russia too, but other events.
    assert sorted(len(g.articles) for g in groups[1:]) == [1, 1, 1, 1]


def test_most_covered_story_first(mixed: tuple[Article, ...]) -> None:
    reordered = mixed[5:] + mixed[:5]
    sizes = [len(g.articles) for g in group_stories(reordered)]
    assert sizes == sorted(sizes, reverse=True)


def test_empty_and_single() -> None:
    assert group_stories([]) == []


def test_single_article_is_its_own_story(mixed: tuple[Article, ...]) -> None:
    (group,) = group_stories(mixed[-1:])
    assert group.articles == (mixed[-1],) and group.central == mixed[-1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_grouping_is_a_partition_and_keeps_seeds_apart(
    mixed: tuple[Article, ...], data: st.DataObject
) -> None:
    # At least two seeds: IDF comes from the input alone, so a lone seed beside a lone other
    # North Korea article has nothing to tell it that "Korea Utara" is a common topic word.
    seeds_in = data.draw(st.lists(st.integers(0, 4), min_size=2, max_size=5, unique=True))
    others = data.draw(st.lists(st.integers(5, len(mixed) - 1), max_size=len(mixed) - 5, unique=True))
    order = data.draw(st.permutations(seeds_in + others))
    picked = [mixed[i] for i in order]
    groups = group_stories(picked)
    ids = [a.id for g in groups for a in g.articles]
    assert sorted(ids) == sorted(a.id for a in picked)
    for g in groups:
        kinds = {"indosum_" in a.source for a in g.articles}
        assert len(kinds) == 1, "a seed and an unrelated article share a story"
        assert g.central in g.articles
