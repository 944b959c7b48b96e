"""Plain text: for pipes, cron mail bodies and screen readers; the `summarize clean` report;
and the citation helpers the markdown renderer shares."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ..values import Article, Briefs, Citation, Digest, DigestItem, ModelInfo, Problem, cite_label, inert

# Titles, sentences, file names and URLs are outside text: `inert` keeps each on one line
# and shows control characters and bidi controls as escapes ("\\n", "\\x1b", "\\u202e").
oneline = inert


def cites(citations: tuple[Citation, ...]) -> str:
    """`[1.3][4.1]`: article.sentence (from 1) for every citation."""
    return "".join(str(c) for c in citations)


def sources_note(item: DigestItem) -> str:
    n = item.sources
    return f"{n} source" if n == 1 else f"{n} sources"


def origin(article: Article) -> str:
    """Where an article came from: its URL, else its path ("standard input" for `-`).

    Untrusted text: escape it for the format it goes into."""
    return article.url or ("standard input" if article.source == "-" else article.source)


def figures_note(item: DigestItem) -> str:
    """'sources differ: 1.000 [5.1]; 1.200 [3.4]' when reported figures disagree."""
    if not item.figures:
        return ""
    return "sources differ: " + "; ".join(f"{value} {cites(c)}" for value, c in item.figures)


SHOWN_PROBLEMS = 2  # the checker lists the most telling first; JSON carries them all


def withheld_note(problems: Sequence[Problem]) -> str:
    """'translation withheld: numbers differ: ...' when a line shows its source, else ''."""
    if not problems:
        return ""
    note = "translation withheld: " + "; ".join(p.message for p in problems[:SHOWN_PROBLEMS])
    more = len(problems) - SHOWN_PROBLEMS
    return note + (f" (and {more} more)" if more > 0 else "")


WIDTH = 78  # fits an 80-column terminal and the 78-character line mail readers expect


def _wrap(text: str, first: str = "- ", rest: str = "  ") -> str:
    return textwrap.fill(
        text, width=WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _heading(text: str, rule: str) -> list[str]:
    return [text, rule * min(len(text), WIDTH)]


def _item(item: DigestItem) -> list[str]:
    out = [_wrap(f"{oneline(item.text)} {cites(item.citations)} ({sources_note(item)})")]
    notes = [oneline(n) for n in (withheld_note(item.problems), figures_note(item)) if n]
    return out + [_wrap(note, "  ", "  ") for note in notes]


def _footer(model: ModelInfo | None) -> str:
    if model is None:
        return "Lines are the Indonesian source sentences, not translated (--no-translate)."
    return (
        f"English by {model.name} ({model.backend}).\nEvery line translates one source sentence;"
        "\na line marked 'translation withheld' shows the source instead."
    )


def _brief_lines(result: Briefs) -> list[str]:
    lines: list[str] = []
    for b in result:
        a = b.article
        original = f"{oneline(a.title)} - " if b.title and b.title != a.title else ""
        lines += [f"[{a.id}] {oneline(b.heading)}", f"    {original}{oneline(origin(a))}"]
        if b.title_problems:
            lines.append(_wrap(oneline(withheld_note(b.title_problems)), "    ", "    "))
        for s in b.sentences:
            lines.append(_wrap(f"{oneline(s.text)} {cite_label(a.id, s.index)}"))
            if s.problems:
                lines.append(_wrap(oneline(withheld_note(s.problems)), "  ", "  "))
        lines.append("")
    return lines


def briefs_text(result: Briefs) -> str:
    """Per-article briefs as plain text."""
    lines = [*_brief_lines(result), _citation_note(IN_BRIEFS), _footer(result.model)]
    return "\n".join(lines) + "\n"


CITE_COMMAND = "summarize cite SOURCE... 2.4"
IN_SOURCES = "in the Sources list"
IN_BRIEFS = "(the brief numbered 2)"  # briefs in markdown and text have no Sources list


def citation_note(where: str) -> tuple[str, str, str]:
    """What a citation means, in three parts: the text before the `summarize cite` command,
    the command (shown as code where the format has code), and the text after it."""
    return (
        f"[2.4] means article 2 {where}, sentence 4 (counting from 1); ",
        CITE_COMMAND,
        " prints that sentence.",
    )


def _citation_note(where: str) -> str:
    before, command, after = citation_note(where)
    return f"{before.rstrip()}\n`{command}`{after}"


def digest_text(digest: Digest, *, title: str = "News digest") -> str:
    """The digest as plain text: `-f text` and the email's text/plain part."""
    count = sum(len(s.items) for s in digest.stories) if digest.stories else len(digest.items)
    lines = [
        *_heading(title, "="),
        f"{_plural(len(digest.articles), 'article')}, {_plural(count, 'key fact')}",
        "",
    ]
    lines += [f"Note: {note}" for note in digest.notes] + ([""] if digest.notes else [])
    sections = [(s.title, s.items, s.title_problems) for s in digest.stories] or [("", digest.items, ())]
    for heading, items, problems in sections:
        if heading:
            lines += _heading(oneline(heading), "-")
        if problems:
            lines.append(_wrap(oneline(withheld_note(problems)), "", ""))
        for item in items:
            lines += _item(item)
        lines.append("")
    if digest.briefs:
        lines += [*_heading("Briefs", "-"), *_brief_lines(Briefs(digest.briefs, digest.model))]
    lines += _heading("Sources", "-")
    for a in digest.articles:
        english = digest.english_title(a.id)
        lines.append(f"[{a.id}] {oneline(english or a.title)}")
        lines += [f"    {oneline(a.title)}"] if english else []
        lines.append(f"    {oneline(a.link or origin(a))}")
    lines += ["", _citation_note(IN_SOURCES), _footer(digest.model)]
    return "\n".join(lines) + "\n"


def render_clean(articles: Sequence[Article]) -> str:
    out = []
    for a in articles:
        out.append(f"== {a.id}. {oneline(a.title)}\n   {oneline(a.source)} (language: {a.language})")
        events = [(s.start, f"  {cite_label(a.id, s.index)} {oneline(s.text)}") for s in a.sentences]
        events += [(d.start, f"- {d.rule:<18} {oneline(d.text)}") for d in a.dropped]
        out.extend(line for _, line in sorted(events, key=lambda e: e[0]))
        out.append(f"   {len(a.sentences)} sentences kept, {len(a.dropped)} lines dropped\n")
    return "\n".join(out)
