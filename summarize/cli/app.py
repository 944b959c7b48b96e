"""The typer application, the option sets commands share, and the one error boundary.

A command declares what it needs as parameters; an option set (a frozen dataclass of
typer options, such as `TranslateOptions`) stands for a block of options that several
commands share, in the spirit of sqlite-utils' shared option decorators. `@command`
expands each option set into its options for typer, and hands the command the set back
as one value, so `brief`, `digest` and `email` never repeat an option block.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import inspect
import logging
import os
import sys
import time
import typing
from collections.abc import Callable, Iterator, Sequence
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
    add_completion=True,
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
    verbosity = 0  # -1 quiet, 0 default, 1+ verbose


state = _State()


def _configure(verbose: int, quiet: bool) -> None:
    """Apply -v/-q: given before the command, after it, or both (-q wins; -v counts add up).

    Default: warnings and one line for each long step (a model conversion, feed fetching).
    -v adds timings and detail; -q shows errors only. Only the `summarize` logger is set:
    -vv must not turn on urllib3's or huggingface_hub's debug output.
    """
    if quiet:
        state.verbosity = -1
    elif state.verbosity >= 0:
        state.verbosity += verbose
    level = logging.ERROR if state.verbosity < 0 else logging.INFO if state.verbosity == 0 else logging.DEBUG
    logger = logging.getLogger("summarize")
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("summarize: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(level)


class _Stderr(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is when a message is logged, not when the handler was
    made: a caller (a test runner, a wrapper) may have replaced and closed the old one."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _version(value: bool) -> None:
    if value:
        from ..config import version

        typer.echo(f"summarize {version()}")
        raise typer.Exit()


_MESSAGES = "Messages"
VerboseOpt = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        metavar=" ",  # a counted flag takes no value; typer would otherwise show INTEGER
        show_default=False,
        help="More detail on stderr, with timings.",
        rich_help_panel=_MESSAGES,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Errors only on stderr; no progress bar.", rich_help_panel=_MESSAGES),
]


@app.callback()
def _root(
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Indonesian news in, English briefs and a cited cross-article digest out.

    -v and -q work before or after the command. Citations such as [2.4] mean article 2,
    sentence 4 (counting from 1); `summarize cite SOURCE... 2.4` prints that sentence.
    """
    state.verbosity = 0
    _configure(verbose, quiet)


def show_progress() -> bool:
    """A progress bar only for an interactive stderr and without -q."""
    return state.verbosity >= 0 and sys.stderr.isatty()


def warn(message: str) -> None:
    """A one-line message on stderr (suppressed by -q)."""
    if state.verbosity >= 0:
        typer.echo(f"summarize: {message}", err=True)


@contextlib.contextmanager
def step(what: str) -> Iterator[None]:
    """Time a step of a command; -v shows how long it took."""
    started = time.perf_counter()
    yield
    logging.getLogger("summarize").debug("%s in %.2f s", what, time.perf_counter() - started)


# Options, one type each ------------------------------------------------------------------

OUTPUT, _SHAPE, _TRANSLATION, _INPUT = "Output", "Digest", "Translation", "Input"

Sources = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE...",
        help="Files, folders (read recursively: .txt, .md, .html), - for stdin, or http(s) URLs of "
        "article pages or RSS/Atom feeds.",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="markdown, text, json or html.", rich_help_panel=OUTPUT
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE instead of stdout.",
        dir_okay=False,
        rich_help_panel=OUTPUT,
    ),
]


def _setting(flag: str, metavar: str, what: str, default: str, **kwargs: Any) -> Any:
    """A translation option backed by a setting: help names its env variable and default."""
    env = f"SUMMARIZE_{flag.removeprefix('--').upper()}"
    return typer.Option(
        flag,
        metavar=metavar,
        help=f"{what} Env {env}. (default: {default})",
        rich_help_panel=_TRANSLATION,
        **kwargs,
    )


# A space lets the long default model id wrap instead of being cut at 80 columns.
ModelOpt = Annotated[
    str | None,
    _setting("--model", "MODEL", "Translation model: hub id or local folder.", "Helsinki-NLP/ opus-mt-id-en"),
]
BackendOpt = Annotated[
    Backend | None, _setting("--backend", "NAME", "transformers or ctranslate2.", "transformers")
]
DeviceOpt = Annotated[Device | None, _setting("--device", "DEVICE", "auto, cpu or cuda.", "auto")]
BeamOpt = Annotated[int | None, _setting("--beam", "N", "Beam size; 1 is greedy.", "4", min=1)]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Do not read or write the translation cache.", rich_help_panel=_TRANSLATION
    ),
]
RankerOpt = Annotated[
    RankerName | None,
    typer.Option(
        "--ranker", metavar="NAME", help="learned or centrality. (default: learned)", rich_help_panel=_SHAPE
    ),
]


