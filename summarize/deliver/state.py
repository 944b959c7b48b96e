"""What scheduled runs remember: which articles were sent, and who is sending right now.

`SentStore` is a small SQLite table in the state directory, keyed by the article's URL
(or the SHA-256 of its text when it has none). `run_lock` is a file lock next to it (from
filelock: flock on Linux and macOS, msvcrt on Windows), so two overlapping cron runs cannot
both send the same articles.
"""

from __future__ import annotations

import hashlib
import sqlite3
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

    The operating system drops the lock (flock on Linux and macOS, msvcrt on Windows) when
    its holder exits, even on a crash, so a stale lock file never blocks later runs.
    """
    # Imported here: only `summarize email` locks, and filelock picks the platform's lock
    # (fcntl is Unix-only; importing it at the top stopped this module loading on Windows).
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=max(timeout, 0.0), mode=0o600)
    try:
        lock.acquire(poll_interval=0.05)
    except Timeout:
        raise DeliveryError(
            f"another `summarize email` run still holds {path} after {timeout:g}s; "
            "nothing was sent by this run (raise --lock-timeout to wait longer)"
        ) from None
    except OSError as exc:
        raise DeliveryError(f"cannot lock {path}: {exc.strerror or exc}; check the state directory") from None
    try:
        yield
    finally:
        lock.release()
