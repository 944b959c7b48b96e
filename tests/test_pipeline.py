"""Selection before translation: only what the reader sees is translated, once."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import Article, ConfigError, article_from_text, brief, digest, load_articles
from summarize.cli import app
from summarize.pipeline import Requests
from summarize.translate.base import Translator
from tests.doubles import Recorder

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ENGLISH = (
    "North Korea Sends Containers of Munitions to Russia, White House Says\n\n"
    "The White House said on Friday that North Korea has delivered more than 1,000 containers of military "
    "equipment and munitions to Russia. It is the first time the shipments have been confirmed by the "
    "United States, which has warned about the deal for months.\n"
)


def test_recorder_fits_the_protocol() -> None:
    assert isinstance(Recorder(), Translator)


def test_digest_translates_only_selected_sentences_once_in_one_call() -> None:
    articles = load_articles([SEEDS]).articles
    tr = Recorder()
    result = digest(articles, translator=tr, with_briefs=True)
    assert len(tr.calls) == 1
    (sent,) = tr.calls
    assert len(sent) == len(set(sent))  # each distinct sentence once
    shown = {i.source_text for i in result.items} | {
        s.source_text for b in result.briefs for s in b.sentences
    }
    assert result.stories and all(st.title.startswith("EN<") for st in result.stories)
    shown |= {st.title[3:-1] for st in result.stories}  # story headlines are translated too
    shown |= {b.title[3:-1] for b in result.briefs if b.title}  # and each brief's title
    assert set(sent) == shown  # nothing the reader will not see
    total = sum(len(a.sentences) for a in articles)
    assert len(sent) < total / 3
    for item in result.items:
        assert item.text == f"EN<{item.source_text}>"
    assert result.model is not None and result.model.name == "recorder"


def test_brief_translates_in_source_order() -> None:
    articles = load_articles([SEEDS]).articles
    tr = Recorder()
    briefs = brief(articles, n=2, translator=tr)
    assert len(tr.calls) == 1  # titles and sentences in one batch
    for b in briefs:
        assert b.title == f"EN<{b.article.title}>" and b.heading == b.title
        assert [s.text for s in b.sentences] == [f"EN<{s.source_text}>" for s in b.sentences]
        assert [s.index for s in b.sentences] == sorted(s.index for s in b.sentences)


def test_english_article_passes_through_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    articles = load_articles([tmp_path / "en.txt", SEEDS / "004_aa34f2be23785672.txt"]).articles
    tr = Recorder()
    result = digest(articles, translator=tr, with_briefs=True)
    english = [s for b in result.briefs if b.article.language == "en" for s in b.sentences]
    assert english and all(s.text == s.source_text for s in english)
    assert all(not t.startswith("The White House") for call in tr.calls for t in call)
    # One note for the article, true to what happened: not translated.
    said = [note for note in result.notes if "reads as English" in note]
    assert said == [
        f"article 1 ({tmp_path / 'en.txt'}) reads as English, not Indonesian: "
        "its sentences are shown as they are, untranslated"
    ]


def test_english_article_gets_a_note_without_a_translator_too(tmp_path: Path) -> None:
    # --no-translate: the brief and the digest name the English article once, and keep it.
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    loaded = load_articles([SEEDS / "004_aa34f2be23785672.txt", tmp_path / "en.txt"])
    note = f"article 2 ({tmp_path / 'en.txt'}) reads as English, not Indonesian: its sentences are shown as they are"
    briefs = brief(loaded, n=2)
    assert [n for n in briefs.notes if "English" in n] == [note]
    assert [b.article.id for b in briefs] == ["1", "2"] and briefs.briefs[1].sentences
    assert [n for n in digest(loaded).notes if "English" in n] == [note]


def test_no_translator_means_indonesian_text() -> None:
    articles = load_articles([SEEDS]).articles
    result = digest(articles)
    assert result.model is None
    assert all(i.text == i.source_text for i in result.items)


def test_digest_items_do_not_open_by_pointing_back() -> None:
    # A digest line stands alone; "Dia mengatakan hal itu ..." cannot.
    articles = load_articles([SEEDS]).articles
    result = digest(articles)
    assert not any(i.source_text.startswith(("Dia ", "Ia ", "Hal itu ", "Mereka ")) for i in result.items)


def test_untranslated_brief_heading_is_the_original_title() -> None:
    (b, *_) = brief(load_articles([SEEDS]).articles, n=1)
    assert b.title is None and b.heading == b.article.title


def test_article_ids_need_not_be_numbers() -> None:
    # Library callers name articles as they like; the English pass-through note once sorted
    # ids with int() and raised ValueError on "a".
    from summarize import article_from_text

    indonesian = load_articles([SEEDS]).articles[0]
    english = article_from_text(ENGLISH, id="a", source="english.txt")
    tr = Recorder()
    result = digest([english, indonesian], translator=tr)
    assert any("article a (" in note for note in result.notes)
    briefs = brief([english, indonesian], translator=tr, n=2)
    assert [b.article.id for b in briefs] == ["a", indonesian.id]
    assert briefs.model is not None and briefs.model.name == "recorder"
    assert any("article a (" in note for note in briefs.notes)


# ----------------------------------------------------- many articles: one load, one batch

OTHERS = sorted((Path(__file__).resolve().parent / "data").glob("*.txt"))  # unrelated IndoSum articles


def test_briefs_of_many_articles_translate_in_one_call() -> None:
    articles = load_articles([SEEDS, *OTHERS]).articles
    assert len(articles) >= 9
    tr = Recorder()
    briefs = brief(articles, n=3, translator=tr)
    assert len(tr.calls) == 1  # one batch across articles, not one per article
    (sent,) = tr.calls
    wanted = {b.article.title for b in briefs} | {s.source_text for b in briefs for s in b.sentences}
    assert sorted(sent) == sorted(wanted)  # every title and picked sentence, each once
    assert all(len(b.sentences) == min(3, len(b.article.sentences)) for b in briefs)


def test_cli_brief_of_many_articles_loads_one_translator(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.translate

    made: list[Recorder] = []

    def load_translator(*args: object, **kwargs: object) -> Recorder:
        made.append(Recorder())
        return made[-1]

    monkeypatch.setattr(summarize.translate, "load_translator", load_translator)
    result = CliRunner().invoke(app, ["brief", str(SEEDS), *map(str, OTHERS), "-n", "3", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert len(made) == 1 and len(made[0].calls) == 1
    briefs = json.loads(result.stdout)["briefs"]
    assert len(briefs) >= 9
    assert all(s["text"].startswith("EN<") for b in briefs for s in b["sentences"])


def test_a_translated_digest_lists_its_sources_in_english_beside_the_original() -> None:
    import json

    from summarize import render

    articles = load_articles([SEEDS]).articles
    result = digest(articles, translator=Recorder())
    assert [aid for aid, _ in result.english_titles] == [a.id for a in articles]
    first = articles[0]
    english = result.english_title(first.id)
    assert english is not None and first.title in english and english != first.title
    sources = render(result, "markdown").split("## Sources", 1)[1]
    assert english.replace("<", "\\<").replace(">", "\\>") in sources and first.title in sources
    text_sources = render(result, "text").split("Sources\n-------", 1)[1]
    assert f"[{first.id}] {english}\n    {first.title}\n" in text_sources
    assert "EN&lt;" in render(result, "html").split('id="sources"', 1)[1]
    data = json.loads(render(result, "json"))
    assert data["articles"][0]["title"] == first.title and data["articles"][0]["title_english"] == english
    untranslated = digest(articles)
    assert untranslated.english_titles == () and "title_english" not in render(untranslated, "json")


# ----------------------------------------------------- keyed translation requests


def test_translation_requests_come_back_by_key() -> None:
    articles = load_articles([SEEDS]).articles
    requests = Requests()
    for a in articles:
        requests.add(("title", a.id), a, a.title)
    english, notes = requests.translate(Recorder())
    assert notes == []
    assert english == {("title", a.id): (f"EN<{a.title}>", (), ()) for a in articles}
    with pytest.raises(ValueError, match="made twice"):
        requests.add(("title", articles[0].id), articles[0], "again")


def test_a_new_translated_field_moves_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    # A field added to the digest (here: each article's last sentence, asked for before
    # everything else) gets its own English, and every other line keeps its own.
    import summarize.pipeline

    articles = load_articles([SEEDS]).articles
    before = digest(articles, translator=Recorder(), with_briefs=True)
    extra: dict[str, str] = {}

    class WithExtraField(Requests):
        def add(self, key: object, article: Article, text: str) -> None:
            if article.id not in extra:
                extra[article.id] = article.sentences[-1].text
                super().add(("last sentence", article.id), article, extra[article.id])
            super().add(key, article, text)

        def translate(self, translator: Translator | None) -> tuple[dict, list[str]]:  # type: ignore[type-arg]
            english, notes = super().translate(translator)
            for article_id, text in extra.items():
                assert english[("last sentence", article_id)] == (f"EN<{text}>", (), ())
            return english, notes

    monkeypatch.setattr(summarize.pipeline, "Requests", WithExtraField)
    after = digest(articles, translator=Recorder(), with_briefs=True)
    assert extra  # the new field was asked for and translated ...
    assert after == before  # ... and nothing else moved


# Careless callers: every argument is checked at the door, with a message saying what to pass.


@pytest.mark.parametrize(
    ("call", "kwargs", "message"),
    [
        (brief, {"n": 0}, "n must be at least 1, not 0"),
        (brief, {"n": 2.5}, "n must be a whole number"),
        (digest, {"n": -1}, "n must be at least 1, not -1"),
        (digest, {"items_per_story": 0}, "items_per_story must be at least 1"),
        (digest, {"max_stories": 0}, "max_stories must be at least 1"),
        (digest, {"brief_sentences": "3"}, "brief_sentences must be a whole number"),
    ],
)
def test_counts_below_one_or_of_the_wrong_type_are_errors(call: Any, kwargs: dict, message: str) -> None:
    articles = load_articles([SEEDS]).articles
    with pytest.raises(ConfigError, match=message):
        call(articles, **kwargs)


def test_wrong_article_arguments_say_what_to_pass() -> None:
    loaded = load_articles([SEEDS])
    with pytest.raises(ConfigError, match=r"not one Article: pass \[article\]"):
        digest(loaded.articles[0])  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"item 0 is a str, not an Article"):
        brief(["Banjir merendam rumah warga."])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match=r"not str"):
        digest("seeds/")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="share the id '1'"):
        digest([loaded.articles[0], replace(loaded.articles[1], id="1")])
    assert digest(loaded).items == digest(loaded.articles).items  # a Loaded is its articles


def test_render_takes_a_format_in_any_case_and_refuses_what_is_not_a_result() -> None:
    # Round 42, a library user: render(d, "JSON") was refused though `-f JSON` is not, and
    # render([article], "json") raised AttributeError from deep inside.
    import summarize
    from summarize import render

    result = brief(load_articles([SEEDS]).articles[:1])
    assert render(result, "JSON") == render(result, "json")
    assert render(result, " MD ") == render(result, "markdown")
    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        render(result, "pdf")
    with pytest.raises(ConfigError, match=r"not list: render\(brief\(articles\), 'json'\)"):
        render(list(result.briefs[0].article.sentences), "json")  # type: ignore[arg-type]
    # What the package loads when asked is listed by dir() too.
    assert {"load_translator", "Translator", "check_translation"} <= set(dir(summarize))


def test_articles_made_from_text_get_their_own_ids_by_default() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = [article_from_text(t) for t in texts]
    assert len({a.id for a in articles}) == len(texts)
    assert article_from_text(texts[0]).id == articles[0].id  # made from the text: stable across runs
    cited = {c.article for item in digest(articles).items for c in item.citations}
    assert len(cited) > 1 and cited <= {a.id for a in articles}


@pytest.mark.parametrize("fmt", ["markdown", "text", "html", "json"])
def test_stories_a_cap_leaves_out_are_counted_in_every_format(fmt: str) -> None:
    # --max-stories 2 used to drop the other stories without a word, under a header that
    # read "2 stories from 9 articles" as if that were all.
    from summarize.renderers import render

    data = Path(__file__).resolve().parent / "data"
    articles = load_articles([SEEDS, *sorted(data.glob("indosum_*.txt"))]).articles
    whole = digest(articles)
    capped = digest(articles, max_stories=2)
    assert len(whole.stories) == 5 and len(capped.stories) == 2
    assert capped.stories_left_out == 3 and whole.stories_left_out == 0
    assert "3 more stories not shown (the digest is capped at 2 stories)" in capped.notes
    assert not any("not shown" in note for note in whole.notes)
    out = render(capped, fmt)
    assert "3 more stories not shown (the digest is capped at 2 stories)" in out
    if fmt == "json":  # the same facts as data: the header is the other formats' own
        assert json.loads(out)["digest"]["stories_left_out"] == 3
    else:
        assert "2 of 5 stories from 9 articles" in out
        assert "5 stories from 9 articles" in render(whole, fmt)
    one = digest(articles, n=1)  # -n caps the stories too: one line each at most
    assert "4 more stories not shown (the digest is capped at 1 item)" in one.notes
