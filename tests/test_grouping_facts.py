"""The digest: stories as sections, each fact once, every citation real, differing figures."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import digest
from summarize.grouping import SINGLE_ARTICLE_ITEMS, allot
from summarize.grouping.figures import differing_figures, figures
from summarize.ingest.article import article_from_text
from summarize.rank.standalone import judge
from summarize.renderers import render
from summarize.segment import collapse
from summarize.values import Article, Citation, Digest
from tests import citations_eval
from tests.doubles import Recorder

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "scripts" / "data" / "citations" / "pairs.jsonl"


def _key(a: Citation, b: Citation) -> tuple[str, int, str, int]:
    (x, i), (y, j) = sorted([(a.article, a.index), (b.article, b.index)])
    return (x, i, y, j)


def _labels(group: str) -> dict[tuple[str, int, str, int], str]:
    """The hand labels of one group's pairs, by (article, index, article, index)."""
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for r in rows:
        if r["group"] == group:
            key = _key(Citation(r["a_article"], r["a_index"]), Citation(r["b_article"], r["b_index"]))
            out[key] = r["label"]
    return out


def check_citations(result: Digest) -> None:
    """Every citation resolves to a kept sentence outside page furniture, each cited once."""
    by_id = {a.id: a for a in result.articles}
    cited: list[Citation] = []
    for item in result.items:
        rep = item.citations[0]
        sentence = by_id[rep.article].sentences[rep.index]
        if item.trimmed is None:
            assert sentence.text == item.source_text
        else:  # a leading connective left off: the offsets slice the shown words exactly
            start, end = item.trimmed
            assert sentence.start < start < end == sentence.end
            assert collapse(by_id[rep.article].text[start:end]) == item.source_text
            assert sentence.text.endswith(" " + item.source_text)
        for c in item.citations:
            s = by_id[c.article].sentences[c.index]
            assert not any(d.start < s.end and s.start < d.end for d in by_id[c.article].dropped)
        cited += item.citations
        assert len({c.article for c in item.citations}) == len(item.citations), "one report per article"
    assert len(cited) == len(set(cited)), "a sentence is cited by two items"


def test_seeds_give_one_story_led_by_the_headline_fact(seed_articles: tuple[Article, ...]) -> None:
    result = digest(seed_articles)
    assert len(result.stories) == 1
    assert result.stories[0].articles == ("1", "2", "3", "4", "5")
    assert result.items == result.stories[0].items
    # Precision first: every line is a sentence the stands-alone judgement is sure of (on the
    # labelled set only articles' leads reach that tier; the 1,000 containers of 5.2 are left
    # out for its "peralatan militer itu").
    by_id = {a.id: a for a in seed_articles}
    for item in result.items:
        rep = item.citations[0]
        assert judge(by_id[rep.article])[rep.index].line
    check_citations(result)


def test_seeds_cite_no_sentence_labelled_a_different_fact(seed_articles: tuple[Article, ...]) -> None:
    """No merged pair of seed sentences is one that people labelled DIFFERENT or PARTIAL."""
    labels = _labels("seeds")
    for item in digest(seed_articles).items:
        for a, b in itertools.combinations(item.citations, 2):
            assert labels.get(_key(a, b), "SAME") == "SAME", (item.source_text, a, b)


def test_items_most_important_first(seed_articles: tuple[Article, ...]) -> None:
    items = digest(seed_articles).items
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)


def test_mixed_input_one_section_per_story(mixed: tuple[Article, ...]) -> None:
    result = digest(mixed)
    assert result.stories[0].articles == ("1", "2", "3", "4", "5")
    # Every story is a section, those with no line too: no story vanishes silently.
    assert [len(s.articles) for s in result.stories] == [5, 1, 1, 1, 1]
    by_id = {a.id: a for a in mixed}
    for story in result.stories[1:]:
        assert len(story.items) <= SINGLE_ARTICLE_ITEMS
        assert {c.article for i in story.items for c in i.citations} <= set(story.articles)
        # A single-article story shows the sentences the judgement is sure stand alone,
        # and only those; with none, it is shown with no line (renderers add a note).
        (article,) = story.articles
        lines = {i for i, j in enumerate(judge(by_id[article])) if j.line}
        assert {i.citations[0].index for i in story.items} <= lines
        assert bool(story.items) == bool(lines)
    # A story with no line comes after those of its size that have one.
    singles = [bool(s.items) for s in result.stories[1:]]
    assert singles == sorted(singles, reverse=True)
    assert result.items == tuple(i for s in result.stories for i in s.items)
    check_citations(result)


