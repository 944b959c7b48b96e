"""`brief`, `digest` and `clean`: the commands that read articles."""

from __future__ import annotations

import typer

from .. import brief as make_brief
from .. import digest as make_digest
from ..pipeline import DEFAULT_BRIEF_SENTENCES, DEFAULT_DIGEST_ITEMS, DEFAULT_ITEMS_PER_STORY
from ..render import render_briefs, render_digest
from ..types import ModelInfo
from .app import Format, app
from .common import (
    BackendOpt,
    BeamOpt,
    DeviceOpt,
    FormatOpt,
    ItemsOpt,
    ItemsPerStoryOpt,
    LimitOpt,
    MaxStoriesOpt,
    ModelOpt,
    NoCacheOpt,
    NoTranslateOpt,
    OutputOpt,
    RankerOpt,
    SinceOpt,
    Sources,
    boundary,
    emit,
    finish,
    load,
    translator,
)


@app.command()
@boundary
def brief(
    sources: Sources,
    n: int = typer.Option(DEFAULT_BRIEF_SENTENCES, "-n", "--sentences", min=1, help="Sentences per brief."),
    fmt: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    model: ModelOpt = None,
    backend: BackendOpt = None,
    device: DeviceOpt = None,
    beam: BeamOpt = None,
    no_translate: NoTranslateOpt = False,
    no_cache: NoCacheOpt = False,
    ranker: RankerOpt = None,
    limit: LimitOpt = None,
    since: SinceOpt = None,
) -> None:
    """One English brief per article: its most important sentences, in source order."""
    loaded = load(sources, limit=limit, since=since)
    tr = translator(
        no_translate=no_translate,
        model=model,
        backend=backend,
        device=device,
        beam=beam,
        no_cache=no_cache,
    )
    briefs = make_brief(loaded.articles, n=n, translator=tr, ranker=ranker)
    info = ModelInfo(tr.name, tr.backend) if tr is not None else None
    emit(render_briefs(briefs, fmt.value, model=info), output)
    finish(loaded)


@app.command()
@boundary
def digest(
    sources: Sources,
    n: ItemsOpt = DEFAULT_DIGEST_ITEMS,
    fmt: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    with_briefs: bool = typer.Option(False, "--with-briefs", help="Add a brief of each article."),
    max_stories: MaxStoriesOpt = None,
    items_per_story: ItemsPerStoryOpt = DEFAULT_ITEMS_PER_STORY,
    model: ModelOpt = None,
    backend: BackendOpt = None,
    device: DeviceOpt = None,
    beam: BeamOpt = None,
    no_translate: NoTranslateOpt = False,
    no_cache: NoCacheOpt = False,
    ranker: RankerOpt = None,
    limit: LimitOpt = None,
    since: SinceOpt = None,
) -> None:
    """One digest across all articles: each key fact once, citing every article that reports it."""
    loaded = load(sources, limit=limit, since=since)
    tr = translator(
        no_translate=no_translate,
        model=model,
        backend=backend,
        device=device,
        beam=beam,
        no_cache=no_cache,
    )
    result = make_digest(
        loaded.articles,
        n=n,
        translator=tr,
        ranker=ranker,
        with_briefs=with_briefs,
        max_stories=max_stories,
        items_per_story=items_per_story,
    )
    emit(render_digest(result, fmt.value), output)
    finish(loaded)


@app.command()
@boundary
def clean(
    sources: Sources,
    output: OutputOpt = None,
    limit: LimitOpt = None,
    since: SinceOpt = None,
) -> None:
    """Show what cleaning kept (numbered sentences) and every dropped line with its rule."""
    from ..render.clean import render_clean

    loaded = load(sources, limit=limit, since=since)
    emit(render_clean(loaded.articles), output)
    finish(loaded)
