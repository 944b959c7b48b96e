"""HTML and plain-text rendering: structure, citations, and escaping of all article text."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.renderers import ALIASES, FORMATS, SUFFIXES, format_for, render
from summarize.renderers.htmlpage import TARGET_STYLE, briefs_html, digest_html
from summarize.renderers.layout import layout
from summarize.renderers.text import CITE_COMMAND, digest_text
from summarize.values import Briefs, Citation, Digest, DigestItem, ModelInfo, Problem, http_url, inert

from . import mail_samples as samples


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(doc: str) -> Tags:
    parser = Tags()
    parser.feed(doc)
    parser.close()
    return parser


def test_article_markup_is_escaped_and_inert() -> None:
    doc = digest_html(samples.digest(stories=True))
    assert "<script" not in doc and "<img" not in doc
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in doc
    parsed = parse(doc)
    assert {tag for tag, _ in parsed.tags} <= {
        "html", "head", "meta", "title", "style", "body", "table", "tr", "td", "div",
        "h1", "h2", "h3", "p", "ul", "ol", "li", "a", "span", "b", "br",
    }  # fmt: skip
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
    # The hostile text survives as text, exactly.
    assert samples.IMG in "".join(parsed.text)


def test_inert_drops_the_invisible_bidi_marks_and_escapes_every_other_control() -> None:
    # A real IndoSum sentence carries a left-to-right mark after a name; it is shown as
    # nothing, not as a "\\u200e" in the middle of the sentence. The controls that act stay
    # visible escapes.
    assert inert("Wihara Dharma Bhakti\u200e ini dibangun") == "Wihara Dharma Bhakti ini dibangun"
    assert inert("\u200f[1.2]\u061c [3.4]\u200f") == "[1.2] [3.4]"
    assert inert("a\u202eb\u2067c\x1bd\ne") == "a\\u202eb\\u2067c\\x1bd\\ne"


def test_only_http_urls_become_links() -> None:
    hrefs = [a.get("href") or "" for t, a in parse(digest_html(samples.digest())).tags if t == "a"]
    assert hrefs and not any(h.lower().startswith("javascript") for h in hrefs)
    assert "https://news.example.id/banjir-jakarta" in hrefs
    assert "#source-2" in hrefs  # article 2's javascript: URL falls back to its Sources entry
    assert http_url("javascript:alert(1)") is None
    assert http_url("data:text/html,x") is None
    assert http_url("file:///etc/passwd") is None
    assert http_url(" https://a.example/x ") == "https://a.example/x"


def test_digest_shows_citations_counts_figures_briefs_and_sources() -> None:
    doc = digest_html(samples.digest())
    text = "".join(parse(doc).text)
    assert "Floods hit South Jakarta." in text
    assert "[1.1][2.1]" in text and "2 sources" in text
    assert "Figures differ: 1.000\xa0[1.2] · 1.200\xa0[2.2]" in text
    assert "Briefs" in text and "EN Sebanyak 1.000 warga mengungsi. [1.2]" in text
    sources = text[text.index("Sources") :]
    assert "[1] Banjir melanda Jakarta" in sources
    assert "https://news.example.id/banjir-jakarta" in sources
    assert "seeds/003_beras.txt" in sources
    assert "Helsinki-NLP/opus-mt-id-en" in text
    # Citation tooltips carry the article title.
    titles = [a.get("title") for t, a in parse(doc).tags if t == "a" and a.get("title")]
    assert "Banjir melanda Jakarta" in titles


def test_stories_get_a_section_each_else_flat_items() -> None:
    with_stories = parse(digest_html(samples.digest(stories=True)))
    h2 = [i for i, (t, _) in enumerate(with_stories.tags) if t == "h2"]
    # The story of two articles, Other news (the one-article story, compact), Briefs,
    # Sources, and the cited sentences in context.
    assert len(h2) == 5
    text = "".join(with_stories.text)
    assert f"Rice {samples.SCRIPT} prices" in text and "Other news" in text
    assert "2 stories from 3 articles" in text
    flat = parse(digest_html(samples.digest()))
    assert len([t for t, _ in flat.tags if t == "h2"]) == 3  # Briefs, Sources, in context


def test_mobile_friendly_single_column() -> None:
    doc = digest_html(samples.digest())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in doc
    assert "max-width:640px" in doc and "-apple-system" in doc
    # Inline styles, as many mail clients drop <style>: its one rule only highlights the
    # sentence a citation leads to.
    assert doc.count("<style") == 1 and f"<style>{TARGET_STYLE}</style>" in doc


def test_briefs_html_is_a_standalone_document() -> None:
    d = samples.digest()
    doc = briefs_html(Briefs(d.briefs, ModelInfo("tiny", "transformers")))
    assert doc.startswith("<!DOCTYPE html>") and doc.rstrip().endswith("</html>")
    text = "".join(parse(doc).text)
    assert "[2] Evil <script>" in text and "English by tiny (transformers)" in text
    assert "<script" not in doc
    untranslated = "".join(parse(briefs_html(Briefs(d.briefs))).text)
    assert "not translated" in untranslated


def test_registry_uses_these_templates() -> None:
    d = samples.digest()
    assert render(d, "html") == digest_html(d)
    assert render(Briefs(d.briefs, d.model), "html") == briefs_html(Briefs(d.briefs, d.model))


def test_plain_text_part() -> None:
    text = digest_text(samples.digest(stories=True))
    assert "Floods in Jakarta\n-----------------" in text
    assert "- Floods hit South Jakarta. [1.1][2.1] (2 sources)" in text
    assert "  sources differ: 1.000 [1.2]; 1.200 [2.2]" in text
    assert "[3] Harga beras naik\n    publisher unknown, date unknown\n    seeds/003_beras.txt" in text
    assert "&lt;" not in text  # plain text is not HTML-escaped
    assert all(len(line) <= 80 for line in text.splitlines() if not line.startswith(("[", "  ")))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_title_renders_as_its_own_text(title: str) -> None:
    """Whatever an article's title holds, it adds no tags and reads back as itself, its
    control and bidi characters shown as escapes (`inert`)."""
    base = samples.digest(subset=("1",))
    odd = dataclasses.replace(base.articles[0], title=title)
    d = dataclasses.replace(
        base,
        articles=(odd,),
        briefs=tuple(dataclasses.replace(b, article=odd) for b in base.briefs),
    )
    plain = parse(digest_html(base))
    parsed = parse(digest_html(d))
    assert [t for t, _ in parsed.tags] == [t for t, _ in plain.tags]

    assert inert(title) in "".join(parsed.text)


# --- links and names from content, in every format ----------------------------------------------

TICKED = "http://host.example/x`<img src=x onerror=alert(1)>`"
BREAKOUT = "http://host.example/?a=b)[evil](javascript:alert(1)"
AWKWARD = "https://ok.example/berita baru (1)\"'<>\\&amp;"
FILE = "seeds/a`b``<img src=x onerror=alert(1)>`[x](javascript:alert(1))\n# judul\n\n<script>x</script>.txt"


def hostile_digest() -> Digest:
    arts = (
        samples.article("1", "Satu", ["Kalimat satu.", "Lagi."], url=TICKED),
        samples.article(
            "2", "Dua [klik](javascript:alert(2))", ["Kalimat dua.", "Lagi."], url="javascript:alert(1)"
        ),
        samples.article("3", "Tiga", ["Kalimat tiga.", "Lagi."], url=BREAKOUT),
        samples.article(
            "4", "Empat <img src=x onerror=alert(4)>", ["1. Kalimat empat.", "Lagi."], source=FILE
        ),
        samples.article("5", "Lima `kode`", ["Kalimat lima.", "Lagi."], url=AWKWARD),
    )
    items = tuple(
        DigestItem(
            text=a.sentences[0].text,
            source_text=a.sentences[0].text,
            citations=(Citation(a.id, 0),),
            score=1.0,
        )
        for a in arts
    )
    # Briefs of the sentences after the digest's (a digest's Briefs leave out what it shows).
    return Digest(articles=arts, items=items, briefs=tuple(samples.brief_of(a, [0, 1]) for a in arts))


def commonmark(text: str) -> str:
    """CommonMark as the laxest renderer would show it: raw HTML on, and every link scheme
    allowed (markdown-it refuses javascript: itself; other renderers do not)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md.render(text)


