"""`plan`: which stories the digest shows, in which order, with how many facts each."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

import summarize.grouping as grouping
from summarize.grouping import SINGLE_ARTICLE_ITEMS, Section, allot, group_facts, group_stories, plan
from summarize.grouping.facts import Fact
from summarize.ingest.article import article_from_text
from summarize.rank.news import news_score
from summarize.rank.sure import load_scorer
from summarize.values import Article
from tests import indosum

needs_indosum = pytest.mark.skipif(
    not (indosum.DATA_DIR / "dev.01.jsonl").exists(),
    reason=f"IndoSum folds not found in {indosum.DATA_DIR} (set INDOSUM_DIR)",
)


def _reference_plan(
    articles: Sequence[Article], *, n: int, items_per_story: int, max_stories: int | None = None
) -> list[Section]:
    """Every story's facts, every story ordered: what `plan` must give while computing less."""
    groups = group_stories(articles)
    per_story = [
        group_facts(
            g.articles,
            n=items_per_story if len(g.articles) > 1 else min(items_per_story, SINGLE_ARTICLE_ITEMS),
        )
        for g in groups
    ]

    # Largest stories first; within a size, the top line that reads most as news (then the top
    # fact's score), and a story with no line (none of its sentences stands alone for sure)
    # after those that have one. At most one story per item: a story with no line takes a
    # place, is shown with no facts, and no story vanishes unless the digest has no room for it.
    def news(facts: list[Fact]) -> float:
        return news_score(facts[0].source_text) if facts else 0.0

    order = sorted(
        range(len(groups)),
        key=lambda k: (
            -len(groups[k].articles),
            not per_story[k],
            -news(per_story[k]),
            -(per_story[k][0].score if per_story[k] else 0.0),
            k,
        ),
    )
    order = order[: n if max_stories is None else min(n, max_stories)]
    counts = allot([len(per_story[k]) for k in order], [len(groups[k].articles) for k in order], n)

    # A story of one article shows its lines in the article's order, several articles' most
    # important first.
    def shown(k: int, c: int) -> tuple[Fact, ...]:
        facts = per_story[k][:c]
        return tuple(facts if len(groups[k].articles) > 1 else sorted(facts, key=lambda f: f.index))

    return [
        Section(groups[k], shown(k, c)) for k, c in zip(order, counts, strict=True) if c or not per_story[k]
    ]


@pytest.fixture(scope="module")
def day(mixed: tuple[Article, ...]) -> list[Article]:
    """Seeds, 120 IndoSum articles and one or two altered copies of 40 of them: stories of 1 to 5."""
    records = random.Random(21).sample(indosum.load_records(data_dir=indosum.DATA_DIR), 120)
    records += [indosum.altered(r, copy) for r in records[:40] for copy in range(1, 2 + len(r.id) % 2)]
    random.Random(22).shuffle(records)
    articles = list(mixed)
    for r in records:
        title, body = indosum.record_file(r).split("\n\n", 1)
        articles.append(article_from_text(body, id=str(len(articles) + 1), source=r.id, title=title))
    return articles


@needs_indosum
@pytest.mark.parametrize(
    ("n", "per_story", "max_stories"),
    [(20, 10, None), (3, 10, None), (1, 1, None), (40, 2, 7), (60, 10, 200), (10_000, 10_000, None)],
)
def test_plan_shows_what_computing_every_story_would(
    day: list[Article], n: int, per_story: int, max_stories: int | None
) -> None:
    assert plan(day, n=n, items_per_story=per_story, max_stories=max_stories).sections == _reference_plan(
        day, n=n, items_per_story=per_story, max_stories=max_stories
    )


