"""One exception family: every failure the library expects is a `SummarizeError`.

Messages are written for the person at the terminal: they say what went wrong and
what to do next, on one line.
"""

from __future__ import annotations

__all__ = ["ConfigError", "DeliveryError", "InputError", "ModelError", "SummarizeError"]


class SummarizeError(Exception):
    """Base class of every error `summarize` raises on purpose."""

    exit_code = 1


class InputError(SummarizeError):
    """A source could not be read, decoded or made into an article."""


class ModelError(SummarizeError):
    """A translation model could not be found, loaded or run."""


class DeliveryError(SummarizeError):
    """Output could not be delivered (file, SMTP)."""


class ConfigError(SummarizeError):
    """A setting is invalid (bad value in an option, environment variable or config file)."""

    exit_code = 2
