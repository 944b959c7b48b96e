"""The SQLite translation cache: hits, keys, concurrent writers, damaged files."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import cache_dir
from summarize.errors import SummarizeError
from summarize.translate import load_translator
from summarize.translate.base import Progress, TranslatorBase
from summarize.translate.cache import (
    FILENAME,
    CachingTranslator,
    TranslationCache,
    cache_key,
)
from summarize.translate.ct2 import Ct2Translator
from summarize.translate.marian import MarianTranslator

from .unprivileged import needs_posix, run_cli, shared_folder

ROOT = Path(__file__).resolve().parents[1]


class Counting(TranslatorBase):
    """A backend double that records what reached the 'model'."""

    backend = "test"

    def __init__(self, name: str = "counting", beam: int = 4) -> None:
        self.name = name
        self.beam = beam
        self.calls: list[list[str]] = []

    def cache_identity(self) -> tuple[str, ...]:
        return (self.name, "rev", self.backend, "fp32", str(self.beam))

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(sentences))
        if progress is not None:
            progress(len(sentences), len(sentences))
        return [f"EN:{s}" for s in sentences]


def test_misses_then_hits() -> None:
    inner = Counting()
    tr = CachingTranslator(inner, TranslationCache())
    assert tr.translate(["a", "b", "a"]) == ["EN:a", "EN:b", "EN:a"]
    assert inner.calls == [["a", "b"]]  # a repeated sentence is translated once
    assert tr.translate(["c", "b"]) == ["EN:c", "EN:b"]
    assert inner.calls[-1] == ["c"]
    fresh = Counting()
    assert CachingTranslator(fresh, TranslationCache()).translate(["a", "b", "c"]) == [
        "EN:a",
        "EN:b",
        "EN:c",
    ]
    assert fresh.calls == []  # another process (a fresh translator) reads the same file
    assert TranslationCache().info().entries == 3


def test_progress_counts_cache_hits_as_done() -> None:
    calls: list[tuple[int, int]] = []
    tr = CachingTranslator(Counting(), TranslationCache(), progress=lambda d, t: calls.append((d, t)))
    tr.translate(["a", "b"])
    assert calls[-1] == (2, 2)
    calls.clear()
    tr.translate(["a", "b", "c"])
    assert calls == [(2, 3), (3, 3)]
    calls.clear()
    tr.translate(["a"])
    assert calls == [(1, 1)]


def test_beam_model_and_backend_change_the_key() -> None:
    base = MarianTranslator("some/model", beam=4).cache_identity()
    variants = [
        MarianTranslator("some/model", beam=2).cache_identity(),
        MarianTranslator("other/model", beam=4).cache_identity(),
        MarianTranslator("some/model", beam=4, revision="abc123").cache_identity(),
        Ct2Translator("some/model", beam=4).cache_identity(),
        Ct2Translator("some/model", beam=4, compute_type="int8_float32").cache_identity(),
    ]
    keys = {cache_key(ident, "Halo.") for ident in [base, *variants]}
    assert len(keys) == 1 + len(variants)
    assert cache_key(base, "Halo.") == cache_key(MarianTranslator("some/model").cache_identity(), "Halo.")
    assert cache_key(base, "Halo.") != cache_key(base, "Halo!")

    four = Counting(beam=4)
    CachingTranslator(four, TranslationCache()).translate(["a"])
    two = Counting(beam=2)
    CachingTranslator(two, TranslationCache()).translate(["a"])
    assert two.calls == [["a"]]  # a cached beam-4 translation is no answer for beam 2


def test_local_model_edit_changes_the_key(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    before = MarianTranslator(str(tmp_path)).cache_identity()
    (tmp_path / "model.safetensors").write_bytes(b"new weights")
    assert MarianTranslator(str(tmp_path)).cache_identity() != before


WRITER = """
import sys
from summarize.translate.cache import TranslationCache
cache = TranslationCache()
tag = sys.argv[1]
for batch in range(200):
    cache.put_many({f"{tag}-{batch}-{i}": f"text {tag} {batch} {i}" for i in range(5)}, model="m")
    cache.get_checked([f"{tag}-{batch}-0"])
