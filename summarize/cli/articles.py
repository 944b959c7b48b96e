"""`brief`, `digest` and `clean`: the commands that read articles."""

from __future__ import annotations

import typer

from ..pipeline import DEFAULT_BRIEF_SENTENCES, brief, digest
from ..renderers import render
from .app import (
    DigestOptions,
    Format,
    FormatOpt,
    InputOptions,
    OutputOpt,
    RankerOpt,
    Sources,
    TranslateOptions,
    command,
    emit,
    finish,
)


@command(name="brief")
def brief_command(
    sources: Sources,
    *,
    n: int = typer.Option(DEFAULT_BRIEF_SENTENCES, "-n", "--sentences", min=1, help="Sentences per brief."),
    fmt: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    ranker: RankerOpt = None,
    translation: TranslateOptions,
    inputs: InputOptions,
) -> None:
    """One English brief per article: its most important sentences, in source order."""
    loaded = inputs.load(sources)
    result = brief(
        loaded.articles,
        n=n,
        translator=translation.translator_or_none(),
        ranker=ranker.value if ranker else None,
    )
    emit(render(result, fmt.value), output)
    finish(loaded)


@command(name="digest")
def digest_command(
    sources: Sources,
    *,
    fmt: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    with_briefs: bool = typer.Option(False, "--with-briefs", help="Add a brief of each article."),
    shape: DigestOptions,
    translation: TranslateOptions,
    inputs: InputOptions,
) -> None:
    """One digest across all articles: each key fact once, citing every article that reports it."""
    loaded = inputs.load(sources)
    result = digest(
        loaded.articles,
        translator=translation.translator_or_none(),
        with_briefs=with_briefs,
        **shape.kwargs(),
    )
    emit(render(result, fmt.value), output)
    finish(loaded)


@command(name="clean")
def clean_command(sources: Sources, *, output: OutputOpt = None, inputs: InputOptions) -> None:
    """Show what cleaning kept (numbered sentences) and every dropped line with its rule."""
    from ..renderers.text import render_clean

    loaded = inputs.load(sources)
    emit(render_clean(loaded.articles), output)
    finish(loaded)
