"""Evaluate the translation checker (`summarize.translate.check.check_translation`).

Two sets of good translations, each with a tune and a held-out split:

- **literal**: scripts/data/translations/good.jsonl, 376 close human translations
  (split by a hash of the id, `split_of`);
- **faithful**: scripts/data/faithful/pairs.jsonl, newsroom-style translations (idiomatic
  English, English number style, natural dates, conversions, glosses; split in the file):
  310 drawn first (tune and heldout), 124 and 186 drawn afterwards (heldout2, heldout3); all
  four have been scored and then tuned on. `--split` takes any split the files hold; a set
  without pairs in that split is left out, with a line saying so.

With `--split all`, the false alarms are also given per split. `--added-figures` picks what a
figure the English adds, unexplained, does (`ADDED_FIGURES` in
summarize/translate/check_figures.py): "aside" (the checker's: a note in an aside, a withholding
in the running text), "withhold", "dates" or "note", to measure each policy on both sides.

"change a digit" is reported in two parts: a figure the source states, and a digit inside a
conversion or gloss the translator added, which the checker can hold only to plausibility.

For each set it prints the false-alarm rate on the good pairs (with the kinds that fired),
and per corruption kind the catch rate on corrupted copies built from them deterministically
(fixed seed); the tests' tiny random-weight Marian model's outputs on the seed sentences
(real degenerate output): the share flagged; the checker's speed; the command and machine.

    python scripts/eval_guard.py                  # held-out figures (score once, at the end)
    python scripts/eval_guard.py --split tune      # the split used to pick thresholds
    python scripts/eval_guard.py --set faithful --split heldout2   # the second draw
    python scripts/eval_guard.py --split heldout3  # a split added later (faithful set only)
    python scripts/eval_guard.py --no-tiny --json  # machine-readable, without the model
    python scripts/eval_guard.py --lengths         # length-ratio percentiles of the tune pairs
    python scripts/eval_guard.py --split all --no-tiny --added-figures note   # another policy
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarize.translate import check_figures  # noqa: E402
from summarize.translate.check import check_translation  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import cores, cpu_model  # noqa: E402

from tests.guard_eval import (  # noqa: E402  (the evaluation, shared with its test)
    SETS,
    corruptions,
    evaluate,
    load_pairs,
    load_set,
    splits,
)

# ---------------------------------------------------------------------------- tiny model


def tiny_model_outputs(sources: list[str]) -> list[str]:
    """Translate `sources` with the tests' tiny random-weight Marian model (built locally)."""
    os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
    tmp = Path(tempfile.mkdtemp(prefix="eval-guard-"))
    os.environ.setdefault("HF_HOME", str(tmp / "hf"))
    from summarize.translate import load_translator
    from tests.tinymodel import build_tiny_model

    folder = build_tiny_model(tmp / "opus-mt-tiny")
    translator = load_translator(str(folder), backend="transformers", device="cpu", cache=False)
    return list(translator.translate(sources))


def speed(pairs: list[dict[str, str]], rounds: int = 5) -> float:
    """Pairs checked per second (good pairs and their corruptions together)."""
    work = [(p["source"], p["english"]) for p in pairs]
    work += [(b["source"], b["english"]) for b in corruptions(pairs)]
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for s, e in work:
            check_translation(s, e)
        best = min(best, time.perf_counter() - t0)
    return len(work) / best


