"""`brief`, `digest`, `clean` and `cite`: the commands that read articles."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import ConfigError, InputError
from ..ingest.files import HTML_SUFFIXES, is_url
from ..pipeline import DEFAULT_BRIEF_SENTENCES, brief, digest
from ..renderers import render
from ..values import Article, parse_cite, plural
from .app import command, emit, finish, step
from .options import (
    OUTPUT,
    DigestOptions,
    FormatOpt,
    InputOptions,
    OutputOpt,
    RankerOpt,
    Sources,
    TranslateOptions,
    check_output,
    output_format,
)


@command(name="brief")
def brief_command(
    sources: Sources,
    *,
    n: int = typer.Option(
        DEFAULT_BRIEF_SENTENCES, "-n", "--sentences", min=1, metavar="N", help="Sentences per brief."
    ),
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    ranker: RankerOpt = None,
    translation: TranslateOptions,
    inputs: InputOptions,
) -> None:
    """One English brief per article: its most important sentences, in source order."""
    path = check_output(output, sources)
    loaded = inputs.load(sources)
    with step(f"briefs of {plural(len(loaded.articles), 'article')}"):
        result = brief(
            loaded,
            n=n,
            translator=translation.translator_or_none(),
            ranker=ranker,
        )
    emit(render(result, output_format(fmt, path)), path)
    finish(loaded)


@command(name="digest")
def digest_command(
    sources: Sources,
    *,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    with_briefs: bool = typer.Option(
        False, "--with-briefs", help="Add a brief of each article.", rich_help_panel=OUTPUT
    ),
    shape: DigestOptions,
    translation: TranslateOptions,
    inputs: InputOptions,
) -> None:
    """One digest across all articles: each key fact once, citing every article that reports it."""
    path = check_output(output, sources)
    loaded = inputs.load(sources)
    translator = translation.translator_or_none()
    with step(f"digest of {plural(len(loaded.articles), 'article')}"):
        result = digest(loaded, translator=translator, with_briefs=with_briefs, **shape.kwargs())
    emit(render(result, output_format(fmt, path)), path)
    finish(loaded)


@command(name="clean")
def clean_command(sources: Sources, *, output: OutputOpt = None, inputs: InputOptions) -> None:
    """Show what cleaning kept (numbered sentences) and every dropped line with its rule."""
    from ..renderers.text import render_clean

    path = check_output(output, sources)
    loaded = inputs.load(sources)
    emit(render_clean(loaded.articles), path)
    finish(loaded)


@command(name="cite")
def cite_command(
    sources: Sources,
    citation: str = typer.Argument(
        ...,
        metavar="CITATION...",
        help="A citation such as 4.3 or [4.3]: article 4, sentence 3 (from 1). Several may follow "
        "the sources: 4.3 5.1.",
    ),
    *,
    inputs: InputOptions,
) -> None:
    """Print the sentence each citation points to, with its source, title and character offsets.

    Give the same sources, in the same order, as the brief or digest: articles are
    numbered by input order. A word after the sources that reads as a citation
    and names no file is a citation.
    """
    from ..values import cite_label, inert

    sources, citations = _citations(sources, citation)
    loaded = inputs.load(sources)
    articles = {a.id: a for a in loaded.articles}
    out: list[str] = []
    wrong: list[str] = []  # each said after the citations that resolve are printed
    for article_id, index in citations:
        if article_id not in articles:
            wrong.append(
                f"no article {article_id}: these sources give articles 1-{len(loaded.articles)} "
                "(give the same sources, in the same order, as the digest)"
            )
            continue
        article = articles[article_id]
        if not 0 <= index < len(article.sentences):
            wrong.append(
                f"article {article_id} has {plural(len(article.sentences), 'sentence')}, not {index + 1}"
            )
            continue
        s = article.sentences[index]
        offsets = f"characters {s.start}-{s.end} of {_counted_in(article, sources)} (JSON index {index})"
        if not _read_as_is(article):  # extracted: the reader has not seen that text
            offsets += ";\n           `summarize clean` with the same sources shows that text"
        out.append(
            f"{cite_label(article_id, index)} {inert(s.text)}\n"
            f"  article {article_id}: {inert(article.title)}\n"
            f"  source:  {inert(article.link or article.source)}\n"
            f"  offsets: {offsets}\n"
        )
    if out:
        emit("".join(out), None)
    if wrong:
        raise InputError("; ".join(wrong))
    finish(loaded)


def _counted_in(article: Article, sources: list[str]) -> str:
    """What a sentence's offsets count characters of, by the kind of source the article was
    read from: a file's (or stdin's) decoded text, as the reader has it; else the text
    extracted from a web page or an HTML file, which only `summarize clean` shows."""
    if article.source == "-":
        return "the decoded standard input"
    if _read_as_is(article):
        return "the file's decoded text"
    if not is_url(article.source):
        return "the text extracted from the HTML file, not of its markup"
    # An entry of a feed (not a URL given) may have been read from the feed's own copy.
    copy = "" if article.source in sources else " (or the feed's copy of it, where a warning says so)"
    return f"the text extracted from the web page{copy}, not of its HTML"


def _read_as_is(article: Article) -> bool:
    """Whether the article's text is its source decoded (a text file, stdin), not extracted."""
    return not is_url(article.source) and Path(article.source).suffix.lower() not in HTML_SUFFIXES


def _citations(sources: list[str], last: str) -> tuple[list[str], list[tuple[str, int]]]:
    """The sources and the citations of `cite SOURCE... CITATION...`: the command line takes
    its last word as the citation, so the words before it that read as citations too (4.3,
    [4.3]) and name no file are citations, not sources ("7.20: no such file"). At least one
    source stays."""
    try:
        cited = [parse_cite(last, numbered=True)]
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    sources = list(sources)
    while len(sources) > 1 and not Path(sources[-1]).exists():
        try:
            cited.insert(0, parse_cite(sources[-1], numbered=True))
        except ValueError:
            break
        sources.pop()
    return sources, cited
