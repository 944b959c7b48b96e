"""The `Translator` interface, the registry of backends, and length-sorted batching.

A translator turns Indonesian sentences into English ones, one output per input, in order.
Backends are chosen by name; heavy libraries (torch, transformers, ctranslate2) are
imported only inside the backend that needs them.

Sentences of similar length go in the same batch, so padding (and, with an output cap
per batch, decoding past a short sentence's end) wastes little work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..config import default
from ..errors import ConfigError
from ..values import Problem

# The defaults live with every other setting's, in `config.SETTINGS`.
DEFAULT_MODEL: str = default("model")
DEFAULT_BACKEND: str = default("backend")
DEFAULT_DEVICE: str = default("device")
DEVICES = ("auto", "cpu", "cuda")
DEFAULT_BEAM: int = default("beam")
DEFAULT_BATCH_SIZE: int = default("batch_size")
DEFAULT_COMPUTE_TYPE: str = default("compute_type")

Progress = Callable[[int, int], None]  # progress(done, total), called as batches finish


@dataclass(frozen=True, slots=True)
class Checked:
    """One sentence's final result: English that passed the check, or, when `problems` is
    set, the source sentence itself (its translation withheld, and why). `notes`: what the
    check noticed in English that passed (a conversion or gloss it adds)."""

    text: str
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def withheld(self) -> bool:
        return bool(self.problems)


@runtime_checkable
class Translator(Protocol):
    """What the library asks of a translator.

    `name`, `backend` and `translate` are the heart of it. The rest are optional
    capabilities, declared here so that wrappers (the guard, the cache) call them directly:
    a translator without one gives the plain answer, which `TranslatorBase` supplies.
    """

    name: str
    backend: str

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        """Translate each sentence; the result has the same length and order.
        `progress(done, total)` is called as batches finish."""
        ...

    def repair(self, sentences: Sequence[str]) -> list[str] | None:
        """English decoded so as to avoid loops (the guard's second try), or None: cannot."""
        ...

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked] | None:
        """Results this translator vouches for (a cache's stored ones, a guard's), or None:
        the guard must check them."""
        ...

    def cache_identity(self) -> tuple[str, ...]:
        """What makes two translations of one sentence differ: the cache key's prefix."""
        ...

    def load(self) -> None:
        """Load the model now (otherwise the first `translate` does)."""
        ...


class TranslatorBase:
    """The plain answer to each optional capability of `Translator`: derive from it and
    write `translate` (test doubles and simple backends do)."""

    name: str = "translator"
    backend: str = "custom"

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        raise NotImplementedError

    def repair(self, sentences: Sequence[str]) -> list[str] | None:
        return None

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked] | None:
        return None

    def cache_identity(self) -> tuple[str, ...]:
        return (self.name, self.backend)

    def load(self) -> None:
        return None


Factory = Callable[..., Translator]
_BACKENDS: dict[str, Factory] = {}


def register_backend(name: str, factory: Factory) -> None:
    """Make a backend selectable by `name` (`load_translator(backend=name)`, `--backend`).

    `factory(model, *, device, beam, batch_size, threads, compute_type, progress)` makes
    the translator (`backend.ModelTranslator` takes exactly these).
    """
    _BACKENDS[name] = factory


def backend_names() -> list[str]:
    """The registered backends' names, in the order registered (the CLI's `--backend` choices)."""
    return list(_BACKENDS)


def backend_factory(name: str) -> Factory:
    try:
        return _BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(_BACKENDS))
        raise ConfigError(f"unknown backend {name!r}; choose one of: {known}") from None


def output_cap(source_tokens: int) -> int:
    """The output-length cap: 1.5 x source tokens + 10 (random weights never end a sentence,
    so a benchmark's generation always runs to it; compare runs under the same cap)."""
    return int(1.5 * source_tokens) + 10


# Repair decoding, for a sentence whose first translation failed the check (guard.py): a
# repetition penalty and no repeated 3-gram stop loops; a wider beam finds a fuller sentence.
# transformers' generate() and CTranslate2's translate_batch() take these same keywords.
REPAIR_SETTINGS: dict[str, float | int] = {"repetition_penalty": 1.2, "no_repeat_ngram_size": 3}


def repair_beam(beam: int) -> int:
    """The beam for a repair pass: twice the usual, at least 4."""
    return max(2 * beam, 4)


MAX_INPUT_TOKENS = 512  # the position table of opus-mt models: longer input is truncated


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
