"""How a digest reads: headlines, dates, honest counts, compact one-article stories, briefs
that do not repeat the digest, lines that never break inside a citation, notes everywhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import digest, load_articles
from summarize.deliver import compose_message
from summarize.ingest.article import article_from_text
from summarize.ingest.dates import find_date, relative_time
from summarize.renderers import FORMATS, render
from summarize.renderers.layout import day_label, example_cite, layout, publisher_label, span_label
from summarize.renderers.text import WIDTH, _item, cites
from summarize.values import Article, Citation, Digest, DigestItem, parse_cite

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def mixed() -> Digest:
    return digest(load_articles([SEEDS, *sorted(DATA.glob("*.txt"))]), with_briefs=True)


def test_no_single_source_count_and_no_heading_repeats_its_only_line() -> None:
    result = mixed()
    for fmt in FORMATS:
        out = render(result, fmt)
        assert not re.search(r"\b1 source\b", out), fmt
    for story in result.stories:
        if len(story.items) == 1 and story.title:
            head = story.title.removesuffix("…").casefold()
            assert not story.items[0].text.casefold().startswith(head), story.title


def test_a_story_without_a_title_has_no_heading() -> None:
    untitled = article_from_text(
        "Banjir besar melanda Jakarta Selatan pada Senin pagi dan merendam ratusan rumah warga di tepi sungai.\n\n"
        "Sebanyak 1.000 warga mengungsi ke masjid dan sekolah terdekat.\n",
        id="1",
    )
    result = digest([untitled])
    assert result.stories[0].title is None
    text = render(result, "text")
    assert "Banjir besar melanda" in text and "-----\nBanjir" not in text
    assert "1 story from 1 article" in text


def test_unshown_articles_without_a_headline_are_named_not_left_as_bare_numbers() -> None:
    leaning = "Ia mengatakan hal itu kepada wartawan.\n\nNamun, mereka menolak tawaran tersebut.\n"
    other = "Dia menyebut angka itu terlalu tinggi.\n\nSelain itu, pihaknya belum menerima laporan lengkap.\n"
    result = digest([article_from_text(leaning, id="1"), article_from_text(other, id="2")])
    shape = layout(result)
    assert len(shape.unshown) == 2 and not any(s.heading for s in shape.unshown)
    text, markdown, html = (render(result, fmt) for fmt in ("text", "markdown", "html"))
    assert "Articles [1] [2] (no headline: see Sources)" in text
    assert "- Articles [1] [2] (no headline: see Sources)" in markdown
    assert re.search(r"Articles <a [^>]*>\[1\]</a> <a [^>]*>\[2\]</a> \(no headline: see Sources\)", html)
    one = render(digest([article_from_text(leaning, id="1")]), "text")
    assert "Article [1] (no headline: see Sources)" in one


def test_one_article_stories_are_compact_under_other_news() -> None:
    result = mixed()
    shape = layout(result)
    assert shape.stories and shape.other and shape.other_heading == "Other news"
    text = render(result, "text")
    other = text[text.index("Other news\n") : text.index("Briefs\n")]
    # A line each: no underlined headings inside it.
    assert not re.search(r"\n-{5,}\n", other.split("\n", 2)[2])
    stories = len(result.stories)
    assert f"{stories} stories from {len(result.articles)} articles" in text


def test_the_seeds_digest_shows_each_articles_date(seeds: Path) -> None:
    result = digest(load_articles([seeds]))
    text = render(result, "text")
    for a in result.articles:
        shown = day_label(a.published) or "date unknown"
        assert f"{publisher_label(a)}, {shown}" in text
    # Each story with its date or range.
    story = layout(result).stories[0]
    assert story.dates == span_label([a.published for a in result.articles])
    assert f"{story.dates} · " in text
    # A line that says when relative to its writing carries its article's date beside its
    # citation; the others do not.
    by_id = {a.id: a for a in result.articles}
    dated = 0
    for item in result.items:
        first = by_id[item.citations[0].article]
        relative = relative_time(item.source_text) and find_date(item.source_text) is None
        label = f"[{first.id}.{item.citations[0].index + 1}, {day_label(first.published)}]"
        assert (label in text) == bool(relative and first.published), item.source_text
        dated += label in text
    assert dated >= 1


def test_a_span_says_how_many_articles_it_does_not_date() -> None:
    """A digest of 20 articles, one dated, must not read as all of 11 Feb 2018."""
    assert span_label(["2018-02-11", None, "2018-02-11T09:00:00+07:00", ""]) == "11 Feb 2018 (2 undated)"
    assert span_label(["2023-09-16", "2023-10-13"]) == "16 Sep – 13 Oct 2023"
    assert span_label(["2022-12-30", "2023-01-02", None]) == "30 Dec 2022 – 2 Jan 2023 (1 undated)"
    assert span_label([None, "not a date"]) is None


def test_the_seeds_digest_counts_its_undated_articles(seeds: Path) -> None:
    result = digest(load_articles([seeds]))
    undated = sum(1 for a in result.articles if not a.published)
    assert 0 < undated < len(result.articles)  # the seeds mix dated and undated pages
    text = render(result, "markdown")
    assert f"{len(result.articles)} articles, " in text and f" ({undated} undated)_" in text


def test_a_dated_citation_still_parses() -> None:
    assert parse_cite("[2.1, 4 Oct 2025]") == ("2", 0)
    assert cites((Citation("2", 0), Citation("5", 3)), ("4 Oct 2025",)) == "[2.1, 4 Oct 2025][5.4]"
    both = cites((Citation("2", 0), Citation("5", 3)), ("4 Oct 2025", "article date unknown"))
    assert both == "[2.1, 4 Oct 2025][5.4, article date unknown]"
    assert parse_cite("[5.4, article date unknown]") == ("5", 3)


def test_a_numbered_citation_names_a_numbered_article() -> None:
    assert parse_cite("[a1.3]") == ("a1", 2)  # a library caller's own ids stay citable
    assert parse_cite("2.4.1") == ("2.4", 0)
    for bad in ("2.4.1", "a1.3", "1.\u00b2", "\u00b2.1"):
        with pytest.raises(ValueError, match=r"not a citation like 2\.4"):
            parse_cite(bad, numbered=True)
    assert parse_cite(" [12.3] ", numbered=True) == ("12", 2)


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=14), min_size=1, max_size=40),
    n=st.integers(min_value=1, max_value=6),
    dated=st.booleans(),
)
def test_a_text_line_never_breaks_inside_a_citation_or_a_count(words: list[str], n: int, dated: bool) -> None:
    from summarize.renderers.layout import Line

    citations = tuple(Citation(str(k + 1), k) for k in range(n))
    item = DigestItem(" ".join(words), "x", citations, 1.0, publishers=tuple(f"P{k}" for k in range(n)))
    days = tuple("13 Oct 2023" if dated and k % 2 == 0 else None for k in range(n))
    line = Line(item, f"{n} sources" if n >= 2 else None, days)
    out = _item(line)
    for row in out[0].splitlines():
        assert row.count("[") == row.count("]") and row.count("(") == row.count(")")
        assert len(row) <= WIDTH or " " not in row.strip()
    joined = out[0]
    if n >= 2:
        assert f"({n} sources)" in joined
    assert cites(citations, days) in joined


def test_the_email_text_part_does_not_repeat_a_digest_line_under_briefs() -> None:
    result = mixed()
    msg = compose_message(result, sender="d@example.org", to=["r@example.org"])
    plain = msg.get_body(preferencelist=("plain",))
    assert isinstance(plain, EmailMessage)
    text = plain.get_content().replace("\r\n", "\n")
    top, briefs = text[: text.index("\nBriefs\n")], text[text.index("\nBriefs\n") : text.index("\nSources\n")]
    label = re.compile(r"\[(\d+)\.(\d+)")
    shown, repeated = set(label.findall(top)), set(label.findall(briefs))
    # A line above comes again only before a sentence of its brief that is read after it.
    number = {a.id: str(k) for k, a in enumerate(result.articles, 1)}
    leaned_on = {
        (number[b.article.id], str(i + 1)) for b in result.briefs for s in b.sentences for i in s.after
    }
    assert shown and repeated and shown & repeated <= leaned_on
    # No other digest line's text appears again, whole, under Briefs.
    lines = [" ".join(x.split()) for x in re.split(r"\n- ", top)[1:]]
    flat = " ".join(briefs.split())
    # (A digest line cites sentences, "[2.4]"; a story listed without a line is not one.)
    again = [line for line in lines if len(line) > 40 and line.split(" [")[0] in flat]
    assert all(set(label.findall(line)) <= leaned_on for line in again), again


def test_a_brief_under_the_digest_keeps_the_line_its_next_sentence_leans_on() -> None:
    # seeds/000's brief opens with the digest's line [1.1]; its [1.2], "Dia mengatakan hal itu
    # pada Sabtu ...", leans on it: the brief under the digest keeps [1.1] rather than open
    # with "Dia" (who?), and says so in its note.
    result = digest(load_articles([SEEDS]), with_briefs=True)
    first = layout(result).briefs[0]
    assert first.sentences[1].source_text.startswith("Dia mengatakan")
    assert [s.index for s in first.sentences][:2] == [0, 1] and first.sentences[1].after == (0,)
    shown = {c for s in result.stories for item in s.items for c in item.citations}
    assert Citation(first.article.id, 0) in shown
    assert "recurs where one leans on it" in render(result, "markdown")
    data = json.loads(render(result, "json"))
    assert data["briefs"][0]["sentences"][1]["after"] == [0]


def test_a_brief_under_the_digest_keeps_the_line_a_doubted_sentence_is_read_after() -> None:
    # "Wanita asal Kabupaten Bekasi, Jawa Barat ini ..." passes the rules, but its "ini" leaves
    # a doubt: the brief never opens with it, and shows it after [1.1], the digest's line. Under
    # the digest the brief left [1.1] out and opened with "Wanita ... ini" (which woman?).
    article = article_from_text(
        "Filipina Tangkap Istri Petinggi ISIS Marawi Asal Bekasi\n\n"
        "Kepolisian Nasional Filipina menangkap istri dari Omarkhayam Maute, Minhati Madrais. "
        "Wanita asal Kabupaten Bekasi, Jawa Barat ini masuk dalam daftar buron otoritas Filipina "
        "terkait aktivitas suaminya sebagai petinggi ISIS yang sempat menguasai Marawi.\n\n"
        "Maute sendiri tewas 16 Oktober lalu setelah serangan dilancarkan militer Filipina. "
        "Pimpinan tertinggi ISIS di Marawi, Isnilon Hapilon juga tewas saat itu.\n",
        id="1",
    )
    result = digest([article], with_briefs=True)
    assert [c for item in result.items for c in item.citations] == [Citation("1", 0)]
    plain = result.briefs[0].sentences
    assert [s.index for s in plain][:2] == [0, 1] and plain[1].after == (0,)
    shown = layout(result).briefs[0].sentences
    assert [s.index for s in shown][:2] == [0, 1]
    text = render(result, "text")
    briefs = text[text.index("\nBriefs\n") :]
    assert briefs.index("[1.1]") < briefs.index("Wanita asal")


def test_notes_reach_every_format() -> None:
    result = digest(load_articles([SEEDS]))
    noted = Digest(
        **{**{f: getattr(result, f) for f in result.__slots__}, "notes": ("skipped x.txt: empty",)}
    )
    for fmt in FORMATS:
        assert "skipped x.txt: empty" in render(noted, fmt), fmt
    assert json.loads(render(noted, "json"))["notes"] == ["skipped x.txt: empty"]


def test_cli_digest_says_what_it_skipped_in_its_output(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    args = [
        sys.executable,
        "-c",
        "from summarize.cli import main; main()",
        "digest",
        str(SEEDS),
        str(tmp_path / "empty.txt"),
    ]
    for fmt in ("markdown", "json"):
        run = subprocess.run(
            [*args, "--no-translate", "-f", fmt], capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 3, run.stderr
        assert "empty.txt" in run.stdout and "skipped" in run.stdout, fmt


def test_a_compact_entry_dates_its_story_and_its_relative_lines() -> None:
    import dataclasses

    from summarize.values import Story

    from . import mail_samples as samples

    a = dataclasses.replace(samples.articles()[0], published="2023-10-13", publisher="Kompas")
    b = dataclasses.replace(samples.articles()[2], published="2023-10-12", publisher="Tempo")
    first = DigestItem("Floods hit Jakarta.", a.sentences[0].text, (Citation("1", 0),), 1.0)
    later = DigestItem("Residents fled yesterday.", "Warga mengungsi kemarin.", (Citation("1", 1),), 0.9)
    rice = DigestItem("Rice rose.", b.sentences[0].text, (Citation("3", 0),), 0.8)
    stories = (
        Story("Banjir Jakarta", ("1",), (first, later)),
        Story("Harga beras", ("3",), (rice,)),
    )
    result = Digest(articles=(a, b), items=(first, later, rice), stories=stories)
    text = render(result, "text")
    assert "- Banjir Jakarta (13 Oct 2023)\n" in text
    assert "  - Floods hit Jakarta. [1.1]\n" in text  # no relative time: no date
    assert "  - Residents fled yesterday. [1.2, 13 Oct 2023]\n" in text
    assert "- Harga beras (12 Oct 2023) — Rice rose. [3.1]\n" in text  # one line: one date
    markdown = render(result, "markdown")
    assert "- **Banjir Jakarta** (13 Oct 2023)" in markdown and "[1.2, 13 Oct 2023]" in markdown
    assert ">[1.2, 13 Oct 2023]</a>" in render(result, "html")
    assert "2 stories from 2 articles, 12 Oct – 13 Oct 2023\n" in text


def test_a_storys_date_comes_before_its_citations_in_every_entry() -> None:
    """Read as a user (IndoSum dev.03): a story with no headline showed its date after its
    line's citation, "... Sabtu (15/4/2017). [18.1] (15 Apr 2017)", where the list of stories
    with no line shows it before the article's number, "Maria Sharapova ... Top 50 (8 Jan
    2018) [16]", as a headline's entry does ("Heading (13 Oct 2023) — line [3.1]"). The date
    follows the headline, and with none opens the entry, where the headline would be."""
    import dataclasses

    from summarize.values import Story

    from . import mail_samples as samples

    a, _, c = samples.articles()
    a = dataclasses.replace(a, title="", published="2017-04-15")
    d = dataclasses.replace(c, id="4", title="Gempa Bali", published="2018-01-08")
    floods = DigestItem("Floods hit Jakarta.", a.sentences[0].text, (Citation("1", 0),), 1.0)
    stories = (Story(None, ("1",), (floods,)), Story("Gempa Bali", ("4",), ()))
    result = Digest(articles=(a, d), items=(floods,), stories=stories)
    text = render(result, "text")
    assert "- (15 Apr 2017) Floods hit Jakarta. [1.1]\n" in text
    assert "- Gempa Bali (8 Jan 2018) [4]\n" in text
    markdown = render(result, "markdown")
    assert "- (15 Apr 2017) Floods hit Jakarta. [1.1]\n" in markdown
    assert "- **Gempa Bali** (8 Jan 2018) [4]\n" in markdown
    html = render(result, "html")
    assert html.index("(15 Apr 2017)</span>") < html.index("Floods hit Jakarta.") < html.index(">[1.1]</a>")
    assert html.index("(8 Jan 2018)</span>") < html.index('href="#source-4"')


def test_the_no_line_lists_article_numbers_are_drawn_as_citations_in_html() -> None:
    """Read as a user (IndoSum dev.03, HTML): in the list of stories with no line, [8] [11]
    [15] [16] were full-size underlined links, where every other citation is a small blue
    link without underline. They take the citations' style."""
    import dataclasses

    from summarize.renderers.htmlpage import STYLES
    from summarize.values import Story

    from . import mail_samples as samples

    a, b, c = samples.articles()
    d = dataclasses.replace(c, id="4", title="Gempa Bali")
    stories = (Story("Gempa Bali", ("4",), ()), Story(None, ("3",), ()))
    html = render(Digest(articles=(a, b, c, d), items=(), stories=stories), "html")
    for n in ("4", "3"):
        assert f'<a href="#source-{n}" style="{STYLES["cite"]}">[{n}]</a>' in html, n


