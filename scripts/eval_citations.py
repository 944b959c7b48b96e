"""How honest are the digest's citations? Measured on hand-labelled sentence pairs.

For every group of articles in scripts/data/citations/groups.json (the seeds and IndoSum
articles that report one event) the real digest runs on the group's articles, and every
pair of citations from different articles within one item is a *merged pair*, looked up
among the labelled pairs (scripts/data/citations/pairs.jsonl, read by people, see its
README):

- citation precision: merged pairs labelled SAME / labelled merged pairs;
- lenient precision: merged pairs labelled SAME or PARTIAL / labelled merged pairs;
- recall: SAME pairs whose two sentences are both candidates of the same-fact judge (among
  their articles' most salient sentences) and that end up in one item.

Three runs are scored: `facts` (the same-fact stage alone, `group_facts` on the group's
articles as one story, every item: every merge the judge makes), `digest` (the real digest
path, which first groups articles into stories, every item) and `default` (`summarize
digest` as shipped, 20 items, 10 per story). Recall in `digest` also counts SAME pairs that
story grouping put in different sections, which the judge never sees together. A merged
pair nobody labelled is counted and listed (`--unlabelled`): it cannot count as correct.
Figures are given for `heldout` (never used for tuning) and for all pairs.

    python scripts/eval_citations.py [--json] [--unlabelled]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.citations_eval import SPLITS, evaluate  # noqa: E402  (the evaluation, shared with its test)

COMMAND = "python scripts/eval_citations.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--unlabelled", action="store_true", help="list merged pairs nobody labelled")
    parser.add_argument("--split", choices=["tune"], help="also score the tuning split")
    parser.add_argument("--tune-only", action="store_true", help="score only the tuning split (for tuning)")
    args = parser.parse_args()
    splits = list(SPLITS)  # `--split tune` adds the tuning split (tune on that one only)
    if args.split:
        splits.insert(0, args.split)
    if args.tune_only:
        splits = ["tune"]
    start = time.perf_counter()
    figures, unlabelled = evaluate(splits)
    seconds = time.perf_counter() - start
    machine = f"{describe()}"
    if args.json:
        print(
            json.dumps(
                {"command": COMMAND, "machine": machine, "figures": figures, "unlabelled": unlabelled},
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(f"$ {COMMAND}    ({machine}; {seconds:.1f} s)")
    print(
        f"{'digest':10} {'split':8} {'merged':>6} {'unlab.':>6} {'SAME':>5} {'PART.':>5} {'DIFF.':>5} "
        f"{'precision':>9} {'lenient':>7} {'recall':>12}"
    )
    for run, per in figures.items():
        for split, f in per.items():
            recall = f"{f['recall']} ({f['same_merged']}/{f['same_eligible']})"
            print(
                f"{run:10} {split:8} {f['merged']:>6} {f['unlabelled']:>6} {f['same']:>5} {f['partial']:>5} "
                f"{f['different']:>5} {f['precision']!s:>9} {f['lenient_precision']!s:>7} {recall:>12}"
            )
    print("precision = SAME / labelled merged pairs; lenient = (SAME + PARTIAL) / labelled merged pairs;")
    print("recall = SAME pairs merged / SAME pairs whose two sentences are both judge candidates.")
    if args.unlabelled:
        for u in unlabelled:
            print(
                f"\n{u['pair_id']} {u['group']} [{u['a']}] [{u['b']}]\n  A: {u['a_text']}\n  B: {u['b_text']}"
            )
    elif unlabelled:
        print(f"{len(unlabelled)} merged pairs are unlabelled (--unlabelled lists them).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
