"""How a digest is laid out for a reader: the one place every format takes it from.

A digest reads like a news brief a person forwards:

- a header that says how many stories and articles, and the days they cover (every article
  read; "2 of 5 stories" when a cap left stories out);
- stories that several articles report first, each under its headline (none when the
  central article has no title, or when it would repeat the story's one line), with its
  date or range of dates; then the stories one article reports, compactly, a line each,
  under "Other news";
- a story none of whose sentences the digest is sure reads alone keeps its heading and its
  articles, with `NO_LINE_NOTE` in place of lines: no story vanishes silently; such stories
  of one article come last, under one note (`unshown_note`), a heading and a link each (the
  note says what the digest is not sure of, not that nothing stands alone: briefs open with
  sentences of a looser tier, and under Briefs it points there);
- a count of sources only where two or more independent publishers state the fact;
- a line whose sentence places its event relative to its writing ("kemarin", "akhir bulan
  ini", a weekday) carries its article's date beside its citation (`writing_day`), and so does
  such a sentence of a brief, under the digest or alone;
- under Briefs, only what the digest does not already show, save a line a brief sentence
  leans on (`Selected.after`), which comes again before it;
- Sources: each article's publisher and date, the copies that republish it, and for a copy,
  the article it republishes;
- the run's notes (skipped inputs, withheld translations, sentence caps).

Formats decide only how these look (`text`, `markdown`, `htmlpage`); `jsondoc` carries the
same facts as data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..ingest.dates import needs_writing_day
from ..ingest.publisher import FOLDER, publisher_key
from ..numerals.names import MONTHS_EN
from ..values import Article, Brief, Citation, Digest, DigestItem, Problem, Story, cite_label, plural

__all__ = [
    "NO_LINE_NOTE",
    "NO_LINE_UNTITLED_NOTE",
    "Entry",
    "Layout",
    "Line",
    "Passage",
    "Section",
    "article_note",
    "brief_note",
    "cited",
    "count_note",
    "day_label",
    "entries",
    "entry_note",
    "example_cite",
    "layout",
    "no_line_note",
    "passages",
    "publisher_label",
    "span_label",
    "unshown_note",
    "untitled_words",
    "writing_day",
]

OTHER_NEWS = "Other news"
UNKNOWN_DAY = "article date unknown"  # a line says "kemarin" and its article names no day
BRIEFS_NOTE = "Each article's other key sentences (a line above recurs where one leans on it)."
# A story shows no line when no sentence of it is in the digest's sure tier. Its brief may still
# open with one that reads alone (briefs take a looser tier), so the note says only what the
# digest is sure of: "no sentence stands alone" was false to a reader who saw the brief.
NO_LINE_NOTE = "No sentence of this story is one the digest is sure reads alone: read it in its articles."
# The same, for a story of several articles none of which has a headline: nothing above the note
# says what the story is, so it points to where the articles are named.
NO_LINE_UNTITLED_NOTE = (
    "No sentence of this story is one the digest is sure reads alone, and its articles have no "
    "headline: see them in Sources."
)
NO_LINES_NOTE = (
    "No sentence of these stories is one the digest is sure reads alone: read them in their articles."
)
# Added to the note when the digest shows briefs: they are where to read such a story next.
UNDER_BRIEFS = " (or under Briefs)"
UNTITLED_NOTE = "(no headline: see Sources)"


def _pointing(note: str, briefs: bool) -> str:
    return f"{note.removesuffix('.')}{UNDER_BRIEFS}." if briefs else note


def no_line_note(story: Story, *, briefs: bool = False) -> str:
    """The note in place of a story's lines when it has none: where to read it (`briefs`: the
    digest shows briefs, and the note points there too). (A story of one article with no
    headline is listed with the words `untitled_words` give it.)"""
    note = NO_LINE_NOTE if story.title or len(story.articles) < 2 else NO_LINE_UNTITLED_NOTE
    return _pointing(note, briefs)


def unshown_note(count: int, *, briefs: bool = False) -> str:
    """The note over the stories of one article that show no line (`Layout.unshown`)."""
    return _pointing(NO_LINE_NOTE if count == 1 else NO_LINES_NOTE, briefs)


def briefs_note(digest: Digest, briefs: Sequence[Brief]) -> str:
    """`BRIEFS_NOTE`, and which articles have no brief under it and why (read as a user: the
    briefs went from 3 to 5 with no word of 4, all of whose key sentences the digest showed)."""
    shown = {b.article.id for b in briefs}
    above = [b.article.id for b in digest.briefs if b.article.id not in shown and not b.article.duplicate_of]
    copies = [b.article.id for b in digest.briefs if b.article.duplicate_of]
    notes = [BRIEFS_NOTE]
    if above:
        notes.append(_not_here(above, "all its key sentences are above", "all their key sentences are above"))
    if copies:
        notes.append(_not_here(copies, "it republishes another article", "they republish other articles"))
    return " ".join(notes)


def _not_here(ids: Sequence[str], one: str, many: str) -> str:
    """ "[4] is not here: ONE." or "[4] [5] are not here: MANY." """
    numbers = " ".join(f"[{i}]" for i in ids)
    return f"{numbers} is not here: {one}." if len(ids) == 1 else f"{numbers} are not here: {many}."


def untitled_words(count: int) -> tuple[str, str]:
    """The words around the numbers of `count` unshown articles with no headline, so the
    numbers do not stand bare: ("Articles", "(no headline: see Sources)")."""
    return ("Article" if count == 1 else "Articles"), UNTITLED_NOTE


def day_label(iso: str | None) -> str | None:
    """ "16 Sep 2023" for "2023-09-16" (month names in English whatever the locale)."""
    if not iso:
        return None
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = tuple(name[:3].title() for name in MONTHS_EN)  # "Jan" .. "Dec"


def span_label(days: Sequence[str | None]) -> str | None:
    """ "13 Oct 2023", or "16 Sep – 13 Oct 2023" for the days given; None when none is known.

    When some are not known the span says how many ("11 Feb 2018 (19 undated)"): a span read
    alone would date articles that carry no date.
    """
    dated = [d[:10] for d in days if d and day_label(d)]
    if not dated:
        return None
    known = sorted(set(dated))
    first, last = day_label(known[0]), day_label(known[-1])
    assert first is not None and last is not None
    if first == last:
        span = first
    else:
        if known[0][:4] == known[-1][:4]:
            first = first.rsplit(" ", 1)[0]
        span = f"{first} – {last}"
    undated = len(days) - len(dated)
    return f"{span} ({undated} undated)" if undated else span


def count_note(item: DigestItem) -> str | None:
    """ "2 sources" when two or more independent publishers state the fact; else None."""
    return f"{item.sources} sources" if item.sources >= 2 else None


@dataclass(frozen=True, slots=True)
class Line:
    """One digest line: the item, its count (or None), and for each citation its article's date
    where the cited sentence places its event relative to that date (else None): "hari ini" in
    reports of two days is two days."""

    item: DigestItem
    count: str | None
    dated: tuple[str | None, ...]

    def days(self, *, first: bool = True) -> tuple[str | None, ...]:
        """`dated`, less the first citation's where the entry shows that date already (`first`
        False: a one-line story under its dated headline)."""
        return self.dated if first else (None, *self.dated[1:])


@dataclass(frozen=True, slots=True)
class Section:
    """A story as shown: its heading (or None), its dates, its articles and lines, and the
    note shown in place of lines when it has none (`NO_LINE_NOTE`; else None)."""

    heading: str | None
    title_problems: tuple[Problem, ...]
    dates: str | None
    articles: tuple[str, ...]
    lines: tuple[Line, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """An article in the Sources list: its date and publisher, and how it relates to copies."""

    article: Article
    english: str | None
    date: str | None
    copy_of: str | None  # the id of the article it republishes
    copies: tuple[tuple[str, str | None], ...]  # (id, another named publisher or None) of its copies


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything a format needs to draw a digest, in display order."""

    summary: str  # "2 stories from 4 articles and 1 republished copy, 16 Sep – 13 Oct 2023"
    notes: tuple[str, ...]
    stories: tuple[Section, ...]  # reported by several articles
    other: tuple[Section, ...]  # reported by one article: drawn compactly
    unshown: tuple[Section, ...]  # reported by one article, no line stands alone: listed last
    unshown_note: str | None  # the note over them (`unshown_note`), or None when there are none
    other_heading: str | None  # "Other news", or None when there is nothing above it
    briefs: tuple[Brief, ...]  # only sentences the digest does not show; copies left out
    briefs_note: str  # the note over them (`briefs_note`): which articles have none there, and why
    sources: tuple[Entry, ...]
    example: str = "1.1"  # the citation the footer explains citations by (`example_cite`)


