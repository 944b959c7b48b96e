"""What scheduled runs remember: which articles were sent, and who is sending right now.

`SentStore` is a small SQLite table in the state directory, keyed by the article's URL
(or the SHA-256 of its text when it has none). `run_lock` is an fcntl lock on a file
next to it, so two overlapping cron runs cannot both send the same articles.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DeliveryError
from ..values import Article

__all__ = ["SentStore", "article_key", "run_lock"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at TEXT NOT NULL
)
"""


def article_key(article: Article) -> str:
    """The article's identity across runs: its URL, else a hash of its text."""
    url = article.link
    if url:
        return url
    return "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()


class SentStore:
    """The set of article keys already delivered by email."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as db, db:
                db.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise DeliveryError(f"cannot open the sent-articles store {path}: {exc}") from None

    def _connect(self) -> sqlite3.Connection:
        # A generous busy timeout: another process may be writing at the same moment.
        return sqlite3.connect(self.path, timeout=30)

    def sent_keys(self, keys: Iterable[str]) -> set[str]:
        """The subset of `keys` already sent."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        with closing(self._connect()) as db:
            for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key FROM sent WHERE key IN ({marks})", chunk)
                found.update(row[0] for row in rows)
        return found

    def unsent(self, articles: Sequence[Article]) -> list[Article]:
        """The articles not sent before, in their original order."""
        done = self.sent_keys(article_key(a) for a in articles)
        return [a for a in articles if article_key(a) not in done]

    def mark_sent(self, entries: Iterable[tuple[str, str]], message_id: str) -> None:
        """Record (key, title) pairs as delivered in message `message_id`."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [(key, title, message_id, now) for key, title in entries]
        try:
            with closing(self._connect()) as db, db:
                db.executemany(
                    "INSERT OR REPLACE INTO sent (key, title, message_id, sent_at) VALUES (?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as exc:
            raise DeliveryError(
                f"the email was sent but could not be recorded in {self.path}: {exc}"
            ) from None

    def __len__(self) -> int:
        with closing(self._connect()) as db:
            return int(db.execute("SELECT COUNT(*) FROM sent").fetchone()[0])


@contextmanager
def run_lock(path: Path, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting up to `timeout` seconds for another run.

    The kernel drops an fcntl lock when its holder exits, even on a crash, so a stale lock
    file never blocks later runs.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DeliveryError(
                        f"another `summarize email` run still holds {path} after {timeout:g}s; "
                        "nothing was sent by this run (raise --lock-timeout to wait longer)"
                    ) from None
                time.sleep(0.05)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for a curious human
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
