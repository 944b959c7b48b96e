"""How `summarize` scales with the number of articles: wall time and peak memory.

Writes IndoSum dev articles as .txt files into a temporary folder, one folder per size, and
runs, each in a fresh Python process,

    summarize digest DIR --no-translate -f json -o OUT
    summarize brief DIR -n 3 --no-translate -f json -o OUT

Sizes: 200 and 1,000 (a fixed random sample of the dev articles), 2,146 (every dev article,
deduplicated by id) and 10,000 (the dev articles about five times over: each extra copy has
its own file name and its sentences lightly altered, a few words swapped for synonyms, a
number changed, two sentences of a paragraph swapped, as when five outlets carry one wire
story). Peak memory is the child's maximum resident set size (`os.wait4` on Unix; psutil
polling elsewhere when installed; otherwise "n/a"). `--profile SIZE` runs the digest once
under cProfile and prints the functions with the most cumulative and own time.

Two other inputs (`--kind`): `tiny`, files of a title and three consecutive sentences of a
random dev article (so about 47 files per article at 100,000: many short reports of each
story), and `near-copies`, five long dev articles, each copied over and over (the first copy
as is, the others altered as above), as when a feed repeats one wire story many times.

    python scripts/bench_scale.py [--sizes 200 1000 2146 10000] [--commands digest brief]
    python scripts/bench_scale.py --kind tiny --sizes 16000 32000 100000 --commands digest
    python scripts/bench_scale.py --kind near-copies --sizes 1000 --commands digest
    python scripts/bench_scale.py --profile 2146 [--top 30]
    python scripts/bench_scale.py --sizes 200 --commands digest --against /tmp/main --repeat 10

`--against DIR` times another checkout beside this one (DIR is its root: the child imports
`summarize` from its working folder): one untimed run of each first (which writes the
bytecode, as an installed copy has it, where `PYTHONDONTWRITEBYTECODE` is unset), then
`--repeat` rounds alternating which goes first, each run's time and then the min, median and
max of each with the median of the pairs' ratios. With `--stages`, each run is instead one
process that reads the folder and makes the digest with `workers=1`, timing in CPU seconds
its imports, `load_articles`, `digest` and the JSON; medians of each stage are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from eval_indosum import DATA_DIR, Record, load_records, machine

from tests.indosum import COPIES, altered, record_file, record_title

ROOT = Path(__file__).resolve().parents[1]
SIZES = (200, 1000, 2146, 10000)


def corpus(records: Sequence[Record], size: int) -> list[tuple[str, str]]:
    """(file name, text) of `size` articles: a sample, every record, or altered copies."""
    if size <= len(records):
        picked = random.Random(0).sample(list(records), size) if size < len(records) else list(records)
        return [(f"{k:05d}.txt", record_file(r)) for k, r in enumerate(picked)]
    out: list[tuple[str, str]] = []
    for copy in range(COPIES):
        for r in records:
            if len(out) == size:
                return out
            out.append((f"{len(out):05d}.txt", record_file(r if copy == 0 else altered(r, copy))))
    if len(out) < size:
        raise SystemExit(f"--sizes: at most {COPIES * len(records)} articles from {len(records)} records")
    return out


def tiny(records: Sequence[Record], size: int) -> list[tuple[str, str]]:
    """(file name, text) of `size` files: a title and three consecutive sentences of a record."""
    rng = random.Random(0)
    out = []
    for k in range(size):
        r = rng.choice(records)
        start = rng.randrange(max(len(r.sentences) - 2, 1))
        out.append((f"{k:06d}.txt", f"{record_title(r)}\n\n{' '.join(r.sentences[start : start + 3])}\n"))
    return out


def near_copies(records: Sequence[Record], size: int, stories: int = 5) -> list[tuple[str, str]]:
    """(file name, text) of `size` files: `stories` long records, each copied size/stories times."""
    longest = sorted(records, key=lambda r: (-len(r.sentences), r.id))[:200]
    base = random.Random(0).sample(longest, stories)
    return [
        (
            f"{k:06d}.txt",
            record_file(base[k % stories] if k < stories else altered(base[k % stories], k // stories)),
        )
        for k in range(size)
    ]


KINDS = {"indosum": corpus, "tiny": tiny, "near-copies": near_copies}


def write(folder: Path, files: Sequence[tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")


def _argv(command: str, folder: Path, out: Path) -> list[str]:
    extra = ["-n", "3"] if command == "brief" else []
    return [command, str(folder), *extra, "--no-translate", "-f", "json", "-o", str(out)]


def _max_rss_bytes(ru_maxrss: int) -> int:
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024  # macOS: bytes; Linux: KiB


def run_child(
    args: Sequence[str], timeout: float, cwd: Path = ROOT
) -> tuple[float, int | None, int | None, str]:
    """Run `args` in a fresh process: (seconds, peak RSS bytes or None, exit code or None, stderr tail)."""
    err = tempfile.TemporaryFile()  # noqa: SIM115  (closed below, after the child has written to it)
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd)
    peak: int | None = None
    code: int | None = None
    if hasattr(os, "wait4"):
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over every run so far.
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                peak = _max_rss_bytes(usage.ru_maxrss)
                proc.returncode = code  # reaped here; stop Popen from waiting again
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                break
            time.sleep(0.02)
    else:
        try:
            import psutil
        except ImportError:
            psutil = None
        watched = psutil.Process(proc.pid) if psutil else None
        while proc.poll() is None and time.perf_counter() - start <= timeout:
            if watched is not None:
                try:
                    info = watched.memory_info()
                    peak = max(peak or 0, getattr(info, "peak_wset", 0) or info.rss)
                except psutil.Error:
                    pass
            time.sleep(0.02)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        else:
            code = proc.returncode
    seconds = time.perf_counter() - start
    err.seek(0)
    tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
    err.close()
    return seconds, peak, code, " / ".join(tail)


_PROFILE = """
import cProfile, os, pstats, sys
sys.argv = ["summarize", *sys.argv[2:]]  # python -c CODE summarize ARGS: argv is ["-c", "summarize", ARGS]
top = int(os.environ["BENCH_TOP"])
prof = cProfile.Profile()
prof.enable()
from summarize.cli import main
try:
    main()
