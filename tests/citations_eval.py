"""The citation evaluation on the hand-labelled sentence pairs (scripts/data/citations), shared
by `scripts/eval_citations.py` (which prints the figures), `scripts/make_citation_pairs.py`,
`scripts/citation_pairs.py` and the precision floor in `tests/test_grouping_facts.py`, so
that a script and a test never import one another.

The groups of articles that report one event (groups.json), their split, the labelled pairs
(pairs.jsonl), and per digest run and split the citation precision and recall.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

from summarize import digest, load_articles
from summarize.grouping.facts import CANDIDATES_PER_ARTICLE, group_facts
from summarize.rank import get_ranker
from summarize.rank.features import features
from summarize.values import Article
from tests.indosum import INDOSUM, indosum_article, indosum_records

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "scripts" / "data" / "citations"
GROUPS = DATA / "groups.json"
PAIRS = DATA / "pairs.jsonl"
LABELS = ("SAME", "PARTIAL", "DIFFERENT")
PAIR_SPLITS = ("tune", "heldout")  # the splits of the labelled pairs
HELDOUT_SHARE = 0.32  # about this share of groups (hence of pairs) is held out
SPLITS = ("heldout", "all")  # what `evaluate` scores by default (`tune` is for tuning only)
# "facts": the same-fact stage alone, on the hand-checked group as one story (every item);
# "digest": the real digest path (story grouping first), every item; "default": as shipped.
RUNS = {"facts": None, "digest": {"n": 10_000, "items_per_story": 10_000}, "default": {}}

# ---------------------------------------------------------------------------- the data


def load_groups() -> dict[str, dict]:
    return json.loads(GROUPS.read_text(encoding="utf-8"))["groups"]


def group_articles(gid: str, spec: dict, records: dict[str, dict]) -> list[tuple[Article, str]]:
    """The group's articles (ids "1".."n" in listed order) with their source label."""
    if spec.get("seeds"):
        loaded = load_articles([str(ROOT / "seeds")])
        return [(a, Path(a.source).name) for a in loaded.articles]
    out = []
    for k, rid in enumerate(spec["ids"], 1):
        out.append((indosum_article(records[rid], str(k)), f"indosum:{rid}"))
    return out


def group_split(gid: str) -> str:
    """`heldout` for a fixed hash share of groups; the seeds always `tune`."""
    if gid == "seeds":
        return "tune"
    h = int(hashlib.sha256(f"citations:{gid}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "heldout" if h < HELDOUT_SHARE else "tune"


def load_pairs(split: str | None = None) -> list[dict]:
    """All labelled pairs, or those of one split ("tune" or "heldout"), in file order."""
    if split is not None and split not in PAIR_SPLITS:
        raise ValueError(f"split must be one of {PAIR_SPLITS} or None, not {split!r}")
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


# ---------------------------------------------------------------------------- the evaluation


def pair_id(group: str, a: str, i: int, b: str, j: int) -> str:
    """The id `make_citation_pairs.py` gives the pair (order-independent)."""
    if (b, j) < (a, i):
        a, i, b, j = b, j, a, i
    return hashlib.sha1(f"{group}:{a}.{i}-{b}.{j}".encode()).hexdigest()[:10]


def _candidates(articles: list[Article]) -> set[tuple[str, int]]:
    ranker = get_ranker()
    out = set()
    for a in articles:
        scores = ranker.score(a, features(a))
        out |= {
            (a.id, i) for i in sorted(range(len(scores)), key=lambda i: -scores[i])[:CANDIDATES_PER_ARTICLE]
        }
    return out


def merged_pairs(group: str, articles: list[Article], caps: dict[str, int] | None) -> dict[str, tuple]:
    """{pair id: (a, i, b, j)} for every two citations from different articles in one item.

    `caps` None: `group_facts` on all articles as one story; else `digest(articles, **caps)`.
    """
    out = {}
    items = group_facts(articles, n=10_000) if caps is None else digest(articles, **caps).items
    for item in items:
        for c1, c2 in itertools.combinations(item.citations, 2):
            if c1.article != c2.article:
                out[pair_id(group, c1.article, c1.index, c2.article, c2.index)] = (
                    c1.article,
                    c1.index,
                    c2.article,
                    c2.index,
                )
    return out


def score(merged: dict[str, dict], labels: dict[str, dict], same_pairs: list[dict], hit: set[str]) -> dict:
    labelled = [labels[p]["label"] for p in merged if p in labels]
    same = labelled.count("SAME")
    lenient = same + labelled.count("PARTIAL")
    eligible = [p for p in same_pairs if p["eligible"]]
    found = sum(p["pair_id"] in hit for p in eligible)
    return {
        "merged": len(merged),
        "labelled": len(labelled),
        "unlabelled": len(merged) - len(labelled),
        "same": same,
        "partial": labelled.count("PARTIAL"),
        "different": labelled.count("DIFFERENT"),
        "precision": round(same / len(labelled), 3) if labelled else None,
        "lenient_precision": round(lenient / len(labelled), 3) if labelled else None,
        "same_pairs": len(same_pairs),
        "same_eligible": len(eligible),
        "same_merged": found,
        "recall": round(found / len(eligible), 3) if eligible else None,
    }


def evaluate(splits: Sequence[str] = SPLITS) -> tuple[dict, list[dict]]:
    """Figures per run and split, and the merged pairs nobody labelled."""
    records = {r["id"]: r for r in indosum_records(INDOSUM)}
    pairs = load_pairs()
    labels = {p["pair_id"]: p for p in pairs}
    merged: dict[str, dict[str, dict]] = {run: {} for run in RUNS}
    unlabelled = []
    eligible: set[str] = set()
    for gid, spec in load_groups().items():
        arts = [a for a, _ in group_articles(gid, spec, records)]
        by_id = {a.id: a for a in arts}
        cands = _candidates(arts)
        for p in pairs:
            if (
                p["group"] == gid
                and (p["a_article"], p["a_index"]) in cands
                and (p["b_article"], p["b_index"]) in cands
            ):
                eligible.add(p["pair_id"])
        for run, caps in RUNS.items():
            for pid, (a, i, b, j) in merged_pairs(gid, arts, caps).items():
                merged[run][pid] = {"group": gid}
                if pid not in labels and run == "facts" and ("all" in splits or group_split(gid) in splits):
                    unlabelled.append(
                        {
                            "pair_id": pid,
                            "group": gid,
                            "a": f"{a}.{i}",
                            "b": f"{b}.{j}",
                            "a_text": by_id[a].sentences[i].text,
                            "b_text": by_id[b].sentences[j].text,
                        }
                    )
    split_of = {gid: group_split(gid) for gid in load_groups()}
    out: dict = {}
    for run in RUNS:
        out[run] = {}
        for split in splits:
            keep = {p: v for p, v in merged[run].items() if split in ("all", split_of[v["group"]])}
            same_pairs = [
                dict(p, eligible=p["pair_id"] in eligible)
                for p in pairs
                if p["label"] == "SAME" and split in ("all", p["split"])
            ]
            out[run][split] = score(keep, labels, same_pairs, set(merged[run]))
    return out, unlabelled
