"""Command-line interface. `main` is the console script's entry point."""

from __future__ import annotations

import importlib

from .app import app

# Each module registers its commands on `app`; a module still being written elsewhere
# (models, email) is simply absent until it lands.
for _name in ("articles", "models", "email"):
    try:
        importlib.import_module(f".{_name}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{_name}":
            raise

__all__ = ["app", "main"]


def main() -> None:
    """Run the CLI (console script entry point)."""
    app()