def test_a_brief_sentence_that_says_when_relative_to_its_writing_carries_the_date_too() -> None:
    """Read as a user (IndoSum dev.03): the digest cited "... tiba di Kanada Sabtu waktu
    setempat ..." as [20.1, article date unknown], while `brief` and the Briefs under the
    digest cited the same sentence as a plain [20.1]; the README's Citations paragraph says
    such a line carries its article's date. A brief's citation is now dated as a digest
    line's, in every format that draws citations (JSON carries neither: it gives the
    article's `published` and the sentence)."""
    import dataclasses

    from summarize.values import Brief, Briefs, Selected, Story

    from . import mail_samples as samples

    a = samples.article(
        "1", "Banjir Jakarta", ["Banjir melanda Jakarta Selatan.", "Warga mengungsi kemarin."]
    )
    b = dataclasses.replace(a, id="2", title="Banjir Medan", published="2023-10-13")
    picked = (
        Selected(0, a.sentences[0].text, "Floods hit.", 0.9),
        Selected(1, a.sentences[1].text, "Fled.", 0.8),
    )
    briefs = (Brief(a, picked), Brief(b, picked))
    alone = Briefs(briefs=briefs)
    for fmt in ("text", "markdown", "html"):
        out = render(alone, fmt)
        assert "[1.2, article date unknown]" in out and "[2.2, 13 Oct 2023]" in out, fmt
        assert "[1.1]" in out and "[2.1]" in out, fmt  # no relative time: no date
        flat = " ".join(out.replace("\\", "").split())  # markdown escapes the note's brackets
        assert "[1.1, DATE]" in flat and "its article's date" in flat, fmt  # the first shown
    line = DigestItem("Floods hit.", a.sentences[0].text, (Citation("1", 0),), 1.0)
    stories = (Story("Banjir Jakarta", ("1",), (line,)), Story("Banjir Medan", ("2",), ()))
    under = Digest(articles=(a, b), items=(line,), stories=stories, briefs=briefs)
    heads = {"text": "\nBriefs\n", "markdown": "## Briefs", "html": 'id="briefs"'}
    for fmt, head in heads.items():
        out = render(under, fmt)
        rest = out[out.index(head) :]
        assert "[1.2, article date unknown]" in rest and "[2.2, 13 Oct 2023]" in rest, fmt


