"""The typer application object and the options every command shares.

Command modules (`articles`, `models`, `email`, ...) register themselves on `app`.
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum

import typer

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
    logging.basicConfig(level=level, format="summarize: %(message)s", stream=sys.stderr)
    logging.getLogger("summarize").setLevel(level)


def show_progress() -> bool:
    """A progress bar only for an interactive stderr and without -q."""
    return state.verbosity >= 0 and sys.stderr.isatty()


def warn(message: str) -> None:
    """A one-line message on stderr (suppressed by -q)."""
    if state.verbosity >= 0:
        typer.echo(f"summarize: {message}", err=True)
