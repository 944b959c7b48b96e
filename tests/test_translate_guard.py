"""The translation guard: repair once, then withhold with a visible reason, in every format;
the cache keeps the final result; headlines and "sources differ" lines are guarded too."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import article_from_text, brief, check_translation, digest, render
from summarize.cli import app
from summarize.grouping.figures import figures
from summarize.renderers.layout import layout
from summarize.translate.base import Progress, TranslatorBase
from summarize.translate.cache import CachingTranslator, TranslationCache, cache_key
from summarize.translate.guard import GuardedTranslator, translate_checked
from summarize.values import Article, Briefs, Digest

# Two reports of one fact that differ on the number, with English a careful human wrote.
ENGLISH = {
    "Korea Utara kirim kontainer senjata ke Rusia": "North Korea sends weapons containers to Russia",
    "Pyongyang kirim kontainer amunisi untuk Moskow": "Pyongyang sends ammunition containers to Moscow",
    "Gedung Putih mengatakan Korea Utara telah mengirimkan 1.000 kontainer peralatan militer ke Rusia.": (
        "The White House said North Korea has sent 1,000 containers of military equipment to Russia."
    ),
    "Kontainer itu dimuat ke kapal berbendera Rusia di pelabuhan Najin.": (
        "The containers were loaded onto a Russian-flagged ship in the port of Najin."
    ),
    "Korea Utara telah mengirimkan 1.200 kontainer peralatan militer ke Rusia, kata Gedung Putih.": (
        "North Korea has sent 1,200 containers of military equipment to Russia, the White House said."
    ),
    "Citra satelit menunjukkan lalu lintas kereta yang meningkat di perbatasan.": (
        "Satellite images show increased rail traffic at the border."
    ),
    "Citra satelit perbatasan Korea Utara": "Satellite images of the North Korean border",
    "Citra satelit Maxar pada Jumat menunjukkan lalu lintas kereta yang meningkat di perbatasan Korea Utara dengan Rusia.": (
        "Maxar satellite images on Friday showed increased rail traffic at North Korea's border with Russia."
    ),
}
LOOP = "the the the the the the the the the the the the"


def _article(aid: str, title: str, sentences: Sequence[str]) -> Article:
    return article_from_text("\n\n".join(sentences), id=aid, source=f"{aid}.txt", title=title)


ARTICLES = (
    _article("1", "Korea Utara kirim kontainer senjata ke Rusia", list(ENGLISH)[2:4]),
    _article("2", "Pyongyang kirim kontainer amunisi untuk Moskow", list(ENGLISH)[4:6]),
)


class Human(TranslatorBase):
    """Good English (a lookup of the human translations); counts what reached it."""

    name = "human"
    backend = "test"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.repairs: list[list[str]] = []

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(sentences))
        return [ENGLISH[s] for s in sentences]


class Looping(Human):
    """Loops on the first try and on the repair: every line must be withheld."""

    name = "looping"

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(sentences))
        return [LOOP for _ in sentences]

    def repair(self, sentences: Sequence[str]) -> list[str]:
        self.repairs.append(list(sentences))
        return [LOOP for _ in sentences]


class FailsFirst(Looping):
    """Loops on the first try; the repair gives the human English."""

    name = "fails-first"

    def repair(self, sentences: Sequence[str]) -> list[str]:
        self.repairs.append(list(sentences))
        return [ENGLISH[s] for s in sentences]


class ChangesNumbers(Human):
    """Good English, except that 1,000 becomes 100 (and 1,200 120): a wrong claim with a
    citation attached."""

    name = "changes-numbers"

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [
            t.replace("1,000", "100").replace("1,200", "120")
            for t in super().translate(sentences, progress=progress)
        ]

    def repair(self, sentences: Sequence[str]) -> list[str]:
        self.repairs.append(list(sentences))
        return self.translate(sentences)


def test_the_human_english_passes_the_check() -> None:
    # Otherwise the "good" double would not test what it claims to.
    for source, english in ENGLISH.items():
        assert check_translation(source, english) == [], source


def _lines(result: Briefs | Digest) -> list[tuple[str, str, tuple[str, ...]]]:
    """(shown text, source text, problem kinds) for every title and line a reader sees
    (under a digest, Briefs leave out the lines the digest shows: `renderers.layout`)."""
    out = []
    briefs = result.briefs if isinstance(result, Digest) else tuple(result)
    if isinstance(result, Digest):
        shape = layout(result)
        for section in (*shape.stories, *shape.other):
            if section.heading is not None:
                if section.title_problems:
                    source = section.heading
                else:
                    source = next(a.title for a in result.articles if ENGLISH.get(a.title) == section.heading)
                out.append((section.heading, source, tuple(p.kind for p in section.title_problems)))
            for line in section.lines:
                i = line.item
                out.append((i.text, i.source_text, tuple(p.kind for p in i.problems)))
        briefs = shape.briefs
    for b in briefs:
        out.append((b.heading, b.article.title, tuple(p.kind for p in b.title_problems)))
        for s in b.sentences:
            out.append((s.text, s.source_text, tuple(p.kind for p in s.problems)))
    return out


def _run(kind: str, translator: Human) -> Briefs | Digest:
    if kind == "brief":
        return brief(ARTICLES, n=2, translator=translator)
    return digest(ARTICLES, translator=translator, with_briefs=True, brief_sentences=2)


@pytest.mark.parametrize("kind", ["brief", "digest"])
def test_good_english_is_shown_and_never_repaired(kind: str) -> None:
    tr = Human()
    result = _run(kind, tr)
    lines = _lines(result)
    assert lines and all(text == ENGLISH[source] and not problems for text, source, problems in lines)
    for fmt in ("markdown", "text", "html", "json"):
        assert "withheld: " not in render(result, fmt)
    assert len(tr.calls) == 1 and tr.repairs == []


@pytest.mark.parametrize("kind", ["brief", "digest"])
def test_a_loop_is_repaired_once_then_withheld_with_its_reason(kind: str) -> None:
    tr = Looping()
    result = _run(kind, tr)
    lines = _lines(result)
    assert lines and all(text == source and "repetition" in problems for text, source, problems in lines)
    assert len(tr.calls) == 1 and len(tr.repairs) == 1
    assert sorted(tr.repairs[0]) == sorted(tr.calls[0])  # every failure, repaired once
    for fmt in ("markdown", "text", "html"):
        out = render(result, fmt)
        assert "the the the" not in out  # no looping line, in English or otherwise
        marker = "translation withheld: repeated text"
        assert out.count(marker) == len(lines), fmt  # titles and lines, each marked
    body = json.loads(render(result, "json"))
    sentences = [s for b in body["briefs"] for s in b["sentences"]]
    titles = [b for b in body["briefs"]]
    if kind == "digest":
        sentences += body["digest"]["items"]
        titles += body["digest"]["stories"]
    for s in sentences:
        assert s["withheld"] is True and s["text"] == s["source_text"]
        assert s["problems"][0]["kind"] == "repetition"
        assert s["problems"][0]["message"].startswith("repeated text: ")
    for t in titles:
        assert t["title_withheld"] is True and t["title_problems"][0]["kind"] == "repetition"


def test_the_email_marks_a_withheld_line_in_both_parts() -> None:
    from summarize.deliver.mail import compose_message

    result = digest(ARTICLES, translator=ChangesNumbers(), with_briefs=True)
    msg = compose_message(result, sender="digest@example.org", to=["you@example.org"])
    plain, html = (part.get_content() for part in msg.iter_parts())
    for body in (" ".join(plain.split()), html):
        assert "translation withheld: numbers differ: source has 1.000; English has 100" in body
        assert "100 containers" not in body


@pytest.mark.parametrize("kind", ["brief", "digest"])
def test_a_repair_that_works_is_shown_as_english(kind: str) -> None:
    tr = FailsFirst()
    result = _run(kind, tr)
    lines = _lines(result)
    assert lines and all(text == ENGLISH[source] and not problems for text, source, problems in lines)
    assert len(tr.repairs) == 1
    for fmt in ("markdown", "text", "html", "json"):
        out = render(result, fmt)
        assert "withheld: " not in out and '"withheld": true' not in out
    body = json.loads(render(result, "json"))
    assert all(s["withheld"] is False and s["problems"] == [] for b in body["briefs"] for s in b["sentences"])


def test_a_changed_number_is_withheld_and_sources_differ_shows_the_sources_figures() -> None:
    tr = ChangesNumbers()
    # A third report, whose lead stands alone for sure: a digest line only comes from such a one.
    satellite = _article("3", *list(ENGLISH)[6:7], list(ENGLISH)[7:8])
    result = digest([*ARTICLES, satellite], translator=tr)
    top = next(i for i in result.items if i.figures)
    assert [v for v, _ in top.figures] == ["1.000", "1.200"]
    assert top.withheld and top.text == top.source_text
    assert [p.kind for p in top.problems] == ["numbers"] and len(tr.repairs) == 1
    text = render(result, "text")
    assert (
        "translation withheld: numbers differ: source has 1.000; English has 100" in text
        or "translation withheld: numbers differ: source has 1.200; English has 120" in text
    )
    assert "sources differ: 1.000 [1.1]; 1.200 [2.1]" in text  # the sources' own figures
    assert "100 containers" not in text and "120 containers" not in text
    other = next(i for i in result.items if not i.figures)
    assert not other.withheld and other.text.startswith("Maxar")  # a line without numbers is shown in English


def _assert_figures_are_the_sources(result: Digest) -> int:
    """Each figure on a "sources differ" line is, by value, in every sentence it cites."""
    by_id = {a.id: a for a in result.articles}
    checked = 0
    for item in result.items:
        for shown, cites in item.figures:
            first = by_id[cites[0].article].sentences[cites[0].index].text
            values = {v for v, written in figures(first).values() if written == shown}
            assert values, (shown, first)
            for c in cites:
                sentence = by_id[c.article].sentences[c.index].text
                assert values & {v for v, _ in figures(sentence).values()}, (shown, sentence)
                checked += 1
    return checked


def test_sources_differ_figures_come_from_the_cited_sentences(mixed: tuple[Article, ...]) -> None:
    assert _assert_figures_are_the_sources(digest(ARTICLES, translator=Human())) == 2
    _assert_figures_are_the_sources(digest(mixed, n=40))


# The cache keeps the final result --------------------------------------------------------


def test_cache_stores_the_withheld_source_and_its_problems_and_never_retries() -> None:
    sentences = list(ENGLISH)
    first = Looping()
    results = CachingTranslator(first, TranslationCache()).translate_checked(sentences)
    assert all(r.withheld and r.text == s for r, s in zip(results, sentences, strict=True))
    assert len(first.calls) == 1 and len(first.repairs) == 1
    again = Looping()
    cached = CachingTranslator(again, TranslationCache()).translate_checked(sentences)
    assert cached == results  # the same text and problems, from the cache
    assert again.calls == [] and again.repairs == []  # failed twice: not translated again
    rows = sqlite3.connect(TranslationCache().path).execute("SELECT text, problems FROM translations")
    stored = dict(rows.fetchall())
    assert set(stored) == set(sentences)
    assert all(json.loads(p)[0][0] == "repetition" for p in stored.values())


def test_cache_stores_a_repaired_translation_as_good() -> None:
    sentences = list(ENGLISH)
    CachingTranslator(FailsFirst(), TranslationCache()).translate(sentences)
    again = FailsFirst()
    assert CachingTranslator(again, TranslationCache()).translate(sentences) == [
        ENGLISH[s] for s in sentences
    ]
    assert again.calls == [] and again.repairs == []


def test_rows_from_before_the_guard_are_checked_when_read() -> None:
    # An old cache file: no problems column, one looping row and one good row.
    ident = ("fails-first", "test")  # a double without cache_identity: (name, backend)
    loop_src, good_src = list(ENGLISH)[2:4]
    path = TranslationCache().path
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE translations (key TEXT PRIMARY KEY, text TEXT NOT NULL, model TEXT NOT NULL,"
            " created REAL NOT NULL) WITHOUT ROWID"
        )
        conn.execute("INSERT INTO translations VALUES (?, ?, 'm', 0)", (cache_key(ident, loop_src), LOOP))
        conn.execute(
            "INSERT INTO translations VALUES (?, ?, 'm', 0)", (cache_key(ident, good_src), ENGLISH[good_src])
        )
    tr = FailsFirst()
    out = CachingTranslator(tr, TranslationCache()).translate_checked([loop_src, good_src])
    assert [c.text for c in out] == [ENGLISH[loop_src], ENGLISH[good_src]]
    assert tr.calls == [[loop_src]]  # the unchecked loop is translated again; the good row is served


def test_guard_without_repair_withholds_at_once() -> None:
    class NoRepair(TranslatorBase):
        name, backend = "plain", "test"

        def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
            return [LOOP for _ in sentences]

    (result,) = translate_checked(NoRepair(), ["Harga beras naik 5 persen."])
    assert result.withheld and result.text == "Harga beras naik 5 persen."
    assert {p.kind for p in result.problems} >= {"repetition", "numbers"}
    assert GuardedTranslator(NoRepair()).translate(["Halo dunia."]) == ["Halo dunia."]


# The tiny random model: nothing it produces reaches a reader as an English fact -----------


def _shown_json(body: dict[str, object]) -> list[dict[str, object]]:
    """The digest's items, then the brief sentences its Briefs show: those it does not cite, and
    a cited one a shown one is read after (`after`), which comes again before it."""
    digest_part = body["digest"]
    assert isinstance(digest_part, dict)
    briefs = body.get("briefs", [])
    assert isinstance(briefs, list)
    cited = {(c["article"], c["index"]) for i in digest_part["items"] for c in i["citations"]}
    others = []
    for b in briefs:
        keep = {s["index"] for s in b["sentences"] if (b["article"], s["index"]) not in cited}
        if keep:
            after = {s["index"]: s["after"] for s in b["sentences"]}
            todo = list(keep)
            while todo:
                for k in after[todo.pop()]:
                    if k not in keep:
                        keep.add(k)
                        todo.append(k)
        others += [s for s in b["sentences"] if s["index"] in keep]
    return [*digest_part["items"], *others]


def _shown_briefs(body: dict[str, object]) -> list[dict[str, object]]:
    """The briefs a digest's Briefs show: those with a sentence the digest does not cite."""
    digest_part = body["digest"]
    assert isinstance(digest_part, dict)
    cited = {(c["article"], c["index"]) for i in digest_part["items"] for c in i["citations"]}
    briefs = body.get("briefs", [])
    assert isinstance(briefs, list)
    return [b for b in briefs if any((b["article"], s["index"]) not in cited for s in b["sentences"])]


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_tiny_model_digest_shows_no_failing_english(
    tiny_model: Path, backend: str, tmp_path: Path, seeds: Path
) -> None:
    runner = CliRunner()
    args = ["digest", str(seeds), "--model", str(tiny_model), "--backend", backend, "--beam", "1"]
    out = tmp_path / "d.json"
    result = runner.invoke(app, [*args, "--with-briefs", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = json.loads(out.read_text("utf-8"))
    lines = _shown_json(body)
    titles = [*(t for t in body["digest"]["stories"] if t["title"] is not None), *_shown_briefs(body)]
    withheld = 0
    for line in lines:
        if line["withheld"]:
            withheld += 1
            assert line["text"] == line["source_text"] and line["problems"]
        else:  # shown as English: it must pass the check
            assert check_translation(str(line["source_text"]), str(line["text"])) == []
    for t in titles:
        assert t["title_withheld"] or t["title_problems"] == []
    assert withheld >= 0.9 * len(lines)  # random weights: (nearly) everything withheld
    # The markdown a reader sees (from the cache now) marks every withheld line and title.
    md = runner.invoke(app, [*args, "--with-briefs"])
    assert md.exit_code == 0, md.output
    marked = withheld + sum(1 for t in titles if t["title_withheld"])
    assert md.stdout.count("translation withheld: ") == marked


def test_translate_text_keeps_a_withheld_sentence_in_indonesian_and_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from summarize.translate import translate_text

    source = "Citra satelit menunjukkan lalu lintas kereta yang meningkat di perbatasan."
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert translate_text(source, Looping()) == source
    assert "translation withheld (repeated text" in caplog.text
    assert translate_text(source, Human()) == ENGLISH[source]


# ------------------------------------------------------------------ notes on what passes

# A sentence that stands alone for sure, so that a digest shows it as a line.
BRIDGE = (
    "Presiden Joko Widodo meresmikan Jembatan Tol Cisumdawu di Jawa Barat sepanjang 56 kilometer pada Senin."
)
CONVERTED = {
    "Jembatan baru dibuka": "New bridge opens",
    BRIDGE: "President Joko Widodo opened the Cisumdawu toll bridge in West Java, 35 miles (56 kilometers) long, on Monday.",
}
NOTE = "the English adds a conversion: 35 miles"


class Converting(TranslatorBase):
    """English that adds a conversion, as newsroom English does."""

    name, backend = "converting", "test"

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [CONVERTED[s] for s in sentences]


def test_a_conversion_the_english_adds_is_shown_as_a_note_never_withheld() -> None:
    article = _article("9", "Jembatan baru dibuka", [BRIDGE])
    briefs = brief([article], n=1, translator=Converting())
    line = briefs[0].sentences[0]
    assert not line.withheld and line.text == CONVERTED[BRIDGE] and line.check_notes == (NOTE,)
    for fmt in ("markdown", "text", "html"):
        shown = render(briefs, fmt)
        assert f"translation note: {NOTE}" in shown and "withheld: " not in shown, fmt
    assert json.loads(render(briefs, "json"))["briefs"][0]["sentences"][0]["check_notes"] == [NOTE]
    item = json.loads(render(digest([article], translator=Converting()), "json"))["digest"]["items"][0]
    assert item["check_notes"] == [NOTE] and not item["withheld"]


class AlreadyCached(Converting):
    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        raise AssertionError("a cached sentence was translated again")


def test_the_cache_gives_the_note_again() -> None:
    first = CachingTranslator(Converting(), TranslationCache()).translate_checked([BRIDGE])
    again = CachingTranslator(AlreadyCached(), TranslationCache()).translate_checked([BRIDGE])
    assert first == again and again[0].notes == (NOTE,)