def test_a_story_with_no_line_keeps_its_heading_and_articles_with_a_note() -> None:
    """No story vanishes: one none of whose sentences stands alone shows its heading, its
    articles and a note, in every format, among stories of several articles or of one."""
    import dataclasses

    from summarize.renderers.layout import NO_LINE_NOTE
    from summarize.values import Story

    from . import mail_samples as samples

    a, b, c = (dataclasses.replace(x, published="2023-10-13") for x in samples.articles()[:3])
    rice = DigestItem("Rice rose.", c.sentences[0].text, (Citation("3", 0),), 0.8)
    stories = (
        Story("Banjir Jakarta", ("1", "2"), ()),
        Story("Harga beras", ("3",), (rice,)),
        Story("Gempa Bali", ("4",), ()),
    )
    d = dataclasses.replace(a, id="4", title="Gempa Bali")
    result = Digest(articles=(a, b, c, d), items=(rice,), stories=stories)
    text = " ".join(render(result, "text").split())  # as read, past the wrapping
    assert "Banjir Jakarta" in text and "[1] [2]" in text and text.count(NO_LINE_NOTE) == 2
    assert f"{NO_LINE_NOTE} - Gempa Bali (13 Oct 2023) [4]" in text
    assert "3 stories from 4 articles" in text
    markdown = render(result, "markdown")
    assert (
        " ".join(markdown.split()).count(NO_LINE_NOTE) == 2
        and "## Banjir Jakarta" in markdown
        and "**Gempa Bali**" in markdown
    )
    html = render(result, "html")
    assert html.count(NO_LINE_NOTE) == 2 and 'href="#source-4"' in html
    body = json.loads(render(result, "json"))["digest"]["stories"]
    assert [s.get("note") for s in body] == [NO_LINE_NOTE, None, NO_LINE_NOTE]


