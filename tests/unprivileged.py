"""Running the CLI as a user that file permissions apply to.

Permission tests need a user the kernel holds to them. As a normal user, a folder made
read-only with chmod is enough. As root (CI containers, these machines), permissions are
ignored, so the child process drops to the unprivileged "nobody" (uid 65534) once its
imports are done: the interpreter itself may live where nobody cannot read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

_RUNNER = """
import os, smtplib, sqlite3, ssl, tomllib
import filelock, secrets  # the run lock (imported late by the code) and what it imports
import importlib.metadata  # read late too: the version, the translation backends' versions
import platformdirs
from summarize.cli import main
import summarize.cli.mail, summarize.cli.models, summarize.deliver.mail, summarize.translate.cache
import summarize.translate, summarize.renderers, summarize.renderers.htmlpage
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.setgid(NOBODY)
    os.setuid(NOBODY)
main()
""".replace("NOBODY", str(NOBODY))


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def give_away(*paths: Path) -> None:
    """Make `paths` belong to the user the CLI will run as (a no-op unless root)."""
    if is_root():
        for p in paths:
            os.chown(p, NOBODY, NOBODY)


def run_cli(args: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`summarize ARGS` in a child process, as an unprivileged user when we are root."""
    return subprocess.run(
        [sys.executable, "-c", _RUNNER, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user can traverse (pytest's own tmp folders are private)."""
    path = Path(tempfile.mkdtemp(prefix="summarize-test-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for p in (path, *path.rglob("*")):
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o755)
        shutil.rmtree(path)
