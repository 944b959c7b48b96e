"""Command-line interface. `main` is the console script's entry point.

`app` holds the typer application, `options` the options commands share; each command
module registers its commands on `app` when imported here.
"""

from __future__ import annotations

from . import articles, mail, models
from .app import app

__all__ = ["app", "main"]

_COMMANDS = (articles, mail, models)  # imported for the commands they register


def main() -> None:
    """Run the CLI (console script entry point)."""
    app()
