"""Story grouping: one story per event, unrelated articles apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.grouping import stories
from summarize.grouping.article_pairs import TERMS_PER_ARTICLE, _strongest, article_vectors
from summarize.grouping.stories import STORY_DAYS, STORY_THRESHOLD, _partition, group_stories
from summarize.ingest.article import article_from_text
from summarize.lang.terms import content_terms
from summarize.lang.vectors import Vector, cosine, norm
from summarize.values import Article
from tests import indosum

ROOT = Path(__file__).resolve().parents[1]
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


# The one subset of the seeds and the four IndoSum articles of tests/data whose stories mix
# them: seeds 2 and 4 (which share little) beside articles 6 and 7 (North Korea, but other
# events): seed 2 and article 7 (Japan's new sanctions on North Korea) reach a cosine of
# 0.301 against the threshold of 0.30. With four articles, IDF cannot yet tell that "Korea
# Utara", "Kim" and "Moskow" are the topic's words, not one event's; a day of news can.
# Listed so that the test shows the limit, and tells when grouping gets past it.
KNOWN_MIXED = {(("2", "4"), ("6", "7"))}


def test_grouping_is_a_partition_and_keeps_seeds_apart_in_every_subset(mixed: tuple[Article, ...]) -> None:
    """Every subset of two or more seeds and any of the others, in input order and reversed."""
    seeds, others = mixed[:5], mixed[5:]
    assert all("indosum_" not in a.source for a in seeds) and all("indosum_" in a.source for a in others)
    mixes = set()
    for k in range(2, len(seeds) + 1):
        for some_seeds in itertools.combinations(seeds, k):
            for r in range(len(others) + 1):
                for some_others in itertools.combinations(others, r):
                    for picked in (some_seeds + some_others, (some_seeds + some_others)[::-1]):
                        groups = group_stories(picked)
                        ids = [a.id for g in groups for a in g.articles]
                        assert sorted(ids) == sorted(a.id for a in picked)
                        assert all(g.central in g.articles for g in groups)
                        if any(len({"indosum_" in a.source for a in g.articles}) > 1 for g in groups):
                            mixes.add((tuple(a.id for a in some_seeds), tuple(a.id for a in some_others)))
    assert mixes == KNOWN_MIXED, "a seed and an unrelated article share a story"


# ------------------------------------------------- the fast method against the exact one
#
# Today's exact method, kept as the reference: every pair that shares a term, and every pair
# of clusters rescanned on each merge (quadratic, which is why it was replaced).


def _reference_similarities(vectors: Sequence[Vector]) -> dict[tuple[int, int], float]:
    index: dict[str, list[tuple[int, float]]] = {}
    for i, v in enumerate(vectors):
        for t, w in v.items():
            index.setdefault(t, []).append((i, w))
    sims: dict[tuple[int, int], float] = {}
    for postings in index.values():
        for a in range(len(postings)):
            i, wi = postings[a]
            for j, wj in postings[a + 1 :]:
                sims[(i, j)] = sims.get((i, j), 0.0) + wi * wj
    return sims


def _reference_partition(
    vectors: Sequence[Vector], threshold: float = STORY_THRESHOLD, days: Sequence[int | None] | None = None
) -> list[list[int]]:
    n = len(vectors)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def fit(a: int, b: int) -> bool:  # the days of both clusters' dated articles span at most STORY_DAYS
        dated = [days[i] for i in members[a] + members[b] if days is not None and days[i] is not None]
        return not dated or max(dated) - min(dated) <= STORY_DAYS

    link: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in _reference_similarities(vectors).items():
        link[i][j] = link[j][i] = s
    while True:
        best, pair = threshold, None
        for a, row in link.items():
            size_a = len(members[a])
            for b, total in row.items():
                if a < b and fit(a, b):
                    mean = total / (size_a * len(members[b]))
                    if mean >= best and (pair is None or mean > best or (a, b) < pair):
                        best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        for c, total in link.pop(b).items():
            del link[c][b]
            if c != a:
                link[a][c] = link[c][a] = link[a].get(c, 0.0) + total
        members[a] += members.pop(b)
    return sorted(sorted(m) for m in members.values())


def _ordinal(published: str | None) -> int | None:
    return dt.date.fromisoformat(published[:10]).toordinal() if published else None


def _reference_groups(articles: Sequence[Article]) -> list[tuple[list[str], str]]:
    """(article ids, central id) per story, as the exact method's group_stories gave them."""
    vectors = article_vectors(articles)
    days = [_ordinal(a.published) for a in articles]
    clusters = sorted(_reference_partition(vectors, days=days), key=lambda c: (-len(c), c[0]))
    out = []
    for c in clusters:
        central = max(c, key=lambda i: (sum(cosine(vectors[i], vectors[j]) for j in c if j != i), -i))
        out.append(([articles[i].id for i in c], articles[central].id))
    return out


