"""Writing result files: atomically, with the permissions a plain write would give.

A reader (a web server, another cron job) sees either the old file or the whole new one,
never half of it; a failed write leaves no temp file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import DeliveryError

__all__ = ["write_atomic", "write_result"]


def _umask() -> int:
    # There is no portable way to read the umask without setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` so that readers see either nothing or all of it.

    The file gets 0666 minus the umask, as `open()` would give it (mkstemp's 0600 would
    make a digest copied into a web root unreadable), or 0600 when `private`.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_result(text: str, path: Path) -> None:
    """Write a rendered result (UTF-8) to `path`, creating its folder; DeliveryError on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise DeliveryError(f"cannot write {path}: {exc.strerror or exc}") from None
