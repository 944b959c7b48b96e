"""The `Translator` interface, the registry of backends, and length-sorted batching.

A translator turns Indonesian sentences into English ones, one output per input, in order.
Backends are chosen by name; heavy libraries (torch, transformers, ctranslate2) are
imported only inside the backend that needs them.

Sentences of similar length go in the same batch, so padding (and, with an output cap
per batch, decoding past a short sentence's end) wastes little work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from ..errors import ConfigError
from ..parallel import workers

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


def output_cap(source_tokens: int) -> int:
    """The output-length cap: 1.5 x source tokens + 10 (DESIGN.md)."""
    return int(1.5 * source_tokens) + 10


Progress = Callable[[int, int], None]

# Repair decoding, for a sentence whose first translation failed the check (guard.py): a
# repetition penalty and no repeated 3-gram stop loops; a wider beam finds a fuller sentence.
# transformers' generate() and CTranslate2's translate_batch() take these same keywords.
REPAIR_SETTINGS: dict[str, float | int] = {"repetition_penalty": 1.2, "no_repeat_ngram_size": 3}


def repair_beam(beam: int) -> int:
    """The beam for a repair pass: twice the usual, at least 4."""
    return max(2 * beam, 4)


DEFAULT_BATCH_SIZE = 16
MAX_INPUT_TOKENS = 512  # the position table of opus-mt models: longer input is truncated


def machine_threads() -> int:
    """CPU threads to use: the `threads` setting, else every core this process may run on."""
    return workers()


def length_batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Indices into `lengths`, grouped into batches of similar length (longest first)."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    for start in range(0, len(order), max(1, batch_size)):
        yield order[start : start + batch_size]


def run_batches(
    items: Sequence[str],
    lengths: Sequence[int],
    translate_batch: Callable[[list[int]], list[str]],
    *,
    batch_size: int,
    progress: Progress | None = None,
) -> list[str]:
    """Call `translate_batch(indices)` per batch; return outputs in the original order."""
    out: list[str] = [""] * len(items)
    done = 0
    for batch in length_batches(lengths, batch_size):
        for i, text in zip(batch, translate_batch(batch), strict=True):
            out[i] = text
        done += len(batch)
        if progress is not None:
            progress(done, len(items))
    return out