def _groups(articles: Sequence[Article]) -> list[tuple[list[str], str]]:
    return [([a.id for a in g.articles], g.central.id) for g in group_stories(articles)]


needs_indosum = pytest.mark.skipif(
    not (indosum.DATA_DIR / "dev.01.jsonl").exists(),
    reason=f"IndoSum folds not found in {indosum.DATA_DIR} (set INDOSUM_DIR)",
)


@pytest.fixture(scope="module")
def indosum_mix(mixed: tuple[Article, ...]) -> list[Article]:
    """Seeds and unrelated articles, 240 IndoSum articles and 2 or 3 altered copies of 60 of them."""
    records = random.Random(13).sample(indosum.load_records(data_dir=indosum.DATA_DIR), 240)
    records += [indosum.altered(r, copy) for r in records[:60] for copy in range(1, 2 + len(r.id) % 2 + 1)]
    random.Random(14).shuffle(records)
    articles = list(mixed)
    for r in records:
        text = indosum.record_file(r)
        title, body = text.split("\n\n", 1)
        articles.append(article_from_text(body, id=str(len(articles) + 1), source=r.id, title=title))
    return articles


@pytest.fixture(scope="module")
def dated_mix(indosum_mix: list[Article]) -> list[Article]:
    """The IndoSum mix with nine in ten articles dated at random over 120 days: stories whose
    dates span too long are cut, copies of one report included."""
    rng = random.Random(15)
    start = dt.date(2017, 1, 1)
    return [
        dataclasses.replace(a, published=(start + dt.timedelta(days=rng.randrange(120))).isoformat())
        if rng.random() < 0.9
        else a
        for a in indosum_mix
    ]


def test_same_stories_as_the_exact_method_on_seeds_and_mixed(
    seed_articles: tuple[Article, ...], mixed: tuple[Article, ...]
) -> None:
    assert _groups(seed_articles) == _reference_groups(seed_articles)
    assert _groups(mixed) == _reference_groups(mixed)


@needs_indosum
def test_same_stories_as_the_exact_method_on_indosum(indosum_mix: list[Article]) -> None:
    groups = _groups(indosum_mix)
    assert groups == _reference_groups(indosum_mix)
    # The copies make real multi-article stories, so the comparison covers merges, not only singletons.
    assert sum(len(ids) > 1 for ids, _ in groups) >= 50


@needs_indosum
def test_same_stories_as_the_exact_method_on_dated_indosum(dated_mix: list[Article]) -> None:
    groups = _groups(dated_mix)
    assert groups == _reference_groups(dated_mix)
    # The dates cut stories the undated mix keeps whole, so the comparison covers refused merges.
    undated = {tuple(ids) for ids, _ in _groups([dataclasses.replace(a, published=None) for a in dated_mix])}
    assert sum(tuple(ids) not in undated for ids, _ in groups) >= 10


@needs_indosum
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_same_stories_as_the_exact_method_on_random_subsets(
    indosum_mix: list[Article], data: st.DataObject
) -> None:
    picked = data.draw(st.lists(st.sampled_from(indosum_mix), min_size=1, max_size=80, unique_by=id))
    assert _groups(picked) == _reference_groups(picked)


# Few terms and few distinct weights: many equal similarities (ties) and long chains.
_vectors = st.lists(
    st.dictionaries(
        st.sampled_from("abcdefgh"), st.sampled_from([1.0, 2.0, 3.0]), min_size=1, max_size=5
    ).map(norm),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(vectors=_vectors, threshold=st.sampled_from([0.1, 0.3, 0.5, 0.8, 1.0]))
def test_same_partition_as_the_exact_method_on_random_vectors(
    vectors: list[Vector], threshold: float
) -> None:
    assert sorted(_partition(vectors, threshold)) == _reference_partition(vectors, threshold)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), vectors=_vectors, threshold=st.sampled_from([0.1, 0.3, 0.5]))
def test_same_partition_as_the_exact_method_on_random_vectors_and_days(
    data: st.DataObject, vectors: list[Vector], threshold: float
) -> None:
    # Days near the limit and undated articles: which merges a span refuses, and what merges instead.
    day = st.one_of(st.none(), st.integers(0, 3 * STORY_DAYS))
    days = data.draw(st.lists(day, min_size=len(vectors), max_size=len(vectors)))
    assert sorted(_partition(vectors, threshold, days)) == _reference_partition(vectors, threshold, days)


