"""Bad input never stops the others: each case gets a one-line reason or a warning."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarize import ConfigError, article_from_text, load_articles
from summarize.segment import MAX_WORDS

GOOD = (
    "Banjir Rendam Ratusan Rumah di Bekasi Sejak Senin Pagi\n\n"
    "Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi sejak Senin pagi. "
    "Ketinggian air mencapai 1,5 meter di beberapa titik. "
    "Badan Penanggulangan Bencana Daerah mengerahkan 12 perahu karet untuk evakuasi.\n\n"
    "Baca Juga: Cuaca Ekstrem Diprediksi Berlanjut\n\n"
    "Menurut petugas, 1.200 warga telah mengungsi ke masjid dan sekolah terdekat.\n"
)


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_good_article(tmp_path: Path) -> None:
    loaded = load_articles([_write(tmp_path / "a.txt", GOOD)])
    (article,) = loaded.articles
    assert article.title == "Banjir Rendam Ratusan Rumah di Bekasi Sejak Senin Pagi"
    assert article.language == "id"
    assert article.sentences[0].text.startswith("Banjir merendam ratusan rumah")
    assert all("Baca Juga" not in s.text for s in article.sentences)
    assert not loaded.skipped


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n   \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (
            "furniture.txt",
            "Baca Juga: Sesuatu Terjadi\n\nTopik:\n\nBerita Terkini\n\n© 2025 Kompas.com. All rights reserved",
            "no article text left after cleaning",
        ),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes | str, reason: str
) -> None:
    loaded = load_articles([_write(tmp_path / name, data), _write(tmp_path / "good.txt", GOOD)])
    assert len(loaded.articles) == 1  # the good file is still read
    (skipped,) = loaded.skipped
    assert skipped.source.endswith(name)
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_missing_path(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path / "nope.txt", _write(tmp_path / "good.txt", GOOD)])
    assert [s.reason for s in loaded.skipped] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    assert len(loaded.articles) == 1


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace("Senin pagi.", "Senin pagi – kata “warga” café.")
    loaded = load_articles([_write(tmp_path / "win.txt", text.encode("cp1252"))])
    (article,) = loaded.articles
    assert "“warga” café" in article.sentences[0].text
    assert any("cp1252" in w for w in loaded.warnings)


def test_bom_and_crlf_offsets_still_slice(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    (article,) = load_articles([_write(tmp_path / "bom.txt", data)]).articles
    assert not article.text.startswith("\ufeff")
    assert article.title.startswith("Banjir Rendam")
    for s in article.sentences:
        assert " ".join(article.text[s.start : s.end].split()) == s.text
        assert "\r" not in s.text


def test_sentence_of_3000_words_without_punctuation(tmp_path: Path) -> None:
    words = " ".join(["warga", "mengungsi", "karena", "banjir", "besar"] * 600)
    (article,) = load_articles([_write(tmp_path / "long.txt", words)]).articles
    assert all(len(s.text.split()) <= MAX_WORDS for s in article.sentences)
    assert sum(len(s.text.split()) for s in article.sentences) == 3000


def test_english_article_is_recognised(tmp_path: Path) -> None:
    english = (
        "North Korea Sends Containers of Munitions to Russia, White House Says\n\n"
        "The White House said on Friday that North Korea has delivered more than 1,000 containers of "
        "military equipment and munitions to Russia. It is the first time that the shipments have been "
        "confirmed by the United States, which has warned about the deal for months.\n"
    )
    (article,) = load_articles([_write(tmp_path / "en.txt", english)]).articles
    assert article.language == "en"


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b" / "2.md", GOOD)
    _write(tmp_path / "1.txt", GOOD)
    _write(tmp_path / "ignored.pdf", b"%PDF-1.4")
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["1.txt", "2.md"]
    assert [a.id for a in loaded.articles] == ["1", "2"]


def test_empty_folder_is_skipped(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path])
    assert not loaded.articles
    assert "holds no .txt" in loaded.skipped[0].reason


def test_article_past_the_sentence_cap_keeps_its_first_sentences_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarize.ingest.article as ingest_article

    monkeypatch.setattr(ingest_article, "MAX_SENTENCES", 50)
    text = " ".join(f"Pemerintah membangun jembatan nomor {i} di desa {i % 97}." for i in range(120))
    path = _write(tmp_path / "p.txt", text)
    loaded = load_articles([path, _write(tmp_path / "q.txt", GOOD)])
    article = loaded.articles[0]
    assert len(article.sentences) == 50
    assert article.sentences[-1].text == "Pemerintah membangun jembatan nomor 49 di desa 49."
    (warning,) = loaded.warnings
    assert str(path) in warning and "only the first 50" in warning
    assert len(loaded.articles) == 2 and not loaded.skipped


# ------------------------------------------------- special files, deep and broken trees


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_named_as_a_source_is_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    loaded = load_articles([fifo, _write(tmp_path / "good.txt", GOOD)])
    assert len(loaded.articles) == 1
    (skipped,) = loaded.skipped
    assert skipped.source == str(fifo)
    assert "named pipe (FIFO), not a regular file" in skipped.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_inside_a_folder_is_named_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _write(tmp_path / "good.txt", GOOD)
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
    _write(root / "top.txt", GOOD)
    here = os.getcwd()
    try:
        try:
            os.chdir(root)
            for _ in range(1900):
                os.mkdir("d")
                os.chdir("d")
            _write(Path("bottom.txt"), GOOD)
        finally:
            os.chdir(here)
        _write(root / "d" / "d" / "two.txt", GOOD)
        loaded = load_articles([root, _write(tmp_path / "other.txt", GOOD)])
    finally:
        _remove_deep(root)
    assert [Path(a.source).name for a in loaded.articles] == ["two.txt", "top.txt", "other.txt"]
    (skipped,) = loaded.skipped
    assert skipped.source == str(root.joinpath(*["d"] * (MAX_DEPTH + 1)))
    assert f"more than {MAX_DEPTH} folders deep; not read" in skipped.reason


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_unreadable_subfolder_is_named_as_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    _write(locked / "b.txt", GOOD)
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

    _write(tmp_path / "a.txt", GOOD)
    (tmp_path / "locked").mkdir()
    _write(tmp_path / "locked" / "b.txt", GOOD)
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
    _write(tmp_path / "a.txt", GOOD)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "b.txt", GOOD)
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
        _write(tmp_path / f"{i:03d}.txt", "x")
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
    good = _write(tmp_path / "good.txt", GOOD)
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


def test_a_lone_path_is_refused_not_walked_letter_by_letter(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", GOOD)
    for lone in (str(path), path, str(path).encode()):
        with pytest.raises(ConfigError, match=r"takes a list of sources, not one .*: pass \["):
            load_articles(lone)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="source 1 is a int, not a path"):
        load_articles([path, 5])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="limit must be at least 1"):
        load_articles([path], limit=0)
    assert len(load_articles([path]).articles) == 1


def test_article_from_text_checks_its_arguments() -> None:
    with pytest.raises(ConfigError, match="not bytes; decode it first"):
        article_from_text(GOOD.encode())  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="id must be a str, not int"):
        article_from_text(GOOD, id=1)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="id must not be empty"):
        article_from_text(GOOD, id=" ")
    assert article_from_text(GOOD, id="a").id == "a"


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "a.txt", GOOD)
    monkeypatch.chdir(tmp_path)
    loaded = load_articles([path, "a.txt", tmp_path, f".{os.sep}a.txt"])
    assert [a.source for a in loaded.articles] == [str(path)]
    assert len([w for w in loaded.warnings if "the same file as" in w]) == 3


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