def test_limits(mixed: tuple[Article, ...]) -> None:
    assert len(digest(mixed, max_stories=2).stories) == 2
    assert all(len(s.items) <= 2 for s in digest(mixed, items_per_story=2).stories)
    # A small total reaches as many stories as it has items, most-covered stories first; a
    # story with no line takes a place but no item, and the items go one per story first.
    full = {s.articles: len(s.items) for s in digest(mixed, n=100).stories}
    small = digest(mixed, n=3)
    assert len(small.stories) == 3 and small.stories[0].articles == ("1", "2", "3", "4", "5")
    assert all(len(s.items) >= min(1, full[s.articles]) for s in small.stories)
    assert sum(len(s.items) for s in small.stories) == min(3, sum(full[s.articles] for s in small.stories))
    # Past one each, a story gets more lines the more articles cover it.
    counts = [(len(s.articles), len(s.items)) for s in digest(mixed, n=12).stories]
    assert counts[0][1] > max(items for size, items in counts[1:])
    assert counts == [(size, allot) for (size, _), allot in zip(counts, allot_of(mixed, 12), strict=True)]


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
    stories = [s["articles"] for s in body["stories"]]
    # The five-article story first; single-article stories by their top fact's importance.
    assert stories[0] == ["1", "2", "3", "4", "5"]
    assert sorted(stories[1:]) == [["6"], ["7"], ["8"], ["9"]]
    assert set(body["stories"][0]) == {"title", "title_withheld", "title_problems", "articles", "items"}
    assert body["items"] == [i for s in body["stories"] for i in s["items"]]
    # A story with no line says why, in a note; one with lines has none.
    for s in body["stories"]:
        assert ("note" in s) == (not s["items"])
        assert "sure reads alone" in s.get("note", "sure reads alone")


def allot_of(articles: Sequence[Article], n: int) -> list[int]:
    """The items each story of `digest(articles, n=n)` shows, by `grouping.allot` over the
    lines each story has (a digest with room for all) and its articles."""
    stories = digest(articles, n=n).stories
    full = {s.articles: len(s.items) for s in digest(articles, n=100).stories}
    return allot([full[s.articles] for s in stories], [len(s.articles) for s in stories], n)


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
    assert differing_figures(texts[:1], cites[:1]) == differing_figures(texts[1:2], cites[1:2]) == ()


def _article(aid: str, title: str, sentences: Sequence[str], publisher: str | None = None) -> Article:
    return article_from_text(
        "\n\n".join(sentences), id=aid, source=f"{aid}.txt", title=title, publisher=publisher
    )


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
    named = [
        replace(a, publisher="Kompas", publisher_from="site"),
        replace(b, publisher="Tempo", publisher_from="site"),
    ]
    result = digest(named)
    assert len(result.stories) == 1
    top = result.items[0]
    assert (top.sources, top.publishers) == (2, ("Kompas", "Tempo"))
    assert dict(top.figures) == {"1.000": (Citation("1", 0),), "1.200": (Citation("2", 0),)}
    assert "sources differ: 1.000 [1.1]; 1.200 [2.1]" in render(result, "text")
    assert "(2 sources)" in render(result, "text")
    # Texts whose publisher nothing names may be one outlet's: both cited, no count claimed.
    unknown = digest([a, b]).items[0]
    assert (unknown.citations, unknown.sources, unknown.publishers) == (top.citations, 0, ())
    assert "sources)" not in render(digest([a, b]), "text")
    # One named, one not: one publisher shown to state it, so still no count.
    assert digest([named[0], b]).items[0].sources == 1
    # `article_from_text(publisher=...)` names the outlet as a page's site name would.
    c = _article("3", "x", ["Korea Utara mengirim 1.000 kontainer ke Rusia pada Senin."], publisher="Kompas")
    assert (c.publisher, c.publisher_from) == ("Kompas", "site")