def example_cite(citations: Iterable[Citation]) -> str:
    """The citation the footer explains citations by: the first one the page shows ("1.3"),
    so that the example is one the reader can find; "1.1" where none is shown. (A fixed
    "[2.4] means article 2 ..." under the brief of one article named one that is not there.)"""
    for c in citations:
        return cite_label(c.article, c.index)[1:-1]
    return "1.1"


def article_note(article: Article) -> str:
    """ "IDN Times, 16 Sep 2023": who published the article and when, as far as known."""
    return f"{publisher_label(article)}, {day_label(article.published) or 'date unknown'}"


def brief_note(article: Article) -> str:
    """A brief's line about its article: `article_note`, and for a republished copy the article
    it republishes ("detikcom, 20 Oct 2025; republishes [1]"), in every format alike."""
    copied = f"; republishes [{article.duplicate_of}]" if article.duplicate_of else ""
    return article_note(article) + copied


def publisher_label(article: Article) -> str:
    """The publisher as a reader should take it: a name the page, its address or its dateline
    gives; a folder's name only as a folder's, quoted ('publisher not named, folder "seeds"'):
    bare, "folder seeds" read like a slip, and markdown and HTML put the note in brackets."""
    if not article.publisher:
        return "publisher unknown"
    if article.publisher_from == FOLDER:
        return f'publisher not named, folder "{article.publisher}"'
    return article.publisher


