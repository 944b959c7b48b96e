"""Train the learned sentence ranker on IndoSum's oracle labels and export it as JSON.

Labels: IndoSum marks oracle sentences in its own tokenisation; each of OUR segmented
sentences is positive when more than half of its characters fall inside labelled gold
sentences (`eval_indosum.gold_overlap`). Features: `summarize.rank.learned.sentence_features`,
the very function the ranker runs at run time.

    python scripts/train_ranker.py --cv                 # 3-fold cross-validation figures
    python scripts/train_ranker.py --train 01 02 --held-out 03 -o summarize/data/ranker.json

Folds overlap (the same article id sits in several dev folds): every id of a held-out fold
is removed from training. Needs scikit-learn (the `train` extra); the shipped ranker does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval_indosum import ROOT, machine

from summarize.errors import InputError
from summarize.rank import register_ranker
from summarize.rank.features import features
from summarize.rank.learned import FEATURE_NAMES, LearnedRanker, Model, sentence_features
from tests.indosum import DATA_DIR, FOLDS, Record, evaluate, gold_overlap, load_records, to_article

POSITIVE_OVERLAP = 0.5  # share of a sentence's characters inside oracle sentences
# Small boosted trees: shallow enough to read as JSON and score in pure Python quickly;
# on cross-validation they beat logistic regression on the same features by about 0.5 R-1.
PARAMS: dict[str, Any] = {
    "n_estimators": 200,
    "max_depth": 3,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "random_state": 0,
}


def fold_ids(folds: Sequence[str], data_dir: Path = DATA_DIR) -> set[str]:
    """Every article id present in `folds` (whichever fold its deduplicated record came from)."""
    ids: set[str] = set()
    for fold in folds:
        with (data_dir / f"dev.{fold}.jsonl").open(encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh)
    return ids


def examples(records: Sequence[Record]) -> tuple[list[list[float]], list[int]]:
    """Feature rows and 0/1 labels for every sentence of every usable record."""
    rows: list[list[float]] = []
    labels: list[int] = []
    for record in records:
        try:
            article, spans = to_article(record)
        except InputError:
            continue
        rows.extend(sentence_features(article, features(article)))
        labels.extend(int(v > POSITIVE_OVERLAP) for v in gold_overlap(article, spans, record.flat_labels))
    return rows, labels


def fit(rows: list[list[float]], labels: list[int]) -> dict[str, Any]:
    """Fit boosted trees and export them as the JSON `summarize.rank.learned.Model` reads."""
    from sklearn.ensemble import GradientBoostingClassifier

    clf = GradientBoostingClassifier(**PARAMS).fit(rows, labels)
    prior = sum(labels) / len(labels)
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        leaf = t.children_left < 0
        trees.append(
            {
                "feature": [-1 if leaf[i] else int(t.feature[i]) for i in range(t.node_count)],
                "threshold": [0.0 if leaf[i] else float(t.threshold[i]) for i in range(t.node_count)],
                "left": [int(x) for x in t.children_left],
                "right": [int(x) for x in t.children_right],
                "value": [round(float(t.value[i][0][0]), 8) for i in range(t.node_count)],
            }
        )
    data = {
        "kind": "trees",
        "features": list(FEATURE_NAMES),
        "bias": math.log(prior / (1 - prior)),
        "learning_rate": PARAMS["learning_rate"],
        "trees": trees,
    }
    _check_export(clf, data, rows)
    return data


def _check_export(clf: Any, data: dict[str, Any], rows: list[list[float]]) -> None:
    """The pure-Python model must reproduce scikit-learn's probabilities.

    Compared on the rows as scikit-learn's trees read them, in float32: a float64 value
    within float32 rounding of a threshold can take the other branch (one row in 17,000 of
    one cross-validation part did, by 1.6e-4), which says nothing about the export."""
    import numpy as np

    model = Model.from_json(data)
    seen = np.asarray(rows, dtype=np.float32)
    expected = clf.predict_proba(seen)[:, 1]
    worst = max(
        abs(model.probability(r) - p) for r, p in zip(seen.astype(np.float64).tolist(), expected, strict=True)
    )
    if worst > 1e-5:
        raise SystemExit(f"exported model disagrees with scikit-learn (max |dp| = {worst:.2g})")


def cross_validate(records: Sequence[Record], data_dir: Path) -> list[dict[str, Any]]:
    """Train on two folds, evaluate on the third (its ids removed from training), for each fold."""
    results = []
    for test_fold in FOLDS:
        test_ids = fold_ids([test_fold], data_dir)
        train = [r for r in records if r.id not in test_ids]
        model = Model.from_json(fit(*examples(train)))
        name = f"learned-cv{test_fold}"
        register_ranker(name, lambda model=model: LearnedRanker(model))  # type: ignore[misc]
        test = load_records([test_fold], data_dir)
        figures = evaluate(test, [name, "centrality"])
        # One name across folds, so the folds can be averaged.
        figures["rouge"]["learned"] = figures["rouge"].pop(name)
        figures["articles_per_second"]["learned"] = figures["articles_per_second"].pop(name)
        figures["fold"] = test_fold
        figures["train_articles"] = len(train)
        results.append(figures)
        print(f"fold {test_fold}: trained on {len(train)} articles, tested on {len(test)}", flush=True)
        _table(figures["rouge"], figures["articles_per_second"])
    return results


def _table(rouge: dict[str, dict[str, float]], speed: dict[str, float]) -> None:
    print(f"  {'system':<12} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for name, m in rouge.items():
        print(f"  {name:<12} {m['R1']:>6.2f} {m['R2']:>6.2f} {m['RL']:>6.2f}")
    for name, aps in speed.items():
        print(f"  speed {name}: {aps} articles/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="3-fold cross-validation figures only")
    parser.add_argument(
        "--train", nargs="+", default=["01", "02"], help="folds to train the shipped model on"
    )
    parser.add_argument(
        "--held-out", nargs="*", default=["03"], help="folds whose ids are kept out of training"
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--json", type=Path, default=None, help="with --cv: also write the figures here")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "summarize" / "data" / "ranker.json")
    args = parser.parse_args(argv)
    print(f"$ python {' '.join(sys.argv)}\nmachine: {machine()}", flush=True)

    if args.cv:
        results = cross_validate(load_records(FOLDS, args.data), args.data)
        systems = list(results[0]["rouge"])
        mean = {
            name: {
                k: round(sum(r["rouge"][name][k] for r in results) / len(results), 2)
                for k in ("R1", "R2", "RL")
            }
            for name in systems
        }
        print(f"mean over folds {' '.join(FOLDS)}")
        _table(mean, {})
        if args.json:
            args.json.write_text(
                json.dumps({"folds": results, "mean": mean}, indent=2) + "\n", encoding="utf-8"
            )
        return 0

    held = fold_ids(args.held_out, args.data) if args.held_out else set()
    train = [r for r in load_records(args.train, args.data) if r.id not in held]
    rows, labels = examples(train)
    data = fit(rows, labels)
    data["trained"] = {
        "data": "IndoSum dev folds",
        "folds": args.train,
        "held_out_folds": args.held_out,
        "articles": len(train),
        "sentences": len(rows),
        "positives": sum(labels),
        "positive_overlap": POSITIVE_OVERLAP,
        "params": PARAMS,
        "date": dt.date.today().isoformat(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(train)} articles, {len(rows)} sentences, {sum(labels)} positive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
