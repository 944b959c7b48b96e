"""Markdown: the default format, for terminals and notes."""

from __future__ import annotations

from ..values import Article, Briefs, Digest, DigestItem, ModelInfo
from .text import cites, figures_note, origin, sources_note, withheld_note


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
    if model is None:
        return "_Not translated (--no-translate): Indonesian source sentences._"
    return f"_Translated by {model.name} ({model.backend})._"


def _item(item: DigestItem) -> str:
    line = f"- {_escape(item.text)} {cites(item.citations)} _({sources_note(item)})_"
    notes = [n for n in (withheld_note(item.problems), figures_note(item)) if n]
    return line + "".join(f"\n  - _{_escape(note)}_" for note in notes)


def briefs_markdown(result: Briefs) -> str:
    parts = []
    for b in result:
        a = b.article
        heading = _escape(b.heading)
        head = f"## {a.id}. [{heading}]({a.url})" if a.url else f"## {a.id}. {heading}"
        original = f"{_escape(a.title)} — " if b.title and b.title != a.title else ""
        lines = [head, ""]
        if b.title_problems:
            lines += [f"_{_escape(withheld_note(b.title_problems))}_", ""]
        lines += [f"_{original}{_escape(origin(a))}_", ""]
        for s in b.sentences:
            lines.append(f"- {_escape(s.text)} [{a.id}.{s.index}]")
            if s.problems:
                lines.append(f"  - _{_escape(withheld_note(s.problems))}_")
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
        lines += [briefs_markdown(Briefs(digest.briefs, digest.model)).rsplit("\n\n_", 1)[0], ""]
    lines += ["## Sources", ""] + [_source_line(a) for a in digest.articles]
    lines += ["", _footer(digest.model)]
    return "\n".join(lines) + "\n"