# Precision floor on the hand-labelled pairs (like the ROUGE gate) ----------------------


def test_citation_precision_stays_above_its_floor() -> None:
    if not citations_eval.INDOSUM.exists():
        pytest.skip(f"IndoSum not found at {citations_eval.INDOSUM}")
    baseline = json.loads((ROOT / "tests" / "citations_baseline.json").read_text(encoding="utf-8"))
    figures, _ = citations_eval.evaluate()
    for run, floors in baseline["floor"].items():
        got = figures[run]["all"]
        assert got["unlabelled"] == 0, "a merged pair nobody labelled: read and label it"
        for name, floor in floors.items():
            assert got[name] >= floor, (run, name, got)


def test_pair_ids_match_the_data_set() -> None:
    row = json.loads(PAIRS.read_text(encoding="utf-8").splitlines()[0])
    expected = hashlib.sha1(
        f"{row['group']}:{row['a_article']}.{row['a_index']}-{row['b_article']}.{row['b_index']}".encode()
    ).hexdigest()[:10]
    assert row["pair_id"] == expected
    assert (
        citations_eval.pair_id(
            row["group"], row["b_article"], row["b_index"], row["a_article"], row["a_index"]
        )
        == expected
    )


def test_a_one_article_story_states_each_fact_once() -> None:
    """Two sentences of one article that say the same thing (a brief's `rank.REPEAT`) are one
    line, though a one-article story has no terms shared with another article to compare.
    IndoSum's Tambora article states its forecast in the lead and again, quoted, next."""
    from summarize.lang.vectors import cosine
    from summarize.rank import REPEAT
    from summarize.rank.features import features
    from tests.indosum import load_records, to_article

    record = next(r for r in load_records(["03"]) if r.id.startswith("1503286200-pendaki-gunung-tambora"))
    article, _ = to_article(record)
    vectors = [f.vector for f in features(article)]
    assert cosine(vectors[0], vectors[1]) >= REPEAT  # the lead and the quote restating it
    shown = [item.citations[0].index for item in digest([article], n=3).items]
    assert 0 in shown
    assert all(cosine(vectors[i], vectors[j]) < REPEAT for i, j in itertools.combinations(shown, 2))


def test_a_sentence_another_article_repeats_word_for_word_is_cited_there_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # detik.com (2025): a report's 30th sentence repeated another's 8th, a digest line, and went
    # uncited: only an article's most salient sentences are compared. Here only two are.
    from summarize.grouping import facts

    monkeypatch.setattr(facts, "CANDIDATES_PER_ARTICLE", 2)
    repeated = "Kamal Mopangga, karyawan bar milik Endang di Pantai Legian, sering dikritik kinerjanya oleh Endang Sulastri."
    a = _article(
        "1",
        "Kamal bunuh Endang di Legian",
        [
            "Kamal Mopangga (33) membunuh istri sirinya, Endang Sulastri (41), di sebuah kamar kos di Legian, Badung.",
            repeated,
        ],
    )
    b = _article(
        "2",
        "Fakta pembunuhan Endang di Legian",
        [
            "Endang Sulastri (41), pemilik bar dan rental motor di Legian, Kuta, Badung, dibunuh secara sadis.",
            "Polisi menangkap Kamal Mopangga di Bitung, Sulawesi Utara, tiga hari setelah pembunuhan.",
            "Kapolsek Kuta mengatakan Kamal membeli tiket pesawat dengan kartu debit milik Endang.",
            repeated,
        ],
    )
    found = {(f.article.id, f.index): f.citations for f in facts.group_facts([a, b], n=10)}
    assert found[("1", 1)] == (Citation("1", 1), Citation("2", 3))
    # A repeat adds a citation, never an item: no line is article 2's copy of it.
    assert ("2", 3) not in found


def _two_reports(first: Sequence[str], second: Sequence[str]) -> tuple[Article, Article]:
    """Articles "1" and "2", by publishers A and B, of these sentences (each its own paragraph)."""

    def report(aid: str, lines: Sequence[str], publisher: str) -> Article:
        text = "\n\n".join(lines)
        return article_from_text(
            text, id=aid, source=f"{aid}.html", title=f"Laporan {aid}", publisher=publisher
        )

    return report("1", first, "A"), report("2", second, "B")


