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
from summarize.errors import ConfigError, DeliveryError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    write_result("first", target)
    write_result("second, longer", target)
    assert target.read_text(encoding="utf-8") == "second, longer"
    assert sorted(p.name for p in target.parent.iterdir()) == ["digest.md"]


def test_a_missing_folder_is_named_never_made(tmp_path: Path) -> None:
    """`-o /nonexist/dir/out.md` made /nonexist/dir at the root of the file system."""
    target = tmp_path / "nonexist" / "dir" / "digest.md"
    with pytest.raises(ConfigError) as caught:
        write_result("today's digest", target)
    assert str(caught.value) == (
        f"cannot write {target}: folder {tmp_path / 'nonexist' / 'dir'} does not exist (create it first)"
    )
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "file.md").write_text("x")
    with pytest.raises(ConfigError, match=r": .*file\.md is not a folder$"):
        write_result("today's digest", tmp_path / "file.md" / "digest.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.md"]


def test_a_path_ending_in_a_separator_is_the_folder_to_check(tmp_path: Path) -> None:
    """`email --dry-run -o missing/` checked the folder missing/ goes in, then wrote a file missing."""
    missing = f"{tmp_path / 'missing'}{os.sep}"
    assert files.names_folder(missing) and not files.names_folder(tmp_path / "missing")
    with pytest.raises(ConfigError) as caught:
        files.check_folder(missing)
    assert str(caught.value) == (
        f"cannot write {missing}: folder {tmp_path / 'missing'} does not exist (create it first)"
    )
    files.check_folder(tmp_path / "missing")  # a file missing, in tmp_path: fine
    (tmp_path / "file.md").write_text("x")
    with pytest.raises(ConfigError, match=r"file\.md is not a folder$"):
        files.check_folder(f"{tmp_path / 'file.md'}{os.sep}")
    files.check_folder(f"{tmp_path}{os.sep}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.md"]


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


# --- -o writes through to what the user named (issue 25, finding 1) ------------------------------


def test_a_symlink_keeps_pointing_at_its_target_and_the_target_is_written(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("stale", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_result("fresh", link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "fresh"
    dangling = tmp_path / "later.md"
    dangling.symlink_to(tmp_path / "made.md")
    write_result("made through the link", dangling)
    assert dangling.is_symlink()
    assert (tmp_path / "made.md").read_text(encoding="utf-8") == "made through the link"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_result("new", target)
    assert target.stat().st_mode & 0o777 == 0o640


def _node(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (1, 3) or /dev/full (1, 7), made under tmp_path."""
    import stat

    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with path.open("wb"):
            pass
    except (OSError, AttributeError) as exc:  # not root, or a container that forbids devices
        pytest.skip(f"cannot make a device node here ({exc})")
    return path


def _still_a_device(path: Path) -> bool:
    import stat

    return stat.S_ISCHR(os.lstat(path).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="device nodes")
def test_a_device_is_written_to_never_replaced(tmp_path: Path) -> None:
    null = _node(tmp_path, "null", 3)
    write_result("into the void", null)
    assert _still_a_device(null)
    full = _node(tmp_path, "full", 7)
    with pytest.raises(DeliveryError, match="No space left on device"):
        write_result("no room", full)
    assert _still_a_device(full)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null"]  # no temp file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_fifo_is_written_to_when_read_and_refused_without_a_reader(tmp_path: Path) -> None:
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DeliveryError, match="no reader"):
        write_result("nobody listens", fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # the reader's open must come first, or ours finds no reader
        try:
            write_result("heard", fifo)
            break
        except DeliveryError:
            import time

            time.sleep(0.01)
    reader.join(timeout=10)
    assert got == [b"heard"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="device nodes")
@pytest.mark.parametrize("command", ["brief", "email"])
def test_cli_output_to_a_device_leaves_the_device(tmp_path: Path, command: str) -> None:
    null = _node(tmp_path, "null", 3)
    args = [command, str(SEEDS), "--no-translate", "-o", str(null)]
    if command == "email":
        args += ["--dry-run", "--to", "reader@example.org"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _still_a_device(null)
    assert str(null) in result.stderr


@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="/proc (Linux)")
def test_a_link_to_the_processes_own_stdout_is_written_through(tmp_path: Path) -> None:
    import subprocess

    link = tmp_path / "out.md"
    link.symlink_to("/proc/self/fd/1")
    proc = subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()",
         "brief", str(SEEDS), "--no-translate", "-o", str(link)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("## 1. ")  # the brief came out of the pipe it named
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
