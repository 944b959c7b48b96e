"""Writing result files: through to what the user named, atomically where that is a file.

A regular file is replaced atomically, with the permissions a plain write would give: a
reader (a web server, another cron job) sees either the old file or the whole new one,
never half of it, and a failed write leaves no temp file behind. A symlink is followed, so
its target is replaced and the link stays. Anything else (a device such as /dev/null, a
named pipe, a terminal) is written to as it is, never replaced by a file: renaming over
/dev/null as root would leave a regular file where every program expects the device.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from ..errors import ConfigError, DeliveryError

__all__ = ["check_folder", "names_folder", "write_atomic", "write_result"]


def _umask() -> int:
    # There is no portable way to read the umask without setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` so that readers see either nothing or all of it.

    A new file gets 0666 minus the umask, as `open()` would give it (mkstemp's 0600 would
    make a digest copied into a web root unreadable), or 0600 when `private`; a file
    replaced keeps its permissions, as it would under `>`. A symlink's target is written,
    not the link. A path that is not a regular file (a device, a FIFO) is written to
    directly (see `_write_through`); OSError on failure.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None  # new, or a link to a file that does not exist yet: create the target
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(path, data, mode)
        return
    target = Path(os.path.realpath(path))  # the file a symlink names, not the link
    keep = None if mode is None or private else stat.S_IMODE(mode)
    _replace(target, data, 0o600 if private else keep if keep is not None else 0o666 & ~_umask())


def _replace(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode != 0o600:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, data: bytes, mode: int) -> None:
    """Write to a device or named pipe as a shell's `>` would, never replacing it.

    A FIFO is opened without waiting: with no reader, opening it would block the run
    forever, so that is an error naming the pipe (ENXIO) instead.
    """
    flags = os.O_WRONLY | getattr(os, "O_BINARY", 0)
    fifo = stat.S_ISFIFO(mode)
    if fifo:
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "a named pipe (FIFO) with no reader", str(path)) from None
        raise
    try:
        if fifo and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a reader is there: wait for it like any writer
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def names_folder(path: str | os.PathLike[str]) -> bool:
    """Whether `path` ends in a separator (`out/`): a folder, as a shell and `open()` read it.

    `Path("out/")` drops the separator, so only the text as the user typed it can tell.
    """
    return os.fspath(path).endswith(tuple(sep for sep in (os.sep, os.altsep) if sep))


def check_folder(path: str | Path) -> None:
    """ConfigError unless the folder that `path` (or the file a link names) goes in exists;
    a path that ends in a separator (`names_folder`) is that folder itself.

    A missing folder is named, never made: a typo in `-o /srv/dgest/today.md` must not
    quietly build a tree of folders (as root, anywhere), as `>` in a shell would not.
    """
    folder = Path(os.path.realpath(path))
    if not names_folder(path):
        folder = folder.parent
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"cannot write {path}: {folder} is not a folder")
    if not folder.is_dir():
        raise ConfigError(f"cannot write {path}: folder {folder} does not exist (create it first)")


def write_result(text: str, path: Path) -> None:
    """Write a rendered result (UTF-8) to `path`, in a folder that exists (`check_folder`);
    DeliveryError on failure."""
    check_folder(path)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise DeliveryError(f"cannot write {path}: {exc.strerror or exc}") from None
