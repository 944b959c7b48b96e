"""Load the hand-labelled "same fact" sentence pairs (scripts/data/citations/pairs.jsonl).

    from citation_pairs import load_pairs
    tune = load_pairs("tune")        # for tuning; never tune on "heldout"

Each pair: pair_id, group, a_/b_ article, source, index and text, drawn, similarity,
label (SAME / PARTIAL / DIFFERENT), why, split (tune / heldout). See README.md there.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The loading lives with the citation evaluation, shared with the tests.
from tests.citations_eval import LABELS, PAIRS, load_pairs  # noqa: E402
from tests.citations_eval import PAIR_SPLITS as SPLITS  # noqa: E402

__all__ = ["LABELS", "PAIRS", "SPLITS", "load_pairs"]
