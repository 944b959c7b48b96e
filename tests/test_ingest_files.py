"""Files, folders and stdin (`ingest.files`): special files refused by name before they are
opened, deep, unreadable and looping trees read to what can be read with the rest named,
hidden folders left out; each skip a one-line reason."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarize import load_articles
from tests.test_ingest import GOOD, write


def test_missing_path(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path / "nope.txt", write(tmp_path / "good.txt", GOOD)])
    assert [s.reason for s in loaded.skipped] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    assert len(loaded.articles) == 1


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write(tmp_path / "b" / "2.md", GOOD)
    write(tmp_path / "1.txt", GOOD)
    write(tmp_path / "ignored.pdf", b"%PDF-1.4")
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["1.txt", "2.md"]
    assert [a.id for a in loaded.articles] == ["1", "2"]


def test_empty_folder_is_skipped(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path])
    assert not loaded.articles
    assert "holds no .txt" in loaded.skipped[0].reason


# ------------------------------------------------- special files, deep and broken trees


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_named_as_a_source_is_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    loaded = load_articles([fifo, write(tmp_path / "good.txt", GOOD)])
    assert len(loaded.articles) == 1
    (skipped,) = loaded.skipped
    assert skipped.source == str(fifo)
    assert "named pipe (FIFO), not a regular file" in skipped.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_inside_a_folder_is_named_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "good.txt", GOOD)
    loaded = load_articles([tmp_path])
    assert len(loaded.articles) == 1
    assert [(Path(s.source).name, "FIFO" in s.reason) for s in loaded.skipped] == [("pipe.txt", True)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_is_refused() -> None:
    loaded = load_articles(["/dev/zero"])
    assert "character device, not a regular file" in loaded.skipped[0].reason


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets on this platform")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(path))
        except OSError as exc:  # e.g. a path too long for sun_path
            pytest.skip(f"cannot bind a Unix socket here: {exc}")
        loaded = load_articles([path])
    assert "socket, not a regular file" in loaded.skipped[0].reason


def test_stdin_dash_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    (article,) = load_articles(["-"]).articles
    assert article.source == "-"


def _remove_deep(top: Path) -> None:
    """Remove a chain of folders named d under `top`, bottom up. shutil.rmtree recurses,
    so a chain left behind would break pytest's own clean-up of old temporary folders."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            for name in os.listdir("."):
                os.remove(name)
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


@pytest.mark.skipif(
    sys.platform == "win32", reason="Windows limits the current folder's path to 260 characters"
)
def test_tree_thousands_deep_is_read_to_the_limit_and_names_the_rest(tmp_path: Path) -> None:
    # 1,900 levels used to raise RecursionError for every source. Built with relative
    # mkdir calls (os.chdir into each level) so no path exceeds the OS limit while building.
    from summarize.ingest.files import MAX_DEPTH

    root = tmp_path / "deep"
    root.mkdir()
    write(root / "top.txt", GOOD)
    here = os.getcwd()
    try:
        try:
            os.chdir(root)
            for _ in range(1900):
                os.mkdir("d")
                os.chdir("d")
            write(Path("bottom.txt"), GOOD)
        finally:
            os.chdir(here)
        write(root / "d" / "d" / "two.txt", GOOD)
        loaded = load_articles([root, write(tmp_path / "other.txt", GOOD)])
    finally:
        _remove_deep(root)
    assert [Path(a.source).name for a in loaded.articles] == ["two.txt", "top.txt", "other.txt"]
    (skipped,) = loaded.skipped
    assert skipped.source == str(root.joinpath(*["d"] * (MAX_DEPTH + 1)))
    assert f"more than {MAX_DEPTH} folders deep; not read" in skipped.reason


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_unreadable_subfolder_is_named_as_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked / "b.txt", GOOD)
    locked.chmod(0)
    try:
        loaded = load_articles([tmp_path])
    finally:
        locked.chmod(0o755)
    assert [Path(a.source).name for a in loaded.articles] == ["a.txt"]
    (skipped,) = loaded.skipped
    assert skipped.source == str(locked) and "cannot read folder (Permission denied)" in skipped.reason


