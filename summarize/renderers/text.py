"""Plain text: for pipes, cron mail bodies and screen readers; the `summarize clean` report;
and the citation helpers the markdown renderer shares."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ..values import (
    Article,
    Brief,
    Briefs,
    Citation,
    Digest,
    DigestItem,
    ModelInfo,
    Problem,
    Selected,
    cite_label,
    inert,
    plural,
)
from .layout import (
    Entry,
    Layout,
    Line,
    Section,
    brief_note,
    entry_note,
    example_cite,
    layout,
    story_lines,
    untitled_words,
    writing_day,
)

# Titles, sentences, file names and URLs are outside text: `inert` keeps each on one line
# and shows control characters and bidi controls as escapes ("\\n", "\\x1b", "\\u202e").
oneline = inert


def cites(citations: tuple[Citation, ...], dated: Sequence[str | None] = ()) -> str:
    """`[1.3][4.1]`: article.sentence (from 1) for every citation; each that `dated` gives a
    date (by position) carries it: `[1.3, 13 Oct 2023][4.1, 14 Oct 2023]`."""
    labels = [str(c) for c in citations]
    for k, day in enumerate(dated[: len(labels)]):
        if day:
            labels[k] = f"{labels[k][:-1]}, {day}]"
    return "".join(labels)


def brief_cite(article: Article, sentence: Selected) -> str:
    """A brief sentence's citation, `[2.4]`, dated as a digest line is when the sentence says
    when relative to its writing (`layout.writing_day`): `[2.4, 13 Oct 2023]`."""
    return cites((Citation(article.id, sentence.index),), (writing_day(article, sentence.source_text),))


def brief_example(briefs: Sequence[Brief]) -> str:
    """The citation a page of briefs explains citations by: its first sentence's."""
    return example_cite(Citation(b.article.id, s.index) for b in briefs for s in b.sentences)


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


SHOWN_CHECK_NOTES = 2  # a line rarely adds more than one conversion; JSON carries them all


def check_note(notes: Sequence[str]) -> str:
    """'translation note: the English adds a conversion: 27 miles' for English that passed
    the check with something added, else ''."""
    if not notes:
        return ""
    more = len(notes) - SHOWN_CHECK_NOTES
    return (
        "translation note: "
        + "; ".join(notes[:SHOWN_CHECK_NOTES])
        + (f" (and {more} more)" if more > 0 else "")
    )


WIDTH = 78  # fits an 80-column terminal and the 78-character line mail readers expect


_KEEP = "\x00"  # stands for a space that must not break a line (oneline() escapes real NULs)


def _wrap(text: str, first: str = "- ", rest: str = "  ", *, atoms: Sequence[str] = ()) -> str:
    """`text` and then `atoms`, filled to WIDTH; an atom (a citation, a count) never breaks."""
    return _fill([(text, True), *((a, False) for a in atoms)], first, rest)