def test_a_fact_two_reports_back_shows_the_member_likelier_to_stand_alone() -> None:
    # A reader's check on IndoSum fold 04: "Hari ini, Rabu (8/11), ia telah resmi menjadi istri
    # ..." (kumparan) was the line of a fact CNN Indonesia's "Kahiyang dan Bobby kini telah resmi
    # ..." stated too: neither in the sure tier, the "ia" sentence held more of the shared words.
    from summarize.grouping.facts import group_facts

    first = [
        "Putri Presiden Joko Widodo, Kahiyang Ayu, menikah di Graha Saba Buana, Solo.",
        "Hari ini, Rabu (8/11), ia telah resmi menjadi istri Bobby Nasution setelah ijab kabul di Graha Saba Buana.",
        "Ribuan warga memadati jalan di sekitar gedung sejak pagi hari.",
        "Tamu undangan datang dari berbagai daerah di Indonesia.",
    ]
    second = [
        "Presiden Joko Widodo menggelar resepsi pernikahan putrinya di Solo, Rabu (8/11).",
        "Acara dimulai dengan prosesi adat Jawa sejak pukul 07.00 WIB.",
        "Para menteri Kabinet Kerja terlihat hadir dalam acara tersebut.",
        "Pengamanan dilakukan oleh ratusan personel gabungan TNI dan Polri.",
        "Sejumlah jalan ditutup untuk kendaraan umum selama acara berlangsung.",
        "Pedagang kaki lima memanfaatkan keramaian untuk berjualan.",
        "Kahiyang dan Bobby kini telah resmi menjadi suami istri setelah ijab kabul di Graha Saba Buana.",
    ]
    a, b = _two_reports(first, second)
    pronoun, plain = judge(a)[1], judge(b)[6]
    assert not pronoun.line and not plain.line  # the fallback: neither is sure of standing alone
    assert plain.score is not None and pronoun.score is not None and plain.score > pronoun.score
    (both,) = [f for f in group_facts([a, b], n=20) if len(f.citations) > 1]
    assert {(c.article, c.index) for c in both.citations} == {("1", 1), ("2", 6)}
    assert (both.article.id, both.index) == ("2", 6)


def test_a_fact_two_reports_back_is_no_line_when_neither_likely_stands_alone() -> None:
    # A reader's check on IndoSum fold 04 (Rimanews and CNN Indonesia): '"Dua orang itu juga
    # diperiksa sebagai saksi ...," kata Febri.' was a "(2 sources)" line; its other report,
    # "Dia diperiksa ...", needs its earlier sentence too.
    from summarize.grouping.facts import FALLBACK_LIKELY, group_facts

    first = [
        "Komisi Pemberantasan Korupsi (KPK) memeriksa dua pegawai swasta dalam kasus korupsi proyek e-KTP, Jumat (5/5).",
        "Keduanya adalah Anton Taufik dan Inayah, yang dipanggil penyidik sejak pagi.",
        '"Dua orang itu juga diperiksa sebagai saksi untuk tersangka Andi Agustinus (AA)," kata Febri.',
        "Pemeriksaan berlangsung hingga sore hari di gedung KPK.",
    ]
    second = [
        "Pengacara Anton Taufik mendatangi gedung KPK di Kuningan, Jakarta, Jumat (5/5).",
        "Anton mengaku siap memberikan keterangan kepada penyidik.",
        "Dia diperiksa sebagai saksi untuk tersangka kasus e-KTP, Andi Agustinus alias Andi Narogong.",
        "Kasus ini merugikan negara hingga Rp 2,3 triliun.",
    ]
    a, b = _two_reports(first, second)
    doubted, pronoun = judge(a)[2], judge(b)[2]
    assert doubted.stands_alone and not doubted.line and pronoun.label == "NEEDS_CONTEXT"
    assert doubted.score is not None and doubted.score < FALLBACK_LIKELY
    lines = {(f.article.id, f.index) for f in group_facts([a, b], n=20)}
    assert ("1", 2) not in lines
    assert {("1", 0), ("2", 0)} <= lines  # the leads still are