def test_a_story_with_no_line_and_no_headline_says_where_its_articles_are_named() -> None:
    """Round 38, read as a user: two untitled articles of one story with no line that stands
    alone showed only their date line and "read it in its articles"; nothing said what the
    story was. The note now points to Sources, where each article is named."""
    from summarize.renderers.layout import NO_LINE_NOTE, NO_LINE_UNTITLED_NOTE
    from summarize.values import Story

    from . import mail_samples as samples

    a, b = samples.articles()[:2]
    result = Digest(articles=(a, b), items=(), stories=(Story(None, ("1", "2"), ()),))
    for fmt in ("text", "markdown", "html"):
        out = " ".join(render(result, fmt).split())
        assert NO_LINE_UNTITLED_NOTE in out and NO_LINE_NOTE not in out, fmt
    assert [s.get("note") for s in json.loads(render(result, "json"))["digest"]["stories"]] == [
        NO_LINE_UNTITLED_NOTE
    ]


def test_the_no_line_note_says_what_the_digest_is_not_sure_of_and_points_to_briefs() -> None:
    """Read as a user (IndoSum dev.03, --with-briefs): "No sentence of these stories stands
    alone out of context" sat a few lines above briefs of the same stories that opened with
    "Range Rover Velar dipastikan akan masuk ke Indonesia tahun ini.", which plainly does:
    briefs take a looser tier than the digest's sure one. The note now says only what the
    digest is not sure of, in every format, and points to the briefs where they are shown."""
    import dataclasses

    from summarize.renderers.layout import NO_LINE_NOTE, UNDER_BRIEFS
    from summarize.values import Brief, Selected, Story

    from . import mail_samples as samples

    a, b, c = samples.articles()[:3]
    d = dataclasses.replace(a, id="4", title="Gempa Bali")
    stories = (Story("Banjir Jakarta", ("1", "2"), ()), Story("Gempa Bali", ("4",), ()))
    plain = Digest(articles=(a, b, c, d), items=(), stories=stories)
    opening = Selected(0, d.sentences[0].text, d.sentences[0].text, 0.9)
    briefed = dataclasses.replace(plain, briefs=(Brief(a, (opening,)), Brief(d, (opening,))))
    pointed = NO_LINE_NOTE.removesuffix(".") + UNDER_BRIEFS + "."
    assert "sure reads alone" in NO_LINE_NOTE
    for fmt in ("text", "markdown", "html", "json"):
        out, more = (" ".join(render(x, fmt).split()) for x in (plain, briefed))
        assert "stands alone out of context" not in out + more, fmt
        assert out.count(NO_LINE_NOTE) == 2 and UNDER_BRIEFS not in out, fmt
        assert more.count(pointed) == 2, fmt
    notes = [s["note"] for s in json.loads(render(briefed, "json"))["digest"]["stories"]]
    assert notes == [pointed, pointed]


