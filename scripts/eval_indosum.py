"""Extractive quality on IndoSum: our whole front half (clean, segment, rank) against LEAD-3 and the oracle.

Each IndoSum record is turned back into plain text (tokens joined, lightly detokenised,
paragraphs separated by blank lines) and run through `article_from_text` and
`summarize.brief(..., n=3)` without translation, exactly as the CLI's `--no-translate` would.
Every system is scored with one ROUGE scorer against the human (abstractive) summary.

    python scripts/eval_indosum.py --folds 01 02 03 --ranker learned centrality

Is a change's move real or noise? A gate of a few hundred articles moves with the few briefs
a change alters. Save the per-article scores of one run and compare another against them:

    git stash; python scripts/eval_indosum.py --folds 03 --limit 150 --save-articles base.json
    git stash pop; python scripts/eval_indosum.py --folds 03 --limit 150 --against base.json

`--against` prints, for each ranker in both runs, the mean paired difference of R-1/R-2/R-L
over the articles both scored, its standard error, and how many articles' briefs changed.

The helpers (`load_records`, `record_text`, `gold_overlap`, `Rouge`, `evaluate`, `paired`) live in
`tests/indosum.py`, shared with `scripts/train_ranker.py` and the quality gate in
`tests/test_quality.py`.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python scripts/eval_indosum.py` from a checkout
    sys.path.insert(0, str(ROOT))

from tests.indosum import (  # noqa: E402  (the IndoSum helpers, shared with the quality gate)
    DATA_DIR,
    FOLDS,
    Record,
    evaluate,
    load_records,
    paired,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import describe as machine  # noqa: E402


def _training_notes(records: Sequence[Record], rankers: Sequence[str], data_dir: Path) -> list[str]:
    """Warn when the shipped learned model was trained on some of the evaluated articles."""
    if "learned" not in rankers:
        return []
    from importlib import resources

    raw = json.loads(resources.files("summarize").joinpath("data/ranker.json").read_text(encoding="utf-8"))
    trained = raw.get("trained", {})
    folds = trained.get("folds", [])
    held = trained.get("held_out_folds", [])
    seen = {r.id for r in load_records(folds, data_dir)} if folds else set()
    seen -= {r.id for r in load_records(held, data_dir)} if held else set()
    overlap = sum(r.id in seen for r in records)
    if not overlap:
        return []
    return [
        f"the shipped learned model was trained on {overlap} of these {len(records)} articles "
        f"(folds {' '.join(folds)}): its figure here is not a held-out one"
    ]


# ------------------------------------------------------------------------------ CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", default=list(FOLDS), help="dev folds to read (01 02 03)")
    parser.add_argument(
        "--ranker", nargs="+", default=["learned", "centrality"], help="rankers to evaluate, by name"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N records (after dedup)")
    parser.add_argument(
        "--exclude-folds",
        nargs="*",
        default=[],
        help="drop records whose id is in these folds (e.g. the folds a model was trained on)",
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder holding dev.NN.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--save-articles",
        type=Path,
        metavar="FILE",
        help="write each ranker's per-article ROUGE to FILE (JSON)",
    )
    parser.add_argument(
        "--against",
        type=Path,
        metavar="FILE",
        help="compare each ranker, article by article, with a run saved by --save-articles",
    )
    args = parser.parse_args(argv)
    before = _saved(args.against) if args.against else None

    records = load_records(args.folds, args.data)
    if args.exclude_folds:
        excluded = {r.id for r in load_records(args.exclude_folds, args.data)}
        records = [r for r in records if r.id not in excluded]
    if args.limit is not None:
        records = records[: args.limit]
    result = evaluate(records, args.ranker)
    per_article = result.pop("per_article")
    if args.save_articles:
        args.save_articles.write_text(json.dumps(per_article), encoding="utf-8")
    if before is not None:
        result["paired"] = {
            name: paired(before[name], scores) for name, scores in per_article.items() if name in before
        }
    result["notes"] = _training_notes(records, args.ranker, args.data)
    result["command"] = "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])])
    result["machine"] = machine()
    result["folds"] = args.folds
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"$ {result['command']}")
    print(f"machine: {result['machine']}")
    print(f"folds {' '.join(args.folds)}: {result['articles']} articles, {len(result['skipped'])} skipped")
    print(f"{'system':<14} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for name, m in result["rouge"].items():
        print(f"{name:<14} {m['R1']:>6.2f} {m['R2']:>6.2f} {m['RL']:>6.2f}")
    for note in result["notes"]:
        print(f"note: {note}")
    for name, aps in result["articles_per_second"].items():
        print(f"speed {name}: {aps} articles/s (clean + segment + rank + select, one process)")
    for name, p in result.get("paired", {}).items():
        moves = ", ".join(f"{m} {p[m]['mean']:+.2f} (SE {p[m]['se']:.2f})" for m in ("R1", "R2", "RL"))
        print(f"against {args.against}, {name}: {moves}; {p['changed']} of {p['articles']} articles changed")
    return 0


def _saved(path: Path) -> dict[str, dict[str, list[float]]]:
    """A run saved by --save-articles; exits with one line when it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        sys.exit(f"error: cannot read {path}: {exc}")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        sys.exit(f"error: {path} is not a file --save-articles wrote")
    return data


if __name__ == "__main__":
    sys.exit(main())
