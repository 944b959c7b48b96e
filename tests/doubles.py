"""Test doubles shared by the test modules."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.translate.base import Checked, Progress, TranslatorBase


class Recorder(TranslatorBase):
    """A translator test double: fits the Translator protocol, marks its output, records calls.

    Its "EN<source>" output would fail the translation check (it is the source, copied), so
    it vouches for itself with its own `translate_checked`: tests of plumbing (order, counts,
    titles) use it; tests of the guard use the doubles below, which do not.
    """

    name = "recorder"
    backend = "test"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(sentences))
        return [f"EN<{s}>" for s in sentences]

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked]:
        return [Checked(text) for text in self.translate(sentences)]