def test_stories_of_one_article_with_no_line_are_listed_last_under_one_note() -> None:
    """Several stories of one article with no line that stands alone: the note once, after
    the stories that show lines, then each headline and date with its article's number;
    those without a headline share one entry. Nothing is left out."""
    import dataclasses

    from summarize.renderers.layout import NO_LINE_NOTE, NO_LINES_NOTE
    from summarize.values import Story

    from . import mail_samples as samples

    a, b, c = (dataclasses.replace(x, published="2023-10-13") for x in samples.articles()[:3])
    rice = DigestItem("Rice rose.", c.sentences[0].text, (Citation("3", 0),), 0.8)
    d = dataclasses.replace(a, id="4", title="Gempa Bali")
    e = dataclasses.replace(b, id="5", title="Banjir Medan", published=None)
    stories = (
        Story("Gempa Bali", ("4",), ()),
        Story("Harga beras", ("3",), (rice,)),
        Story("Banjir Medan", ("5",), ()),
        Story(None, ("1",), ()),
        Story(None, ("2",), ()),
    )
    result = Digest(articles=(a, b, c, d, e), items=(rice,), stories=stories)
    text = " ".join(render(result, "text").split())
    assert text.count(NO_LINES_NOTE) == 1 and NO_LINE_NOTE not in text
    assert text.index("Rice rose.") < text.index(NO_LINES_NOTE)
    assert (
        f"{NO_LINES_NOTE} - Gempa Bali (13 Oct 2023) [4] - Banjir Medan [5] - Articles [1] [2] (no headline: see Sources)"
        in text
    )
    markdown = render(result, "markdown")
    assert markdown.count(NO_LINES_NOTE) == 1
    assert (
        "- **Gempa Bali** (13 Oct 2023) [4]\n- **Banjir Medan** [5]\n- Articles [1] [2] (no headline: see Sources)\n"
        in markdown
    )
    html = render(result, "html")
    assert html.count(NO_LINES_NOTE) == 1
    assert all(f'href="#source-{k}"' in html for k in "1245")
    body = json.loads(render(result, "json"))["digest"]["stories"]
    assert [s.get("note") for s in body] == [NO_LINE_NOTE, None, NO_LINE_NOTE, NO_LINE_NOTE, NO_LINE_NOTE]


