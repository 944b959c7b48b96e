"""Markdown: the default format, for terminals and notes.

Everything an article brings (titles, sentences, URLs, file names) is untrusted: it must
read back as the same text in any CommonMark renderer and never become markup. Text is
backslash-escaped; only http(s) URLs become links, percent-encoded inside `<...>`; file
names and URLs shown as code use a fence longer than any run of backticks inside them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..values import Article, Briefs, Digest, DigestItem, ModelInfo, cite_label, http_url
from .text import (
    IN_BRIEFS,
    IN_SOURCES,
    citation_note,
    cites,
    figures_note,
    oneline,
    origin,
    sources_note,
    withheld_note,
)

_BACKTICKS = re.compile(r"`+")
# A list marker at the start of an item's text would nest a list inside it.
_LIST_MARKER = re.compile(r"^(\s*)(\d{1,9}[.)]|[-+])(?=\s|$)")


def _escape(text: str) -> str:
    # Article text must not turn into markup: neutralise the characters markdown acts on,
    # and keep it on one line (a line break could start a heading, a list or a new block).
    for ch in "\\`*_[]<>#|&~":
        text = text.replace(ch, "\\" + ch)
    text = _LIST_MARKER.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)
    return oneline(text)


def _destination(url: str) -> str:
    """A link destination that reads back as `url`: percent-encode whatever could end or
    break it (spaces, parentheses, angle brackets, quotes, backticks, backslashes, line
    breaks, non-ASCII), escape "&" (CommonMark decodes entities there), and use <...>."""
    encoded = quote(url, safe=":/?#[]@!$&*+,;=%-._~")
    return "<" + encoded.replace("&", "\\&") + ">"


def _link(label: str, url: str | None) -> str:
    """`[label](url)` for an http(s) URL; for anything else (javascript:, data:, a path)
    just the label. `label` is markdown already."""
    safe = http_url(url)
    return f"[{label}]({_destination(safe)})" if safe else label


def _code(text: str) -> str:
    """`text` as a code span that nothing inside can close: a fence longer than its longest
    run of backticks, padded with a space (CommonMark removes one on each side)."""
    text = oneline(text)
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def _source_line(a: Article, english: str | None = None) -> str:
    shown = _link(_escape(english or a.title), a.url)
    if english:
        shown += f" (_{_escape(a.title)}_)"
    extra = ", ".join(x for x in (a.site, a.published) if x)
    return f"{a.id}. {shown}{f' ({_escape(extra)})' if extra else ''} — {_code(origin(a))}"


def _footer(model: ModelInfo | None, *, where: str) -> str:
    before, command, after = citation_note(where)
    note = f"{_escape(before)}{_code(command)}{_escape(after)}"
    if model is None:
        return f"_{note}_\n\n_Not translated (--no-translate): Indonesian source sentences._"
    return (
        f"_{note}_\n\n_Translated by {_escape(model.name)} ({model.backend}); a line marked "
        '"translation withheld" shows the source instead._'
    )


def _item(item: DigestItem) -> str:
    line = f"- {_escape(item.text)} {cites(item.citations)} _({sources_note(item)})_"
    notes = [n for n in (withheld_note(item.problems), figures_note(item)) if n]
    return line + "".join(f"\n  - _{_escape(note)}_" for note in notes)


def _briefs(result: Briefs, level: int) -> str:
    parts = []
    for b in result:
        a = b.article
        head = f"{'#' * level} {a.id}. {_link(_escape(b.heading), a.url)}"
        original = f"{_escape(a.title)} — " if b.title and b.title != a.title else ""
        lines = [head, ""]
        if b.title_problems:
            lines += [f"_{_escape(withheld_note(b.title_problems))}_", ""]
        lines += [f"_{original}{_escape(origin(a))}_", ""]
        for s in b.sentences:
            lines.append(f"- {_escape(s.text)} {cite_label(a.id, s.index)}")
            if s.problems:
                lines.append(f"  - _{_escape(withheld_note(s.problems))}_")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def briefs_markdown(result: Briefs) -> str:
    return f"{_briefs(result, level=2)}\n\n{_footer(result.model, where=IN_BRIEFS)}\n"


def digest_markdown(digest: Digest) -> str:
    n = len(digest.articles)
    lines = [f"# Digest of {n} article{'s' if n != 1 else ''}", ""]
    if digest.stories:
        for story in digest.stories:
            lines += [
                f"## {_escape(story.title)}",
                "",
                *([f"_{_escape(withheld_note(story.title_problems))}_", ""] if story.title_problems else []),
                f"_Articles: {', '.join(story.articles)}_",
                "",
            ]
            lines += [_item(i) for i in story.items]
            lines.append("")
    else:
        lines += [_item(i) for i in digest.items]
        lines.append("")
    if digest.briefs:
        lines += ["## Briefs", "", _briefs(Briefs(digest.briefs, digest.model), level=3), ""]
    lines += ["## Sources", ""] + [_source_line(a, digest.english_title(a.id)) for a in digest.articles]
    lines += ["", _footer(digest.model, where=IN_SOURCES)]
    return "\n".join(lines) + "\n"