def entry_note(entry: Entry) -> str:
    """The Sources list's line about an article: publisher, date, and its republished copies
    ("also published by ANTARA [2]", "also published as [3]" where no other outlet is named: a
    folder's is no publisher's, and the original's own is no other) or what it copies
    ("republishes [1]: shown as [1])."""
    note = article_note(entry.article)
    named = ", ".join(f"{p} [{i}]" for i, p in entry.copies if p)
    unnamed = ", ".join(f"[{i}]" for i, p in entry.copies if not p)
    if named:
        note += f"; also published by {named}" + (f" and as {unnamed}" if unnamed else "")
    elif unnamed:
        note += f"; also published as {unnamed}"
    if entry.copy_of:
        note += f"; republishes [{entry.copy_of}], shown as [{entry.copy_of}]"
    return note


def writing_day(article: Article | None, source_text: str) -> str | None:
    """The date a sentence carries in its citation when it says when relative to its writing
    ("kemarin", "Selasa" with no date beside it): its article's ("13 Oct 2023"), or
    "article date unknown"; None for any other sentence. A digest line and a brief sentence
    read it alike."""
    if article is None or not needs_writing_day(source_text):
        return None
    # A relative day ("kemarin") is placed by its article's date, or said to be unplaceable.
    return day_label(article.published) or UNKNOWN_DAY