def test_the_briefs_note_names_the_articles_with_no_brief_there_and_why() -> None:
    """Read as a user (detik.com, round 41): under `--with-briefs` the briefs went from 3 to 5,
    with no word of 4, all of whose key sentences the digest already showed, nor of the copies."""
    import dataclasses

    from summarize.values import Brief, Selected, Story

    from . import mail_samples as samples

    a = samples.article("1", "Banjir Jakarta", ["Banjir melanda Jakarta Selatan.", "Warga mengungsi."])
    b = dataclasses.replace(a, id="2", title="Banjir Medan")
    c = dataclasses.replace(a, id="3", title="Banjir Jakarta (salinan)", duplicate_of="1")
    whole = (
        Selected(0, a.sentences[0].text, "Floods hit.", 0.9),
        Selected(1, a.sentences[1].text, "Fled.", 0.8),
    )
    first = whole[:1]
    line = DigestItem("Floods hit.", a.sentences[0].text, (Citation("2", 0),), 1.0)
    stories = (Story("Banjir Medan", ("2",), (line,)), Story("Banjir Jakarta", ("1", "3"), ()))
    under = Digest(
        articles=(a, b, c),
        items=(line,),
        stories=stories,
        briefs=(Brief(a, whole), Brief(b, first), Brief(c, whole)),
    )
    shape = layout(under)
    assert [x.article.id for x in shape.briefs] == ["1"]
    assert shape.briefs_note.endswith(
        "[2] is not here: all its key sentences are above. [3] is not here: it republishes another article."
    )
    for fmt in ("text", "markdown", "html"):
        flat = " ".join(render(under, fmt).replace("\\", "").split())
        assert "[2] is not here: all its key sentences are above." in flat, fmt
    # With every article briefed there, the note says only what the briefs are.
    alone = Digest(articles=(a, b), items=(), stories=(), briefs=(Brief(a, whole), Brief(b, whole)))
    assert layout(alone).briefs_note.endswith("(a line above recurs where one leans on it).")