def test_markdown_links_only_http_urls_and_carries_no_markup() -> None:
    from urllib.parse import unquote

    for markdown in (
        render(hostile_digest(), "markdown"),
        render(Briefs(hostile_digest().briefs), "markdown"),
    ):
        page = commonmark(markdown)
        parsed = parse(page)
        tags = {tag for tag, _ in parsed.tags}
        assert "img" not in tags and "script" not in tags and "<img" not in page
        hrefs = [attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"]
        # Exactly the http(s) links, each reading back as its URL; nothing else is a link.
        per_article = [TICKED, BREAKOUT, AWKWARD]
        expected = per_article * (2 if "## Sources" in markdown else 1)
        assert sorted(unquote(h) for h in hrefs) == sorted(expected)
        assert not any("javascript" in h.split("?")[0] for h in hrefs)
        text = "".join(parsed.text)
        assert "Dua [klik](javascript:alert(2))" in text  # a title shows as written
        assert "Empat <img src=x onerror=alert(4)>" in text
        assert "1. Kalimat empat." in text  # not turned into a nested list


def test_markdown_sources_line_shows_file_names_as_inert_code_and_a_link_once() -> None:
    # A web address was shown twice: "1. [Headline](<http://…>) (…) — `http://…`". The link
    # is enough; what is no link (a file name, a javascript: URL) is shown as code.
    digest = hostile_digest()
    page = commonmark(render(digest, "markdown"))
    codes: list[str] = []

    class Code(HTMLParser):
        inside = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.inside = tag == "code"
            if self.inside:
                codes.append("")

        def handle_endtag(self, tag: str) -> None:
            self.inside = False

        def handle_data(self, data: str) -> None:
            if self.inside:
                codes[-1] += data

    Code(convert_charrefs=True).feed(page)
    # The sources that are no link, then the footer's `summarize cite` command (code, not
    # escaped text).
    command = CITE_COMMAND.format(example=layout(digest).example)
    assert codes == ["javascript:alert(1)", FILE.replace("\n", "\\n"), command]
    sources = page[page.index("<h2>Sources</h2>") :]
    assert sources.count("<a href=") == 3  # articles 1, 3 and 5, by their titles
    # A brief's heading is its link, so the line under it names only a file (or a URL that is no link).
    for shown in (page, commonmark(render(Briefs(hostile_digest().briefs), "markdown"))):
        text = "".join(parse(shown).text)
        assert "host.example" not in text and "ok.example" not in text
        assert "javascript:alert(1)" in text and "judul" in text
    # Briefs and Sources, then five briefs under Briefs: the file name adds no heading.
    assert page.count("<h2>") == 2 and page.count("<h3>") == 5, page
    assert "<h1>judul" not in page and "<h1>" in page


def test_text_format_keeps_names_on_their_line() -> None:
    out = render(hostile_digest(), "text") + render(Briefs(hostile_digest().briefs), "text")
    assert "\n# judul" not in out and "\x1b" not in out
    assert FILE.replace("\n", "\\n") in out
    evil = dataclasses.replace(hostile_digest().articles[0], title="Judul \x1b[2J\x1b]0;pwned\x07")
    shown = digest_text(dataclasses.replace(hostile_digest(), articles=(evil,), items=(), briefs=()))
    assert "\x1b" not in shown and "\x07" not in shown and "Judul \\x1b[2J\\x1b]0;pwned\\x07" in shown


def test_html_and_json_with_hostile_links_and_names() -> None:
    import json

    d = hostile_digest()
    parsed = parse(digest_html(d))
    assert not {"img", "script"} & {tag for tag, _ in parsed.tags}
    hrefs = {attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"}
    assert {h for h in hrefs if not h.startswith("#")} == {TICKED, BREAKOUT, AWKWARD}
    assert inert(FILE) in "".join(parsed.text)  # the file name, as inert text
    data = json.loads(render(d, "json"))  # JSON is data: every value comes back exactly
    assert [a.get("url") for a in data["articles"]] == [
        TICKED,
        "javascript:alert(1)",
        BREAKOUT,
        None,
        AWKWARD,
    ]
    assert data["articles"][3]["source"] == FILE


def test_json_writes_one_article_per_line_and_indents_the_rest(seed_articles: tuple) -> None:  # type: ignore[type-arg]
    from summarize import brief, digest

    for result in (digest(seed_articles), brief(seed_articles, n=2), digest(seed_articles[:0])):
        text = render(result, "json")
        data = json.loads(text)
        assert text == _reference_layout(data)


def _reference_layout(data: dict) -> str:  # type: ignore[type-arg]
    """The layout spelled out: `indent=2`, with each article's object on one line."""
    out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    for article in data["articles"]:
        out = out.replace(
            json.dumps(article, ensure_ascii=False, indent=2).replace("\n", "\n    "),
            json.dumps(article, ensure_ascii=False),
            1,
        )
    return out


def test_a_folder_is_never_shown_as_an_outlet() -> None:
    """An article whose publisher only its folder names reads as such in every format; JSON
    says what named it."""
    d = samples.digest(stories=True)
    folder_named = dataclasses.replace(d.articles[2], publisher="seeds", publisher_from="folder")
    d = dataclasses.replace(d, articles=(*d.articles[:2], folder_named, *d.articles[3:]))
    expected = 'publisher not named, folder "seeds"'
    assert expected in digest_text(d)
    assert expected in "".join(parse(digest_html(d)).text)
    assert expected in render(d, "markdown")
    art = next(a for a in json.loads(render(d, "json"))["articles"] if a["id"] == folder_named.id)
    assert (art["publisher"], art["publisher_from"]) == ("seeds", "folder")


def test_a_relative_day_in_an_undated_article_is_said_to_be_unplaceable() -> None:
    """ "Kemarin ..." from an article that names no day: the citation says so rather than
    leaving the reader to take "yesterday" for today's."""
    d = samples.digest()
    undated = dataclasses.replace(d.articles[0], published=None)
    item = dataclasses.replace(d.items[0], source_text="Kemarin banjir melanda Jakarta Selatan.")
    d = dataclasses.replace(d, articles=(undated, *d.articles[1:]), items=(item, *d.items[1:]))
    label = f"[{item.citations[0].article}.{item.citations[0].index + 1}, article date unknown]"
    assert label in digest_text(d)
    assert label in "".join(parse(digest_html(d)).text)
    assert label in render(d, "markdown")


def test_format_for_names_a_format_by_extension() -> None:
    assert format_for("digest.html") == "html" and format_for("out/DIGEST.JSON") == "json"
    assert format_for("notes.txt") == "text" and format_for("a.markdown") == "markdown"
    assert format_for("digest") is None and format_for("digest.xml") is None
    assert set(SUFFIXES.values()) == set(FORMATS)  # every format has an extension


def test_a_format_is_also_named_by_each_of_its_extensions() -> None:
    # `-o digest.md` is markdown, so `render(d, "md")` (and `-f md`) is too.
    assert ALIASES == {"md": "markdown", "txt": "text", "htm": "html"}
    assert all(format_for(f"digest.{alias}") == fmt for alias, fmt in ALIASES.items())
    d = samples.digest()
    for alias, fmt in ALIASES.items():
        assert render(d, alias) == render(d, fmt)


def test_a_copy_whose_publisher_only_a_folder_names_is_listed_by_its_number() -> None:
    """Sources on an article republished elsewhere: "also published by ANTARA [2]" where the
    copy's publisher is named, "also published as [3]" where only its folder is (not "also
    published by publisher not named, folder ...")."""
    d = samples.digest(stories=True)
    first, second, third = d.articles[:3]
    named = dataclasses.replace(second, duplicate_of=first.id, publisher="ANTARA", publisher_from="dateline")
    folder = dataclasses.replace(third, duplicate_of=first.id, publisher="seeds", publisher_from="folder")
    only_folder = dataclasses.replace(
        d, articles=(first, dataclasses.replace(named, duplicate_of=None), folder)
    )
    both = dataclasses.replace(d, articles=(first, named, folder))
    for fmt in ("text", "markdown"):
        out = " ".join(render(only_folder, fmt).replace("\\[", "[").replace("\\]", "]").split())
        assert f"also published as [{folder.id}]" in out, fmt
        assert "also published by publisher not named" not in out, fmt
        out = " ".join(render(both, fmt).replace("\\[", "[").replace("\\]", "]").split())
        assert f"also published by ANTARA [{named.id}] and as [{folder.id}]" in out, fmt


def test_a_copy_by_the_originals_own_publisher_is_not_listed_as_another_outlet() -> None:
    # "detikcom, 20 Oct 2025; also published by news.detik.com [2]" read as a second outlet
    # carrying the report: one outlet's page at two addresses is listed by its number.
    d = samples.digest(stories=True)
    first, second, third = d.articles[:3]
    original = dataclasses.replace(first, publisher="detikcom", publisher_from="site")
    same = dataclasses.replace(
        second, duplicate_of=first.id, publisher="news.detik.com", publisher_from="host"
    )
    other = dataclasses.replace(third, duplicate_of=first.id, publisher="ANTARA", publisher_from="dateline")
    digest = dataclasses.replace(d, articles=(original, same, other))
    for fmt in ("text", "markdown", "html"):
        out = render(digest, fmt)
        out = "".join(parse(out).text) if fmt == "html" else out
        out = " ".join(out.replace("\\[", "[").replace("\\]", "]").split())
        assert f"also published by ANTARA [{other.id}] and as [{same.id}]" in out, fmt
        assert "also published by news.detik.com" not in out, fmt


def test_a_storys_articles_are_cited_alike_in_every_format() -> None:
    # Markdown listed them as "2 articles: 1, 2" where text and HTML show "[1] [2]".
    d = samples.digest(stories=True)
    shown = {
        "markdown": "".join(parse(commonmark(render(d, "markdown"))).text),
        "text": render(d, "text"),
        "html": "".join(parse(render(d, "html")).text),
    }
    for fmt, text in shown.items():
        assert "date unknown · 2 articles: [1] [2]\n" in text, fmt


def test_the_note_on_dated_citations_dates_no_article() -> None:
    # Its example "[2.4, 13 Oct 2023]" read as one of the digest's citations: a reader of a
    # digest of 2016-2017 news looked for an article of 2023. These articles name no day, so
    # no format may show one; the note's example is "[1.1, DATE]" (the first citation shown).
    d = samples.digest()
    assert not any(a.published for a in d.articles)
    for result in (d, Briefs(d.briefs)):
        for fmt in ("markdown", "text", "html"):
            shown = render(result, fmt)
            text = "".join(parse(commonmark(shown) if fmt == "markdown" else shown).text)
            assert "[1.1, DATE]" in text, (fmt, text[-600:])
            assert not re.search(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", text), fmt


class Langs(HTMLParser):
    """Each piece of text with the language it is marked as: the nearest `lang` around it."""

    VOID = frozenset({"meta", "br", "img", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(dict(attrs).get("lang") or (self.stack[-1] if self.stack else None))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((" ".join(data.split()), self.stack[-1] if self.stack else None))


def marked(doc: str) -> dict[str, set[str | None]]:
    """Each text of the document and the languages it is marked as."""
    parser = Langs()
    parser.feed(doc)
    parser.close()
    out: dict[str, set[str | None]] = {}
    for text, lang in parser.texts:
        out.setdefault(text, set()).add(lang)
    return out


def test_the_page_is_english_and_what_is_shown_untranslated_is_marked_as_its_articles(
    seed_articles: tuple,  # type: ignore[type-arg]
) -> None:
    # A --no-translate digest was <html lang="id"> under "News digest" and "Sources"; a screen
    # reader read the English labels as Indonesian. The page is English; each sentence and
    # title shown in its source's language is marked with its article's language.
    from summarize import digest
    from summarize.deliver import compose_message

    result = digest(seed_articles, with_briefs=True)  # no translator: --no-translate
    sentences = {s.text for a in seed_articles for s in a.sentences}
    titles = {a.title for a in seed_articles}
    message = compose_message(result, sender="d@example.org", to=["r@example.org"])
    html_part = message.get_body(preferencelist=("html",))
    assert html_part is not None
    for doc in (render(result, "html"), html_part.get_content(), briefs_html(Briefs(result.briefs))):
        assert '<html lang="en">' in doc
        shown = marked(doc)
        for label in ("Sources", "Cited sentences in context"):
            assert shown[label] == {"en"}, label
        source = {text: langs for text, langs in shown.items() if text in sentences | titles}
        assert len(source) > 10
        assert all(langs == {"id"} for langs in source.values()), source
    # Translated, the English is the page's; a withheld line, shown in its source, is marked.
    d = samples.digest(stories=True)
    rice, story = d.items[-1], d.stories[-1]
    withheld = dataclasses.replace(rice, problems=(Problem("numbers", "numbers differ: 5"),))
    d = dataclasses.replace(
        d,
        items=(*d.items[:-1], withheld),
        stories=(*d.stories[:-1], dataclasses.replace(story, items=(withheld,))),
    )
    shown = marked(render(d, "html"))
    assert shown["Floods hit South Jakarta."] == {"en"} and shown["Floods in Jakarta"] == {"en"}
    assert shown[withheld.text] == {"id"}