except SystemExit:
    pass
prof.disable()
stats = pstats.Stats(prof, stream=sys.stderr)
stats.strip_dirs()
print("--- by cumulative time", file=sys.stderr)
stats.sort_stats("cumulative").print_stats(top)
print("--- by own time", file=sys.stderr)
stats.sort_stats("tottime").print_stats(top)
"""


_STAGES = """
import json, sys, time
c0 = time.process_time()
import summarize.cli
from summarize import digest, load_articles, render
c1 = time.process_time()
loaded = load_articles([sys.argv[1]], workers=1)
c2 = time.process_time()
result = digest(loaded, workers=1)
c3 = time.process_time()
render(result, "json")
c4 = time.process_time()
print(json.dumps({"imports": c1 - c0, "load": c2 - c1, "digest": c3 - c2, "json": c4 - c3, "all": c4}))
"""


def _stages(root: Path, folder: Path) -> dict[str, float]:
    """CPU seconds of each stage of one digest in a fresh process importing from `root`."""
    done = subprocess.run(
        [sys.executable, "-c", _STAGES, str(folder)], cwd=root, capture_output=True, text=True, check=True
    )
    times: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return times


def _stage_medians(args: argparse.Namespace, roots: dict[str, Path], folder: Path) -> None:
    """`--stages`: each checkout's stage times, alternating, then the medians."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    for k in range(args.repeat + 1):  # the first round untimed: it writes the bytecode
        for name in ("this", "other") if k % 2 == 0 else ("other", "this"):
            times = _stages(roots[name], folder)
            if k:
                runs[name].append(times)
    for name, rows in runs.items():
        medians = {stage: statistics.median(r[stage] for r in rows) for stage in rows[0]}
        print(
            f"{name}: CPU s, medians of {len(rows)}: " + ", ".join(f"{k} {v:.3f}" for k, v in medians.items())
        )


