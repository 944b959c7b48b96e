"""Settings that cannot be used are usage errors in one line (exit 2), and the config file is
read only when it is a small regular file, private when it holds a password (issue 25,
findings 10 and 11)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarize.config import MAX_CONFIG_BYTES, cache_dir, setting, state_dir
from summarize.errors import ConfigError

from .test_cli_commands import ROOT, run


def _config(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(path))
    monkeypatch.delenv("SUMMARIZE_CACHE_DIR")
    monkeypatch.delenv("SUMMARIZE_STATE_DIR")
    return path


@pytest.mark.parametrize(("text", "shown"), [("cache_dir = 5", "5"), ('cache_dir = ""', "''")])
def test_a_folder_setting_must_be_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, shown: str
) -> None:
    config = _config(tmp_path, text, monkeypatch)
    with pytest.raises(ConfigError, match=f"cache_dir must be a folder path, not {shown}"):
        cache_dir()
    state_dir(create=False)  # the other folder is fine
    proc = run("cache", "info", env={"SUMMARIZE_CONFIG": str(config), "SUMMARIZE_CACHE_DIR": ""})
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("summarize: error: cache_dir must be a folder path")
    assert len(proc.stderr.splitlines()) == 1
    assert not (ROOT / "translations.sqlite3").exists()  # never the current folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_config_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    proc = run("config", env={"SUMMARIZE_CONFIG": str(fifo)})
    assert time.monotonic() - started < 60  # (it used to wait for a writer for ever)
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == f"summarize: error: config file {fifo} is not a regular file; not read "
        "(point SUMMARIZE_CONFIG at a file)"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="device nodes")
def test_a_config_that_is_an_endless_device_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zero = tmp_path / "zero"  # a copy of /dev/zero, made here: never /dev itself
    try:
        os.mknod(zero, stat.S_IFCHR | 0o444, os.makedev(1, 5))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(zero))
    with pytest.raises(ConfigError, match="is not a regular file"):
        setting("model")


def test_a_huge_config_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1), monkeypatch)
    with pytest.raises(ConfigError, match="is larger than 1024 KB; not read"):
        setting("model")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_password_in_a_config_others_can_read_or_change(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('smtp_password = "hunter2"\nsmtp_host = "127.0.0.1"\n', encoding="utf-8")
    env = {"SUMMARIZE_CONFIG": str(config)}
    config.chmod(0o600)
    private = run("config", env=env)
    assert private.returncode == 0 and private.stderr == ""
    config.chmod(0o644)
    readable = run("config", env=env)
    assert readable.returncode == 0
    assert readable.stderr.strip() == (
        f"summarize: config file {config} holds smtp_password and other users can read it "
        f"(mode 644); run `chmod 600 {config}`"
    )
    config.chmod(0o666)
    writable = run("config", env=env)
    assert writable.returncode == 2 and "hunter2" not in writable.stdout + writable.stderr
    assert writable.stderr.strip().endswith(
        f"other users can change it (mode 666); not used: run `chmod 600 {config}`"
    )
    config.write_text('model = "x"\n', encoding="utf-8")  # no password: nothing to protect
    assert run("config", env=env).returncode == 0


def test_config_into_a_closed_pipe_is_quiet() -> None:
    # `summarize config | head -1`: the reader is gone before (or while) the tool writes.
    proc = subprocess.Popen(
        [sys.executable, "-c", "from summarize.cli import main; main()", "config"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the interpreter has even started: the first write fails
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert err == "", err


def test_config_marks_each_value_a_run_would_refuse(tmp_path: Path) -> None:
    # `summarize config` used to print `beam = four` and exit 0; the run then refused it.
    config = tmp_path / "bad.toml"
    config.write_text('beam = "four"\nsmtp_port = "x"\ncache_dir = 5\n', encoding="utf-8")
    env = {"SUMMARIZE_CONFIG": str(config), "SUMMARIZE_DEADLINE": "-1", "SUMMARIZE_TIMEOUT": "nan"}
    env["SUMMARIZE_CACHE_DIR"] = ""  # the conftest's folder would hide the config file's
    proc = run("config", env=env)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stdout.splitlines()
    assert (
        f"  beam = four  (config file {config}) \N{EM DASH} invalid: beam must be a whole number, not 'four'"
        in lines
    )
    assert (
        "  deadline = -1  (env SUMMARIZE_DEADLINE) \N{EM DASH} invalid: deadline must be a number"
        in proc.stdout
    )
    assert "timeout = nan  (env SUMMARIZE_TIMEOUT) \N{EM DASH} invalid: timeout must be" in proc.stdout
    assert "smtp_port = x" in proc.stdout and "invalid: smtp_port must be a whole number" in proc.stdout
    assert "invalid: cache_dir must be a folder path, not 5" in proc.stdout
    assert sum("invalid:" in line for line in lines) == 5
    assert proc.stderr == "summarize: error: 5 settings a run would refuse (marked above)\n"
    beam = run("brief", str(ROOT / "seeds"), env={"SUMMARIZE_BEAM": "0"})  # the run's own check
    assert beam.returncode == 2 and beam.stderr == "summarize: error: beam must be at least 1, not 0\n"
    assert "  beam = 0  (env SUMMARIZE_BEAM) \N{EM DASH} invalid: beam must be at least 1, not 0" in (
        run("config", env={"SUMMARIZE_BEAM": "0"}).stdout
    )


def test_every_setting_is_checked_or_taken_as_it_is() -> None:
    from summarize.cli.settings import CHECKS, UNCHECKED
    from summarize.config import SETTINGS

    assert set(CHECKS) | UNCHECKED == set(SETTINGS) and not set(CHECKS) & UNCHECKED


def test_an_unknown_key_in_the_config_file_is_named_with_the_setting_it_looks_like(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('smtp_hots = "mail"\nzzz = 1\n', encoding="utf-8")
    env = {"SUMMARIZE_CONFIG": str(config)}
    typo = f"summarize: unknown setting 'smtp_hots' in {config}; did you mean smtp_host?"
    other = f"summarize: unknown setting 'zzz' in {config}; not used (see `summarize config`)"
    shown = run("config", env=env)
    assert shown.returncode == 2
    assert shown.stderr.splitlines() == [
        typo,
        other,
        f"summarize: error: {config} holds 2 unknown keys: smtp_hots, zzz",
    ]
    # A run warns once, and goes on: the key may be a newer version's setting.
    used = run("brief", str(ROOT / "seeds" / "004_aa34f2be23785672.txt"), "--no-translate", env=env)
    assert used.returncode == 0 and used.stderr.splitlines() == [typo, other]


def test_a_broken_config_file_is_one_line_before_anything_else(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("beam = \n", encoding="utf-8")
    proc = run("config", env={"SUMMARIZE_CONFIG": str(config)})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"summarize: error: cannot read config file {config}: ")
    assert len(proc.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (("brief", "--no-translate", "--deadline", "0"), {}, "deadline must be a number of seconds"),
        (("clean",), {"SUMMARIZE_TIMEOUT": "nan"}, "timeout must be a number of seconds"),
        (("digest", "--no-translate"), {"SUMMARIZE_DEADLINE": "-1"}, "deadline must be a number of seconds"),
    ],
)
def test_a_fetch_setting_is_refused_before_any_work_even_with_only_local_files(
    args: tuple[str, ...], env: dict[str, str], said: str
) -> None:
    # These ran to exit 0 when no source was a URL; the next run that fetched then failed.
    proc = run(args[0], str(ROOT / "seeds"), *args[1:], env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"summarize: error: {said}") and len(proc.stderr.splitlines()) == 1
