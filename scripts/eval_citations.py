"""How honest are the digest's citations? Measured on hand-labelled sentence pairs.

For every group of articles in scripts/data/citations/groups.json (the seeds and IndoSum
articles that report one event) the real digest runs on the group's articles, and every
pair of citations from different articles within one item is a *merged pair*, looked up
among the labelled pairs (scripts/data/citations/pairs.jsonl, read by people, see its
README):

- citation precision: merged pairs labelled SAME / labelled merged pairs;
- lenient precision: merged pairs labelled SAME or PARTIAL / labelled merged pairs;
- recall: SAME pairs whose two sentences are both candidates of the same-fact judge (among
  their articles' most salient sentences) and that end up in one item.

Three runs are scored: `facts` (the same-fact stage alone, `group_facts` on the group's
articles as one story, every item: every merge the judge makes), `digest` (the real digest
path, which first groups articles into stories, every item) and `default` (`summarize
digest` as shipped, 20 items, 10 per story). Recall in `digest` also counts SAME pairs that
story grouping put in different sections, which the judge never sees together. A merged
pair nobody labelled is counted and listed (`--unlabelled`): it cannot count as correct.
Figures are given for `heldout` (never used for tuning) and for all pairs.

    python scripts/eval_citations.py [--json] [--unlabelled]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_citation_pairs as mcp  # group loading, next to this script
from citation_pairs import load_pairs
from machine_info import describe

from summarize import digest
from summarize.grouping.facts import CANDIDATES_PER_ARTICLE, group_facts
from summarize.rank import get_ranker
from summarize.rank.features import features
from summarize.values import Article

COMMAND = "python scripts/eval_citations.py"
SPLITS = ["heldout", "all"]  # `--split tune` adds the tuning split (tune on that one only)
# "facts": the same-fact stage alone, on the hand-checked group as one story (every item);
# "digest": the real digest path (story grouping first), every item; "default": as shipped.
RUNS = {"facts": None, "digest": {"n": 10_000, "items_per_story": 10_000}, "default": {}}


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


def evaluate() -> tuple[dict, list[dict]]:
    """Figures per run and split, and the merged pairs nobody labelled."""
    records = {r["id"]: r for r in mcp.eval_stories.indosum_records(mcp.eval_stories.INDOSUM)}
    pairs = load_pairs()
    labels = {p["pair_id"]: p for p in pairs}
    merged: dict[str, dict[str, dict]] = {run: {} for run in RUNS}
    unlabelled = []
    eligible: set[str] = set()
    for gid, spec in mcp.load_groups().items():
        arts = [a for a, _ in mcp.group_articles(gid, spec, records)]
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
                if pid not in labels and run == "facts" and ("all" in SPLITS or mcp.split_of(gid) in SPLITS):
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
    split_of = {gid: mcp.split_of(gid) for gid in mcp.load_groups()}
    out: dict = {}
    for run in RUNS:
        out[run] = {}
        for split in SPLITS:
            keep = {p: v for p, v in merged[run].items() if split in ("all", split_of[v["group"]])}
            same_pairs = [
                dict(p, eligible=p["pair_id"] in eligible)
                for p in pairs
                if p["label"] == "SAME" and split in ("all", p["split"])
            ]
            out[run][split] = score(keep, labels, same_pairs, set(merged[run]))
    return out, unlabelled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--unlabelled", action="store_true", help="list merged pairs nobody labelled")
    parser.add_argument("--split", choices=["tune"], help="also score the tuning split")
    parser.add_argument("--tune-only", action="store_true", help="score only the tuning split (for tuning)")
    args = parser.parse_args()
    if args.split:
        SPLITS.insert(0, args.split)
    if args.tune_only:
        SPLITS[:] = ["tune"]
    start = time.perf_counter()
    figures, unlabelled = evaluate()
    seconds = time.perf_counter() - start
    machine = f"{describe()}"
    if args.json:
        print(
            json.dumps(
                {"command": COMMAND, "machine": machine, "figures": figures, "unlabelled": unlabelled},
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(f"$ {COMMAND}    ({machine}; {seconds:.1f} s)")
    print(
        f"{'digest':10} {'split':8} {'merged':>6} {'unlab.':>6} {'SAME':>5} {'PART.':>5} {'DIFF.':>5} "
        f"{'precision':>9} {'lenient':>7} {'recall':>12}"
    )
    for run, per in figures.items():
        for split, f in per.items():
            recall = f"{f['recall']} ({f['same_merged']}/{f['same_eligible']})"
            print(
                f"{run:10} {split:8} {f['merged']:>6} {f['unlabelled']:>6} {f['same']:>5} {f['partial']:>5} "
                f"{f['different']:>5} {f['precision']!s:>9} {f['lenient_precision']!s:>7} {recall:>12}"
            )
    print("precision = SAME / labelled merged pairs; lenient = (SAME + PARTIAL) / labelled merged pairs;")
    print("recall = SAME pairs merged / SAME pairs whose two sentences are both judge candidates.")
    if args.unlabelled:
        for u in unlabelled:
            print(
                f"\n{u['pair_id']} {u['group']} [{u['a']}] [{u['b']}]\n  A: {u['a_text']}\n  B: {u['b_text']}"
            )
    elif unlabelled:
        print(f"{len(unlabelled)} merged pairs are unlabelled (--unlabelled lists them).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
