"""The typer application: global flags (-v/-q/--version), the one error boundary, and
`command`, which registers a command.

A command declares what it needs as parameters; an option set (a frozen dataclass of typer
options from `cli.options`, such as `TranslateOptions`) stands for a block of options that
several commands share. `command` expands each option set into its options for typer and
hands the command the set back as one value; it adds -v/-q to every command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import inspect
import logging
import os
import sys
import time
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from ..errors import SummarizeError
from ..values import Loaded, inert

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

    def format(self, record: logging.LogRecord) -> str:
        # Messages name files, URLs and titles from outside: one inert line each.
        return inert(super().format(record))

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


# The one channel for telling the user something: the `summarize` logger, whose handler
# (`_configure`) writes "summarize: MESSAGE" lines on stderr at the level -v/-q set. The
# library logs to it; commands use `warn` and `error`.
_tell = logging.getLogger("summarize.cli")


def warn(message: str) -> None:
    """A one-line message on stderr (suppressed by -q)."""
    _tell.warning(message)


def error(message: str) -> None:
    """A one-line message on stderr that -q does not suppress (an error, a skipped input)."""
    _tell.error(message)


@contextlib.contextmanager
def step(what: str) -> Iterator[None]:
    """Time a step of a command; -v shows how long it took."""
    started = time.perf_counter()
    yield
    logging.getLogger("summarize").debug("%s in %.2f s", what, time.perf_counter() - started)


@dataclasses.dataclass(frozen=True)
class Verbosity:
    """-v/-q, accepted after the command too (every command has them)."""

    verbose: VerboseOpt = 0
    quiet: QuietOpt = False


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
            error(f"error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            error("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            _reader_gone()
            raise typer.Exit(EXIT_FAILED) from None
        except Exception as exc:
            if os.environ.get("SUMMARIZE_DEBUG") == "1":
                raise
            error(f"internal error: {type(exc).__name__}: {exc} (SUMMARIZE_DEBUG=1 shows the traceback)")
            raise typer.Exit(EXIT_FAILED) from None

    return wrapper  # type: ignore[return-value]


def _reader_gone() -> None:
    """stdout's reader went away (`summarize config | head -1`): nothing to report, and
    nothing more to write. Point stdout at the null device, so the interpreter's last flush
    at exit does not fail a second time and print a warning."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (a test runner's buffer): nothing will flush it


class _Command(typer.core.TyperCommand):
    """A command that suggests only options close to a mistyped one.

    click offers any option within a loose similarity (0.6), so `--bogus` was answered with
    "(Possible options: --verbose)"; a suggestion should look like a typo's correction.
    """

    SIMILAR = 0.75

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return list(super().parse_args(ctx, args))
        except Exception as exc:
            # NoSuchOption of click, or of the copy of click that typer >= 0.26 carries.
            if type(exc).__name__ == "NoSuchOption" and getattr(exc, "possibilities", None):
                typo = str(getattr(exc, "option_name", ""))
                exc.possibilities = [  # type: ignore[attr-defined]
                    p
                    for p in exc.possibilities  # type: ignore[attr-defined]
                    if difflib.SequenceMatcher(None, typo, p).ratio() >= self.SIMILAR
                ]
            raise


def command(target: typer.Typer = app, name: str | None = None) -> Callable[[F], F]:
    """Register `fn` as a command: option sets expanded, errors through the boundary."""

    def register(fn: F) -> F:
        target.command(name, cls=_Command)(boundary(_expand(fn)))
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
