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

from .base import Checked, Progress, Translator, TranslatorBase
from .check import review_translation

__all__ = ["Checked", "CheckedWrapper", "GuardedTranslator", "translate_checked"]


class CheckedWrapper(TranslatorBase):
    """A translator around another whose results are checked (`Checked`): the inner one's
    name, backend, model and cache identity, and `translate` as the text of
    `translate_checked` (a withheld sentence comes back as its source)."""

    def __init__(self, inner: Translator) -> None:
        self.inner = inner
        self.name = inner.name
        self.backend = inner.backend

    def cache_identity(self) -> tuple[str, ...]:
        return self.inner.cache_identity()

    def load(self) -> None:
        self.inner.load()

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [c.text for c in self.translate_checked(sentences, progress=progress)]

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked]:
        raise NotImplementedError


class GuardedTranslator(CheckedWrapper):
    """Wraps a translator: `translate_checked` returns a `Checked` per sentence, and
    `translate` (the plain `Translator` interface) its text."""

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked]:
        """Translate, check, repair the failures once, withhold what still fails."""
        if not sentences:
            return []
        english = self.inner.translate(sentences, progress=progress)
        reviews = [review_translation(s, e) for s, e in zip(sentences, english, strict=True)]
        failed = [i for i, r in enumerate(reviews) if r.problems]
        retry = self.inner.repair([sentences[i] for i in failed]) if failed else None
        if retry is not None:
            for i, text in zip(failed, retry, strict=True):
                english[i] = text
                reviews[i] = review_translation(sentences[i], text)
        return [
            Checked(source, r.problems) if r.problems else Checked(text, notes=r.notes)
            for source, text, r in zip(sentences, english, reviews, strict=True)
        ]


def translate_checked(
    translator: Translator, sentences: Sequence[str], *, progress: Progress | None = None
) -> list[Checked]:
    """Checked results from any translator: those it vouches for itself (the cache's, a
    guard's), or a guard's put around it for this call."""
    own = translator.translate_checked(sentences, progress=progress)
    if own is not None:
        return own
    return GuardedTranslator(translator).translate_checked(sentences, progress=progress)
