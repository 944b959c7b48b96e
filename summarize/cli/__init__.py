"""Command-line interface. `main` is the console script's entry point."""
