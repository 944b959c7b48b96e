"""The persistent translation cache: SQLite in ``cache_dir()/translations.sqlite3``.

A translation is stored under a hash of everything that could change it: model name,
model revision or file fingerprint, backend, compute type, beam and the source sentence.
What is stored is the guard's final result (`guard.Checked`): English that passed the
check, or the withheld source with its problems, so a re-run never translates again what
already failed twice. Rows written before the guard existed have no problems stored
(NULL): they are checked when read.
WAL mode, a busy timeout and one short transaction per write let several processes
(cron and an interactive run) share the file. The cache is an optimisation: a damaged
file is moved aside and rebuilt, and any other database trouble is logged and skipped,
never allowed to stop a translation.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..config import cache_dir
from ..errors import SummarizeError
from ..values import Problem
from .base import Progress, Translator
from .check import review_translation
from .guard import Checked, CheckedWrapper, translate_checked

__all__ = ["FILENAME", "CacheInfo", "CachingTranslator", "TranslationCache", "cache_key"]

log = logging.getLogger("summarize.translate.cache")

FILENAME = "translations.sqlite3"
BUSY_TIMEOUT_MS = 10_000
_CHUNK = 500  # keys per SELECT: well under SQLite's bound-parameter limit
_CORRUPT = ("file is not a database", "malformed", "file is encrypted")
_SCHEMA = """CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY, text TEXT NOT NULL, model TEXT NOT NULL, created REAL NOT NULL,
    problems TEXT
) WITHOUT ROWID"""
# Caches made before the guard lack the problems column; NULL there means "never checked".
_ADD_PROBLEMS = "ALTER TABLE translations ADD COLUMN problems TEXT"

T = TypeVar("T")


def cache_key(identity: Sequence[str], sentence: str) -> str:
    """The key of one sentence's translation under one model setup."""
    return hashlib.sha256("\x1f".join((*identity, sentence)).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What `summarize cache info` shows."""

    path: Path
    entries: int
    size: int  # bytes on disk, WAL included


def _read_only_error(exc: sqlite3.Error) -> bool:
    """Whether SQLite says it cannot write here (a read-only file, folder or medium)."""
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


class TranslationCache:
    """Key -> English text, in SQLite. Opened on first use.

    Degrades rather than fails: a folder that cannot be made or written means no cache (one
    warning); a cache that can be read but not written is read, and new translations are not
    stored (one warning). Only `clear` raises, since clearing is what the user asked for.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._disabled = False
        self._read_only = False

    @property
    def path(self) -> Path:
        if self._path is None:
            # Not created here: a folder that cannot be made is reported once, in _run.
            self._path = cache_dir(create=False) / FILENAME
        return self._path

    @property
    def read_only(self) -> bool:
        """Whether the cache is being read without storing (known once it has been opened)."""
        return self._read_only

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.is_symlink() and not self.path.exists():
            # SQLite would create the link's target: a database somewhere outside the cache.
            raise OSError(
                errno.ENOENT,
                f"a link to {os.readlink(self.path)}, which does not exist; not followed (remove the link)",
            )
        try:
            return self._open_writable()
        except sqlite3.OperationalError as exc:
            if not (_read_only_error(exc) and self.path.is_file()):
                raise
        conn = self._open_read_only()
        self._read_only = True
        log.warning(
            "translation cache %s is read-only: using the translations it holds, not storing new ones "
            "(make it writable or set SUMMARIZE_CACHE_DIR to a writable folder)",
            self.path,
        )
        return conn

    def _open_writable(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.02
        while True:
            try:
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                # Switching a new file to WAL takes an exclusive lock and SQLite does not
                # wait on its busy handler for it: two processes creating the cache at
                # once see "database is locked" here, so retry with backoff instead.
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
                conn.execute(_SCHEMA)
                columns = {row[1] for row in conn.execute("PRAGMA table_info(translations)")}
                if "problems" not in columns:
                    try:
                        conn.execute(_ADD_PROBLEMS)
                    except sqlite3.OperationalError as exc:
                        if "duplicate column" not in str(exc):
                            raise  # (a duplicate: another process added it first)
                return conn
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() > deadline:
                    conn.close()
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
            except sqlite3.Error:
                conn.close()
                raise

    def _open_read_only(self) -> sqlite3.Connection:
        """Open for reading only. A WAL database in a folder we cannot write needs
        `immutable=1` (plain `mode=ro` still wants to create the -shm file); that is safe here
        because a folder nobody can write to holds no writer either."""
        uri = self.path.resolve().as_uri()
        last: sqlite3.Error | None = None
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(
                uri + query, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            try:
                conn.execute("SELECT key, text FROM translations LIMIT 1").fetchall()
                return conn
            except sqlite3.Error as exc:
                conn.close()
                last = exc
        assert last is not None
        raise last

    def _quarantine(self) -> None:
        """Move a damaged database (and its WAL files) aside, so a fresh one can be built."""
        self.close()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            # FileNotFoundError: another process moved it first, or it never existed.
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").rename(f"{aside}{suffix}")
        log.warning("translation cache %s was damaged; moved it to %s and started afresh", self.path, aside)

    def _give_up(self, why: object) -> None:
        self.close()
        self._disabled = True
        log.warning(
            "translation cache %s unusable (%s); translating without it (set SUMMARIZE_CACHE_DIR to a "
            "writable folder, or pass --no-cache)",
            self.path,
            why,
        )

    def _run(self, work: Callable[[sqlite3.Connection], T], fallback: T, *, writes: bool = False) -> T:
        """Run `work` on the connection; on a damaged file rebuild once; never raise."""
        if self._disabled or (writes and self._read_only):
            return fallback
        for attempt in (1, 2):
            try:
                if self._conn is None:
                    self._conn = self._open()
                if writes and self._read_only:
                    return fallback
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                if attempt == 1 and any(m in str(exc) for m in _CORRUPT) and not self._read_only:
                    try:
                        self._quarantine()
                    except OSError as move:
                        self._give_up(f"damaged, and cannot be moved aside: {move.strerror or move}")
                        break
                    continue
                if writes and _read_only_error(exc):
                    # Readable but not writable (a read-only file in a writable folder shows
                    # only when writing): keep reading, stop trying to store.
                    self._read_only = True
                    log.warning(
                        "translation cache %s is read-only (%s): new translations are not stored",
                        self.path,
                        exc,
                    )
                    break
                self._give_up(exc)
            except OSError as exc:
                self._give_up(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else exc)
            break
        return fallback

    def get_checked(self, keys: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """(text, stored problems as JSON, or None for a row never checked) of present `keys`."""
        wanted = list(dict.fromkeys(keys))

        def work(conn: sqlite3.Connection) -> dict[str, tuple[str, str | None]]:
            found: dict[str, tuple[str, str | None]] = {}
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, text, problems FROM translations WHERE key IN ({marks})"
                found.update((k, (t, p)) for k, t, p in conn.execute(sql, chunk))
            return found

        return self._run(work, {}) if wanted else {}

    def put_many(self, items: dict[str, str], *, model: str, problems: dict[str, str] | None = None) -> None:
        """Store key -> text pairs (and key -> problems JSON) in one short transaction."""
        now = time.time()
        checks = problems or {}
        rows = [(k, v, model, now, checks.get(k)) for k, v in items.items()]

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not mid-transaction
            try:
                conn.executemany(
                    "INSERT OR REPLACE INTO translations (key, text, model, created, problems) "
                    "VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

        if rows:
            self._run(work, None, writes=True)

    def info(self) -> CacheInfo:
        """Path, number of entries and size on disk."""
        size = 0
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):  # missing, or in a folder we may not look into
                size += Path(f"{self.path}{suffix}").stat().st_size
        entries = (
            self._run(lambda c: int(c.execute("SELECT count(*) FROM translations").fetchone()[0]), 0)
            if size
            else 0
        )
        return CacheInfo(self.path, entries, size)

    def clear(self) -> int:
        """Remove every entry; returns how many there were.

        Raises SummarizeError when the cache cannot be cleared (read-only, unreadable):
        unlike translating, clearing is the whole point of the call.
        """
        try:
            if not self.path.exists():
                return 0
            conn = self._conn = self._conn or self._open()
            if self._read_only:
                raise SummarizeError(
                    f"cannot clear the translation cache {self.path}: it is read-only; make the file "
                    "and its folder writable, or delete the file"
                )
            n = int(conn.execute("DELETE FROM translations").rowcount)
            conn.execute("VACUUM")
        except (sqlite3.Error, OSError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise SummarizeError(
                f"cannot clear the translation cache {self.path} ({why}); make it writable, or delete it"
            ) from None
        return n

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class CachingTranslator(CheckedWrapper):
    """Wraps a translator: cached sentences are answered from the cache; only the rest reach
    the model, so a run whose sentences are all cached never loads (or imports) it.

    `progress` counts distinct sentences, cache hits done from the start, for calls that
    pass none of their own.
    """

    def __init__(
        self,
        inner: Translator,
        cache: TranslationCache | None = None,
        *,
        progress: Progress | None = None,
    ) -> None:
        super().__init__(inner)
        self.cache = cache or TranslationCache()
        self.progress = progress
        self._identity: tuple[str, ...] | None = None

    def cache_identity(self) -> tuple[str, ...]:
        """The key prefix, fixed for this translator's lifetime."""
        if self._identity is None:
            self._identity = tuple(self.inner.cache_identity())
        return self._identity

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked]:
        """The guard's result for each sentence (`guard.Checked`), from the cache where possible."""
        if not sentences:
            return []
        report = progress or self.progress
        ident = self.cache_identity()
        keys = {s: cache_key(ident, s) for s in dict.fromkeys(sentences)}
        found: dict[str, Checked] = {}
        rows = self.cache.get_checked(keys.values())
        for s, k in keys.items():
            result = _load(s, *rows[k]) if k in rows else None
            if result is not None:
                found[s] = result
        todo = [s for s in keys if s not in found]
        hits = len(keys) - len(todo)

        def batches_done(done: int, total: int) -> None:
            # The model's batches, as part of the whole call (cache hits included).
            if report is not None:
                report(hits + done, len(keys))

        if hits:
            batches_done(0, len(todo))
        if todo:
            new = dict(zip(todo, translate_checked(self.inner, todo, progress=batches_done), strict=True))
            self.cache.put_many(
                {keys[s]: c.text for s, c in new.items()},
                model=self.name,
                problems={keys[s]: _dump(c.problems) for s, c in new.items()},
            )
            found.update(new)
        return [found[s] for s in sentences]


def _dump(problems: Sequence[Problem]) -> str:
    return json.dumps([[p.kind, p.message] for p in problems], ensure_ascii=False)


def _load(source: str, text: str, stored: str | None) -> Checked | None:
    """A stored row as a `Checked`, or None when it must be translated again (a row from
    before the guard whose English fails the check now; unreadable problems). The notes on
    English that passed are not stored: the check gives them again, as it reads now."""
    try:
        problems = tuple(Problem(str(kind), str(message)) for kind, message in json.loads(stored or "[]"))
    except (ValueError, TypeError):
        return None
    if problems:
        return Checked(text, problems)
    review = review_translation(source, text)
    if stored is None and review.problems:
        return None
    return Checked(text, notes=review.notes)
