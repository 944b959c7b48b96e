"""Run the test suite on the newest releases that pyproject.toml allows, in a fresh venv.

The README's test command installs the pinned versions of requirements/test.lock, so CI
never turns red because something was released elsewhere. This script looks ahead: it
makes a new venv, installs torch 2.13.0 (the CPU build) and then `.[test]` with no lock,
so pip takes the newest version of every dependency within pyproject.toml's ranges, and
runs the whole suite there. With --write-lock, and only if the suite passed, it writes that
venv's versions into requirements/test.lock: the way to refresh the lock.

    python scripts/newest_releases.py                 # report: versions and the suite's result
    python scripts/newest_releases.py --write-lock    # the same, then refresh the lock
    python scripts/newest_releases.py --venv DIR -- -x tests/test_translate_families.py
    python scripts/newest_releases.py --also transformers==5.17.0 -- tests/test_translate_families.py
        (one older release of one package in place of the newest, to try a range's floor)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "test.lock"
WATCH = (
    "torch",
    "transformers",
    "tokenizers",
    "ctranslate2",
    "sentencepiece",
    "typer",
    "click",
    "trafilatura",
)
HEADER = """\
# The test environment, every package pinned (transitive ones included), so the README's test
# command and .ci/run give the same result on any fresh machine months from now. Users'
# installs keep the ranges in pyproject.toml; this file only constrains (pip -c), it adds
# nothing that `.[test]` does not ask for.
#
# Refresh: python scripts/newest_releases.py --write-lock
# (a fresh venv with the newest releases pyproject.toml allows; the suite must pass there
# before the lock is written). torch is installed first, on its own (README), as 2.13.0.
"""


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, text=True, **kw)  # type: ignore[call-overload,no-any-return]


def lock_lines(freeze: str) -> list[str]:
    """`pip freeze` output as lock lines: the project itself and comments out, torch's local
    build label dropped (2.13.0 matches 2.13.0+cpu), sorted case-insensitively."""
    out = []
    for line in freeze.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-e ")) or line.lower().startswith("summarize"):
            continue
        name, _, version = line.partition("==")
        out.append(f"{name}=={version.split('+')[0]}" if name.lower() == "torch" else line)
    return sorted(out, key=str.lower)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--venv", type=Path, help="the venv to make (default: a temporary folder)")
    ap.add_argument(
        "--write-lock", action="store_true", help="write requirements/test.lock if the suite passes"
    )
    ap.add_argument("--also", action="append", default=[], metavar="PKG==VERSION", help="install these after")
    ap.add_argument("pytest_args", nargs="*", help="arguments for pytest (after --)")
    args = ap.parse_args(argv)
    venv = args.venv or Path(tempfile.mkdtemp(prefix="summarize-newest-")) / "venv"
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if run([sys.executable, "-m", "venv", str(venv)]).returncode:
        return 1
    pip = [str(py), "-m", "pip", "install", "-q"]
    steps = [[*pip, "torch==2.13.0"], [*pip, "--upgrade", "-e", ".[test]"]]
    steps += [[*pip, *args.also]] if args.also else []
    if any(run(step).returncode for step in steps):
        print("newest-releases: the install failed", file=sys.stderr)
        return 1
    freeze = run([str(py), "-m", "pip", "freeze"], capture_output=True).stdout
    pins = {line.split("==")[0].lower(): line for line in lock_lines(freeze)}
    print("newest allowed releases:", ", ".join(pins.get(name, f"{name} ?") for name in WATCH))
    result = run([str(py), "-m", "pytest", "-q", *args.pytest_args])
    print(f"newest-releases: the suite exited {result.returncode} (venv {venv})")
    if result.returncode == 0 and args.write_lock and not args.also:
        LOCK.parent.mkdir(exist_ok=True)
        LOCK.write_text(HEADER + "\n".join(lock_lines(freeze)) + "\n", encoding="utf-8")
        print(f"wrote {LOCK.relative_to(ROOT)} ({len(pins)} packages)")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