# Option sets: blocks of options that several commands share --------------------------------


@dataclasses.dataclass(frozen=True)
class Verbosity:
    """-v/-q, accepted after the command too (every command has them)."""

    verbose: VerboseOpt = 0
    quiet: QuietOpt = False


@dataclasses.dataclass(frozen=True)
class ModelOptions:
    """Which model translates, and how (every command that translates)."""

    model: ModelOpt = None
    backend: BackendOpt = None
    device: DeviceOpt = None
    beam: BeamOpt = None
    no_cache: NoCacheOpt = False

    def translator(self) -> Translator:
        """Load the translator these options ask for (the model itself loads on first use)."""
        from ..translate import load_translator

        return load_translator(
            self.model,
            backend=self.backend.value if self.backend else None,
            device=self.device.value if self.device else None,
            beam=self.beam,
            cache=not self.no_cache,
            progress=progress_bar("translating") if show_progress() else None,
        )


@dataclasses.dataclass(frozen=True)
class TranslateOptions(ModelOptions):
    """`ModelOptions` plus `--no-translate` (commands whose output can stay Indonesian)."""

    no_translate: Annotated[
        bool,
        typer.Option(
            "--no-translate",
            help="Keep the Indonesian sentences; never load a translation model.",
            rich_help_panel=_TRANSLATION,
        ),
    ] = False

    def translator_or_none(self) -> Translator | None:
        """The translator, or None under --no-translate (then nothing is imported)."""
        return None if self.no_translate else self.translator()


@dataclasses.dataclass(frozen=True)
class InputOptions:
    """What to read from feeds (every command that reads sources)."""

    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, metavar="N", help="Feeds: at most N entries each.", rich_help_panel=_INPUT
        ),
    ] = None
    since: Annotated[
        dt.datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            metavar="DATE",
            help="Feeds: only entries published on or after DATE (YYYY-MM-DD).",
            rich_help_panel=_INPUT,
        ),
    ] = None
    allow_private_network: Annotated[
        bool | None,
        typer.Option(
            "--allow-private-network",
            help="Fetch feed entries and redirects that lead to internal addresses (the local "
            "network, loopback, link-local). Env SUMMARIZE_ALLOW_PRIVATE_NETWORK. (default: refused)",
            show_default=False,
            rich_help_panel=_INPUT,
        ),
    ] = None

    def load(self, sources: Sequence[str]) -> Loaded:
        """Load sources, report every skipped one on stderr, and fail if none could be used."""
        from ..ingest import load_articles

        since = self.since.date() if self.since else None
        with step(f"read {len(sources)} source(s)"):
            loaded = load_articles(
                sources,
                limit=self.limit,
                since=since,
                allow_private_network=self.allow_private_network,
                progress=progress_bar("fetching") if show_progress() else None,
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

    n: Annotated[
        int,
        typer.Option(
            "-n",
            "--items",
            min=1,
            metavar="N",
            help="Most items in the whole digest.",
            rich_help_panel=_SHAPE,
        ),
    ] = DEFAULT_DIGEST_ITEMS
    max_stories: Annotated[
        int | None,
        typer.Option(
            "--max-stories",
            min=1,
            metavar="N",
            help="Most story sections, most-covered first. (default: all)",
            rich_help_panel=_SHAPE,
        ),
    ] = None
    items_per_story: Annotated[
        int,
        typer.Option(
            "--items-per-story",
            min=1,
            metavar="N",
            help="Most items in each story section.",
            rich_help_panel=_SHAPE,
        ),
    ] = DEFAULT_ITEMS_PER_STORY
    ranker: RankerOpt = None

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
    groups: dict[str, type] = {"_verbosity": Verbosity}
    hints["_verbosity"] = Verbosity
    signature = list(inspect.signature(fn).parameters.values())
    signature.append(inspect.Parameter("_verbosity", inspect.Parameter.KEYWORD_ONLY))
    for param in signature:
        name = param.name
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
        flags = kwargs.pop("_verbosity")
        _configure(flags.verbose, flags.quiet)
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


def progress_bar(what: str) -> Callable[[int, int], None]:
    """A `progress(done, total)` callback drawing a rich bar on stderr (width, ETA, -q aware).

    The bar appears on the first call with 8 or more items and goes away when done.
    """
    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < 8:  # a handful of items needs no bar
            return
        if bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            bar = Progress(
                TextColumn(f"{what}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            bar.add_task(what, total=total)
        bar.update(bar.task_ids[0], completed=done, total=total)
        if done >= total:
            bar.stop()
            bar = None

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
