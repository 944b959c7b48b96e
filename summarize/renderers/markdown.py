"""Markdown: the default format, for terminals and notes.

Everything an article brings (titles, sentences, URLs, file names) is untrusted: it must
read back as the same text in any CommonMark renderer and never become markup. Text is
backslash-escaped; only http(s) URLs become links, percent-encoded inside `<...>`; file
names and URLs shown as code use a fence longer than any run of backticks inside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from ..values import Brief, Briefs, Digest, ModelInfo, http_url, plural
from .layout import (
    Entry,
    Line,
    Section,
    brief_note,
    entry_note,
    layout,
    story_lines,
    untitled_words,
)
from .text import (
    IN_BRIEFS,
    IN_SOURCES,
    brief_cite,
    brief_example,
    check_note,
    citation_note,
    cites,
    dated_note,
    figures_note,
    oneline,
    origin,
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


def _source_line(e: Entry) -> str:
    """An article in Sources: its title, linked to its web address when it has one (shown
    once, as the link); without one, its file name (or URL that is no link) follows as code."""
    a = e.article
    shown = _link(_escape(e.english or a.title), a.link)
    if e.english:
        shown += f" (_{_escape(a.title)}_)"
    where = "" if a.link else f" — {_code(origin(a))}"
    return f"{a.id}. {shown} ({_escape(entry_note(e))}){where}"


def _footer(model: ModelInfo | None, *, where: str, example: str) -> str:
    before, command, after = citation_note(where, example)
    note = f"{_escape(before)}{_code(command)}{_escape(after)} {_escape(dated_note(example))}"
    if model is None:
        return f"_{note}_\n\n_Not translated: Indonesian source sentences._"
    return (
        f"_{note}_\n\n_Translated by {_escape(model.name)} ({model.backend}); a line marked "
        '"translation withheld" shows the source instead._'
    )


def _item(line: Line, indent: str = "", *, dated: bool = True) -> str:
    item = line.item
    count = f" _({line.count})_" if line.count else ""
    text = f"{indent}- {_escape(item.text)} {cites(item.citations, line.days(first=dated))}{count}"
    notes = [n for n in (withheld_note(item.problems), check_note(item.check_notes), figures_note(item)) if n]
    return text + "".join(f"\n{indent}  - _{_escape(note)}_" for note in notes)


def _briefs(briefs: Sequence[Brief], level: int) -> str:
    parts = []
    for b in briefs:
        a = b.article
        head = f"{'#' * level} {a.id}. {_link(_escape(b.heading), a.link)}"
        original = f"{_escape(a.title)} — " if b.title and b.title != a.title else ""
        lines = [head, ""]
        if b.title_problems:
            lines += [f"_{_escape(withheld_note(b.title_problems))}_", ""]
        where = "" if a.link else f" — {_escape(origin(a))}"  # a web address is the heading's link
        lines += [f"_{original}{_escape(brief_note(a))}{where}_", ""]
        for s in b.sentences:
            lines.append(f"- {_escape(s.text)} {brief_cite(a, s)}")
            for note in (withheld_note(s.problems), check_note(s.check_notes)):
                if note:
                    lines.append(f"  - _{_escape(note)}_")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _notes(notes: Sequence[str]) -> list[str]:
    return [f"> Note: {_escape(n)}" for n in notes] + ([""] if notes else [])


def briefs_markdown(result: Briefs) -> str:
    footer = _footer(result.model, where=IN_BRIEFS, example=brief_example(result.briefs))
    return "\n".join(_notes(result.notes)) + f"{_briefs(result.briefs, level=2)}\n\n{footer}\n"


def _section(section: Section) -> list[str]:
    lines = [f"## {_escape(section.heading)}", ""] if section.heading else []
    if section.title_problems:
        lines += [f"_{_escape(withheld_note(section.title_problems))}_", ""]
    about = [section.dates or "date unknown", plural(len(section.articles), "article")]
    where = " ".join(f"[{_escape(a)}]" for a in section.articles)  # as text and HTML cite them
    lines += [f"_{_escape(' · '.join(about))}: {where}_", ""]
    if section.note:  # in place of lines
        lines.append(f"_{_escape(section.note)}_")
    return [*lines, *(_item(line) for line in section.lines), ""]


def _compact(section: Section) -> list[str]:
    """A story one article reports: one entry, its headline in bold (if any) and its date."""
    date = f" ({_escape(section.dates)})" if section.dates else ""
    lines = list(section.lines)
    if section.heading:
        head = f"- **{_escape(section.heading)}**{date}"
        if len(lines) == 1:
            return [f"{head} — {_item(lines[0], dated=not date)[2:]}"]
        return [head, *(_item(line, "  ") for line in lines)]
    # No headline: the date opens the entry, where the headline would be (`text._compact`).
    first = f"- {date.lstrip()} {_item(lines[0], dated=not date)[2:]}" if date else _item(lines[0])
    return [first, *(_item(line, "  ") for line in lines[1:])]


def _unshown(note: str, sections: Sequence[Section]) -> list[str]:
    """Stories of one article none of whose sentences stands alone: `note` once, then each
    headline and date with its article's number (those without a headline on one line)."""
    lines = [f"_{_escape(note)}_", ""]
    untitled = []
    for s in sections:
        where = " ".join(f"[{_escape(a)}]" for a in s.articles)
        if s.heading:
            date = f" ({_escape(s.dates)})" if s.dates else ""
            lines.append(f"- **{_escape(s.heading)}**{date} {where}")
        else:
            untitled.append(where)
    if not untitled:
        return lines
    before, after = untitled_words(len(untitled))
    return [*lines, f"- {before} {' '.join(untitled)} {_escape(after)}"]


def digest_markdown(digest: Digest) -> str:
    shape = layout(digest)
    lines = ["# News digest", "", f"_{_escape(shape.summary)}_", "", *_notes(shape.notes)]
    lines += story_lines(
        shape, section=_section, compact=_compact, heading=lambda h: [f"## {h}", ""], unshown=_unshown
    )
    if shape.briefs:
        lines += ["## Briefs", "", f"_{_escape(shape.briefs_note)}_", ""]
        lines += [_briefs(shape.briefs, level=3), ""]
    lines += ["## Sources", ""] + [_source_line(e) for e in shape.sources]
    lines += ["", _footer(digest.model, where=IN_SOURCES, example=shape.example)]
    return "\n".join(lines) + "\n"
