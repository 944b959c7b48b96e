"""Test doubles shared by the test modules."""

from __future__ import annotations

from collections.abc import Sequence


class Recorder:
    """A translator test double: fits the Translator protocol, marks its output, records calls."""

    name = "recorder"
    backend = "test"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(list(sentences))
        return [f"EN<{s}>" for s in sentences]
