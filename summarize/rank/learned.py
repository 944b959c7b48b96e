"""A sentence ranker learned from IndoSum's oracle labels, evaluated in pure Python.

The model (`summarize/data/ranker.json`, written by `scripts/train_ranker.py`) is either a
small gradient-boosted tree ensemble or a logistic regression over standardised features;
both are read here without scikit-learn or numpy. Scores are probabilities that a sentence
belongs in a 3-sentence extract, so `select` (MMR) can compare them across sentences.

IndoSum carries no titles, so the model does not use title overlap; it uses similarity
to the lead sentence instead, which a real title mostly restates.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lang.vectors import cosine
from ..values import Article
from .features import SentenceFeatures
from .standalone import judge

__all__ = ["FEATURE_NAMES", "LearnedRanker", "Model", "load_model", "sentence_features"]

FEATURE_NAMES: tuple[str, ...] = (
    "index",
    "log_index",
    "is_first",
    "is_second",
    "is_third",
    "position",
    "log_sentences",
    "paragraph",
    "first_paragraph",
    "first_in_paragraph",
    "index_in_paragraph",
    "paragraph_sentences",
    "words",
    "log_words",
    "short",
    "centrality",
    "centrality_rank",
    "centrality_ratio",
    "lead_similarity",
    "mean_similarity",
    "has_number",
    "has_quote",
    "starts_with_quote",
    "question",
    "no_terminal",
    "capitalised",
    "after_dateline",
    "dropped_before",
    "stands_alone",
    "needs_context",
    "hook_or_piece",
)

_TERMINAL = frozenset(".!?…")
_QUOTES = frozenset("\"“”'‘’")


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # The same products in the same order as a generator would give, summed without one.
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def sentence_features(article: Article, feats: Sequence[SentenceFeatures]) -> list[list[float]]:
    """One row of FEATURE_NAMES per sentence: what the model sees (training uses this too)."""
    # Over 60 lines on purpose: the row below lists one feature per line, in FEATURE_NAMES
    # order, so the two can be read side by side; split up, they would drift apart.
    sents = article.sentences
    n = len(sents)
    if n == 0:
        return []
    vectors = [f.vector for f in feats]
    # Mean similarity to the other sentences without an N×N matrix: for unit vectors the sum
    # of cosines to the others is v·(Σ all vectors) − v·v, so the cost is linear in the
    # article's terms (the matrix cost 73 s and 1.5 GB on a 6,000-sentence file).
    total: dict[str, float] = {}
    for vec in vectors:
        for t, w in vec.items():
            total[t] = total.get(t, 0.0) + w
    cents = [f.centrality for f in feats]
    top_cent = max(cents) or 1.0
    order = sorted(range(n), key=lambda i: -cents[i])
    cent_rank = [0] * n
    for r, i in enumerate(order):
        cent_rank[i] = r
    para_sizes: dict[int, int] = {}
    for s in sents:
        para_sizes[s.paragraph] = para_sizes.get(s.paragraph, 0) + 1
    datelines = {d.end for d in article.dropped if d.rule == "dateline"}
    drops = sorted(d.end for d in article.dropped)
    verdicts = judge(article)  # facts first: the model learns what a hook or a dependent line is worth
    rows: list[list[float]] = []
    in_para = 0
    for i, (s, f) in enumerate(zip(sents, feats, strict=True)):
        in_para = 0 if f.first_in_paragraph else in_para + 1
        text = s.text
        words = text.split()
        caps = sum(1 for w in words[1:] if w[:1].isupper())
        stripped = text.rstrip("\"'”’)] ")
        rows.append(
            [
                float(i),
                math.log1p(i),
                float(i == 0),
                float(i == 1),
                float(i == 2),
                f.position,
                math.log(n),
                float(s.paragraph),
                float(s.paragraph == 0),
                float(f.first_in_paragraph),
                float(in_para),
                float(para_sizes[s.paragraph]),
                float(f.words),
                math.log1p(f.words),
                float(f.words < 6),
                f.centrality,
                cent_rank[i] / n,
                f.centrality / top_cent,
                1.0 if i == 0 else cosine(vectors[i], vectors[0]),
                (_dot(vectors[i], total) - _dot(vectors[i], vectors[i])) / max(1, n - 1),
                float(f.has_number),
                float(f.has_quote),
                float(text[:1] in _QUOTES),
                float(stripped.endswith("?")),
                float(stripped[-1:] not in _TERMINAL),
                caps / max(1, len(words) - 1),
                float(s.start in datelines),
                float(bisect_right(drops, s.start)),
                float(verdicts[i].stands_alone),
                float(verdicts[i].label == "NEEDS_CONTEXT"),
                float(not verdicts[i].states_fact),
            ]
        )
    return rows


@dataclass(frozen=True, slots=True)
class Model:
    """A scorer over FEATURE_NAMES rows: logistic weights or a boosted tree ensemble."""

    kind: str  # "logistic" or "trees"
    features: tuple[str, ...]
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    weights: tuple[float, ...] = ()
    bias: float = 0.0
    learning_rate: float = 1.0
    # Each tree: parallel lists (feature, threshold, left, right, value); feature < 0 is a leaf.
    trees: tuple[
        tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...
    ] = ()
    # The ensemble as one straight-line Python function, built once (see `unrolled_logit`).
    _unrolled: Callable[[Sequence[float]], float] | None = field(default=None, compare=False, repr=False)

    def __reduce__(self) -> tuple[type[Model], tuple[Any, ...]]:
        # The generated function can't be pickled; `__post_init__` builds it again. (Spawned
        # pool processes, on macOS and Windows, get their ranker pickled.)
        return Model, (
            self.kind,
            self.features,
            self.mean,
            self.scale,
            self.weights,
            self.bias,
            self.learning_rate,
            self.trees,
        )

    def __post_init__(self) -> None:
        if self.kind == "trees":
            object.__setattr__(self, "_unrolled", unrolled_logit(self))

    def logit(self, row: Sequence[float]) -> float:
        """The model's log-odds for one feature row."""
        if self.kind == "logistic":
            return self.bias + sum(
                w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
            )
        if self._unrolled is not None:
            return self._unrolled(row)
        return self.walk(row)

    def walk(self, row: Sequence[float]) -> float:
        """The trees' log-odds by walking each tree's node lists (what `unrolled_logit` unrolls)."""
        total = self.bias
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while feature[node] >= 0:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            total += self.learning_rate * value[node]
        return total

    @property
    def unrolled(self) -> bool:
        """Whether `logit` runs the generated code (`unrolled_logit`) rather than `walk`."""
        return self._unrolled is not None

    def probability(self, row: Sequence[float]) -> float:
        z = self.logit(row)
        # Split by sign so exp never overflows.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        """Build from the JSON written by `scripts/train_ranker.py`; checks the feature list."""
        features = tuple(data["features"])
        if features != FEATURE_NAMES:
            raise ConfigError(
                "ranker model was trained on different features than this version computes; "
                "retrain it with scripts/train_ranker.py"
            )
        kind = data["kind"]
        if kind == "logistic":
            return cls(
                kind=kind,
                features=features,
                mean=tuple(data["mean"]),
                scale=tuple(data["scale"]),
                weights=tuple(data["weights"]),
                bias=float(data["bias"]),
            )
        if kind == "trees":
            trees = tuple(
                (
                    tuple(t["feature"]),
                    tuple(float(x) for x in t["threshold"]),
                    tuple(t["left"]),
                    tuple(t["right"]),
                    tuple(float(x) for x in t["value"]),
                )
                for t in data["trees"]
            )
            return cls(
                kind=kind,
                features=features,
                bias=float(data["bias"]),
                learning_rate=float(data["learning_rate"]),
                trees=trees,
            )
        raise ConfigError(f"unknown ranker model kind {kind!r} (expected 'logistic' or 'trees')")


