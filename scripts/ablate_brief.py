"""What each of a brief's paragraph rules costs in ROUGE, on folds the shipped ranker is tuned on.

`summarize.rank.select` makes `brief(n=3)` read as a paragraph (issue 21): hooks, fragments and
furniture are never shown, a sentence that needs an earlier one comes with it, a sentence that
may lean on one (`leans`) or takes from one (`ties`) follows it, the opening is one the
judgement is sure of (the `may_open` tiers), a connective-led sentence is never first, and a
repeat (`REPEAT`) is skipped; MMR keeps the picks apart. IndoSum's reference summaries keep
many sentences those rules hold back, so each rule costs ROUGE. This script switches the
rules off one at a time (and the ranker's signal, for LEAD-3 and top-3) and prints each
variant's ROUGE and its difference from the shipped selection.

Scores are out-of-fold: the records of `--folds` (every id of `--held-out` removed) are split
by article into `--k` parts; each part is scored by a ranker trained (as `train_ranker.py`
trains the shipped one) on the other parts. So the held-out fold is never read, and the
figures are the ones to tune on.

    python scripts/ablate_brief.py                      # folds 01 02, fold 03 ids removed
    python scripts/ablate_brief.py --k 3 --seed 1
    python scripts/ablate_brief.py --shipped --folds 04 05 --held-out 01 02 03 --data DIR5
        # the shipped ranker's scores, no retraining: for folds no model or rule was tuned on
        # (dev.04 and dev.05, in DIR5 beside the three every checkout holds), what each rule costs
        # on unseen text

Needs the `train` extra (scikit-learn, rouge-score).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eval_indosum import machine
from train_ranker import examples, fit, fold_ids

import summarize.rank as rank
from summarize.errors import InputError
from summarize.lang.vectors import Vector
from summarize.rank.features import features
from summarize.rank.learned import Model, load_model, sentence_features
from summarize.rank.sentence_rules import STANDALONE, Judgement
from summarize.rank.ties import judge_for_brief
from tests.indosum import DATA_DIR, N_SENTENCES, Record, Rouge, load_records, to_article


@dataclass(frozen=True, slots=True)
class Case:
    """One article as the selection sees it: its rows, vectors, judgements and reference."""

    record: Record
    texts: tuple[str, ...]
    rows: list[list[float]]
    vectors: list[Vector]
    judgements: list[Judgement]


def cases(records: Sequence[Record]) -> list[Case]:
    out = []
    for record in records:
        try:
            article, _ = to_article(record)
        except InputError:  # an unusable record: train_ranker.examples skips it too
            continue
        feats = features(article)
        out.append(
            Case(
                record,
                tuple(s.text for s in article.sentences),
                sentence_features(article, feats),
                [f.vector for f in feats],
                judge_for_brief(article),
            )
        )
    return out


def out_of_fold(data: Sequence[Case], k: int, seed: int) -> list[list[float]]:
    """Each case's learned scores from a ranker trained on the other k-1 parts (split by article)."""
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    scores: list[list[float]] = [[] for _ in data]
    for part in range(k):
        test = set(order[part::k])
        model = Model.from_json(fit(*examples([c.record for i, c in enumerate(data) if i not in test])))
        for i in test:
            scores[i] = [model.probability(row) for row in data[i].rows]
        print(f"  part {part + 1}/{k} scored", flush=True)
    return scores


Variant = Callable[[Case, list[float]], list[int]]


def _rules(change: Callable[[Judgement], Judgement], **options: float) -> Variant:
    def pick(case: Case, scores: list[float]) -> list[int]:
        return rank.select(
            scores, case.vectors, N_SENTENCES, judgements=[change(j) for j in case.judgements], **options
        )

    return pick


def _no_repeat(case: Case, scores: list[float]) -> list[int]:
    kept, rank.REPEAT = rank.REPEAT, math.inf
    try:
        return _rules(lambda j: j)(case, scores)
    finally:
        rank.REPEAT = kept


def _trim_first(j: Judgement) -> Judgement:
    # A connective-led sentence read as if it stood alone: it may then open the brief.
    return replace(j, label=STANDALONE, trim=0) if j.trim else j


def _soft_off(j: Judgement) -> Judgement:
    return _trim_first(replace(j, leans=False, ties=(), opens=True))


VARIANTS: dict[str, Variant] = {
    "shipped": _rules(lambda j: j),
    "REPEAT off": _no_repeat,
    "MMR diversity 0": _rules(lambda j: j, diversity=0.0),
    "may_open tiers off": _rules(lambda j: replace(j, opens=True)),
    "leans off": _rules(lambda j: replace(j, leans=False)),
    "ties off": _rules(lambda j: replace(j, ties=())),
    "trim-never-first off": _rules(_trim_first),
    "all of the above off": _rules(_soft_off),
    "hooks/fragments allowed": _rules(
        lambda j: _soft_off(replace(j, label=STANDALONE) if not j.states_fact else j)
    ),
    "no rules (plain MMR)": lambda c, s: rank.select(s, c.vectors, N_SENTENCES),
    "top-3 by score": lambda c, s: sorted(sorted(range(len(s)), key=lambda i: (-s[i], i))[:N_SENTENCES]),
    "LEAD-3": lambda c, s: list(range(min(N_SENTENCES, len(s)))),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", default=["01", "02"], help="folds to tune on")
    parser.add_argument("--held-out", nargs="*", default=["03"], help="folds whose ids are removed")
    parser.add_argument("--k", type=int, default=5, help="parts, split by article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="score with the shipped ranker instead of out-of-fold retraining (for folds it never saw)",
    )
    args = parser.parse_args(argv)
    print(f"$ python {' '.join(sys.argv)}\nmachine: {machine()}", flush=True)
    held = fold_ids(args.held_out, args.data) if args.held_out else set()
    data = cases([r for r in load_records(args.folds, args.data) if r.id not in held])
    print(f"folds {' '.join(args.folds)}: {len(data)} articles ({len(held)} held-out ids removed)")
    if args.shipped:
        model = load_model()
        scores = [[model.probability(row) for row in case.rows] for case in data]
    else:
        scores = out_of_fold(data, args.k, args.seed)
    rouge = Rouge()
    print(f"{'selection':<26} {'R-1':>6} {'R-2':>6} {'R-L':>6}   {'dR-1':>6} {'dR-2':>6} {'dR-L':>6}")
    base: list[float] = []
    for name, variant in VARIANTS.items():
        sums = [0.0, 0.0, 0.0]
        for case, s in zip(data, scores, strict=True):
            text = " ".join(case.texts[i] for i in variant(case, s))
            for m, v in enumerate(rouge.score(text, case.record.summary)):
                sums[m] += v
        means = [v / len(data) for v in sums]
        base = base or means
        diff = " ".join(f"{m - b:>+6.2f}" for m, b in zip(means, base, strict=True))
        print(f"{name:<26} {means[0]:>6.2f} {means[1]:>6.2f} {means[2]:>6.2f}   {diff}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
