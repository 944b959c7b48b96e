"""Load the hand-labelled "same fact" sentence pairs (scripts/data/citations/pairs.jsonl).

    from citation_pairs import load_pairs
    tune = load_pairs("tune")        # for tuning; never tune on "heldout"

Each pair: pair_id, group, a_/b_ article, source, index and text, drawn, similarity,
label (SAME / PARTIAL / DIFFERENT), why, split (tune / heldout). See README.md there.
"""

from __future__ import annotations

import json
from pathlib import Path

PAIRS = Path(__file__).resolve().parent / "data" / "citations" / "pairs.jsonl"
LABELS = ("SAME", "PARTIAL", "DIFFERENT")
SPLITS = ("tune", "heldout")


def load_pairs(split: str | None = None) -> list[dict]:
    """All labelled pairs, or those of one split ("tune" or "heldout"), in file order."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS} or None, not {split!r}")
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]
