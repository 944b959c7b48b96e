"""Train the news score that puts facts first across the digest's stories, and export it as JSON.

Examples: the story leads of scripts/data/news/lines.jsonl from IndoSum folds 01 and 02
(fold 03 is held out: `scripts/eval_news.py`), positive when the readers labelled the line
FACT. Features: `summarize.rank.news.features`, the very function the digest runs. Model: an
L2-regularised logistic regression on standardised features, fitted by Newton's method in
numpy (deterministic), then written back in the features' own units so that the package
needs no numpy.

Cross-validated by article (`FOLDS` folds by a hash of the article id): each lead is scored
by a model that never saw it; the figure is how often a SOFT lead scores above a FACT one,
over every such pair (ties count half).

    python scripts/train_news.py                                # the cross-validated figure
    python scripts/train_news.py -o summarize/data/news.json    # and write the weights
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from logistic import newton  # noqa: E402
from machine_info import describe as machine  # noqa: E402

from summarize.rank.news import FEATURES, features  # noqa: E402
from tests.news_eval import FACT, TUNING, lines  # noqa: E402

FOLDS = 10
L2 = 10.0  # ridge on the standardised weights: 300 leads, 43 SOFT (cross-validated 20.5% at 10, 20.6-21.1% at 1-3)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Standardise, then Newton's method on the L2-penalised log-loss (the bias unpenalised);
    returns the bias and weights in the features' own units."""
    w, mean, scale = newton(x, y, L2)
    weights = w[1:] / scale
    return float(w[0] - weights @ mean), weights


def soft_above(scores: np.ndarray, y: np.ndarray) -> float:
    """The share of (FACT, SOFT) pairs where the SOFT one scores higher (ties half)."""
    fact, soft = scores[y == 1], scores[y == 0]
    above = (soft[:, None] > fact[None, :]).sum() + 0.5 * (soft[:, None] == fact[None, :]).sum()
    return float(above / (len(fact) * len(soft)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write the weights here (summarize/data/news.json)")
    args = parser.parse_args()
    print("$ python scripts/train_news.py " + shlex.join(sys.argv[1:]))
    print(f"machine: {machine()}")
    rows = [r for r in lines() if r["fold"] in TUNING]
    x = np.array([[features(r["text"])[name] for name in FEATURES] for r in rows])
    y = np.array([r["label"] == FACT for r in rows], dtype=float)
    fold = np.array([int(hashlib.sha1(r["article"].encode()).hexdigest(), 16) % FOLDS for r in rows])
    out_of_fold = np.zeros(len(rows))
    for k in range(FOLDS):
        bias, weights = fit(x[fold != k], y[fold != k])
        out_of_fold[fold == k] = bias + x[fold == k] @ weights
    print(f"tuning leads (folds {' '.join(TUNING)}): {len(rows)}, {int(len(rows) - y.sum())} SOFT")
    print(
        f"cross-validated: a SOFT lead scores above a FACT one in {soft_above(out_of_fold, y):.1%} of pairs"
    )
    for name in FEATURES:
        column = x[:, FEATURES.index(name)]
        print(f"  {name:8} alone: SOFT above FACT {soft_above(column, y):.1%}")
    bias, weights = fit(x, y)
    print(
        "weights: "
        + ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, weights, strict=True))
        + f"; bias {bias:+.2f}"
    )
    if args.output:
        model = {
            "about": "The news score (summarize/rank/news.py): logistic weights over named features in their "
            "own units, written by scripts/train_news.py from the labelled story leads of "
            "scripts/data/news/ (IndoSum folds 01 and 02).",
            "examples": len(rows),
            "bias": bias,
            "weights": dict(zip(FEATURES, map(float, weights), strict=True)),
        }
        args.output.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
