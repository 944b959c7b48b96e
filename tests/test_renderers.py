"""HTML and plain-text rendering: structure, citations, and escaping of all article text."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.renderers import render
from summarize.renderers.htmlpage import briefs_html, digest_html
from summarize.renderers.text import digest_text
from summarize.values import Briefs, ModelInfo, http_url

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
        "html", "head", "meta", "title", "body", "table", "tr", "td", "div",
        "h1", "h2", "h3", "p", "ul", "ol", "li", "a", "span", "b", "br",
    }  # fmt: skip
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
    # The hostile text survives as text, exactly.
    assert samples.IMG in "".join(parsed.text)


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
    assert len(h2) == 4  # two stories, Briefs, Sources
    assert f"Rice {samples.SCRIPT} prices" in "".join(with_stories.text)
    flat = parse(digest_html(samples.digest()))
    assert len([t for t, _ in flat.tags if t == "h2"]) == 2  # Briefs, Sources


def test_mobile_friendly_single_column() -> None:
    doc = digest_html(samples.digest())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in doc
    assert "max-width:640px" in doc and "-apple-system" in doc
    assert "<style" not in doc  # inline styles only: many mail clients drop <style>


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
    assert "[3] Harga beras naik\n    seeds/003_beras.txt" in text
    assert "&lt;" not in text  # plain text is not HTML-escaped
    assert all(len(line) <= 80 for line in text.splitlines() if not line.startswith(("[", "  ")))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_title_renders_as_its_own_text(title: str) -> None:
    """Whatever an article's title holds, it adds no tags and reads back unchanged."""
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

    def norm(text: str) -> str:  # what an HTML parser may do to line ends and NUL anyway
        return text.replace("\r", "").replace("\n", "").replace("\x00", "\ufffd")

    assert norm(title) in norm("".join(parsed.text))
