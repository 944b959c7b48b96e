"""The `Translator` interface and the registry of backends.

A translator turns Indonesian sentences into English ones, one output per input, in order.
Backends are chosen by name; heavy libraries (torch, transformers, ctranslate2) are
imported only inside the backend that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from ..errors import ConfigError

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-id-en"


@runtime_checkable
class Translator(Protocol):
    """Anything with a model name, a backend name and `translate`."""

    name: str
    backend: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate each sentence; the result has the same length and order."""
        ...


Factory = Callable[..., Translator]
_BACKENDS: dict[str, Factory] = {}


def register_backend(name: str, factory: Factory) -> None:
    """Make a backend selectable by `name` (`load_translator(backend=name)`)."""
    _BACKENDS[name] = factory


def backend_factory(name: str) -> Factory:
    try:
        return _BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(_BACKENDS))
        raise ConfigError(f"unknown backend {name!r}; choose one of: {known}") from None


def backends() -> list[str]:
    return sorted(_BACKENDS)


def output_cap(source_tokens: int) -> int:
    """The output-length cap: 1.5 x source tokens + 10 (DESIGN.md)."""
    return int(1.5 * source_tokens) + 10
