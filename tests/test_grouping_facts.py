"""The digest: stories as sections, each fact once, every citation real, differing figures."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import digest
from summarize.grouping import SINGLE_ARTICLE_ITEMS
from summarize.grouping.figures import differing_figures, figures
from summarize.ingest import article_from_text
from summarize.renderers import render
from summarize.values import Article, Citation, Digest
from tests.doubles import Recorder

DATA = Path(__file__).parent / "data"


def check_citations(result: Digest) -> None:
    """Every citation resolves to a kept sentence outside page furniture, each cited once."""
    by_id = {a.id: a for a in result.articles}
    cited: list[Citation] = []
    for item in result.items:
        rep = item.citations[0]
        assert by_id[rep.article].sentences[rep.index].text == item.source_text
        for c in item.citations:
            s = by_id[c.article].sentences[c.index]
            assert not any(d.start < s.end and s.start < d.end for d in by_id[c.article].dropped)
        cited += item.citations
        assert len({c.article for c in item.citations}) == len(item.citations), "one report per article"
    assert len(cited) == len(set(cited)), "a sentence is cited by two items"


def test_seeds_give_one_story_led_by_the_ammunition_fact(seed_articles: tuple[Article, ...]) -> None:
    result = digest(seed_articles)
    assert len(result.stories) == 1
    assert result.stories[0].articles == ("1", "2", "3", "4", "5")
    assert result.items == result.stories[0].items
    top = result.items[0]
    assert top.sources >= 3
    assert "amunisi" in top.source_text.lower() or "peluru" in top.source_text.lower()
    check_citations(result)


def test_items_most_reported_first(seed_articles: tuple[Article, ...]) -> None:
    items = digest(seed_articles).items
    keys = [(i.sources, i.score) for i in items]
    assert keys == sorted(keys, reverse=True)
    assert items[0].sources > items[-1].sources


def test_mixed_input_one_section_per_story(mixed: tuple[Article, ...]) -> None:
    result = digest(mixed)
    assert result.stories[0].articles == ("1", "2", "3", "4", "5")
    assert [len(s.articles) for s in result.stories] == [5, 1, 1, 1, 1]
    for story in result.stories[1:]:
        assert 1 <= len(story.items) <= SINGLE_ARTICLE_ITEMS
        assert {c.article for i in story.items for c in i.citations} == set(story.articles)
    assert result.items == tuple(i for s in result.stories for i in s.items)
    check_citations(result)


def test_limits(mixed: tuple[Article, ...]) -> None:
    assert len(digest(mixed, max_stories=2).stories) == 2
    assert all(len(s.items) <= 2 for s in digest(mixed, items_per_story=2).stories)
    # A small total is shared out one item per story, most-covered stories first.
    small = digest(mixed, n=3)
    assert [len(s.items) for s in small.stories] == [1, 1, 1]
    assert small.stories[0].articles == ("1", "2", "3", "4", "5")
    # Past one each, a story gets more lines the more articles cover it.
    assert [len(s.items) for s in digest(mixed, n=12).stories] == [6, 2, 2, 1, 1]


def test_one_translator_call_with_titles(mixed: tuple[Article, ...]) -> None:
    tr = Recorder()
    result = digest(mixed, translator=tr, with_briefs=True)
    assert len(tr.calls) == 1
    assert all(s.title.startswith("EN<") for s in result.stories)
    assert all(i.text == f"EN<{i.source_text}>" for i in result.items)
    titles = {a.title for a in mixed}
    assert {s.title[3:-1] for s in result.stories} <= titles


def test_json_lists_stories_and_all_items(mixed: tuple[Article, ...]) -> None:
    body = json.loads(render(digest(mixed), "json"))["digest"]
    assert [s["articles"] for s in body["stories"]] == [["1", "2", "3", "4", "5"], ["6"], ["7"], ["8"], ["9"]]
    assert set(body["stories"][0]) == {"title", "title_withheld", "title_problems", "articles", "items"}
    assert body["items"] == [i for s in body["stories"] for i in s["items"]]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.lists(st.integers(0, 8), min_size=1, max_size=9, unique=True))
def test_every_citation_resolves_for_any_subset(mixed: tuple[Article, ...], chosen: list[int]) -> None:
    result = digest([mixed[i] for i in chosen], n=15)
    check_citations(result)
    assert sum(len(s.articles) for s in result.stories) <= len(chosen)


# Differing figures ------------------------------------------------------------------


def test_indonesian_number_formats() -> None:
    assert figures("lebih dari 1.000 kontainer pada Jumat (13/10/2023)") == {"kontainer": (1000.0, "1.000")}
    assert figures("menjadi 1,5 juta tentara") == {"tentara": (1_500_000.0, "1,5 juta")}
    assert list(figures("menambah 180 ribu personel").values()) == [(180_000.0, "180 ribu")]
    assert figures("pada 5 Oktober 2023 pukul 10:30, tahun 2022") == {}
    assert figures("inflasi 5,2% dan 73 gerbong")["persen"] == (5.2, "5,2%")
    assert figures("senilai Rp 2,5 triliun untuk proyek") == {"rupiah": (2.5e12, "Rp 2,5 triliun")}


def test_differing_figures_each_cited() -> None:
    cites = (Citation("1", 0), Citation("2", 3), Citation("3", 1))
    texts = (
        "Korea Utara mengirim 1.000 kontainer.",
        "Korut mengirim 1.200 kontainer.",
        "Ada 1000 kontainer.",
    )
    assert differing_figures(texts, cites) == (("1.000", (cites[0], cites[2])), ("1.200", (cites[1],)))
    assert differing_figures(texts[::2], cites[::2]) == ()


def _article(aid: str, title: str, sentences: Sequence[str]) -> Article:
    return article_from_text("\n\n".join(sentences), id=aid, source=f"{aid}.txt", title=title)


def test_digest_reports_sources_that_differ() -> None:
    a = _article(
        "1",
        "Korea Utara kirim kontainer senjata ke Rusia",
        [
            "Gedung Putih mengatakan Korea Utara telah mengirimkan 1.000 kontainer peralatan militer ke Rusia.",
            "Kontainer itu dimuat ke kapal berbendera Rusia di pelabuhan Najin.",
        ],
    )
    b = _article(
        "2",
        "Pyongyang kirim kontainer amunisi untuk Moskow",
        [
            "Korea Utara telah mengirimkan 1.200 kontainer peralatan militer ke Rusia, kata Gedung Putih.",
            "Citra satelit menunjukkan lalu lintas kereta yang meningkat di perbatasan.",
        ],
    )
    result = digest([a, b])
    assert len(result.stories) == 1
    top = result.items[0]
    assert top.sources == 2
    assert dict(top.figures) == {"1.000": (Citation("1", 0),), "1.200": (Citation("2", 0),)}
    assert "sources differ: 1.000 [1.0]; 1.200 [2.0]" in render(result, "text")
