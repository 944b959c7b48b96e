"""Would a word model trained on the readers' labels be the better judge the briefs need?

`scripts/eval_judge_oracle.py` shows that briefs meet issue 21's opening target, with ROUGE
held, when the stands-alone judgement is as accurate as the readers. The judgement's learned
part is a logistic regression over 49 named features (`summarize.rank.sure`). Without encoder
weights, the one other model the labels alone can train is lexical. This script asks whether
one would help, out of fold, on the tuning data's examples (every labelled sentence the rules
pass, whole or trimmed: `train_standalone.passed`):

- `lexical alone`: an L2 logistic regression (scikit-learn) over the sentence's words and word
  pairs (`rank.sure_features.hook_terms`, as the lexical hook score reads a lead), its first three words
  by position ("@0:namun") and whether it is the lead;
- `stacked`: the shipped features plus that lexical score as one more feature, fitted as
  `train_standalone.fit` fits the scorer. The lexical score of a training example comes from a
  model that never saw its article (`HOOK_INNER` inner folds), so the stack learns how far to
  trust it on unseen text.

Each of the 10 article folds (`train_standalone.fold_of`) is judged by models trained on the
other nine. For leads and for later sentences apart it prints the AUC and, at each cut the
judgement uses (the digest's 0.971 / 0.96, a brief's opening 0.8 / 0.4), the sentences the
shipped scorer admits and how many of them the readers did not call STANDALONE, beside how many
the stacked scorer admits among the same number of its best.

    python scripts/eval_lexical_judge.py              # C = 0.3
    python scripts/eval_lexical_judge.py --c 0.1 1

Research only: nothing in the package reads it.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_standalone as train
from machine_info import describe as machine

from summarize.rank.sure_features import FEATURES, hook_terms
from tests.standalone_eval import TUNING, load

# The cuts the judgement reads (`train_standalone`): a digest line, then a brief's opening.
CUTS = {"leads": (train.OPEN_LEAD, 0.971), "later": (train.OPEN_BODY, 0.96)}


def terms_of(text: str, lead: bool) -> frozenset[str]:
    """What the lexical model reads of a sentence."""
    first = {f"@{k}:{w.lower()}" for k, w in enumerate(text.split()[:3])}
    return frozenset({*hook_terms(text), *first, "<lead>" if lead else "<body>"})


class Terms:
    """The examples' terms as sparse rows over one vocabulary."""

    def __init__(self, terms: Sequence[frozenset[str]]) -> None:
        self.terms = terms
        self.vocab: dict[str, int] = {}
        for ts in terms:
            for t in sorted(ts):
                self.vocab.setdefault(t, len(self.vocab))

    def rows(self, idx: np.ndarray) -> csr_matrix:
        r = [n for n, k in enumerate(idx) for _ in self.terms[k]]
        c = [self.vocab[t] for k in idx for t in self.terms[k]]
        return csr_matrix((np.ones(len(r)), (r, c)), shape=(len(idx), len(self.vocab)))


def lexical(terms: Terms, y: np.ndarray, train_idx: np.ndarray, test_idx: np.ndarray, c: float) -> np.ndarray:
    """The lexical model's log-odds for `test_idx`, trained on `train_idx`."""
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(terms.rows(train_idx), y[train_idx])
    return model.decision_function(terms.rows(test_idx))


def out_of_fold(
    x: np.ndarray, y: np.ndarray, groups: Sequence[str], terms: Terms, c: float
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold lexical log-odds and stacked probabilities."""
    folds = np.array([train.fold_of(g) for g in groups])
    inner = np.array([train.inner_fold(g) for g in groups])
    lex, stacked = np.zeros(len(y)), np.zeros(len(y))
    for k in range(train.FOLDS):
        test, rest = np.flatnonzero(folds == k), np.flatnonzero(folds != k)
        seen = np.zeros(len(rest))  # each training example scored by a model that never saw it
        for j in range(train.HOOK_INNER):
            mask = inner[rest] == j
            seen[mask] = lexical(terms, y, rest[~mask], rest[mask], c)
        lex[test] = lexical(terms, y, rest, test, c)
        w, mean, scale = train.newton(np.column_stack([x[rest], seen]), y[rest], train.L2)
        z = w[0] + ((np.column_stack([x[test], lex[test]]) - mean) / scale) @ w[1:]
        stacked[test] = 1 / (1 + np.exp(-z))
    return lex, stacked


def compare(name: str, y: np.ndarray, shipped: np.ndarray, stacked: np.ndarray, lex: np.ndarray) -> None:
    auc = roc_auc_score
    print(
        f"  {name} ({len(y)}, {int(len(y) - y.sum())} not standalone): AUC shipped {auc(y, shipped):.3f},"
        f" lexical alone {auc(y, lex):.3f}, stacked {auc(y, stacked):.3f}"
    )
    for cut in CUTS[name]:
        admitted = shipped >= cut
        n = int(admitted.sum())
        best = np.argsort(-stacked, kind="stable")[:n]
        print(
            f"    at the shipped p >= {cut}: {n} admitted, {int(n - y[admitted].sum())} of them not standalone;"
            f" the stacked scorer's best {n}: {int(n - y[best].sum())}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--c", type=float, nargs="+", default=[0.3], help="inverse L2 strength(s) of the word model"
    )
    args = parser.parse_args(argv)
    print("$ python scripts/eval_lexical_judge.py " + shlex.join(argv if argv is not None else sys.argv[1:]))
    print(f"machine: {machine()}")
    data = load(TUNING)
    rows, ys, groups, terms = [], [], [], []
    for a, i, trim, row, standalone in train.passed(data):
        rows.append([row.get(f, 0.0) for f in FEATURES])
        ys.append(float(standalone))
        groups.append(a.id)
        terms.append(terms_of(" ".join(a.sentences[i].text.split()[trim:]), i == 0))
    x, y = np.array(rows), np.array(ys)
    lead = np.array(["<lead>" in t for t in terms])
    shipped = train.out_of_fold(x, y, groups)
    vocabulary = Terms(terms)
    print(f"{TUNING}: {len(y)} examples, {len(vocabulary.vocab)} terms; 10 article folds")
    for c in args.c:
        lex, stacked = out_of_fold(x, y, groups, vocabulary, c)
        print(f"word model C = {c}:")
        compare("leads", y[lead], shipped[lead], stacked[lead], lex[lead])
        compare("later", y[~lead], shipped[~lead], stacked[~lead], lex[~lead])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