@needs_indosum
def test_plan_skips_the_facts_of_stories_it_cannot_show(
    day: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counting(articles: Sequence[Article], **kwargs: object) -> list:  # type: ignore[type-arg]
        calls.append(len(articles))
        return group_facts(articles, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(grouping, "group_facts", counting)
    stories = group_stories(day)
    sections = plan(day, n=3, items_per_story=10, workers=1).sections  # count the calls in this process
    assert len(sections) == 3
    assert 0 < len(calls) < len(stories)
    assert 1 not in calls  # the single-article stories come last and are never reached
    calls.clear()
    plan(day, n=10_000, items_per_story=10, workers=1)
    assert len(calls) == len(stories)  # a digest that can show every story computes every story


def test_no_items_no_work(mixed: tuple[Article, ...]) -> None:
    assert plan(mixed, n=0, items_per_story=10).sections == []


class _LaterFirst:
    """A ranker that rates each sentence above the one before it: a story's facts, most
    important first, come out in the reverse of the article's order."""

    name = "later-first"

    def score(self, article: Article, feats: Sequence[object]) -> list[float]:
        return [float(i) for i in range(len(article.sentences))]


FERDI = (
    "Kebakaran di Braga\n\n"
    "Kepala Dinas Kebakaran Kota Bandung Ferdi Ligaswara meninjau lokasi kebakaran di Jalan Braga"
    " pada Senin (10/9/2018). Ferdi Ligaswara mengatakan api berasal dari korsleting listrik di"
    " sebuah toko kain. Sebanyak 12 unit mobil pemadam dikerahkan untuk memadamkan api selama tiga jam.\n"
)


def test_a_one_article_story_shows_its_lines_in_the_articles_order(
    monkeypatch: pytest.MonkeyPatch, mixed: tuple[Article, ...]
) -> None:
    # Every sentence the rules pass is a line here, so that the test does not depend on the cuts.
    sure = replace(load_scorer(), lead_threshold=0.0, body_threshold=0.0, hook=None, digest=None)
    monkeypatch.setattr("summarize.rank.standalone.load_scorer", lambda: sure)
    article = article_from_text(FERDI, id="9")
    by_importance = [f.index for f in group_facts([article], n=3, ranker=_LaterFirst())]
    # The order the digest used to show them in: the last sentence first.
    assert sorted(by_importance) == [0, 1, 2] and by_importance[0] == 2
    sections = plan([article], n=3, items_per_story=3, ranker=_LaterFirst()).sections
    assert [f.index for f in sections[0].facts] == [0, 1, 2]
    # A story of several articles keeps importance order; the story order is the same as when
    # every story showed its lines most important first (`_precedence` reads the top line).
    day = [*mixed, article]
    shown = plan(day, n=30, items_per_story=3, ranker=_LaterFirst()).sections
    lines = {s.story.articles[0].id: [f.index for f in s.facts] for s in shown if len(s.story.articles) == 1}
    assert lines["9"] == [0, 1, 2]
    several = [s for s in shown if len(s.story.articles) > 1 and len(s.facts) > 1]
    assert several and all(
        [f.score for f in s.facts] == sorted((f.score for f in s.facts), reverse=True) for s in several
    )


def _titled(article_id: str, title: str, sentences: list[str]) -> Article:
    text = f"{title}\n\n" + " ".join(sentences) + "\n"
    return replace(article_from_text(text, source=f"{article_id}.txt"), id=article_id)


def test_a_story_is_headed_by_a_headline_that_tells_its_news_and_its_lines() -> None:
    """Read as a user (detik.com, round 41): stories were headed by their central article's
    headline, "..., Ini Kata Kemenkeu" or "Harga Minyak Mentah Turun Usai The Fed Pangkas Suku
    Bunga" (no line told of oil), where another article's headline told the story's news."""
    from summarize.grouping import StoryGroup, teasing_headline

    lines = ["Bank sentral Amerika Serikat memangkas suku bunga acuan sebesar 25 basis poin pada Rabu."]
    oil = _titled("1", "Harga Minyak Mentah Turun Usai Bank Sentral AS Pangkas Suku Bunga", lines)
    tease = _titled("2", "Bank Sentral AS Pangkas Suku Bunga, Ini Kata Ekonom", lines)
    plain = _titled("3", "Bank Sentral Amerika Serikat Pangkas Suku Bunga Acuan", lines)
    fact = Fact(article=oil, index=0, citations=(), score=1.0)
    facts = (fact, replace(fact, index=0))
    for central in (oil, tease, plain):
        section = Section(StoryGroup((oil, tease, plain), central), facts)
        assert section.heading == plain.title
        assert section.heading_of == (plain, plain.title)
    # With only a teasing headline and one that tells of something else, the lines decide.
    section = Section(StoryGroup((oil, tease), oil), facts)
    assert section.heading == oil.title  # a headline that holds its news back comes last
    assert teasing_headline("Kemenkeu Minta Anggaran Rp 52 T di 2026, Dipakai Untuk Ini")
    assert teasing_headline("BPS Tunda Rilis Data Ekspor Impor, Airlangga Bilang Begini")
    assert teasing_headline("Padel Berasal dari Negara Mana?")
    assert not teasing_headline("Bank Indonesia Turunkan Suku Bunga Acuan ke 4,75%")
    assert not teasing_headline("Kemenkeu Pastikan Tak Ada Kenaikan Iuran BPJS Kesehatan di 2026")
    # Three articles alike: the central one's headline, as before.
    twin = _titled("4", "Bank Sentral Amerika Serikat Pangkas Suku Bunga Acuan Lagi", lines)
    third = _titled("5", "Bank Sentral Amerika Serikat Pangkas Suku Bunga Acuan Kembali", lines)
    for central in (plain, twin, third):
        assert Section(StoryGroup((plain, twin, third), central), facts).heading == central.title
    # Two articles have no central one (each is as like the other): the headline of the one
    # whose sentence leads the story, else the one that reads most as news, whichever order
    # they were given in (a story of two was headed by the first given).
    for pair in ((plain, twin), (twin, plain)):
        led = (replace(fact, article=plain), *facts)
        assert Section(StoryGroup(pair, pair[0]), led).heading == plain.title
        assert news_score(twin.title) > news_score(plain.title)
        assert Section(StoryGroup(pair, pair[0]), facts).heading == twin.title
        assert Section(StoryGroup(pair, pair[0]), ()).heading == twin.title  # a story with no line
    # Equal in all that: the first in the order of the alphabet.
    again = _titled("6", "Bank Sentral Amerika Serikat Pangkas Suku Bunga Acuan Kembali", lines)
    again = replace(again, title="Bank Sentral Amerika Serikat Pangkas Suku Bunga Acuan Segera")
    assert news_score(again.title) == news_score(third.title)
    for pair in ((third, again), (again, third)):
        assert Section(StoryGroup(pair, pair[0]), ()).heading == third.title