def test_articles_a_month_or_more_apart_are_never_one_story() -> None:
    # A general's January briefing and his October travel ban share every word that matters
    # to a story vector; reports within STORY_DAYS of each other, or undated, still join.
    text = (
        "Panglima TNI Jenderal Gatot Nurmantyo ditolak masuk ke Amerika Serikat. "
        "Gatot Nurmantyo hendak memenuhi undangan Panglima Angkatan Bersenjata AS Jenderal Joseph Dunford."
    )
    days = ["2017-10-22", "2017-10-23", None, "2017-01-16", "2017-01-17"]
    articles = [
        dataclasses.replace(article_from_text(text, id=str(k), source=f"{k}.txt"), published=day)
        for k, day in enumerate(days, 1)
    ]
    assert sorted(sorted(a.id for a in g.articles) for g in group_stories(articles)) in (
        [["1", "2", "3"], ["4", "5"]],
        [["1", "2"], ["3", "4", "5"]],
    )
    start = dt.date(2017, 10, 1)
    at_limit = [
        dataclasses.replace(a, published=(start + dt.timedelta(days=k * STORY_DAYS // 2)).isoformat())
        for k, a in enumerate(articles[:3])
    ]
    assert [len(g.articles) for g in group_stories(at_limit)] == [3]
    undated = [dataclasses.replace(a, published=None) for a in articles]
    assert [len(g.articles) for g in group_stories(undated)] == [5]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(alphabet="abcde", min_size=1, max_size=3), st.integers(1, 6), max_size=60),
    st.floats(0.5, 3.0),
)
def test_strongest_terms_are_the_head_of_the_full_sort(counts: dict[str, int], scale: float) -> None:
    c = Counter(counts)
    idf = {t: scale * (1 + len(t) % 3) for t in c}  # ties in count and in IDF both occur
    assert _strongest(c, idf) == sorted(c, key=lambda t: (-c[t], -idf[t], t))[:TERMS_PER_ARTICLE]


# ------------------------------------------------- the big-input path against the exact one


@needs_indosum
def test_the_big_input_path_finds_the_exact_stories_on_indosum(
    indosum_mix: list[Article], dated_mix: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forced on a mix where the exact method is cheap: capped postings, close pairs only and
    # summed vectors still give every story (and headline) the exact method gives.
    monkeypatch.setattr(stories, "EXACT_PAIRS", 0)
    assert stories._shared_pairs(article_vectors(indosum_mix)) > 0
    assert _groups(indosum_mix) == _reference_groups(indosum_mix)
    assert _groups(dated_mix) == _reference_groups(dated_mix)  # and it refuses the same merges


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.01, 1.0), min_size=1, max_size=6).map(norm),
        min_size=stories.CENTRAL_PAIRS + 1,
        max_size=60,
    )
)
def test_the_central_article_of_a_big_story_is_the_one_pairwise_sums_pick(vectors: list[Vector]) -> None:
    members = list(range(len(vectors)))
    sums = [sum(cosine(vectors[i], vectors[j]) for j in members if j != i) for i in members]
    best = max(sums)
    if sorted(sums)[-2] > best - 1e-9:
        return  # a near-tie: rounding may pick either, as it may in the pairwise sums
    assert stories._central(members, vectors) == sums.index(best)


def test_both_names_of_the_czech_republic_are_one_term() -> None:
    # Two outlets' reports of Indonesia U-19's loss at Toulon: one wrote "Ceska", one "Ceko".
    assert content_terms("kalah dari Republik Ceska") == content_terms("kalah dari Republik Ceko")


# Pairs that share only a person or only a country: a shared name is not a shared story.
_SHARE_A_NAME = [
    (
        "Presiden Joko Widodo meresmikan jalan tol Semarang-Batang di Jawa Tengah, Senin. "
        "Jalan tol sepanjang 75 kilometer itu memangkas waktu tempuh truk logistik.",
        "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang Shinzo Abe di Istana Bogor. "
        "Kedua pemimpin membahas kerja sama pelabuhan dan kereta cepat.",
    ),
    (
        "Korea Utara meluncurkan rudal balistik yang jatuh di Laut Jepang, Selasa pagi. "
        "Dewan Keamanan PBB menggelar rapat darurat membahas peluncuran itu.",
        "Tim sepak bola putri Korea Utara mengalahkan Vietnam 3-0 di Stadion Thuwunna, Yangon. "
        "Dua gol dicetak pada babak pertama lewat sundulan.",
    ),
]


@pytest.mark.parametrize("pair", _SHARE_A_NAME)
def test_articles_that_share_only_a_person_or_a_country_stay_apart(
    pair: tuple[str, str], mixed: tuple[Article, ...]
) -> None:
    a, b = (article_from_text(text, id=f"p{k}", source=f"p{k}.txt") for k, text in enumerate(pair))
    assert len(group_stories([a, b])) == 2
    crowded = group_stories([a, b, *mixed])
    assert next(g for g in crowded if a in g.articles).articles == (a,)
