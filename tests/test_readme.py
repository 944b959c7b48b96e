"""The README's commands stay true: CI runs the README's test command verbatim."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _command_after(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(re.escape(heading) + r"\s*```bash\n(.+?)\n```", readme, re.S)
    assert m, heading
    return m.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    command = _command_after("Install and run the tests:")
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci_lines


def test_setup_commands_install_torch_first() -> None:
    for heading in (
        "Install and run the main job, a digest of the five sample articles in `seeds/`:",
        "Install and run the tests:",
    ):
        command = _command_after(heading)
        assert command.index("torch==2.13.0") < command.index(
            "pip install -q -e" if "-q -e" in command else "pip install -e"
        )
    assert _command_after(
        "Install and run the main job, a digest of the five sample articles in `seeds/`:"
    ).endswith("summarize digest seeds/")


def _quick_start_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"## CLI quick start\s*```bash\n(.+?)\n```", readme, re.S)
    assert m
    return [line.split("  #")[0].strip() for line in m.group(1).splitlines() if line.strip()]


def test_readme_examples_that_need_no_model_run_as_written() -> None:
    # The translating examples need the real model (a download); every other one runs here.
    offline = [
        line
        for line in _quick_start_lines()
        if "--no-translate" in line or re.match(r"(summarize (clean|cite|config|--help))", line)
    ]
    assert len(offline) >= 6, offline
    cli = f'"{sys.executable}" -c "from summarize.cli import main; main()"'
    for line in offline:
        command = re.sub(r"(^|\| )summarize ", lambda m: f"{m.group(1)}{cli} ", line)
        proc = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, (line, proc.stderr)
        assert proc.stdout.strip(), line
