"""The typer application, the option sets commands share, and the one error boundary.

A command declares what it needs as parameters; an option set (a frozen dataclass of
typer options, such as `TranslateOptions`) stands for a block of options that several
commands share, in the spirit of sqlite-utils' shared option decorators. `@command`
expands each option set into its options for typer, and hands the command the set back
as one value, so `brief`, `digest` and `email` never repeat an option block.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import inspect
import logging
import os
import sys
import typing
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ..errors import SummarizeError
from ..pipeline import DEFAULT_DIGEST_ITEMS, DEFAULT_ITEMS_PER_STORY
from ..values import Loaded

if TYPE_CHECKING:
    from ..translate.base import Translator

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(
    name="summarize",
    help="Indonesian news in, English briefs and a cited cross-article digest out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    markdown = "markdown"
    text = "text"
    json = "json"
    html = "html"


class Backend(StrEnum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"


class Device(StrEnum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class RankerName(StrEnum):
    learned = "learned"
    centrality = "centrality"


class _State:
    verbosity = 0


state = _State()


@app.callback()
def _root(
    verbose: int = typer.Option(
        0, "--verbose", "-v", count=True, help="More messages on stderr (-vv for debug)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr; no progress bar."),
) -> None:
    """Indonesian news in, English briefs and a cited cross-article digest out."""
    state.verbosity = -1 if quiet else verbose
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    # The package logger only: -vv must not turn on urllib3's or huggingface_hub's debug output.
    logger = logging.getLogger("summarize")
    if not any(getattr(h, "_summarize_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("summarize: %(message)s"))
        handler._summarize_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(level)


def show_progress() -> bool:
    """A progress bar only for an interactive stderr and without -q."""
    return state.verbosity >= 0 and sys.stderr.isatty()


def warn(message: str) -> None:
    """A one-line message on stderr (suppressed by -q)."""
    if state.verbosity >= 0:
        typer.echo(f"summarize: {message}", err=True)


# Options, one type each ------------------------------------------------------------------

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
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
RankerOpt = Annotated[RankerName | None, typer.Option("--ranker", help="Sentence ranker. (default: learned)")]


# Option sets: blocks of options that several commands share --------------------------------


@dataclasses.dataclass(frozen=True)
class ModelOptions:
    """Which model translates, and how (every command that translates)."""

    model: ModelOpt = None
    backend: BackendOpt = None
    device: DeviceOpt = None
    beam: BeamOpt = None
    no_cache: NoCacheOpt = False

    def translator(self) -> Translator:
        """Load the translator these options ask for."""
        from ..translate import load_translator

        return load_translator(
            self.model,
            backend=self.backend.value if self.backend else None,
            device=self.device.value if self.device else None,
            beam=self.beam,
            cache=not self.no_cache,
            progress=_progress_bar() if show_progress() else None,
        )


@dataclasses.dataclass(frozen=True)
class TranslateOptions(ModelOptions):
    """`ModelOptions` plus `--no-translate` (commands whose output can stay Indonesian)."""

    no_translate: Annotated[
        bool,
        typer.Option("--no-translate", help="Keep the Indonesian sentences; never load a translation model."),
    ] = False

    def translator_or_none(self) -> Translator | None:
        """The translator, or None under --no-translate (then nothing is imported)."""
        return None if self.no_translate else self.translator()


@dataclasses.dataclass(frozen=True)
class InputOptions:
    """What to read from feeds (every command that reads sources)."""

    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Feeds: take at most N entries.")] = None
    since: Annotated[
        dt.datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            help="Feeds: only entries published on or after DATE (YYYY-MM-DD).",
        ),
    ] = None
    allow_private_network: Annotated[
        bool | None,
        typer.Option(
            "--allow-private-network",
            help="Fetch feed entries and redirects that lead to internal addresses (the local "
            "network, loopback, link-local). (default: refused; SUMMARIZE_ALLOW_PRIVATE_NETWORK)",
            show_default=False,
        ),
    ] = None

    def load(self, sources: Sequence[str]) -> Loaded:
        """Load sources, report every skipped one on stderr, and fail if none could be used."""
        from ..ingest import load_articles

        since = self.since.date() if self.since else None
        loaded = load_articles(
            sources,
            limit=self.limit,
            since=since,
            allow_private_network=self.allow_private_network,
            progress=_progress_bar("fetching") if show_progress() else None,
        )
        for s in loaded.skipped:
            reason = s.reason if s.reason.startswith(s.source) else f"{s.source}: {s.reason}"
            typer.echo(f"summarize: skipped {reason}", err=True)
        if not loaded.articles:
            why = " (see above)" if loaded.skipped else ""
            if not loaded.skipped and since is not None:
                why = f" (nothing published on or after {since.isoformat()})"
            raise SummarizeError(f"no article could be read from the input{why}")
        return loaded


@dataclasses.dataclass(frozen=True)
class DigestOptions:
    """The digest's shape (`digest` and `email`)."""

    n: Annotated[int, typer.Option("-n", "--items", min=1, help="Most items in the whole digest.")] = (
        DEFAULT_DIGEST_ITEMS
    )
    max_stories: Annotated[
        int | None,
        typer.Option(
            "--max-stories", min=1, help="Most story sections (most-covered stories first). (default: all)"
        ),
    ] = None
    items_per_story: Annotated[
        int, typer.Option("--items-per-story", min=1, help="Most items in each story section.")
    ] = DEFAULT_ITEMS_PER_STORY
    ranker: Annotated[
        RankerName | None, typer.Option("--ranker", help="Sentence ranker. (default: learned)")
    ] = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `summarize.digest`."""
        return {
            "n": self.n,
            "max_stories": self.max_stories,
            "items_per_story": self.items_per_story,
            "ranker": self.ranker.value if self.ranker else None,
        }


def _expand(fn: F) -> F:
    """Give typer the options of every option-set parameter of `fn`, and rebuild the sets."""
    hints = typing.get_type_hints(fn, include_extras=True)
    params: list[inspect.Parameter] = []
    groups: dict[str, type] = {}
    for name, param in inspect.signature(fn).parameters.items():
        hint = hints[name]
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            groups[name] = hint
            field_hints = typing.get_type_hints(hint, include_extras=True)
            params += [
                inspect.Parameter(
                    f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=field_hints[f.name]
                )
                for f in dataclasses.fields(hint)
            ]
        else:
            params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=hint))

    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> Any:
        for name, cls in groups.items():
            kwargs[name] = cls(**{f.name: kwargs.pop(f.name) for f in dataclasses.fields(cls)})
        return fn(**kwargs)

    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    del wrapper.__wrapped__  # typer must see the expanded signature, not the original
    return wrapper  # type: ignore[return-value]


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


def command(target: typer.Typer = app, name: str | None = None) -> Callable[[F], F]:
    """Register `fn` as a command: option sets expanded, errors through the boundary."""

    def register(fn: F) -> F:
        target.command(name)(boundary(_expand(fn)))
        return fn

    return register


def _progress_bar(label: str = "translating") -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if total < 8:  # a handful of sentences or pages needs no bar
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
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
    from ..deliver import write_result

    write_result(text, output)
    warn(f"wrote {output}")


def finish(loaded: Loaded) -> None:
    """Exit 3 when some inputs were skipped, else 0."""
    if loaded.skipped:
        raise typer.Exit(EXIT_PARTIAL)
