"""HTML from Jinja2 templates in `summarize/templates/`: `-f html` and the email's HTML part.

`-f html` and the email use the same templates, so what a reader sees in a browser and
in a mail client is the same document. Autoescape is on for every `.html` template: all
article text (titles, sentences, sources) is data, never markup. Links are only made
for http(s) URLs, so a `javascript:` URL from a feed cannot become a live link.

A citation links to its sentence in context: the document ends with each cited paragraph,
every sentence in it an anchor (`#s-5-2` is sentence 2 of the fifth article listed), cited
sentences lightly marked. Following a citation scrolls there, and one CSS rule (`:target`)
highlights that sentence; no script. Mail clients that drop <style> still jump to it and
show the cited sentences marked.

The page is English (`lang="en"`): its headings, labels and notes are. Each sentence or
title shown in its source's language (all of them under --no-translate, a withheld
translation otherwise) carries its article's `lang`, so a screen reader reads it, and a
browser offers to translate it, as what it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import jinja2
import markupsafe

from ..values import Article, Brief, Briefs, Citation, Digest, http_url, inert, plural
from .layout import (
    article_note,
    brief_note,
    cited,
    entries,
    entry_note,
    layout,
    passages,
    untitled_words,
    writing_day,
)
from .text import brief_example, check_note, withheld_note

__all__ = ["briefs_html", "digest_html"]

# Inline styles, because many mail clients drop <style> blocks. One column, at most
# 640px wide, system fonts, sizes that stay readable on a phone without zooming.
STYLES: Mapping[str, str] = {
    "body": "margin:0;padding:0;background:#f4f4f2;",
    "outer": "width:100%;background:#f4f4f2;",
    "main": (
        "max-width:640px;margin:0 auto;padding:20px 16px;background:#ffffff;color:#1b1b1b;"
        "font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,"
        "sans-serif;font-size:16px;line-height:1.5;word-wrap:break-word;"
        "overflow-wrap:anywhere;"
    ),
    "h1": "font-size:24px;line-height:1.25;margin:0 0 4px;",
    "h2": "font-size:19px;line-height:1.3;margin:28px 0 8px;padding-top:12px;border-top:1px solid #e3e3e0;",
    "h3": "font-size:17px;line-height:1.35;margin:20px 0 4px;",
    "meta": "font-size:14px;color:#5f6368;margin:0 0 12px;",
    "note": "font-size:14px;color:#5f6368;margin:0 0 8px;font-style:italic;",
    "list": "margin:0 0 12px;padding:0 0 0 20px;",
    "item": "margin:0 0 12px;",
    "cite": "color:#0b57d0;text-decoration:none;font-size:13px;white-space:nowrap;",
    "count": "font-size:13px;color:#5f6368;white-space:nowrap;",
    "figures": "display:block;margin:4px 0 0;padding:4px 8px;font-size:14px;color:#6b3d00;"
    "background:#fff4e0;border-left:3px solid #e8a33c;",
    "withheld": "display:block;margin:4px 0 0;padding:4px 8px;font-size:14px;color:#8a1c1c;"
    "background:#fdecea;border-left:3px solid #d93025;",
    "checknote": "display:block;margin:2px 0 0;font-size:13px;color:#5f6368;",
    "link": "color:#0b57d0;",
    "passage": "font-size:15px;margin:0 0 10px;",
    "cited": "background:#fff6cc;",
    "source": "font-size:13px;color:#5f6368;word-break:break-all;",
    "footer": "font-size:13px;color:#5f6368;margin:28px 0 0;padding-top:12px;border-top:1px solid #e3e3e0;",
}


# The one rule mail clients may drop: the sentence a citation leads to, highlighted. Its
# colour is used nowhere else (tests/test_browser.py looks for it on the screen).
TARGET_STYLE = 'span[id^="s-"]:target{background:#ffd43b !important;outline:2px solid #e8a33c;}'


class _Links:
    """Where a citation points and what its tooltip says, from the digest's articles."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        # Anchors use the article's place in the list: ids are caller data, anchors must be safe.
        self._place = {a.id: k for k, a in enumerate(articles, start=1)}

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def anchor(self, article_id: str, index: int) -> str:
        """The id of a sentence in the passages section: `s-5-2` (article 5, sentence 2)."""
        return f"s-{self._place.get(article_id, 0)}-{index + 1}"

    def href(self, ref: Citation | str) -> str:
        """A citation's sentence in context; an article's URL when known, else its Sources entry."""
        if isinstance(ref, Citation) and ref.article in self._place:
            return "#" + self.anchor(ref.article, ref.index)
        article_id = ref.article if isinstance(ref, Citation) else ref
        article = self._articles.get(article_id)
        url = article.link if article else None
        return url or f"#source-{article_id}"

    def lang(self, of: str | Sequence[Citation | str]) -> str:
        """The language of the article `of` names (an id, or the first of some ids or
        citations): what its text shown untranslated is in; "id" when none is known."""
        first = of if isinstance(of, str) else next(iter(of), None)
        article = self._articles.get(first.article if isinstance(first, Citation) else first or "")
        return article.language if article else "id"

    def title(self, ref: Citation | str) -> str:
        article_id = ref.article if isinstance(ref, Citation) else ref
        article = self._articles.get(article_id)
        return article.title if article else f"article {article_id}"


