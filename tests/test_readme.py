"""The README's commands stay true: CI runs the README's test command verbatim."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

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
        assert command.index("torch==2.13.0") < command.index("-e '.[")
    assert _command_after(
        "Install and run the main job, a digest of the five sample articles in `seeds/`:"
    ).endswith("summarize digest seeds/")


def test_the_test_command_installs_from_the_lock() -> None:
    command = _command_after("Install and run the tests:")
    assert "-c requirements/test.lock" in command


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "test.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, line  # every line an exact pin
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_the_lock_pins_every_package_the_tests_run_with() -> None:
    """Transitive packages included: whatever this environment holds beyond the lock was
    not locked (a fresh machine could resolve it differently)."""
    from importlib.metadata import distributions

    pins = _lock()
    assert {"torch", "transformers", "tokenizers", "ctranslate2", "typer", "pytest"} <= set(pins)
    if os.environ.get("CI") != "true":
        pytest.skip("checked in CI, where the environment was installed from the lock")
    installed = {re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version for d in distributions()}
    for name, version in installed.items():
        if name in ("summarize", "pip", "setuptools", "wheel"):
            continue
        assert name in pins, f"{name} {version} is installed but not in requirements/test.lock"
        assert version.split("+")[0] == pins[name], (name, version, pins[name])