def length_percentiles(pairs: list[dict[str, str]]) -> dict[str, float]:
    r = sorted(len(p["english"]) / len(p["source"]) for p in pairs if len(p["source"]) >= 30)
    pick = {"min": 0, "p01": len(r) // 100, "median": len(r) // 2, "p99": len(r) - 1 - len(r) // 100}
    out = {k: round(r[i], 3) for k, i in pick.items()}
    out["max"] = round(r[-1], 3)
    out["n"] = len(r)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default="heldout", help="tune, heldout, heldout2, a split added later, or all")
    ap.add_argument("--set", choices=(*SETS, "both"), default="both", help="which good pairs")
    ap.add_argument("--no-tiny", action="store_true", help="skip the tiny-model outputs")
    ap.add_argument("--tiny-limit", type=int, default=0, help="translate only the first N seeds")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--lengths", action="store_true", help="length-ratio percentiles only")
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument(
        "--added-figures",
        choices=check_figures.ADDED_FIGURE_POLICIES,
        default=check_figures.ADDED_FIGURES,
        help="what a figure the English adds, unexplained, does (to measure each policy; default: the checker's)",
    )
    args = ap.parse_args(argv)
    check_figures.ADDED_FIGURES = args.added_figures

    report: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "added_figures": args.added_figures,
        "machine": {
            "platform": platform.platform(),
            "cpu": cpu_model(),
            "cpus": cores(),
            "python": sys.version.split()[0],
        },
    }
    if args.lengths:
        report["lengths"] = {name: length_percentiles(load_set(name, "tune")) for name in SETS}
        print(json.dumps(report, indent=2))
        return 0
    asked = SETS if args.set == "both" else (args.set,)
    pairs = {name: load_set(name, args.split) for name in asked}
    names = tuple(name for name in asked if pairs[name])
    if not names:
        known = ", ".join(sorted({s for name in asked for s in splits(name)}))
        print(f"eval_guard: no pairs in split {args.split!r} (splits: {known}, all)", file=sys.stderr)
        return 2
    report["split"] = args.split
    report["not_in_split"] = [name for name in asked if name not in names]
    for name in names:
        report[name] = evaluate(pairs[name])
    report["speed_pairs_per_s"] = round(speed([p for name in names for p in pairs[name]]))
    if not args.no_tiny:
        seeds = [p for p in load_pairs("all") if p["id"].startswith("seed-")]
        if args.tiny_limit:
            seeds = seeds[: args.tiny_limit]
        t0 = time.perf_counter()
        outs = tiny_model_outputs([p["source"] for p in seeds])
        flagged = [bool(check_translation(p["source"], o)) for p, o in zip(seeds, outs, strict=True)]
        kinds = Counter(
            k
            for p, o in zip(seeds, outs, strict=True)
            for k in {q.kind for q in check_translation(p["source"], o)}
        )
        report["tiny_model"] = {
            "outputs": len(outs),
            "flagged": sum(flagged),
            "rate": sum(flagged) / len(outs) if outs else 0.0,
            "kinds": dict(sorted(kinds.items())),  # by name: a set's order follows the hash seed
            "seconds": round(time.perf_counter() - t0, 1),
            "unflagged_examples": [
                {"source": p["source"], "english": o}
                for p, o, f in zip(seeds, outs, flagged, strict=True)
                if not f
            ][: args.examples],
        }
    if args.json:
        for key in names:
            if key in report:
                report[key]["misses"] = report[key]["misses"][: args.examples]
                report[key]["false_alarm_examples"] = report[key]["false_alarm_examples"][: args.examples]
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"command: {report['command']}")
    m = report["machine"]
    print(f"machine: {m['platform']}, {m['cpus']} CPUs, Python {m['python']}")
    print(f"added figures: {report['added_figures']}")
    for name in report["not_in_split"]:
        print(f"({name}: no pairs in split {args.split}; its splits: {', '.join(splits(name))})")
    for key in names:
        r = report[key]
        print(f"\n== {key}, {args.split}: {r['good_pairs']} good pairs ==")
        print(
            f"false alarms: {r['false_alarms']}/{r['good_pairs']} = {r['false_alarm_rate']:.1%}"
            f"  kinds: {r['false_alarm_kinds'] or '-'}"
        )
        if len(r["false_alarms_by_split"]) > 1:
            print("  by split: " + ", ".join(f"{k} {v}" for k, v in r["false_alarms_by_split"].items()))
        for kind, c in r["catch"].items():
            print(
                f"catch {kind:<10} {c['caught']:>4}/{c['total']:<4} = {c['rate']:6.1%}"
                f"   (with that kind: {c['same_kind_rate']:.1%})"
            )
        for how, c in r["catch_by_how"].items():
            print(f"    {how:<44} {c['caught']:>4}/{c['total']:<4} = {c['rate']:6.1%}")
        for fa in r["false_alarm_examples"][: args.examples]:
            print(f"  FALSE ALARM {fa['id']}: {fa['problems']}")
            print(f"      id: {fa['source']}\n      en: {fa['english']}")
        for miss in r["misses"][: args.examples]:
            print(f"  MISS {miss['how']} ({miss['id']}):")
            print(f"      id: {miss['source']}\n      en: {miss['english']}")
    print(f"\nspeed: {report['speed_pairs_per_s']:,} pairs/s")
    if "tiny_model" in report:
        t = report["tiny_model"]
        print(
            f"tiny model: {t['flagged']}/{t['outputs']} = {t['rate']:.1%} outputs flagged"
            f"  kinds: {t['kinds']}  ({t['seconds']} s)"
        )
        for ex in t["unflagged_examples"]:
            print(f"  NOT FLAGGED: {ex['source']}\n      -> {ex['english']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
