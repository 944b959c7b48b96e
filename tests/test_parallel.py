"""`process_map`: the same results as `map`, in order, over processes or here."""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import parallel

ROOT = Path(__file__).resolve().parents[1]
_PARENT = os.getpid()
_SETUP: list[int] = []


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def _setup(value: int) -> None:
    _SETUP.append(value)


def _with_setup(x: int) -> tuple[int, list[int]]:
    return x, list(_SETUP)


def _dies_in_a_worker(x: int) -> int:
    if x == 7 and os.getpid() != _PARENT:
        os._exit(3)  # a worker killed mid-way (out of memory, say): the pool breaks
    return x + 1


def test_over_processes_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parallel.processes_for(40, per_worker=10, workers=2) == 2
    results = list(parallel.process_map(_square, range(40), per_worker=10, workers=2))
    assert [r for r, _ in results] == [x * x for x in range(40)]
    assert {pid for _, pid in results} - {os.getpid()}  # the work left this process


def test_too_little_work_or_one_core_stays_here(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parallel.processes_for(19, per_worker=10, workers=2) == 1
    assert {pid for _, pid in parallel.process_map(_square, range(19), per_worker=10, workers=2)} == {
        os.getpid()
    }
    assert {pid for _, pid in parallel.process_map(_square, range(400), per_worker=10, workers=1)} == {
        os.getpid()
    }


def test_initializer_runs_wherever_the_work_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pooled = list(
        parallel.process_map(
            _with_setup, range(40), per_worker=10, workers=2, initializer=_setup, initargs=(5,)
        )
    )
    assert all(setup[-1:] == [5] for _, setup in pooled)
    _SETUP.clear()
    here = list(parallel.process_map(_with_setup, range(3), per_worker=10, initializer=_setup, initargs=(6,)))
    assert [x for x, _ in here] == [0, 1, 2] and all(setup == [6] for _, setup in here)


def test_no_pool_means_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NotImplementedError("no semaphores in this sandbox")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    results = list(parallel.process_map(_square, range(40), per_worker=10, workers=2))
    assert results == [(x * x, os.getpid()) for x in range(40)]


def test_a_broken_pool_finishes_the_rest_here(monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(parallel.process_map(_dies_in_a_worker, range(40), per_worker=10, workers=2)) == [
        x + 1 for x in range(40)
    ]


def test_the_library_reads_no_threads_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    # How many processes is the caller's to say; the environment changes nothing here.
    monkeypatch.setenv("SUMMARIZE_THREADS", "1")
    monkeypatch.setattr(parallel, "busy", lambda: False)
    assert parallel.processes_for(400, per_worker=10) == min(parallel.available_cores(), 40)
    assert parallel.processes_for(400, per_worker=10, workers=3) == 3


def test_a_busy_machine_keeps_the_work_here_unless_the_caller_says(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = os.cpu_count() or 1
    monkeypatch.setattr(parallel, "load_now", lambda: float(cores))
    assert parallel.busy()
    assert parallel.processes_for(400, per_worker=10) == 1
    assert parallel.processes_for(400, per_worker=10, workers=3) == 3  # asked for: as asked
    monkeypatch.setattr(parallel, "load_now", lambda: cores - 1.0)
    assert not parallel.busy()  # a core to spare
    monkeypatch.setattr(parallel, "load_now", lambda: None)
    assert not parallel.busy()  # no way to tell (Windows): as before, every core
    assert parallel.processes_for(400, per_worker=10) == min(parallel.available_cores(), 40)


def test_the_load_now_is_read_on_every_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    load = parallel.load_now()
    if sys.platform == "win32":
        assert load is None
    else:
        assert load is not None and load >= 0
    if not Path("/proc/loadavg").exists():  # macOS: the last minute's load average
        monkeypatch.setattr(os, "getloadavg", lambda: (2.5, 1.0, 1.0))
        assert parallel.load_now() == 2.5


def test_unsendable_work_stays_here_when_processes_are_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_start_method", lambda *a, **k: "spawn")
    unsendable = (lambda: None,)  # a lambda can't be pickled for a spawned process
    results = list(
        parallel.process_map(
            _square, range(40), per_worker=10, workers=2, initializer=_setup, initargs=unsendable
        )
    )
    assert {pid for _, pid in results} == {os.getpid()}


_SPAWNED_DIGEST = """
import logging, multiprocessing, sys
multiprocessing.set_start_method("spawn")
logging.basicConfig(level=logging.DEBUG)  # says so if the work stayed in this process
import summarize.grouping as grouping
from summarize import digest, load_articles, render
grouping.PARALLEL_STORIES = 1  # a pool even for these few stories
articles = load_articles(sys.argv[2:]).articles
workers = int(sys.argv[1])
assert grouping.processes_for(len(grouping.group_stories(articles)), 1, workers) == workers
print(render(digest(articles, n=10_000, items_per_story=10_000, workers=workers), "json"))
"""


def test_a_digest_over_spawned_processes_is_the_digest_of_one() -> None:
    """macOS and Windows spawn pool processes: they get the ranker pickled, and the same facts."""
    sources = [str(ROOT / "seeds"), *map(str, sorted((ROOT / "tests" / "data").glob("*.txt")))]
    outputs = []
    for threads in ("2", "1"):
        run = subprocess.run(
            [sys.executable, "-c", _SPAWNED_DIGEST, threads, *sources],
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        assert "working in one process" not in run.stderr and "pool failed" not in run.stderr, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1] and '"citations"' in outputs[0]


# --- SIGTERM and SIGHUP to the main process end the workers too (issue 25, finding 9) ----------

_SIGNALLED = """
import os, signal, sys, time
from pathlib import Path
from summarize.parallel import process_map

FOLDER = Path(sys.argv[1])
# SIGHUP as a shell leaves it ("default"), or ignored as nohup leaves it ("ignored"): set
# here, so the test does not depend on how the test run itself was started.
signal.signal(signal.SIGHUP, signal.SIG_IGN if sys.argv[2] == "ignored" else signal.SIG_DFL)

def work(x):
    (FOLDER / f"worker-{os.getpid()}").touch()
    time.sleep(120)  # far longer than the test: only a signal ends this
    return x

if __name__ == "__main__":
    for _ in process_map(work, range(8), per_worker=1, workers=2):  # a pool, however busy the machine
        pass
"""


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():  # Linux: a zombie (dead, not yet reaped by whoever adopted it) is dead
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and SIGHUP are POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGKILL"])
def test_a_signal_to_the_main_process_ends_the_workers(tmp_path: Path, name: str) -> None:
    import signal
    import time

    proc, workers = _start_pool(tmp_path, "default")
    try:
        proc.send_signal(getattr(signal, name))
        assert proc.wait(timeout=30) == -getattr(signal, name)  # it still dies of that signal
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        _stop(proc, tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGHUP is a POSIX signal")
def test_a_run_started_under_nohup_keeps_ignoring_sighup(tmp_path: Path) -> None:
    # nohup (or a supervisor) set SIGHUP to be ignored: the pool must not turn it back into
    # an ending signal, for the main process or its workers.
    import signal
    import time

    proc, workers = _start_pool(tmp_path, "ignored")
    try:
        proc.send_signal(signal.SIGHUP)
        time.sleep(1.0)
        assert proc.poll() is None, "SIGHUP ended a run that had it ignored"
        assert all(_alive(pid) for pid in workers)
    finally:
        _stop(proc, tmp_path)


def _start_pool(folder: Path, sighup: str) -> tuple[subprocess.Popen[bytes], list[int]]:
    """Run `_SIGNALLED` in a fresh process; return it and its two workers once both work."""
    import time

    script = folder / "run.py"
    script.write_text(_SIGNALLED)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(folder), sighup],
        cwd=ROOT,
        env={**os.environ, "SUMMARIZE_THREADS": "2"},
    )
    deadline = time.monotonic() + 60
    while len(list(folder.glob("worker-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(p.name.split("-")[1]) for p in folder.glob("worker-*")]
    if len(workers) != 2:
        _stop(proc, folder)
    assert len(workers) == 2, "the pool did not start"
    return proc, workers


def _stop(proc: subprocess.Popen[bytes], folder: Path) -> None:
    proc.kill()
    proc.wait(timeout=30)
    for p in folder.glob("worker-*"):
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(p.name.split("-")[1]), 9)