def _fill(pieces: Sequence[tuple[str, bool]], first: str = "- ", rest: str = "  ") -> str:
    """The pieces in order, filled to WIDTH, breaking lines only inside those marked True."""
    whole = " ".join(p if breakable else p.replace(" ", _KEEP) for p, breakable in pieces if p).strip()
    filled = textwrap.fill(
        whole,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return filled.replace(_KEEP, " ")


def _heading(text: str, rule: str) -> list[str]:
    return [text, rule * min(len(text), WIDTH)]


def _atoms(line: Line, dated: bool) -> list[tuple[str, bool]]:
    item = line.item
    return [
        (cites(item.citations, line.days(first=dated)), False),
        (f"({line.count})" if line.count else "", False),
    ]


def _item(
    line: Line,
    first: str = "- ",
    rest: str = "  ",
    *,
    dated: bool = True,
    before: Sequence[tuple[str, bool]] = (),
) -> list[str]:
    """A digest line, filled; `before` goes ahead of its text (a compact story's headline and
    date, or its date alone)."""
    item = line.item
    pieces = [*before, (oneline(item.text), True), *_atoms(line, dated)]
    out = [_fill(pieces, first, rest)]
    notes = [
        oneline(n)
        for n in (withheld_note(item.problems), check_note(item.check_notes), figures_note(item))
        if n
    ]
    return out + [_wrap(note, rest, rest) for note in notes]


def _footer(model: ModelInfo | None) -> str:
    if model is None:
        return "Lines are the Indonesian source sentences, not translated."
    return (
        f"English by {model.name} ({model.backend}).\nEvery line translates one source sentence;"
        "\na line marked 'translation withheld' shows the source instead."
    )


def _brief_lines(briefs: Sequence[Brief]) -> list[str]:
    lines: list[str] = []
    for b in briefs:
        a = b.article
        original = f"{oneline(a.title)} - " if b.title and b.title != a.title else ""
        lines += [f"[{a.id}] {oneline(b.heading)}", f"    {original}{oneline(brief_note(a))}"]
        lines.append(f"    {oneline(a.link or origin(a))}")
        if b.title_problems:
            lines.append(_wrap(oneline(withheld_note(b.title_problems)), "    ", "    "))
        for s in b.sentences:
            lines.append(_wrap(oneline(s.text), atoms=[brief_cite(a, s)]))
            for note in (withheld_note(s.problems), check_note(s.check_notes)):
                if note:
                    lines.append(_wrap(oneline(note), "  ", "  "))
        lines.append("")
    return lines


def _notes(notes: Sequence[str]) -> list[str]:
    return [_wrap(oneline(n), "Note: ", "      ") for n in notes] + ([""] if notes else [])


def briefs_text(result: Briefs) -> str:
    """Per-article briefs as plain text."""
    lines = [
        *_notes(result.notes),
        *_brief_lines(result.briefs),
        *_citation_note(IN_BRIEFS, brief_example(result.briefs)),
        _footer(result.model),
    ]
    return "\n".join(lines) + "\n"


CITE_COMMAND = "summarize cite SOURCE... {example}"
IN_SOURCES = "in the Sources list"
IN_BRIEFS = "(the brief numbered {article})"  # briefs in markdown and text have no Sources list


def dated_note(example: str) -> str:
    """What a dated citation means. DATE stands for the date, as SOURCE... does for the
    sources: a real-looking day ("13 Oct 2023") sent a reader of a digest of 2017's news
    looking for an article of 2023."""
    return (
        f"[{example}, DATE]: the sentence says when relative to its writing (kemarin, a weekday), so "
        'DATE gives its article\'s date (or reads "article date unknown": it cannot be placed).'
    )


def citation_note(where: str, example: str) -> tuple[str, str, str]:
    """What a citation means, by the `example` citation ("1.3": `layout.example_cite`), in
    three parts: the text before the `summarize cite` command, the command (shown as code
    where the format has code), and the text after it. `where` may name the article
    ("{article}")."""
    article, _, sentence = example.rpartition(".")
    return (
        f"[{example}] means article {article} {where.format(article=article)}, sentence {sentence} "
        "(counting from 1); ",
        CITE_COMMAND.format(example=example),
        " prints that sentence.",
    )


def _citation_note(where: str, example: str) -> list[str]:
    before, command, after = citation_note(where, example)
    return [f"{before.rstrip()}\n`{command}`{after}", _wrap(dated_note(example), "", "")]


def _section(section: Section) -> list[str]:
    lines = _heading(oneline(section.heading), "-") if section.heading else []
    if section.title_problems:
        lines.append(_wrap(oneline(withheld_note(section.title_problems)), "", ""))
    about = [section.dates or "date unknown", plural(len(section.articles), "article")]
    lines.append(" · ".join(about) + ": " + " ".join(f"[{a}]" for a in section.articles))
    if section.note:
        lines.append(_wrap(section.note, "", ""))
    for line in section.lines:
        lines += _item(line)
    return [*lines, ""]


def _compact(section: Section) -> list[str]:
    """A story one article reports, as one entry: its headline (if any) and date, its lines.

    The date follows the headline, as in the list of stories that show no line ("Heading
    (8 Jan 2018) [16]"); with no headline it opens the entry, where the headline would be,
    rather than sit after the first line's citation as if it were the line's. A line on that
    same row carries no date of its own (it would be the same one), the others do when they
    say when relative to their writing."""
    date = f"({section.dates})" if section.dates else ""
    first, *rest = section.lines
    problems = withheld_note(section.title_problems)
    notes = [_wrap(oneline(problems), "  ", "  ")] if problems else []
    if section.heading and not rest:
        head = [(oneline(section.heading), True), (date, False), ("—", False)]
        return _item(first, dated=not date, before=head) + notes
    if section.heading:
        lines = [_wrap(oneline(section.heading), atoms=[date]), *notes]
        return lines + [x for line in section.lines for x in _item(line, "  - ", "    ")]
    lines = _item(first, dated=not date, before=[(date, False)])
    return lines + [x for line in rest for x in _item(line, "  - ", "    ")]


def _unshown(note: str, sections: Sequence[Section]) -> list[str]:
    """Stories of one article none of whose sentences stands alone: `note` once, then each
    headline and date with its article's number (those without a headline on one line)."""
    lines = [_wrap(note, "", "")]
    untitled = []
    for s in sections:
        where = " ".join(f"[{a}]" for a in s.articles)
        if s.heading:
            lines.append(_wrap(oneline(s.heading), atoms=[f"({s.dates})" if s.dates else "", where]))
        else:
            untitled.append(where)
    if not untitled:
        return lines
    before, after = untitled_words(len(untitled))
    return [*lines, _wrap(before, atoms=[*untitled, after])]


def _sources(entries: Sequence[Entry]) -> list[str]:
    lines = _heading("Sources", "-")
    for e in entries:
        a = e.article
        lines.append(f"[{a.id}] {oneline(e.english or a.title)}")
        lines += [f"    {oneline(a.title)}"] if e.english else []
        lines.append(_wrap(oneline(entry_note(e)), "    ", "    "))
        lines.append(f"    {oneline(a.link or origin(a))}")
    return lines


def layout_text(shape: Layout, *, title: str, model: ModelInfo | None) -> str:
    """A laid-out digest as plain text (see `renderers.layout`)."""
    lines = [*_heading(title, "="), _wrap(shape.summary, "", ""), "", *_notes(shape.notes)]
    lines += story_lines(
        shape, section=_section, compact=_compact, heading=lambda h: _heading(h, "-"), unshown=_unshown
    )
    if shape.briefs:
        lines += [*_heading("Briefs", "-"), _wrap(shape.briefs_note, "", ""), ""]
        lines += _brief_lines(shape.briefs)
    lines += _sources(shape.sources)
    lines += ["", *_citation_note(IN_SOURCES, shape.example), _footer(model)]
    return "\n".join(lines) + "\n"


def digest_text(digest: Digest, *, title: str = "News digest") -> str:
    """The digest as plain text: `-f text` and the email's text/plain part."""
    return layout_text(layout(digest), title=title, model=digest.model)


def render_clean(articles: Sequence[Article]) -> str:
    out = []
    for a in articles:
        out.append(f"== {a.id}. {oneline(a.title)}\n   {oneline(a.source)} (language: {a.language})")
        events = [(s.start, f"  {cite_label(a.id, s.index)} {oneline(s.text)}") for s in a.sentences]
        events += [(d.start, f"- {d.rule:<18} {oneline(d.text)}") for d in a.dropped]
        out.extend(line for _, line in sorted(events, key=lambda e: e[0]))
        kept, dropped = plural(len(a.sentences), "sentence"), plural(len(a.dropped), "line")
        out.append(f"   {kept} kept, {dropped} dropped\n")
    return "\n".join(out)
