"""Markdown: the default format, for terminals and notes."""

from __future__ import annotations

from ..values import Article, Briefs, Digest, DigestItem, ModelInfo, cite_label
from .text import CITATION_NOTE, cites, figures_note, origin, sources_note


def _escape(text: str) -> str:
    # Article text must not turn into markup: neutralise the characters markdown acts on.
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _source_line(a: Article) -> str:
    title = _escape(a.title)
    shown = f"[{title}]({a.url})" if a.url else title
    extra = ", ".join(x for x in (a.site, a.published) if x)
    return f"{a.id}. {shown}{f' ({_escape(extra)})' if extra else ''} — `{origin(a)}`"


def _footer(model: ModelInfo | None) -> str:
    note = _escape(" ".join(CITATION_NOTE.split()))
    if model is None:
        return f"_{note}_\n\n_Not translated (--no-translate): Indonesian source sentences._"
    return f"_{note}_\n\n_Translated by {model.name} ({model.backend})._"


def _item(item: DigestItem) -> str:
    line = f"- {_escape(item.text)} {cites(item.citations)} _({sources_note(item)})_"
    note = figures_note(item)
    return line + (f"\n  - _{_escape(note)}_" if note else "")


def briefs_markdown(result: Briefs, *, level: int = 2) -> str:
    parts = []
    for b in result:
        a = b.article
        heading = _escape(b.heading)
        hashes = "#" * level
        head = f"{hashes} {a.id}. [{heading}]({a.url})" if a.url else f"{hashes} {a.id}. {heading}"
        original = f"{_escape(a.title)} — " if b.title and b.title != a.title else ""
        lines = [head, "", f"_{original}{_escape(origin(a))}_", ""]
        lines += [f"- {_escape(s.text)} {cite_label(a.id, s.index)}" for s in b.sentences]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + f"\n\n{_footer(result.model)}\n"


def digest_markdown(digest: Digest) -> str:
    n = len(digest.articles)
    lines = [f"# Digest of {n} article{'s' if n != 1 else ''}", ""]
    if digest.stories:
        for story in digest.stories:
            lines += [
                f"## {_escape(story.title)}",
                "",
                f"_Articles: {', '.join(story.articles)}_",
                "",
            ]
            lines += [_item(i) for i in story.items]
            lines.append("")
    else:
        lines += [_item(i) for i in digest.items]
        lines.append("")
    if digest.briefs:
        briefs = briefs_markdown(Briefs(digest.briefs, digest.model), level=3)
        lines += ["## Briefs", "", briefs[: briefs.index("\n\n_")], ""]
    lines += ["## Sources", ""] + [_source_line(a) for a in digest.articles]
    lines += ["", _footer(digest.model)]
    return "\n".join(lines) + "\n"
