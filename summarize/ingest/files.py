"""Files, folders and stdin: local sources read into Documents.

`read_document` reads one file or `-` (stdin) into a `Document`: at most `MAX_BYTES`, and
only a regular file (a FIFO or a device is refused by name before it is opened, since
reading it may never end); an HTML file goes to `extract`, anything else to `decode`.
`expand` turns a folder into its article files (`TEXT_SUFFIXES` and HTML, recursively,
sorted) and names each folder it had to leave out; `is_url` tells the URLs, which the web
loader reads, from the paths read here.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..values import Document, Skipped
from .decoding import decode

__all__ = ["MAX_BYTES", "MAX_DEPTH", "TEXT_SUFFIXES", "expand", "is_url", "read_document", "reads"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES  # what a folder read takes (`_walk`, `reads`)
MAX_BYTES = 10 * 1024 * 1024  # a news article is a few KB; 10 MB is a mistake, not an article
# Folders read below a folder source. News archives are a few levels deep; a tree thousands
# deep is a mistake or an attack, and is named as skipped below this depth.
MAX_DEPTH = 32


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    """Any `scheme://` source goes to the web loader, which fetches http(s) and refuses the rest."""
    return bool(_SCHEME.match(source))


def _read_limited(fh: BinaryIO, source: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB; not read")
    return data


def read_document(source: str) -> Document:
    """Read one local file or `-` (stdin) into a Document."""
    if source == "-":
        if sys.stdin is None:  # started with stdin closed (`<&-`), as some schedulers do
            raise InputError("-: there is no standard input to read (it is closed); pass a file instead")
        try:
            data = _read_limited(sys.stdin.buffer, "<stdin>")
        except OSError as exc:
            raise InputError(f"-: cannot read standard input ({exc.strerror or exc})") from None
        text, warnings = decode(data, "<stdin>")
        return Document(source="-", text=text, warnings=warnings)
    path = Path(source)
    _check_regular(source)
    try:
        with path.open("rb") as fh:
            data = _read_limited(fh, source)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        from .extract import html_to_document

        return html_to_document(data, source=source)
    text, warnings = decode(data, source)
    return Document(source=source, text=text, warnings=warnings)


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_regular(source: str) -> None:
    """Refuse, before opening, what is not a regular file: opening a FIFO waits for a writer
    forever and reading a device may never end (`-` is how to read a stream)."""
    try:
        mode = os.stat(source).st_mode
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL byte in the name: no file can have it
        raise InputError(f"{source!r}: not a valid file name") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{source}: is a directory")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
        raise InputError(f"{source}: {kind}, not a regular file; not read (pipe it to `-` to read a stream)")


def reads(source: str, path: Path) -> bool:
    """Whether reading `source` reads the file `path`, now or once it exists: `source` is that
    file (by another name, or a link, too), or a folder `expand` would find it in (an article
    suffix, nothing hidden on the way, within MAX_DEPTH)."""
    if source == "-" or is_url(source):
        return False
    try:
        if os.path.samefile(source, path):
            return True
    except (OSError, ValueError):
        pass  # one of them does not exist (yet): compare where they lead
    root, target = Path(os.path.realpath(source)), Path(os.path.realpath(path))
    if not root.is_dir():
        return root == target
    try:
        inside = target.relative_to(root).parts
    except ValueError:
        return False
    return (
        0 < len(inside) <= MAX_DEPTH + 1
        and not any(part.startswith(".") for part in inside)
        and target.suffix.lower() in ARTICLE_SUFFIXES
    )


def expand(source: str) -> Iterator[str | Skipped]:
    """A folder becomes its article files (recursively, sorted) and the folders it could not
    read; anything else is itself."""
    if source == "-" or is_url(source) or not os.path.isdir(source):
        yield source
        return
    files, skipped = _walk(source)
    if not files and not skipped:
        raise InputError(f"{source}: folder holds no .txt, .md or .html files")
    yield from skipped
    yield from files


def _walk(root: str) -> tuple[list[str], list[Skipped]]:
    """Article files under `root`, sorted, and every folder or file it had to leave out.

    An explicit stack rather than recursion (a tree thousands of folders deep must not raise
    RecursionError), at most MAX_DEPTH folders deep; a folder reached twice (a symlink loop, or
    two links to one folder) is read once. Names come from `os.scandir`, whose entries already
    know their type, so a folder of 10,000 files costs no stat per file.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: dict[tuple[int, int], str] = {}
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen and st.st_ino:  # st_ino is 0 where a file system has none
                if depth:  # the root itself cannot repeat
                    skipped.append(Skipped(folder, f"{folder}: the same folder as {seen[key]}; read once"))
                continue
            seen[key] = folder
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            skipped.append(Skipped(folder, f"{folder}: cannot read folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir and entry.name.startswith("."):
                continue  # hidden folders (.git, .venv, .cache) hold no articles, and may hold secrets
            if is_dir:
                if depth + 1 > MAX_DEPTH:
                    skipped.append(
                        Skipped(entry.path, f"{entry.path}: more than {MAX_DEPTH} folders deep; not read")
                    )
                else:
                    stack.append((entry.path, depth + 1))
            elif entry.name.startswith("."):
                continue  # hidden files (editor backups, ._ resource forks) are not articles
            elif Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
                # Special files (a FIFO named x.txt) are kept here: reading refuses them by name.
                files.append(Path(entry.path))
    files.sort()
    skipped.sort(key=lambda s: Path(s.source))
    return [str(p) for p in files], skipped