def _report(aid: str, publisher: str, published: str | None, lead: str) -> Article:
    from summarize.ingest.article import make_article
    from summarize.values import Document

    rest = {
        "1": [
            "Uang itu disita dari tiga perusahaan kelapa sawit dalam kasus korupsi ekspor minyak goreng.",
            "Tumpukan uang dipamerkan di gedung Kejaksaan Agung sebelum diserahkan ke kas negara.",
        ],
        "2": [
            "Jaksa Agung menyebut penyidikan terhadap korporasi lain dalam perkara serupa terus berjalan.",
            "Pengamat hukum menilai langkah itu memberi efek jera bagi pelaku korupsi di sektor pangan.",
        ],
    }
    body = [lead, *rest[aid]]
    doc = Document(source=f"{aid}.html", text="\n\n".join(body), published=published, site=publisher)
    return make_article(doc, aid)


LEAD = "Presiden Prabowo Subianto hari ini menerima uang pengganti kerugian negara sebesar Rp 13,2 triliun dari Kejaksaan Agung."


def test_reports_of_two_days_that_say_hari_ini_are_two_facts() -> None:
    # A reader's check: detikcom's 20 October report and another of 21 October, each "Presiden
    # Prabowo Subianto hari ini menerima ...", were one line "[1.1, 20 Oct 2025][2.1] (2 sources)".
    first = _report("1", "detikcom", "2025-10-20T11:29:00+07:00", LEAD)
    later = _report("2", "Kabar Nusantara", "2025-10-21T09:00:00+07:00", LEAD.replace("sebesar", "senilai"))
    result = digest([first, later])
    assert not any(len(item.citations) > 1 for item in result.items)
    same_day = _report(
        "2", "Kabar Nusantara", "2025-10-20T15:00:00+07:00", LEAD.replace("sebesar", "senilai")
    )
    (merged,) = [i for i in digest([first, same_day]).items if len(i.citations) > 1]
    assert merged.sources == 2
    # A day unknown: "hari ini" cannot be shown to be the other's day (an audit: two rupiah
    # reports of May and August, one undated, were one line).
    undated = _report("2", "Kabar Nusantara", None, LEAD.replace("sebesar", "senilai"))
    assert not any(len(item.citations) > 1 for item in digest([first, undated]).items)


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_each_citation_that_says_hari_ini_carries_its_own_articles_date(fmt: str) -> None:
    first = _report("1", "detikcom", "2025-10-20T11:29:00+07:00", LEAD)
    # The second names its calendar day, so the judge may join the two; its weekday still needs
    # its article's date beside it, here unknown.
    undated = _report("2", "Kabar Nusantara", None, LEAD.replace("hari ini", "pada Senin (20/10)"))
    result = digest([first, undated])
    (merged,) = [i for s in result.stories for i in s.items if len(i.citations) > 1]
    assert {c.article for c in merged.citations} == {"1", "2"}
    out = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", render(result, fmt)))
    assert "[1.1, 20 Oct 2025]" in out and "[2.1, article date unknown]" in out
    assert re.search(r"\[(1\.1|2\.1), [^\]]+\]\[(1\.1|2\.1), [^\]]+\]", out)  # on one line, both dated


def test_the_footer_explains_citations_by_the_first_one_the_page_shows() -> None:
    # A fixed "[2.4] means article 2 ..." named an article and a sentence a digest of one
    # short article does not have; the example is now one the reader can find.
    assert example_cite([Citation("2", 2), Citation("1", 0)]) == "2.3"
    assert example_cite([]) == "1.1"
    d = mixed()
    shape = layout(d)
    first = next(c for s in (*shape.stories, *shape.other) for line in s.lines for c in line.item.citations)
    example = f"{first.article}.{first.index + 1}"
    assert shape.example == example
    for fmt in ("text", "markdown", "html"):
        flat = " ".join(render(d, fmt).replace("\\", "").split())
        assert (
            f"[{example}] means article {first.article} in the Sources list, sentence {first.index + 1} "
            in flat
        )
        assert f"summarize cite SOURCE... {example}" in flat and f"[{example}, DATE]" in flat, fmt