"""


def test_two_processes_writing_at_once() -> None:
    env = os.environ.copy()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, tag], env=env, stderr=subprocess.PIPE)
        for tag in ("p", "q")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert b"unusable" not in err  # no writer gave up on the cache
    cache = TranslationCache()
    keys = [f"{t}-{b}-{i}" for t in ("p", "q") for b in range(200) for i in range(5)]
    found = cache.get_checked(keys)
    assert len(found) == 2000
    assert found["q-199-4"] == ("text q 199 4", None)
    assert cache.info().entries == 2000


def test_damaged_file_is_moved_aside_and_rebuilt(caplog: pytest.LogCaptureFixture) -> None:
    path = cache_dir() / FILENAME
    path.write_bytes(b"this is not a database, just garbage bytes" * 100)
    inner = Counting()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        out = CachingTranslator(inner, TranslationCache()).translate(["a", "b"])
    assert out == ["EN:a", "EN:b"]
    assert any("damaged" in r.getMessage() for r in caplog.records)
    assert len(list(cache_dir().glob(f"{FILENAME}.corrupt-*"))) == 1
    assert TranslationCache().get_checked([cache_key(inner.cache_identity(), "a")])  # rebuilt


def test_unusable_cache_never_stops_translation(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="summarize"):
        tr = CachingTranslator(Counting(), TranslationCache(blocked / FILENAME))
        assert tr.translate(["a"]) == ["EN:a"]
        assert tr.translate(["a"]) == ["EN:a"]
    assert any("unusable" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_dangling_link_as_the_cache_file_is_not_followed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.sqlite3"
    elsewhere.parent.mkdir()
    (cache_dir() / FILENAME).symlink_to(elsewhere)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert CachingTranslator(Counting(), TranslationCache()).translate(["a"]) == ["EN:a"]
    assert not elsewhere.exists()  # no database made outside the cache folder
    warning = next(r.getMessage() for r in caplog.records if "unusable" in r.getMessage())
    assert f"a link to {elsewhere}, which does not exist; not followed" in warning


def test_info_and_clear() -> None:
    cache = TranslationCache()
    assert cache.info().entries == 0
    CachingTranslator(Counting(), cache).translate(["a", "b"])
    info = cache.info()
    assert (info.path, info.entries) == (cache_dir() / FILENAME, 2)
    assert info.size > 0
    assert cache.clear() == 2
    assert cache.info().entries == 0


def test_cache_commands() -> None:
    load_translator(backend="identity").translate(["Halo.", "Apa kabar?"])
    runner = CliRunner()
    shown = runner.invoke(app, ["cache", "info"])
    assert shown.exit_code == 0, shown.output
    assert f"path: {cache_dir() / FILENAME}" in shown.stdout
    assert "entries: 2" in shown.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0
    assert "removed 2" in cleared.stdout
    assert TranslationCache().info().entries == 0


# ----------------------------------------------- a cache that cannot be made or written
#
# The cache is an optimisation: when its folder cannot be made or written the run goes on
# without it after one warning; a cache that can be read but not written is still read.


def test_a_file_where_the_folder_should_be_means_no_cache_and_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setenv("SUMMARIZE_BACKEND", "identity")  # a pass-through test backend
    proc = subprocess.run(
        [sys.executable, "-c", _CLI, "translate", "Halo. Apa kabar?"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "Halo. Apa kabar?"
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "translating without it" in lines[0], proc.stderr
    assert "internal error" not in proc.stderr


def test_cache_info_on_a_folder_that_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(blocked / "cache"))
    shown = CliRunner().invoke(app, ["cache", "info"])
    assert shown.exit_code == 0, shown.output
    assert "entries: 0" in shown.stdout


def test_read_only_cache_is_read_and_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Any user, root included: writable opening is refused as SQLite refuses it on a
    # read-only medium, so the read-only path (`mode=ro`) is what reads the entries.
    import summarize.translate.cache as cache_module

    path = tmp_path / FILENAME
    inner = Counting()
    CachingTranslator(inner, TranslationCache(path)).translate(["a", "b"])
    real_connect = sqlite3.connect

    def connect(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if not kwargs.get("uri"):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_connect(database, *args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(cache_module.sqlite3, "connect", connect)
    fresh = Counting()
    cache = TranslationCache(path)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        tr = CachingTranslator(fresh, cache)
        assert tr.translate(["a", "b", "c"]) == ["EN:a", "EN:b", "EN:c"]
        assert tr.translate(["c"]) == ["EN:c"]
    assert fresh.calls == [["c"], ["c"]]  # a and b came from the read-only cache; c is not stored
    assert cache.read_only
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "read-only" in warnings[0]
    with pytest.raises(SummarizeError, match=r"cannot clear the translation cache .* read-only"):
        cache.clear()


# Real permissions (tests/unprivileged.py): the CLI runs as a user the kernel holds to them.
_CLI = "from summarize.cli import main; main()"


def _unprivileged(args: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_cli(args, {"SUMMARIZE_BACKEND": "identity", **env})


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    with shared_folder() as path:
        yield path


@needs_posix
def test_read_only_home_translates_without_a_cache(shared_dir: Path) -> None:
    home = shared_dir / "home"
    home.mkdir()
    home.chmod(0o555)
    env = {"HOME": str(home), "SUMMARIZE_CACHE_DIR": "", "XDG_CACHE_HOME": ""}
    proc = _unprivileged(["translate", "Halo."], env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "Halo."
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "translation cache" in lines[0] and "translating without it" in lines[0]


@needs_posix
def test_read_only_cache_folder_is_read_and_cannot_be_cleared(shared_dir: Path) -> None:
    folder = shared_dir / "cache"
    folder.mkdir()
    identity = load_translator(backend="identity", cache=False)
    cache = TranslationCache(folder / FILENAME)
    CachingTranslator(identity, cache).translate(["Halo.", "Apa kabar?"])
    cache.close()
    (folder / FILENAME).chmod(0o444)
    folder.chmod(0o555)
    env = {"SUMMARIZE_CACHE_DIR": str(folder)}
    shown = _unprivileged(["cache", "info"], env)
    assert shown.returncode == 0, shown.stderr
    assert "entries: 2" in shown.stdout  # read, though it cannot be written
    cleared = _unprivileged(["cache", "clear"], env)
    assert cleared.returncode == 1
    assert "cannot clear the translation cache" in cleared.stderr and "read-only" in cleared.stderr
    assert "removed" not in cleared.stdout and "internal error" not in cleared.stderr
    used = _unprivileged(["translate", "Halo."], env)
    assert used.returncode == 0, used.stderr
    assert used.stderr.count("read-only") == 1
