"""`python -m summarize`: the command-line interface, as the `summarize` command runs it."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main()