def test_unreadable_subfolder_is_named_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path when running as root (which can read any folder): scandir is made to fail.
    import summarize.ingest.files as ingest_files

    write(tmp_path / "a.txt", GOOD)
    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked" / "b.txt", GOOD)
    real = os.scandir

    def scandir(path: str) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(ingest_files.os, "scandir", scandir)
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["a.txt"]
    assert [s.reason for s in loaded.skipped] == [
        f"{tmp_path / 'locked'}: cannot read folder (Permission denied)"
    ]


def test_symlink_loop_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", GOOD)
    try:
        (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    except OSError as exc:  # Windows without the symlink privilege
        pytest.skip(f"cannot make a symlink here: {exc}")
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["a.txt", "b.txt"]
    (skipped,) = loaded.skipped
    assert skipped.source == str(tmp_path / "sub" / "back") and "the same folder as" in skipped.reason


def test_folder_walk_stats_no_article_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counted, not timed: the walk takes each file's type from its directory entry; only
    # folders are stat'ed (for loop detection), so a large folder costs no stat per file.
    import summarize.ingest.files as ingest_files

    for i in range(200):
        write(tmp_path / f"{i:03d}.txt", "x")
    (tmp_path / "sub").mkdir()
    calls: list[str] = []
    real = os.stat

    def counting(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        calls.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest_files.os, "stat", counting)
    files, skipped = ingest_files._walk(str(tmp_path))
    assert len(files) == 200 and not skipped
    assert sorted(calls) == sorted([str(tmp_path), str(tmp_path / "sub")])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_cli_names_a_fifo_and_exits_3(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    good = write(tmp_path / "good.txt", GOOD)
    root = Path(__file__).resolve().parents[1]
    code = "from summarize.cli import main; main()"
    # A hang guard, not a benchmark: before, reading the FIFO never returned.
    proc = subprocess.run(
        [sys.executable, "-c", code, "brief", "--no-translate", str(tmp_path / "pipe.txt"), str(good)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 3, proc.stderr
    assert "pipe.txt: a named pipe (FIFO), not a regular file; not read" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_closed_stdin_and_impossible_names_are_skipped_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a process started with `<&-`
    loaded = load_articles(["-", "a\x00b.txt"])
    assert [s.reason for s in loaded.skipped] == [
        "-: there is no standard input to read (it is closed); pass a file instead",
        "'a\\x00b.txt': not a valid file name",
    ]


def test_hidden_folders_inside_a_folder_are_not_read(tmp_path: Path, seeds: Path) -> None:
    (tmp_path / "berita.txt").write_text((seeds / "000_67ac5ad99854fffb.txt").read_text("utf-8"), "utf-8")
    for hidden in (".venv/lib/site-packages", ".git", "arsip/.cache"):
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "secret-notes.txt").write_text(
            "Catatan rahasia tentang kata sandi server kantor pusat di Jakarta.\n", "utf-8"
        )
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["berita.txt"]
    assert loaded.skipped == ()


def test_reads_names_exactly_the_files_a_folder_read_takes(tmp_path: Path) -> None:
    """`-o` is refused where it would overwrite an input: `reads` must agree with `expand`."""
    from summarize.ingest.files import expand, reads

    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["1.txt", "b/2.md", "b/3.HTML", "b/.draft.txt", ".git/4.txt", "x.pdf", "out.json"]:
        write(tmp_path / name, GOOD)
    taken = {Path(p) for p in expand(str(tmp_path)) if isinstance(p, str)}
    assert {p.relative_to(tmp_path).as_posix() for p in taken} == {"1.txt", "b/2.md", "b/3.HTML"}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert reads(str(tmp_path), path) == (path in taken), path
    assert reads(str(tmp_path), tmp_path / "b" / "new.md")  # the next run would read it
    assert not reads(str(tmp_path), tmp_path / "new.json")
    assert not reads(str(tmp_path / "b"), tmp_path / "1.txt")  # beside the folder, not in it
    # A file source: itself, by any name that leads to it, and nothing else.
    one = tmp_path / "1.txt"
    (tmp_path / "link.txt").symlink_to(one)
    os.link(one, tmp_path / "hard.txt")
    assert reads(str(one), one) and reads("-", one) is False
    assert reads(str(one), tmp_path / "b" / ".." / "1.txt")
    assert reads(str(tmp_path / "link.txt"), one) and reads(str(one), tmp_path / "hard.txt")
    assert not reads(str(one), tmp_path / "b" / "2.md") and not reads("http://127.0.0.1/1.txt", one)
