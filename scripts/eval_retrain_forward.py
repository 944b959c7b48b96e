"""Would retraining the sure tier each round have judged the next fresh set better?

The shipped scorer of the stands-alone judgement (`summarize/data/standalone.json`) was trained
once, and the rules went on changing round after round. `train_standalone.py`'s cross-validated
figures re-fit a scorer on each fold, so they describe a retrained scorer, not the shipped one.
This script asks what a retrain is worth on text no scorer saw, in the order the sets came: for
each held-out split `heldoutK` of the range, it trains a scorer and a hook score on every split
before it (`tune`, `heldout`, `tune2`, `heldout2` to `heldoutK-1`, as `train_standalone.fit_all`
does, at the shipped cuts) and judges `heldoutK` once with that scorer and once with the shipped
one (or, with `--against FILE`, with the scorer JSON in FILE). Both use today's rules, so the
comparison is of the scorers alone (the rules were partly written from these sets' misses, for
both alike). Once the shipped scorer is itself trained on the judged splits, its column is in
sample: compare against the scorer that was shipped before, from git, as below.

    python scripts/eval_retrain_forward.py --from 20 --to 28
    git show 33bf61c:summarize/data/standalone.json > /tmp/round10.json   # round 10's scorer
    python scripts/eval_retrain_forward.py --from 20 --to 28 --against /tmp/round10.json
    python scripts/eval_retrain_forward.py --from 20 --to 32 --digest-only --against /tmp/round10.json

With `--digest-only` the retrained scorer judges only which sentences may be digest lines (its
tier and hook score: `rank.sure.Scorer.digest`); briefs keep the scorer compared with, so their
columns match it and the IndoSum gate does not move.

Prints, per split and pooled: digest lines standing alone (of those labelled), stories led by a
teaser, fragment or furniture, stories with no line, and briefs of three and five (sentences
needing an unshown one, briefs opening badly). About a minute a split on 2 cores. Needs
scikit-learn only through `train_standalone` (the `train` extra).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_standalone as train
from machine_info import describe as machine

from summarize.rank.sure import load_scorer
from tests.standalone_eval import FRESH, SPLITS, TUNING, Labelled, evaluate_data, load


def tuning_splits() -> list[str]:
    """The parts of the tuning data (every split but the fresh one and `tuning` itself)."""
    return list(SPLITS[:-2])


def before(k: int, parts: dict[str, Labelled]) -> Labelled:
    """Every tuning split of `parts` labelled before `heldoutK`, as one set."""
    earlier = [p for name, p in parts.items() if _order(name) < k]
    return Labelled(
        [a for p in earlier for a in p.articles], {key: v for p in earlier for key, v in p.labels.items()}
    )


def _order(split: str) -> int:
    """`tune`, `heldout` and `tune2` come first; `heldoutK` is K."""
    tail = split.removeprefix("heldout")
    return int(tail) if tail.isdigit() else 0


def line(name: str, c: dict[str, float]) -> str:
    """One line of `train_standalone.counts`."""
    alone, labelled = int(c["lines_alone"]), int(c["lines"])
    return (
        f"{name}: digest {alone} of {labelled} labelled lines stand alone"
        f" ({100 * alone / max(1, labelled):.1f}%), {int(c['all_lines'])} lines, {int(c['bad_leads'])} led badly,"
        f" {int(c['bare_stories'])} with no line; briefs n=3 {int(c['brief3_unshown'])} unshown /"
        f" {int(c['brief3_bad_first'])} open badly, n=5 {int(c['brief5_unshown'])} / {int(c['brief5_bad_first'])}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--from", dest="first", type=int, default=20, help="the first heldoutK judged (default 20)"
    )
    parser.add_argument("--to", dest="last", type=int, help="the last (default: the last split tuned on)")
    parser.add_argument(
        "--against", type=Path, help="a scorer JSON to compare with (default: the shipped one)"
    )
    parser.add_argument(
        "--digest-only",
        action="store_true",
        help="retrain only the digest's scorer (rank.sure.Scorer.digest): briefs keep the one compared with",
    )
    parser.add_argument(
        "--cuts",
        type=float,
        nargs=2,
        metavar=("LEAD", "LATER"),
        help="the retrained scorer's tier cuts (default: those of the scorer compared with)",
    )
    args = parser.parse_args(argv)
    print(
        "$ python scripts/eval_retrain_forward.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    )
    print(f"machine: {machine()}")
    tuned = max(_order(s) for s in tuning_splits())
    last = args.last or tuned
    if last > tuned:
        parser.error(
            f"--to {last}: heldout{tuned} is the last split tuned on ({FRESH} is scored once, by eval_standalone.py)"
        )
    against = load_scorer(str(args.against) if args.against else None)
    cuts = against.cuts
    mine = {"lead": args.cuts[0], "body": args.cuts[1]} if args.cuts else {}
    print(
        f"cuts: {cuts}{f', retrained at {mine}' if mine else ''}; {TUNING} splits heldout{args.first} to heldout{last}; against {args.against or 'the shipped scorer'}"
        + ("; retrained: the digest's scorer only" if args.digest_only else "")
    )
    parts = {name: load(name) for name in tuning_splits() if _order(name) <= last}  # each read once
    pooled: dict[str, dict[str, float]] = {"against": {}, "retrained": {}}
    for k in range(args.first, last + 1):
        split = f"heldout{k}"
        data = parts[split]
        model = train.fit_all(before(k, parts))
        with train.scored_by(against):
            shipped = train.counts(evaluate_data(split, data))
        retrain = train.scorer(model, {**cuts, **mine})
        with train.scored_by(replace(against, digest=retrain) if args.digest_only else retrain):
            retrained = train.counts(evaluate_data(split, data))
        for who, c in (("against", shipped), ("retrained", retrained)):
            print(line(f"{split} {who:9s}", c))
            for f, v in c.items():
                pooled[who][f] = pooled[who].get(f, 0) + v
    for who, c in pooled.items():
        print(line(f"pooled {who:9s}", c))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
