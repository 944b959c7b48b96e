"""Test doubles shared by the test modules."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import pytest

from summarize.deliver.state import SentStore
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


class _DiskFull(sqlite3.Connection):
    """A connection whose writes fail as SQLite's do on a full disk."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        raise sqlite3.OperationalError("database or disk is full")


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sent-articles store opened from now on fails its writes as on a full disk."""
    monkeypatch.setattr(SentStore, "_connect", lambda self: sqlite3.connect(self.path, factory=_DiskFull))