def _line(item: DigestItem, by_id: dict[str, Article]) -> Line:
    days = []
    for k, c in enumerate(item.citations):
        article = by_id.get(c.article)
        if k == 0:
            days.append(writing_day(article, item.source_text))
        elif article is not None and 0 <= c.index < len(article.sentences):
            days.append(writing_day(article, article.sentences[c.index].text))
        else:
            days.append(None)
    return Line(item, count_note(item), tuple(days))


def _section(story: Story, by_id: dict[str, Article], briefed: set[str]) -> Section:
    days = [by_id[a].published for a in story.articles if a in by_id]
    lines = tuple(_line(i, by_id) for i in story.items)
    note = None if lines else no_line_note(story, briefs=not briefed.isdisjoint(story.articles))
    return Section(story.title, story.title_problems, span_label(days), story.articles, lines, note)


def _stories(digest: Digest) -> tuple[Story, ...]:
    if digest.stories:
        return digest.stories
    if not digest.items:
        return ()
    ids = tuple(dict.fromkeys(c.article for i in digest.items for c in i.citations))
    return (Story(title=None, articles=ids, items=digest.items),)


def _shown(digest: Digest) -> set[Citation]:
    return {c for item in digest.items for c in item.citations} | {
        c for s in digest.stories for item in s.items for c in item.citations
    }


def _other_briefs(digest: Digest) -> tuple[Brief, ...]:
    """Briefs without the sentences the digest already shows, and without copies' briefs; a
    shown sentence that a kept one is read after (`Selected.after`: the one it leans on) stays,
    so that the brief still reads as a paragraph ("Dia mengatakan hal itu ..." never opens it)."""
    shown = _shown(digest)
    out = []
    for b in digest.briefs:
        if b.article.duplicate_of:
            continue
        keep = {s.index for s in b.sentences if Citation(b.article.id, s.index) not in shown}
        if not keep:
            continue
        after = {s.index: s.after for s in b.sentences}
        needed = list(keep)
        while needed:
            for k in after.get(needed.pop(), ()):
                if k not in keep:
                    keep.add(k)
                    needed.append(k)
        out.append(
            Brief(b.article, tuple(s for s in b.sentences if s.index in keep), b.title, b.title_problems)
        )
    return tuple(out)


def entries(articles: Sequence[Article], english: dict[str, str] | None = None) -> tuple[Entry, ...]:
    """The Sources list: each article with its date, its copies or what it copies, and its
    English title (from `english`, by article id) when there is one."""
    copies: dict[str, list[tuple[str, str | None]]] = {}
    by_id = {a.id: a for a in articles}
    for a in articles:
        if a.duplicate_of:
            # Only a name the page, its address or its dateline gives: a folder's is none; nor
            # is the original's own publisher ("detikcom ...; also published by detikcom [21]"
            # read as a second outlet): that copy is listed by its number.
            original = by_id.get(a.duplicate_of)
            same = original is not None and publisher_key(original) == publisher_key(a)
            named = a.publisher if a.publisher and a.publisher_from != FOLDER and not same else None
            copies.setdefault(a.duplicate_of, []).append((a.id, named))
    return tuple(
        Entry(
            article=a,
            english=(english or {}).get(a.id),
            date=day_label(a.published),
            copy_of=a.duplicate_of,
            copies=tuple(copies.get(a.id, ())),
        )
        for a in articles
    )


def _summary(stories: int, articles: Sequence[Article], left_out: int = 0) -> str:
    # The articles and days are all the input's (the Sources list shows every article); the
    # stories, those shown, "of" all the articles hold when a cap left some out.
    # A republished copy is counted apart, as the email's subject counts reports: "13 articles
    # (1 a republished copy)" under a subject of "12 articles" read as two counts of one thing.
    copies = sum(1 for a in articles if a.duplicate_of)
    shown = f"{stories} of {plural(stories + left_out, 'story', 'stories')}" if left_out else None
    text = f"{shown or plural(stories, 'story', 'stories')} from {plural(len(articles) - copies, 'article')}"
    if copies:
        text += f" and {plural(copies, 'republished copy', 'republished copies')}"
    span = span_label([a.published for a in articles])
    return f"{text}, {span}" if span else text


