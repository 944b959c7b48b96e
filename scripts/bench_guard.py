"""What the translation guard costs: checking good output, and repairing bad output.

Uses the random-weight model of the real architecture that `bench_translate.py` builds
(models/bench-random and its CTranslate2 int8 conversion; built here when missing) and the
sentences a digest of `seeds/` translates (its items and story titles). In one process,
for each backend, rounds interleave three passes over the same sentences:

  off      the backend's translate(), as before the guard
  check    translate() and then check_translation() on every output: what the guard adds
           to output that passes (nothing to repair), i.e. the checker's overhead
  guard    the whole guard: translate, check, repair what failed, check again

Random weights never end a sentence, so every output runs to the cap and fails the check:
"guard" therefore repairs every sentence, which is the worst case (real opus-mt output
mostly passes and costs what "check" costs). The checker's own time is also timed alone,
so its overhead does not rest on the difference of two noisy timings.

    python scripts/bench_guard.py [--rounds 2] [--beam 4] [--backends transformers ctranslate2]
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_translate import DEFAULT_CONFIG, build  # noqa: E402
from machine_info import cores, cpu_model, load_average  # noqa: E402

from summarize.translate.base import Checked, Progress, TranslatorBase  # noqa: E402
from summarize.translate.check import check_translation  # noqa: E402
from summarize.translate.guard import GuardedTranslator  # noqa: E402


class Collect(TranslatorBase):
    """A translator double that records what a digest would translate (and trusts itself)."""

    name, backend = "collect", "collect"

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.sentences.extend(sentences)
        return list(sentences)

    def translate_checked(
        self, sentences: Sequence[str], *, progress: Progress | None = None
    ) -> list[Checked]:
        return [Checked(t) for t in self.translate(sentences)]


def digest_sentences() -> list[str]:
    from summarize import digest, load_articles

    collect = Collect()
    digest(load_articles([str(ROOT / "seeds")]).articles, translator=collect)
    return collect.sentences


def timed(work: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


def bench(backend: Any, sentences: list[str], rounds: int, *, repair: bool = True) -> dict[str, Any]:
    backend.load()
    backend.translate(sentences[:2])  # warm-up: first-call allocations are not the guard's
    off: list[float] = []
    check: list[float] = []
    check_alone: list[float] = []
    guard: list[float] = []
    flagged = repaired_ok = 0
    for k in range(rounds):
        # Alternate which pass goes first, so that a machine getting busier or quieter
        # during a round does not favour one of them.
        for which in ("off", "check") if k % 2 == 0 else ("check", "off"):
            t, english = timed(lambda: backend.translate(sentences))
            if which == "off":
                off.append(t)
                continue
            t_check, problems = timed(
                lambda english=english: [
                    check_translation(s, e) for s, e in zip(sentences, english, strict=True)
                ]
            )
            check.append(t + t_check)
            check_alone.append(t_check)
        flagged = sum(1 for p in problems if p)
        if repair:
            t, results = timed(lambda: GuardedTranslator(backend).translate_checked(sentences))
            guard.append(t)
            repaired_ok = sum(1 for r, p in zip(results, problems, strict=True) if p and not r.withheld)
    return {
        "off": statistics.median(off),
        "check": statistics.median(check),
        "check_alone": statistics.median(check_alone),
        "guard": statistics.median(guard) if guard else float("nan"),
        "off_all": off,
        "check_all": check,
        "guard_all": guard,
        "flagged": flagged,
        "repaired_ok": repaired_ok,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config", type=Path, default=DEFAULT_CONFIG, help="MarianConfig JSON of the real model."
    )
    parser.add_argument("--model-dir", type=Path, default=ROOT / "models" / "bench-random")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2, help="Interleaved rounds; medians are reported.")
    parser.add_argument("--backends", nargs="+", default=["transformers", "ctranslate2"])
    parser.add_argument(
        "--no-repair-pass", action="store_true", help="Skip the full-guard pass (the slow worst case)."
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    from summarize.translate.ct2 import Ct2Translator
    from summarize.translate.marian import MarianTranslator

    model, ct2 = build(args.config, args.model_dir, rebuild=False)
    sentences = digest_sentences()
    print(f"{len(sentences)} sentences (the digest of seeds/: items and story titles), beam {args.beam}")
    for name in args.backends:
        backend: Any = (
            MarianTranslator(str(model), device="cpu", beam=args.beam)
            if name == "transformers"
            else Ct2Translator(str(ct2), device="cpu", beam=args.beam)
        )
        r = bench(backend, sentences, args.rounds, repair=not args.no_repair_pass)
        n = len(sentences)
        print(
            f"{name:<12} off {n / r['off']:6.2f} sent/s | translate+check {n / r['check']:6.2f} sent/s "
            f"({r['check'] / r['off'] - 1:+.1%} time vs off; check alone {r['check_alone'] * 1000:.1f} ms "
            f"= {r['check_alone'] / r['off']:.2%} of translating; {r['flagged']}/{n} flagged)"
            + (
                f" | full guard {n / r['guard']:6.2f} sent/s ({r['guard'] / r['off']:.2f}x the time of off; "
                f"{r['repaired_ok']} of {r['flagged']} passed after repair)"
                if r["guard_all"]
                else ""
            )
        )
        print(
            "             seconds per round: off "
            + " ".join(f"{t:.2f}" for t in r["off_all"])
            + " | check "
            + " ".join(f"{t:.2f}" for t in r["check_all"])
            + " | guard "
            + " ".join(f"{t:.2f}" for t in r["guard_all"]),
            flush=True,
        )
    threads = os.environ.get("SUMMARIZE_THREADS", "all cores")
    print(
        f"\ncores: {cores()}  threads: {threads}  CPU: {cpu_model()}  "
        f"{load_average()}  python {platform.python_version()}"
    )
    print("command: " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))


if __name__ == "__main__":
    main()
