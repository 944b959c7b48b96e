"""Settings are resolved at the edge: a library call gives the same result whatever the
environment and the config file hold, while the CLI honours both (option, `SUMMARIZE_*`,
config file, default). Each side runs in a fresh process, as a user's would."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .test_cli_commands import ROOT, run

PAGE = (Path(__file__).parent / "webfixtures" / "korut-senjata.html").read_bytes()
SEED = str(ROOT / "seeds" / "000_67ac5ad99854fffb.txt")


class _Agents(ThreadingHTTPServer):
    agents: list[str]


class _Page(BaseHTTPRequestHandler):
    server: _Agents

    def do_GET(self) -> None:
        self.server.agents.append(self.headers.get("User-Agent", ""))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page() -> Iterator[_Agents]:
    server = _Agents(("127.0.0.1", 0), _Page)
    server.agents = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _library(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )


def _settings(tmp_path: Path, where: str, values: dict[str, str]) -> dict[str, str]:
    """`values` (setting -> text) as SUMMARIZE_* variables, or in a config file."""
    if where == "env":
        return {f"SUMMARIZE_{name.upper()}": value for name, value in values.items()}
    config = tmp_path / "config.toml"
    config.write_text("".join(f'{name} = "{value}"\n' for name, value in values.items()), encoding="utf-8")
    return {"SUMMARIZE_CONFIG": str(config)}


@pytest.mark.parametrize("where", ["env", "config file"])
def test_fetching_from_python_ignores_the_contact_setting_the_cli_sends(
    page: _Agents, tmp_path: Path, where: str
) -> None:
    url = f"http://127.0.0.1:{page.server_address[1]}/berita"
    env = _settings(tmp_path, where, {"contact": "desk@example.org", "timeout": "0"})
    done = _library(f"import summarize; print(len(summarize.load_articles([{url!r}]).articles))", env)
    assert done.returncode == 0 and done.stdout.strip() == "1", done.stderr  # timeout 0 unread too
    assert "desk@example.org" not in page.agents[-1]

    cli = run("brief", url, "--no-translate", "-f", "json", env=env)
    assert cli.returncode == 2 and "timeout must be a number of seconds" in cli.stderr, cli.stderr
    env = _settings(tmp_path, where, {"contact": "desk@example.org"})
    cli = run("brief", url, "--no-translate", "-f", "json", env=env)
    assert cli.returncode == 0, cli.stderr
    assert page.agents[-1].endswith("desk@example.org)")


@pytest.mark.parametrize("where", ["env", "config file"])
def test_emailing_from_python_ignores_the_smtp_settings_the_cli_uses(tmp_path: Path, where: str) -> None:
    env = _settings(tmp_path, where, {"smtp_from": "desk@example.org", "smtp_security": "bogus"})
    code = (
        "import sys, functools, pathlib, summarize\n"
        "from summarize.deliver import send_digest_email\n"
        f"loaded = summarize.load_articles([{SEED!r}])\n"
        "report = send_digest_email(loaded, to=['r@example.org'], dry_run=True,\n"
        f"    state=pathlib.Path({str(tmp_path / 'state')!r}),\n"
        "    build=functools.partial(summarize.digest, with_briefs=True))\n"
        "sys.stdout.buffer.write(report.message)\n"
    )
    done = _library(code, env)
    assert done.returncode == 0, done.stderr
    assert message_from_bytes(done.stdout.encode(), policy=policy.default)["From"] == "summarize@localhost"

    args = ("email", SEED, "--no-translate", "--dry-run", "--to", "r@example.org")
    cli = run(*args, env=env)
    assert cli.returncode == 2 and "smtp_security must be one of" in cli.stderr, cli.stderr
    cli = run(*args, env=_settings(tmp_path, where, {"smtp_from": "desk@example.org"}))
    assert cli.returncode == 0, cli.stderr
    assert message_from_bytes(cli.stdout.encode(), policy=policy.default)["From"] == "desk@example.org"