def layout(digest: Digest) -> Layout:
    """The digest as a reader sees it (see the module docstring)."""
    by_id = {a.id: a for a in digest.articles}
    briefs = _other_briefs(digest)
    briefed = {b.article.id for b in briefs}
    sections = [_section(s, by_id, briefed) for s in _stories(digest)]
    stories = tuple(s for s in sections if len(s.articles) > 1)
    other = tuple(s for s in sections if len(s.articles) <= 1 and s.lines)
    unshown = tuple(s for s in sections if len(s.articles) <= 1 and not s.lines)
    pointed = any(not briefed.isdisjoint(s.articles) for s in unshown)
    return Layout(
        summary=_summary(len(sections), digest.articles, digest.stories_left_out),
        notes=digest.notes,
        stories=stories,
        other=other,
        unshown=unshown,
        unshown_note=unshown_note(len(unshown), briefs=pointed) if unshown else None,
        other_heading=OTHER_NEWS if stories and (other or unshown) else None,
        briefs=briefs,
        briefs_note=briefs_note(digest, briefs),
        sources=entries(digest.articles, dict(digest.english_titles)),
        example=example_cite(
            [
                *(c for s in (*stories, *other) for line in s.lines for c in line.item.citations),
                *(Citation(b.article.id, x.index) for b in briefs for x in b.sentences),
            ]
        ),
    )


Draw = Callable[[Section], list[str]]


def story_lines(
    shape: Layout,
    *,
    section: Draw,
    compact: Draw,
    heading: Callable[[str], list[str]],
    unshown: Callable[[str, Sequence[Section]], list[str]],
) -> list[str]:
    """The stories in display order, as a line-based format draws them: each story several
    articles report (`section`), then "Other news" (`heading`), the compact ones, and those
    of one article that show no line (`unshown`: their note, then all of them)."""
    lines = [line for s in shape.stories for line in section(s)]
    if shape.other_heading:
        lines += heading(shape.other_heading)
    lines += [line for s in shape.other for line in compact(s)]
    if shape.unshown and shape.unshown_note:
        lines += ([""] if shape.other else []) + unshown(shape.unshown_note, shape.unshown)
    return lines + ([""] if shape.other or shape.unshown else [])


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of a cited article, each sentence with its index, for showing a citation
    in context (HTML): `cited` holds the indices that something in the document cites."""

    article: Article
    sentences: tuple[tuple[int, str], ...]
    cited: frozenset[int]


def passages(articles: Sequence[Article], cited: Sequence[Citation]) -> tuple[Passage, ...]:
    """The paragraphs that hold a cited sentence, article by article in `articles` order."""
    wanted: dict[str, set[int]] = {}
    for c in cited:
        wanted.setdefault(c.article, set()).add(c.index)
    out = []
    for a in articles:
        indices = wanted.get(a.id)
        if not indices:
            continue
        paragraphs = {a.sentences[i].paragraph for i in indices if 0 <= i < len(a.sentences)}
        for p in sorted(paragraphs):
            sentences = tuple((s.index, s.text) for s in a.sentences if s.paragraph == p)
            out.append(Passage(a, sentences, frozenset(i for i, _ in sentences if i in indices)))
    return tuple(out)


def cited(digest: Digest, briefs: Sequence[Brief] = ()) -> list[Citation]:
    """Every citation the document shows: its lines' (figures' included) and its briefs'."""
    out = [c for item in digest.items for c in item.citations]
    out += [c for s in digest.stories for item in s.items for c in item.citations]
    out += [Citation(b.article.id, s.index) for b in briefs for s in b.sentences]
    return out
