"""Every example in the README runs as written: the CLI lines of every bash block, the Python
quick start, the TOML and JSON blocks.

Examples that translate run on the tiny random model (SUMMARIZE_MODEL points at it), so they
exercise the real commands without the real weights; URLs of example.org are served by a
server on 127.0.0.1 holding the test pages, and `email` sends to an SMTP server on
127.0.0.1. The few lines that cannot run here are listed in NOT_RUN with the reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = ROOT / "tests" / "webfixtures"
CLI = f'"{sys.executable}" -c "from summarize.cli import main; main()"'

# A line's start -> why it does not run in the tests (each still documented as written).
NOT_RUN = {
    "python3 -m venv": "the set-up commands: CI runs the test command verbatim (.ci/run)",
    "pip install": "an install",
    "summarize model download": "downloads from the model hub (no network in tests)",
    "summarize model convert Helsinki-NLP/": "converts a hub model (no network in tests)",
    "summarize digest seeds/ --model nllb-600m": "needs the NLLB weights from the hub",
    "systemctl ": "systemd, not summarize",
    "loginctl ": "systemd, not summarize",
    "journalctl ": "systemd, not summarize",
}


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)\n```", README, re.S)


def bash_lines() -> list[str]:
    lines = []
    for block in blocks("bash"):
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()  # a trailing comment
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def test_every_bash_line_either_runs_or_says_why_not() -> None:
    lines = bash_lines()
    assert len(lines) > 20
    for line in lines:
        assert line.startswith(("summarize ", "cat ")) or any(line.startswith(p) for p in NOT_RUN), line


class _Pages(BaseHTTPRequestHandler):
    """example.org's stand-in: the feed and article pages of tests/webfixtures."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"  # type: ignore[str-bytes-safe]
        path = self.path.split("?")[0]
        if path in ("/rss.xml", "/feed.xml"):
            body, ctype = (
                (PAGES / "feed.xml").read_bytes().replace(b"{base}", base.encode()),
                "application/rss+xml",
            )
        elif path == "/berita/artikel-123":
            body, ctype = (PAGES / "korut-senjata.html").read_bytes(), "text/html; charset=utf-8"
        elif path.startswith("/berita/") and (PAGES / f"{path.rsplit('/', 1)[1]}.html").is_file():
            body, ctype = (PAGES / f"{path.rsplit('/', 1)[1]}.html").read_bytes(), "text/html; charset=utf-8"
        else:
            body, ctype = b"not found", "text/plain"
            self.send_response(404)
        if ctype != "text/plain":
            self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[int, list[bytes]]]:
    from aiosmtpd.controller import Controller

    received: list[bytes] = []

    class Inbox:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope.original_content)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


@pytest.fixture
def workdir(tmp_path: Path, tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding `seeds/` as the README's commands expect, with the tiny model as the
    translation model."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("SUMMARIZE_MODEL", str(tiny_model))
    monkeypatch.setenv("SUMMARIZE_THREADS", "1")
    return tmp_path


def _run(line: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = re.sub(r"(^|\| )summarize ", lambda m: f"{m.group(1)}{CLI} ", line)
    return subprocess.run(
        command, shell=True, cwd=cwd, capture_output=True, text=True, timeout=300, env=env or dict(os.environ)
    )


def test_every_cli_example_runs_as_written(workdir: Path, site: str, smtp: tuple[int, list[bytes]]) -> None:
    port, received = smtp
    env = dict(
        os.environ,
        SUMMARIZE_SMTP_HOST="127.0.0.1",
        SUMMARIZE_SMTP_PORT=str(port),
        SUMMARIZE_SMTP_SECURITY="none",
        SUMMARIZE_SMTP_FROM="digest@example.org",
    )
    ran = 0
    for line in bash_lines():
        if any(line.startswith(p) for p in NOT_RUN):
            continue
        line = line.replace("https://example.org", site)
        run = _run(line, workdir, env)
        ran += 1
        assert run.returncode == 0, (line, run.stderr[-2000:])
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr, line
        wrote = re.search(r"(?:-o|--output) (\S+)", line)
        if wrote:
            assert (workdir / wrote.group(1)).stat().st_size > 0, line
        elif " email " not in f" {line} " and "cache clear" not in line:
            assert run.stdout.strip(), line
    assert ran >= 15
    assert received, "the email example delivered nothing"


def test_the_python_quick_start_runs_as_written(workdir: Path) -> None:
    code = blocks("python")
    assert len(code) >= 2
    for block in code:
        run = subprocess.run(
            [sys.executable, "-c", block], cwd=workdir, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, (block, run.stderr[-2000:])
        assert run.stdout.strip(), block


def test_toml_examples_hold_only_settings_the_tool_knows() -> None:
    from summarize.config import SETTINGS

    found = blocks("toml")
    assert found
    for block in found:
        for key in tomllib.loads(block):
            assert key in SETTINGS, key


def test_json_examples_parse() -> None:
    found = blocks("json")
    assert found
    for block in found:
        json.loads(block)
