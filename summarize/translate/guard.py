"""The translation guard: translate, check, repair what failed, withhold what still fails.

Every English line is shown as the translation of one cited source sentence, so a looping,
number-changing or untranslated output would be a wrong claim with a citation attached.
The guard checks each output (`check_translation`); a sentence that fails is translated
once more with the backend's repair settings (a repetition penalty, no repeated n-grams,
a wider beam: `repair(sentences)`, where the backend has it); if that fails too, the
result is the source sentence itself with the problems that withheld it. Nothing failing
comes back as English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ..values import Problem
from .base import Translator
from .check import check_translation

__all__ = ["Checked", "GuardedTranslator", "Repairer", "translate_checked"]


@dataclass(frozen=True, slots=True)
class Checked:
    """One sentence's final result: English that passed the check, or, when `problems` is
    set, the source sentence itself (its translation withheld, and why)."""

    text: str
    problems: tuple[Problem, ...] = ()

    @property
    def withheld(self) -> bool:
        return bool(self.problems)


@runtime_checkable
class Repairer(Protocol):
    """A backend that can translate again with settings that prevent degenerate output."""

    def repair(self, sentences: Sequence[str]) -> list[str]:
        """English for each sentence, decoded to avoid loops (same length and order)."""
        ...


class GuardedTranslator:
    """Wraps a translator: `translate_checked` returns a `Checked` per sentence, and
    `translate` (the plain `Translator` interface) its text."""

    def __init__(self, inner: Translator) -> None:
        self.inner = inner
        self.name = inner.name
        self.backend = inner.backend

    @property
    def progress(self) -> Any:
        return getattr(self.inner, "progress", None)

    @progress.setter
    def progress(self, value: Any) -> None:
        # A cache around the guard reports the backend's batches (CachingTranslator sets this).
        self.inner.progress = value  # type: ignore[attr-defined]

    def __getattr__(self, attr: str) -> Any:
        # beam, device, model, cache_identity, progress ... of the wrapped translator
        if attr == "inner":
            raise AttributeError(attr)
        return getattr(self.inner, attr)

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Checked English for each sentence; a withheld one comes back as its source."""
        return [c.text for c in self.translate_checked(sentences)]

    def translate_checked(self, sentences: Sequence[str]) -> list[Checked]:
        """Translate, check, repair the failures once, withhold what still fails."""
        if not sentences:
            return []
        english = self.inner.translate(sentences)
        problems = [tuple(check_translation(s, e)) for s, e in zip(sentences, english, strict=True)]
        failed = [i for i, p in enumerate(problems) if p]
        if failed and isinstance(self.inner, Repairer):
            retry = self._repair([sentences[i] for i in failed])
            for i, text in zip(failed, retry, strict=True):
                english[i] = text
                problems[i] = tuple(check_translation(sentences[i], text))
        return [
            Checked(source, found) if found else Checked(text)
            for source, text, found in zip(sentences, english, problems, strict=True)
        ]

    def _repair(self, sentences: list[str]) -> list[str]:
        # The first pass already reported its progress to the end; a repair pass reporting
        # its own (done, total) would move a progress bar backwards.
        inner: Any = self.inner
        progress = getattr(inner, "progress", None)
        if progress is not None:
            inner.progress = None
        try:
            return list(inner.repair(sentences))
        finally:
            if progress is not None:
                inner.progress = progress


def translate_checked(translator: Translator, sentences: Sequence[str]) -> list[Checked]:
    """Checked results from any translator: its own `translate_checked` (the cache's, a
    guard's), or a guard put around it for this call."""
    own = getattr(translator, "translate_checked", None)
    if callable(own):
        result: list[Checked] = own(sentences)
        return result
    return GuardedTranslator(translator).translate_checked(sentences)
