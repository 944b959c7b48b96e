"""One exception family: every failure the library expects is a `SummarizeError`.

Messages are written for the person at the terminal: they say what went wrong and
what to do next, on one line.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ConfigError", "DeliveryError", "InputError", "ModelError", "SummarizeError", "check_count"]


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
    """A setting is invalid (bad value in an option, environment variable, config file or a
    library call's argument)."""

    exit_code = 2


def check_count(name: str, value: Any, *, allow_none: bool = False) -> None:
    """Raise ConfigError unless `value` is a whole number of at least 1 (or None, if allowed).

    The library's public calls check their counts at the door: 0 or -3 would otherwise give
    an empty result without a word, and a float or a string a TypeError from deep inside.
    """
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{name} must be a whole number (int) of at least 1, not {type(value).__name__}")
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, not {value}")