def _inert(value: object) -> object:
    """Every text a template prints, made inert before it is escaped: autoescaping stops
    markup, not ESC, BEL, CR or a U+202E that reverses the citations after it. Markup (a
    macro's own output) was made of such values already."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return inert(value)
    return value


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("summarize", "templates"),
        # On for .html and for anything not named .txt: escaping is the safe default.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "xml"),
            disabled_extensions=("txt",),
            default_for_string=True,
            default=True,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_inert,
    )
    env.globals["css"] = STYLES
    env.globals["target_style"] = markupsafe.Markup(TARGET_STYLE)  # ours, not article text
    env.globals["withheld_note"] = withheld_note
    env.globals["check_note"] = check_note
    env.globals["article_note"] = article_note
    env.globals["brief_note"] = brief_note
    env.globals["entry_note"] = entry_note
    env.globals["citation"] = Citation
    env.globals["untitled_words"] = untitled_words
    env.globals["writing_day"] = writing_day
    env.filters["http_url"] = http_url
    env.filters["article_url"] = lambda a: a.link
    return env


def _brief_articles(briefs: Sequence[Brief]) -> tuple[Article, ...]:
    seen: dict[str, Article] = {}
    for b in briefs:
        seen.setdefault(b.article.id, b.article)
    return tuple(seen.values())


def digest_html(digest: Digest, *, title: str = "News digest") -> str:
    """The digest as a standalone HTML document (also the email's HTML part)."""
    shape = layout(digest)
    return (
        _env()
        .get_template("digest.html")
        .render(
            digest=digest,
            shape=shape,
            title=title,
            translated=digest.model is not None,
            links=_Links(digest.articles),
            passages=passages(digest.articles, cited(digest, shape.briefs)),
            plural=plural,
        )
    )


def briefs_html(result: Briefs, *, title: str = "News briefs") -> str:
    """Per-article briefs as a standalone HTML document."""
    briefs, model = result.briefs, result.model
    articles = _brief_articles(briefs)
    return (
        _env()
        .get_template("briefs.html")
        .render(
            briefs=tuple(briefs),
            articles=articles,
            model=model,
            title=title,
            translated=model is not None,
            links=_Links(articles),
            passages=passages(
                articles, [Citation(b.article.id, s.index) for b in briefs for s in b.sentences]
            ),
            plural=plural,
            notes=result.notes,
            entries=entries(articles),
            example=brief_example(briefs),
        )
    )
