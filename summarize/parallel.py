"""Spreading independent pure-Python work over processes, on every platform.

Reading a big folder and working out the facts of many stories are pure Python, so
threads would take turns; processes run side by side. `process_map` is `map` over a
process pool when there is enough work and more than one core to give it, and plain
`map` otherwise, or where no pool can be started (a sandbox without process support).
Results come back in input order either way, so callers get the same answer. How many
processes is the caller's to say (`workers`; the CLI reads the `threads` setting): the
library reads no setting here. Left to it (None), it uses every core while the machine has
one to spare, and only this process while it is busy (`busy`).

The pool's workers never outlive the process that started them: SIGTERM or SIGHUP to it
(a supervisor that signals only the main PID, a closed terminal) ends them first, and a
worker whose parent is gone (killed outright) ends itself within a second. A signal the
process was started ignoring (SIGHUP under nohup) stays ignored.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any, TypeVar

__all__ = ["available_cores", "busy", "load_now", "process_map", "processes_for"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """The CPU cores this process may run on, on every platform.

    `os.sched_getaffinity` (Linux and some BSDs) honours taskset and container CPU limits;
    macOS and Windows lack it, and there `os.cpu_count()` is the portable answer.
    """
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:
            pass  # some sandboxes refuse the call; fall back to the count of cores
    return max(1, os.cpu_count() or 1)


def busy() -> bool:
    """Whether other work fills every core right now, so that a pool would get none of its own.

    Linux counts the threads that are running or ready to run at this moment (the fourth
    field of /proc/loadavg, which includes this one); elsewhere the load average over the last
    minute stands in for it (macOS), and where there is neither (Windows) the machine is taken
    to be idle.

    Measured on a 2-core machine that six engineers shared, with a digest of 200 IndoSum
    articles (`--no-translate`, scripts/bench_scale.py's files, a fresh process each run, ten
    runs each way): while others kept both cores busy, two processes took 1.0 to 1.6 times as
    long as one (median 1.2), since Linux shares the CPU between sessions, not processes
    (autogroup), and a pool's start-up and copying only add work. With the run's session
    given priority over the others (nice -10 in /proc/self/autogroup: the cores as on an idle
    machine), two processes took 0.96 to 1.13 s where one took 1.30 to 1.67 s, so there the
    callers' thresholds (`per_worker`) pay at 200 articles and stay. The one-minute load
    average lags behind: read instead, it kept two runs to one process after the others had
    paused (1.31 and 1.24 s, where a pool beside them took 1.02 and 1.06 s).
    """
    load = load_now()
    # The machine's cores, not `available_cores()`: the load counts every thread on the machine.
    return load is not None and load >= (os.cpu_count() or 1)


def load_now() -> float | None:
    """How many threads other than this one want a core now: on Linux the running and ready
    ones (the fourth field of /proc/loadavg, less this one); elsewhere the last minute's load
    average (macOS); None where the system says neither (Windows)."""
    try:
        with open("/proc/loadavg", "rb") as fh:  # bytes: no codec to look up (a test's sandbox may hide them)
            return float(int(fh.read().split()[3].split(b"/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        pass  # not Linux
    loadavg = getattr(os, "getloadavg", None)
    try:
        return None if loadavg is None else float(loadavg()[0])
    except OSError:
        return None  # some sandboxes refuse it


def processes_for(items: int, per_worker: int, workers: int | None = None) -> int:
    """How many processes `process_map` runs for `items`, with at most `workers` of them
    (None: every core, or only this one while the machine is `busy`); 1 means it works in
    this one."""
    if workers is None and busy():
        return 1
    count = min(workers or available_cores(), items // max(per_worker, 1))
    return count if count >= 2 else 1


def process_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    per_worker: int,
    workers: int | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """`fn` of each item, in order: over up to `workers` processes (None: every core) when
    every one gets `per_worker` items.

    `fn` (and `initializer`) must be importable top-level functions, which spawned
    processes (macOS, Windows) look up by name. `initializer(*initargs)` runs once in each
    process, and in this one when the work stays here, so `fn` can read what it set up.
    Results are yielded as they arrive, so the caller can work on the first while the pool
    works on the rest.
    """
    todo = list(items)
    count = processes_for(len(todo), per_worker, workers)
    if count < 2:
        yield from _here(fn, todo, initializer, initargs)
        return
    if not _sendable(fn, initializer, initargs):
        yield from _here(fn, todo, initializer, initargs)
        return
    try:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(
            max_workers=count, initializer=_worker_start, initargs=(initializer, initargs)
        )
    except (OSError, NotImplementedError) as exc:
        log.debug("working in one process: no process pool (%s)", exc)
        yield from _here(fn, todo, initializer, initargs)
        return
    with _workers_end_with_us():
        yield from _pooled(pool, fn, todo, count, initializer, initargs)


def _pooled(
    pool: Any,
    fn: Callable[[T], R],
    todo: list[T],
    count: int,
    initializer: Callable[..., object] | None,
    initargs: tuple[Any, ...],
) -> Iterator[R]:
    from concurrent.futures.process import BrokenProcessPool  # loaded with the pool, not before

    done = 0
    try:
        for result in pool.map(fn, todo, chunksize=max(1, len(todo) // (count * 8))):
            done += 1
            yield result
    except (OSError, BrokenProcessPool) as exc:
        log.debug("process pool failed after %d of %d items (%s); the rest here", done, len(todo), exc)
        pool.shutdown(wait=False, cancel_futures=True)
        yield from _here(fn, todo[done:], initializer, initargs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Signals that end a process by default and that a supervisor or a terminal sends. Windows
# has neither SIGHUP nor a way to catch SIGTERM from another process (it is TerminateProcess).
_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _workers_end_with_us() -> Iterator[None]:
    """While the pool runs, SIGTERM and SIGHUP end its workers, then this process as before
    (the default action, so the exit status still says which signal it was)."""
    if threading.current_thread() is not threading.main_thread() or os.name == "nt":
        yield  # signal handlers can only be set from the main thread
        return
    previous = {sig: signal.getsignal(sig) for sig in _ENDING}

    def end(signum: int, frame: FrameType | None) -> None:
        import multiprocessing

        for child in multiprocessing.active_children():
            child.terminate()
        handler = previous.get(signum)
        if callable(handler):
            handler(signum, frame)  # the caller's own handler decides
            return
        signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        os.kill(os.getpid(), signum)

    for sig, handler in previous.items():
        if handler in (signal.SIG_DFL, None) or callable(handler):
            signal.signal(sig, end)
    try:
        yield
    finally:
        # (ValueError: a generator finished from another thread cannot set handlers)
        with contextlib.suppress(ValueError):
            for sig, handler in previous.items():
                signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


def _worker_start(initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    """Runs first in each worker: watch the parent, then the caller's initializer."""
    parent = os.getppid()

    def watch() -> None:
        # When the parent dies the worker is handed to another (init, or a subreaper):
        # its parent's id changes. SIGKILL to the main process leaves no other trace here.
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.name != "nt":  # Windows never hands a process to another parent
        threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _sendable(
    fn: Callable[..., object], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> bool:
    """Whether spawned processes can get what they need (forked ones inherit it all)."""
    import multiprocessing
    import pickle

    if multiprocessing.get_start_method() == "fork":
        return True
    try:
        pickle.dumps((fn, initializer, initargs))
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("working in one process: %s can't be sent to a spawned process (%s)", fn.__name__, exc)
        return False
    return True


def _here(
    fn: Callable[[T], R], items: list[T], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> Iterator[R]:
    if initializer is not None:
        initializer(*initargs)
    return map(fn, items)