# Nesting past this many levels would strain Python's parser; such trees are walked instead.
_MAX_COMPILED_DEPTH = 40


def unrolled_logit(model: Model) -> Callable[[Sequence[float]], float] | None:
    """`Model.walk` for this model's trees, as generated Python: nested if/else per tree,
    summed in tree order.

    Walking 200 trees node by node was the largest cost of a big digest (4 s for 34,000
    sentences); unrolled, each tree is a few comparisons. Re-measured: 147 µs a row against
    271 µs walked (the 3,071 sentences of 200 IndoSum dev articles, 2-core Xeon, shared), so
    it stays; tests/test_scale.py compares it with a plain walk on every real sentence. Each
    feature the trees compare is read from the row into a local once, at the top: 9.0 µs a
    row where indexing the row at each comparison took 13.6 (the same 3,132 sentences of
    scripts/bench_scale.py's 200 files, in one process, 2-core EPYC, shared).

    The result is the same float as `Model.walk`: the same comparisons, and the same
    additions in the same order (each leaf adds `learning_rate * value`, computed here once
    with the same rounding). Constants are written with `repr`, which round-trips every
    finite float; a model with other values, or trees too deep to nest, is left to `walk`
    (None).
    """
    lines = [f"    total = {model.bias!r}"]
    used: set[int] = set()  # the features the trees compare, each read from the row once

    def emit(tree: int, node: int, depth: int) -> bool:
        feature, threshold, left, right, value = model.trees[tree]
        pad = "    " * (depth + 1)
        if depth > _MAX_COMPILED_DEPTH:
            return False
        if feature[node] < 0:
            step = model.learning_rate * value[node]
            if not math.isfinite(step):
                return False
            lines.append(f"{pad}total += {step!r}")
            return True
        f, cut = int(feature[node]), float(threshold[node])
        if not (0 <= f < len(model.features) and math.isfinite(cut)):
            return False
        used.add(f)
        lines.append(f"{pad}if x{f} <= {cut!r}:")
        if not emit(tree, left[node], depth + 1):
            return False
        lines.append(f"{pad}else:")
        return emit(tree, right[node], depth + 1)

    if not math.isfinite(model.bias) or not all(emit(k, 0, 0) for k in range(len(model.trees))):
        return None
    lines.append("    return total")
    # A local per feature: a comparison then loads a name rather than indexing the row.
    lines[:0] = ["def logit(row):", *(f"    x{f} = row[{f}]" for f in sorted(used))]
    namespace: dict[str, Any] = {}
    # Safe to exec: the source holds only ints and float reprs written above, never model text.
    exec(compile("\n".join(lines), "<ranker trees>", "exec"), namespace)
    fn: Callable[[Sequence[float]], float] = namespace["logit"]
    return fn


def load_model(path: str | Path | None = None) -> Model:
    """The model at `path`, or the one shipped with the package (cached)."""
    if path is not None:
        return Model.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> Model:
    text = resources.files("summarize").joinpath("data/ranker.json").read_text(encoding="utf-8")
    return Model.from_json(json.loads(text))


class LearnedRanker:
    """Scores sentences with the model learned from IndoSum (see `scripts/train_ranker.py`)."""

    name = "learned"

    def __init__(self, model: Model | None = None) -> None:
        self.model = model or load_model()

    def score(self, article: Article, feats: Sequence[SentenceFeatures]) -> list[float]:
        return [self.model.probability(row) for row in sentence_features(article, feats)]
