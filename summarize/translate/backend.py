"""What the two model backends share (`ModelTranslator`): their settings, the cache key,
lazy loading, repair decoding and length-sorted batching.

A backend says how to load its model (`load`) and how to translate one batch
(`_translator`); everything else is here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..parallel import available_cores
from .base import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_BEAM,
    DEFAULT_COMPUTE_TYPE,
    DEFAULT_DEVICE,
    REPAIR_SETTINGS,
    Progress,
    TranslatorBase,
    repair_beam,
    run_batches,
)
from .families import resolve
from .store import fingerprint, model_family

__all__ = ["ModelTranslator"]


class ModelTranslator(TranslatorBase):
    """A seq2seq model behind the `Translator` interface; loaded on the first `translate`.

    Every backend factory is given these keywords (`load_translator` resolves them from the
    settings). `threads` bounds the CPU threads the model uses (None: every core this process may run
    on); `progress` is reported for calls that pass none of their own.
    """

    def __init__(
        self,
        model: str,
        *,
        device: str = DEFAULT_DEVICE,
        beam: int = DEFAULT_BEAM,
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = None,
        compute_type: str = DEFAULT_COMPUTE_TYPE,
        revision: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.name = model
        self.source = resolve(model)  # a preset's hub id
        self.requested_device = device
        self.device = device  # the device in use once loaded
        self.beam = beam
        self.batch_size = batch_size
        self.threads = threads if threads is not None else available_cores()
        self.compute_type = compute_type  # CTranslate2's weight type; transformers runs float32
        self.revision = revision
        self.progress = progress
        self.model: Any = None  # loaded on the first translate() call

    def _setup(self) -> str:
        """How the weights are computed, as the cache key records it."""
        raise NotImplementedError

    def cache_identity(self) -> tuple[str, ...]:
        """The cache key's prefix: computed without importing the backend (warm-cache runs)."""
        rev = fingerprint(self.source, revision=self.revision)
        family = model_family(self.source, revision=self.revision)
        langs = family.languages() if family else "family?"
        return (self.source, rev, self.backend, self._setup(), str(self.beam), langs)

    def repair(self, sentences: Sequence[str]) -> list[str]:
        """Translate again with settings that prevent loops (for the guard); no progress:
        the first pass already reported to the end, and a bar must not move backwards."""
        return self._run(sentences, strict=True, progress=None)

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        """English for each sentence, same length and order."""
        return self._run(sentences, strict=False, progress=progress or self.progress)

    def _run(self, sentences: Sequence[str], *, strict: bool, progress: Progress | None) -> list[str]:
        if not sentences:
            return []
        self.load()
        beam = repair_beam(self.beam) if strict else self.beam
        settings = REPAIR_SETTINGS if strict else {}
        lengths, batch = self._translator(sentences, beam, settings)
        return run_batches(sentences, lengths, batch, batch_size=self.batch_size, progress=progress)

    def _translator(
        self, sentences: Sequence[str], beam: int, settings: dict[str, float | int]
    ) -> tuple[list[int], Callable[[list[int]], list[str]]]:
        """The source length of each sentence, and a function that translates a batch of
        them (by index) with `beam` and the decoding `settings`."""
        raise NotImplementedError
