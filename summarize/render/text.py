"""Plain text: for pipes, cron mail bodies and screen readers."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ..types import Brief, Digest, DigestItem, ModelInfo
from .common import cites, figures_note, origin, sources_note


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent="* ", subsequent_indent=indent)


def _item(item: DigestItem) -> list[str]:
    out = [_wrap(f"{item.text} {cites(item.citations)} ({sources_note(item)})")]
    note = figures_note(item)
    return out + ([textwrap.fill(note, 88, initial_indent="  ", subsequent_indent="  ")] if note else [])


def _footer(model: ModelInfo | None) -> str:
    return (
        "Not translated (--no-translate)."
        if model is None
        else f"Translated by {model.name} ({model.backend})."
    )


def briefs_text(briefs: Sequence[Brief], *, model: ModelInfo | None = None) -> str:
    parts = []
    for b in briefs:
        a = b.article
        original = f"{a.title} - " if b.title and b.title != a.title else ""
        lines = [f"{a.id}. {b.heading}", f"   {original}{origin(a)}"]
        lines += [_wrap(f"{s.text} [{a.id}.{s.index}]") for s in b.sentences]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + f"\n\n{_footer(model)}\n"


def digest_text(digest: Digest) -> str:
    lines = [f"DIGEST OF {len(digest.articles)} ARTICLES", ""]
    if digest.stories:
        for story in digest.stories:
            lines += [story.title.upper(), f"(articles {', '.join(story.articles)})"]
            for item in story.items:
                lines += _item(item)
            lines.append("")
    else:
        for item in digest.items:
            lines += _item(item)
        lines.append("")
    if digest.briefs:
        lines += [
            "BRIEFS",
            "",
            briefs_text(digest.briefs, model=digest.model).rsplit("\n\n", 1)[0],
            "",
        ]
    lines += ["SOURCES"] + [f"{a.id}. {a.title} - {origin(a)}" for a in digest.articles]
    return "\n".join(lines) + f"\n\n{_footer(digest.model)}\n"
