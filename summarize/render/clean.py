"""The `summarize clean` report: kept sentences and dropped lines, in document order."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Article


def render_clean(articles: Sequence[Article]) -> str:
    out = []
    for a in articles:
        out.append(f"== {a.id}. {a.title}\n   {a.source} (language: {a.language})")
        events: list[tuple[int, str]] = [(s.start, f"  [{a.id}.{s.index}] {s.text}") for s in a.sentences]
        events += [(d.start, f"- {d.rule:<18} {d.text}") for d in a.dropped]
        out.extend(line for _, line in sorted(events, key=lambda e: e[0]))
        out.append(f"   {len(a.sentences)} sentences kept, {len(a.dropped)} lines dropped\n")
    return "\n".join(out)
