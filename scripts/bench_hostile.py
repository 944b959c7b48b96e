"""Hostile SMTP servers and a trickling feed: how long `summarize email` / `digest` take to
give up, and the most memory the run uses.

Each mode starts a raw TCP server on 127.0.0.1 that misbehaves in one way, then runs the
CLI in a fresh process against it and reads that process's own peak resident memory
(`os.wait4`, POSIX). Modes (`--smtp-timeout 5` unless given):

  flood            the greeting never ends: "220-" continuation lines as fast as the socket takes them
  flood-starttls   the same with --smtp-security starttls (the greeting comes before TLS)
  slow-ehlo        a proper greeting, then one line of the EHLO reply a second, for ever
  trickle          the greeting one byte every 0.5 s (each read inside the timeout)
  silent           accepts the connection and never speaks (the per-read timeout)
  feed             `digest` of an RSS feed of 30 entries whose pages each drip for 60 s,
                   with --deadline 5 (the run's fetching deadline)

    python scripts/bench_hostile.py [--modes flood slow-ehlo ...] [--smtp-timeout 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from machine_info import cores, cpu_model, load_average  # noqa: E402

from summarize.deliver.session import SESSION_FACTOR  # noqa: E402
from tests.hostile_servers import Talk, dripping_feed, flood, serve, silent, slow_ehlo, trickle  # noqa: E402

MODES: dict[str, tuple[Talk, list[str]]] = {
    "flood": (flood, ["--smtp-security", "none"]),
    "flood-starttls": (flood, ["--smtp-security", "starttls"]),
    "slow-ehlo": (slow_ehlo, ["--smtp-security", "starttls"]),
    "trickle": (trickle, ["--smtp-security", "none"]),
    "silent": (silent, ["--smtp-security", "none"]),
    "feed": (dripping_feed, []),
}


def command(mode: str, port: int, timeout: float, deadline: float) -> list[str]:
    cli = [sys.executable, "-c", "from summarize.cli import main; main()"]
    if mode == "feed":
        return [
            *cli,
            "digest",
            f"http://127.0.0.1:{port}/feed.xml",
            "--no-translate",
            "--deadline",
            f"{deadline:g}",
        ]
    return [
        *cli, "email", str(ROOT / "seeds"), "--no-translate", "--to", "reader@example.org",
        "--from", "digest@example.org", "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
        "--smtp-timeout", f"{timeout:g}", *MODES[mode][1],
    ]  # fmt: skip


def run(mode: str, timeout: float, deadline: float, limit: float) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit status, last stderr line) of one fresh CLI process."""
    listener, port = serve(MODES[mode][0])
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "SUMMARIZE_STATE_DIR": f"{home}/state",
            "SUMMARIZE_CACHE_DIR": f"{home}/cache",
            "SUMMARIZE_CONFIG": f"{home}/config.toml",
            "SUMMARIZE_ALLOW_PRIVATE_NETWORK": "1",
        }
        started = time.monotonic()
        proc = subprocess.Popen(
            command(mode, port, timeout, deadline), stderr=subprocess.PIPE, env=env, cwd=ROOT
        )
        killer = threading.Timer(limit, proc.kill)
        killer.start()
        assert proc.stderr is not None
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.monotonic() - started
        killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    listener.close()
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB elsewhere
    lines = [line for line in err.splitlines() if line.strip()]
    return took, usage.ru_maxrss / scale, proc.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    parser.add_argument("--smtp-timeout", type=float, default=5.0)
    parser.add_argument("--deadline", type=float, default=5.0, help="--deadline for the feed mode")
    parser.add_argument("--limit", type=float, default=120.0, help="kill a run after this many seconds")
    args = parser.parse_args()
    print(f"$ python scripts/bench_hostile.py {shlex.join(sys.argv[1:])}".rstrip())
    print(f"machine: {cpu_model()}, {cores()} cores, {load_average()}, Python {platform.python_version()}")
    print(
        f"--smtp-timeout {args.smtp_timeout:g} (session limit {SESSION_FACTOR * args.smtp_timeout:g} s); feed --deadline {args.deadline:g}"
    )
    print(f"{'mode':<15} {'seconds':>8} {'peak MB':>8} {'exit':>5}  last stderr line")
    for mode in args.modes:
        took, peak, code, last = run(mode, args.smtp_timeout, args.deadline, args.limit)
        print(f"{mode:<15} {took:8.1f} {peak:8.0f} {code:5d}  {last[:150]}")


if __name__ == "__main__":
    main()