def _size_label(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 2**20:.0f} MB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of articles")
    parser.add_argument("--commands", nargs="+", choices=("digest", "brief"), default=["digest", "brief"])
    parser.add_argument("--kind", choices=tuple(KINDS), default="indosum", help="what the files hold")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of IndoSum dev.0*.jsonl")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is stopped")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="profile one digest of SIZE articles")
    parser.add_argument("--top", type=int, default=30, help="functions to list with --profile")
    parser.add_argument("--against", type=Path, metavar="DIR", help="another checkout's root, timed beside")
    parser.add_argument("--repeat", type=int, default=10, help="alternating rounds with --against")
    parser.add_argument("--stages", action="store_true", help="with --against: CPU time of each stage")
    args = parser.parse_args(argv)

    records = load_records(data_dir=args.data)
    print(f"$ python scripts/bench_scale.py {' '.join(sys.argv[1:] if argv is None else argv)}")
    print(f"machine: {machine()}, {platform.platform()}; load {_load()}")
    print(f"{len(records)} IndoSum dev articles (deduplicated by id) from {args.data}; files: {args.kind}")
    print(f"summarize imported from {_where()}")
    with tempfile.TemporaryDirectory(prefix="bench_scale.") as tmp:
        out = Path(tmp) / "out.json"
        if args.profile:
            folder = Path(tmp) / str(args.profile)
            write(folder, KINDS[args.kind](records, args.profile))
            cmd = _argv("digest", folder, out)
            print(f"profile: summarize {' '.join(cmd)}", flush=True)
            env = dict(os.environ, BENCH_TOP=str(args.top))
            done = subprocess.run(
                [sys.executable, "-c", _PROFILE, "summarize", *cmd],
                cwd=ROOT,
                env=env,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
            print(done.stderr)
            return done.returncode
        if args.against:
            return _compare(args, records, Path(tmp), out)
        print()
        print(f"{'command':8} {'articles':>8} {'wall s':>8} {'peak RSS':>9}  exit")
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            write(folder, KINDS[args.kind](records, size))
            for command in args.commands:
                child = [sys.executable, "-c", "from summarize.cli import main; main()"]
                seconds, peak, code, tail = run_child([*child, *_argv(command, folder, out)], args.timeout)
                wall = f"{seconds:.2f}" if code is not None else f">{args.timeout:.0f}"
                status = "stopped" if code is None else str(code)
                if code not in (0, 3, None):
                    status += f" ({tail})"
                print(f"{command:8} {size:>8} {wall:>8} {_size_label(peak):>9}  {status}", flush=True)
    print()
    print(
        "each run: summarize {digest DIR | brief DIR -n 3} --no-translate -f json -o FILE, in a fresh process"
    )
    return 0


def _compare(args: argparse.Namespace, records: Sequence[Record], tmp: Path, out: Path) -> int:
    """Time this checkout and `args.against` alternately: each run, then min/median/max."""
    roots = {"this": ROOT, "other": args.against.resolve()}
    print(f"other: summarize imported from {_where(roots['other'])}")
    child = [sys.executable, "-c", "from summarize.cli import main; main()"]
    for size in args.sizes:
        folder = tmp / str(size)
        write(folder, KINDS[args.kind](records, size))
        if args.stages:
            print(f"digest {size}, in one process:")
            _stage_medians(args, roots, folder)
            continue
        for command in args.commands:
            argv = [*child, *_argv(command, folder, out)]
            for root in roots.values():  # untimed: writes the bytecode where that is allowed
                subprocess.run(
                    argv, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
                )
            times: dict[str, list[float]] = {"this": [], "other": []}
            for k in range(args.repeat):
                for name in ("this", "other") if k % 2 == 0 else ("other", "this"):
                    seconds, _, code, tail = run_child(argv, args.timeout, cwd=roots[name])
                    if code not in (0, 3):
                        raise SystemExit(f"{name}: exit {code} ({tail})")
                    times[name].append(seconds)
                print(f"{command} {size}: this {times['this'][-1]:.2f} s, other {times['other'][-1]:.2f} s")
            for name, ts in times.items():
                low, mid, high = min(ts), statistics.median(ts), max(ts)
                print(f"{command} {size} {name}: min {low:.2f} median {mid:.2f} max {high:.2f} s")
            ratios = [a / b for a, b in zip(times["this"], times["other"], strict=True)]
            print(
                f"{command} {size}: this / other, median of the pairs' ratios {statistics.median(ratios):.2f}"
            )
    print(f"load after: {_load()}")
    return 0


def _where(root: Path = ROOT) -> str:
    code = "import summarize, os; print(os.path.dirname(os.path.dirname(summarize.__file__)))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root
    ).stdout.strip()


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
