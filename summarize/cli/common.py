"""What the commands share: option types, the error boundary, input and output handling."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..errors import DeliveryError, SummarizeError
from ..types import Loaded
from .app import Backend, Device, Format, show_progress, state, warn

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

Sources = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively: .txt, .md, .html), - for stdin, or http(s) URLs of "
        "article pages or RSS/Atom feeds.",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the result to FILE instead of stdout.", dir_okay=False),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Translation model: a hub id or a local folder. (default: Helsinki-NLP/opus-mt-id-en)",
    ),
]
BackendOpt = Annotated[
    Backend | None, typer.Option("--backend", help="Translation backend. (default: transformers)")
]
DeviceOpt = Annotated[Device | None, typer.Option("--device", help="Where the model runs. (default: auto)")]
BeamOpt = Annotated[int | None, typer.Option("--beam", min=1, help="Beam size; 1 is greedy. (default: 4)")]
NoTranslateOpt = Annotated[
    bool,
    typer.Option("--no-translate", help="Keep the Indonesian sentences; never load a translation model."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
RankerOpt = Annotated[
    str | None,
    typer.Option("--ranker", help="Sentence ranker: learned or centrality. (default: learned)"),
]
ItemsOpt = Annotated[int, typer.Option("-n", "--items", min=1, help="Most items in the whole digest.")]
MaxStoriesOpt = Annotated[
    int | None,
    typer.Option(
        "--max-stories", min=1, help="Most story sections (most-covered stories first). (default: all)"
    ),
]
ItemsPerStoryOpt = Annotated[
    int, typer.Option("--items-per-story", min=1, help="Most items in each story section.")
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Feeds: take at most N entries.")]
SinceOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--since",
        formats=["%Y-%m-%d"],
        help="Feeds: only entries published on or after DATE (YYYY-MM-DD).",
    ),
]


def boundary(fn: F) -> F:
    """The one error boundary: known errors print one line and exit non-zero.

    Anything unexpected also prints one line, unless SUMMARIZE_DEBUG=1 asks for the traceback.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except SummarizeError as exc:
            typer.echo(f"summarize: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("summarize: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("SUMMARIZE_DEBUG") == "1":
                raise
            typer.echo(
                f"summarize: internal error: {type(exc).__name__}: {exc} "
                "(SUMMARIZE_DEBUG=1 shows the traceback)",
                err=True,
            )
            raise typer.Exit(EXIT_FAILED) from None

    return wrapper  # type: ignore[return-value]


def load(sources: Sequence[str], *, limit: int | None = None, since: dt.datetime | None = None) -> Loaded:
    """Load sources, report every skipped one on stderr, and fail if none could be used."""
    from .. import load_articles

    loaded = load_articles(sources, limit=limit, since=since.date() if since else None)
    for s in loaded.skipped:
        typer.echo(
            f"summarize: skipped {s.reason}"
            if s.reason.startswith(s.source)
            else f"summarize: skipped {s.source}: {s.reason}",
            err=True,
        )
    if not loaded.articles:
        why = " (see above)" if loaded.skipped else ""
        if not loaded.skipped and since is not None:
            why = f" (nothing published on or after {since.date().isoformat()})"
        raise SummarizeError(f"no article could be read from the input{why}")
    return loaded


def translator(
    *,
    no_translate: bool,
    model: str | None,
    backend: Backend | None,
    device: Device | None,
    beam: int | None,
    no_cache: bool = False,
) -> Any:
    """The translator the options ask for, or None under --no-translate (nothing is imported)."""
    if no_translate:
        return None
    from ..translate import load_translator

    progress = _progress_bar() if show_progress() else None
    return load_translator(
        model,
        backend=backend.value if backend else None,
        device=device.value if device else None,
        beam=beam,
        cache=not no_cache,
        progress=progress,
    )


def _progress_bar() -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if total < 8:  # a handful of sentences needs no bar
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\rtranslating [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress


def emit(text: str, output: Path | None) -> None:
    """Write the result to stdout, or atomically to a file (never a half-written file)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        raise DeliveryError(f"cannot write {output}: {exc.strerror or exc}") from None
    if state.verbosity >= 0:
        warn(f"wrote {output}")


def finish(loaded: Loaded) -> None:
    """Exit 3 when some inputs were skipped, else 0."""
    if loaded.skipped:
        raise typer.Exit(EXIT_PARTIAL)
