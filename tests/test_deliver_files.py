"""Result files: atomic, with a plain file's permissions, and nothing left behind on failure."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarize.deliver.files as files
from summarize.cli import app
from summarize.deliver import write_atomic, write_result
from summarize.errors import DeliveryError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "digest.md"
    write_result("first", target)
    write_result("second, longer", target)
    assert target.read_text(encoding="utf-8") == "second, longer"
    assert sorted(p.name for p in target.parent.iterdir()) == ["digest.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_result_gets_a_plain_files_permissions_and_private_ones_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "public.md", b"x")
        write_atomic(tmp_path / "private.eml", b"x", private=True)
    finally:
        os.umask(old)
    assert (tmp_path / "public.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.eml").stat().st_mode & 0o777 == 0o600


class _FullDisk:
    """A file object whose writes fail as they do when the disk is full."""

    def __init__(self, fh: Any, *, at: str) -> None:
        self.fh, self.at = fh, at

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()

    def fileno(self) -> int:
        return int(self.fh.fileno())

    def write(self, data: bytes) -> int:
        if self.at == "write":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self.fh.write(data))

    def flush(self) -> None:
        self.fh.flush()


@pytest.mark.parametrize("at", ["write", "fsync"])
def test_full_disk_leaves_no_temp_file_and_the_old_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: str
) -> None:
    target = tmp_path / "digest.md"
    target.write_text("yesterday's digest", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode), at=at))
    if at == "fsync":  # some file systems (NFS, some FUSE) report a full disk only here

        def fsync(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(files.os, "fsync", fsync)
    with pytest.raises(DeliveryError) as caught:
        write_result("today's digest", target)
    assert str(caught.value) == f"cannot write {target}: {os.strerror(errno.ENOSPC)}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]  # no .digest.md.*.tmp
    assert target.read_text(encoding="utf-8") == "yesterday's digest"


def test_cli_output_onto_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode), at="write"))
    out = tmp_path / "digest.md"
    result = CliRunner().invoke(app, ["brief", str(SEEDS), "--no-translate", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"summarize: error: cannot write {out}: No space left on device"
    ]
    assert list(tmp_path.iterdir()) == []
