"""What scheduled runs remember: which articles were sent, and who is sending right now.

`SentStore` is a small SQLite table in the state directory, keyed by the article's URL
(or the SHA-256 of its text when it has none). `run_lock` is a file lock next to it (from
filelock: flock on Linux and macOS, msvcrt on Windows), so two overlapping cron runs cannot
both send the same articles. Every database failure is a one-line DeliveryError that names
the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DeliveryError
from ..values import Article, plural

__all__ = ["SentStore", "article_key", "run_lock"]

_COLUMNS = ("key", "title", "message_id", "sent_at")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at TEXT NOT NULL
)
"""
_FIX = "make the state folder writable, or set SUMMARIZE_STATE_DIR to one that is"


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
                columns = tuple(row[1] for row in db.execute("PRAGMA table_info(sent)"))
        except (sqlite3.Error, OSError) as exc:
            raise DeliveryError(f"cannot open the sent-articles store {path}: {_why(exc)}; {_FIX}") from None
        if not set(_COLUMNS) <= set(columns):
            raise DeliveryError(
                f"{path} is not a summarize sent-articles store (its table `sent` has columns "
                f"{', '.join(columns)}); move it aside, or set SUMMARIZE_STATE_DIR to another folder"
            )

    def _connect(self) -> sqlite3.Connection:
        # A generous busy timeout: another process may be writing at the same moment.
        return sqlite3.connect(self.path, timeout=30)

    def check_writable(self) -> None:
        """Raise DeliveryError unless a delivery could be recorded here.

        Called before sending: a message that goes out but cannot be recorded would be sent
        again by every later `--new-only` run. A write transaction (a probe row, rolled back)
        meets the same checks a real record would: read-only file, folder or medium.
        """
        try:
            with closing(self._connect()) as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute("INSERT OR REPLACE INTO sent VALUES ('summarize:probe', '', '', '')")
                finally:
                    db.rollback()
        except sqlite3.Error as exc:
            raise DeliveryError(
                f"cannot record deliveries in {self.path} ({_why(exc)}); nothing was sent; {_FIX}"
            ) from None

    def sent_keys(self, keys: Iterable[str]) -> set[str]:
        """The subset of `keys` already sent."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        try:
            with closing(self._connect()) as db:
                for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
                    chunk = wanted[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(f"SELECT key FROM sent WHERE key IN ({marks})", chunk)
                    found.update(row[0] for row in rows)
        except sqlite3.Error as exc:
            raise DeliveryError(f"cannot read the sent-articles store {self.path}: {_why(exc)}") from None
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
                f"message {message_id} was sent but could not be recorded in {self.path} ({_why(exc)}); "
                f"a later --new-only run will send its {plural(len(rows), 'article')} again; {_FIX}"
            ) from None

    def __len__(self) -> int:
        try:
            with closing(self._connect()) as db:
                return int(db.execute("SELECT COUNT(*) FROM sent").fetchone()[0])
        except sqlite3.Error as exc:
            raise DeliveryError(f"cannot read the sent-articles store {self.path}: {_why(exc)}") from None


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


@contextmanager
def run_lock(path: Path, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting up to `timeout` seconds for another run.

    The operating system drops the lock (flock on Linux and macOS, msvcrt on Windows) when
    its holder exits, even on a crash, so a stale lock file never blocks later runs.
    """
    # Imported here: only `summarize email` locks, and filelock picks the platform's lock
    # (fcntl is Unix-only; importing it at the top stopped this module loading on Windows).
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=max(timeout, 0.0), mode=0o600)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire(poll_interval=0.05)
    except Timeout:
        raise DeliveryError(
            f"another `summarize email` run still holds {path} after {timeout:g}s; "
            "nothing was sent by this run (raise --lock-timeout to wait longer)"
        ) from None
    except OSError as exc:
        raise DeliveryError(
            f"cannot create the lock file {path} ({_why(exc)}); nothing was sent; {_FIX}"
        ) from None
    try:
        yield
    finally:
        lock.release()
