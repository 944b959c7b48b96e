"""What a newcomer reads: --help text, suggestions and footers as a user sees them, each
command run in a fresh process at an 80-column terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
COMMANDS = ["brief", "digest", "clean", "cite", "translate", "email", "config", "model info", "cache info"]


def cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS=str(columns), TERM="dumb", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )


def panels(help_text: str) -> dict[str, str]:
    """Each rich help panel's title and the text inside it."""
    found: dict[str, str] = {}
    for m in re.finditer(r"╭─ (.+?) ─+╮\n(.*?)╰─+╯", help_text, re.S):
        found[m.group(1)] = m.group(2)
    return found


def test_the_default_model_in_help_can_be_pasted() -> None:
    out = cli("digest", "--help").stdout
    assert "Helsinki-NLP/ opus-mt" not in out  # the space that broke a pasted id
    assert "(default:" in out and "opus-mt)" in out
    # The preset named as the default works as a --model value (it resolves to the hub id).
    from summarize.translate.base import DEFAULT_MODEL
    from summarize.translate.families import resolve

    assert resolve("opus-mt") == DEFAULT_MODEL
    assert DEFAULT_MODEL in out  # the id it stands for, unbroken


def test_brief_options_sit_in_panels_that_name_them_rightly() -> None:
    found = panels(cli("brief", "--help").stdout)
    assert "Digest" not in found  # brief makes no digest
    assert "--ranker" in found["Selection"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_descriptions_do_not_break_mid_sentence(command: str) -> None:
    out = cli(*command.split(), "--help").stdout
    assert "Usage:" in out
    prose = [line.strip() for line in out.split("╭")[0].splitlines()]
    for line, following in zip(prose, [*prose[1:], ""], strict=True):
        # A lone word on its own line, with the paragraph going on below it, is a broken wrap.
        assert not (len(line.split()) == 1 and following and not line.endswith(":")), (command, line)


def test_every_smtp_option_names_its_environment_variable() -> None:
    smtp = next(text for title, text in panels(cli("email", "--help").stdout).items() if "SMTP" in title)
    flat = " ".join(line.strip("│ ") for line in smtp.splitlines())
    for flag in ("host", "port", "user", "security", "timeout"):
        assert re.search(rf"--smtp-{flag}\b.*?Env\s+SUMMARIZE_SMTP_{flag.upper()}\b", flat, re.S), flag
    assert "Env SUMMARIZE_SMTP_FROM" in flat


def test_an_unknown_option_is_not_answered_with_an_unrelated_one() -> None:
    bogus = cli("digest", "seeds", "--bogus")
    assert bogus.returncode == 2
    assert "No such option: --bogus" in bogus.stderr and "Possible options" not in bogus.stderr
    typo = cli("digest", "seeds", "--limt", "3")
    assert typo.returncode == 2 and "(Possible options: --limit)" in typo.stderr


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_brief_footer_points_at_what_a_brief_shows(fmt: str) -> None:
    out = cli("brief", str(SEEDS / "004_aa34f2be23785672.txt"), "--no-translate", "-f", fmt).stdout
    assert "Sources list" not in out  # a brief has no Sources list
    # Its example is the brief's first citation: "[2.4] means article 2 (the brief numbered
    # 2)" under the brief of one article named a brief that is not there.
    first = re.search(r"\[1\.(\d+)[],]", out)
    assert first, out
    assert f"[1.{first[1]}] means article 1 (the brief numbered 1), sentence {first[1]} " in out.replace(
        "\\", ""
    )
    assert "numbered 2" not in out
    if fmt == "markdown":
        assert "\\`summarize cite" not in out  # not escaped: it renders as code
        assert re.search(rf"`+ ?summarize cite SOURCE\.\.\. 1\.{first[1]} ?`+", out)
    digest = cli("digest", str(SEEDS), "--no-translate", "-f", fmt).stdout
    assert "in the Sources list" in digest


def test_every_setting_that_config_lists_is_explained_in_the_readme() -> None:
    out = cli("config").stdout
    names = re.findall(r"^  (\w+) = ", out, re.M)
    assert "contact" in names and "timeout" in names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in names:
        env = f"SUMMARIZE_{name.upper()}"
        assert env in readme or f"`{name}`" in readme or f"{name} = " in readme, name
