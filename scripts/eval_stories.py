"""Evaluate story grouping on mixed inputs: the five seed articles plus IndoSum articles.

Ground truth: the five seeds are one story (they all report North Korean ammunition for
Russia); every IndoSum article is its own story. IndoSum is a single-document corpus
drawn from many days and sources, so two of its articles rarely report the same event;
when the grouping joins two IndoSum articles the script prints their titles, so that a
reader can judge whether it is a real same-event pair (counted as an error regardless).

Each draw mixes the seeds with N IndoSum articles drawn at random (fixed seeds) from the
dev folds. "Hard" draws take a third of them from IndoSum articles that mention North
Korea or Russia: same countries, different events. Prints purity, inverse purity, the
adjusted Rand index, whether the seeds form exactly one story, and the time to group
200 articles.

    python scripts/eval_stories.py [--draws 5] [--n 30] [--threshold T]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path

from summarize import digest, load_articles
from summarize.grouping.stories import STORY_THRESHOLD, group_stories
from summarize.values import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import describe

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.indosum import (  # noqa: E402  (IndoSum's raw records, shared with the tests)
    INDOSUM,
    indosum_article,
    indosum_records,
)
from tests.indosum import detokenize_spaced as detokenize  # noqa: E402, F401  (eval_facts reads it here)

SEED_LABEL = "seeds"


def _mentions(rec: dict, words: Sequence[str]) -> bool:
    text = " ".join(" ".join(s) for p in rec["paragraphs"] for s in p).lower()
    return any(w in text for w in words)


def purity(clusters: Sequence[Sequence[str]], truth: dict[str, str]) -> float:
    """Share of items whose cluster's majority label is their label."""
    n = sum(len(c) for c in clusters)
    return sum(Counter(truth[x] for x in c).most_common(1)[0][1] for c in clusters) / n


def inverse_purity(clusters: Sequence[Sequence[str]], truth: dict[str, str]) -> float:
    """Share of items that sit in the cluster holding most of their true class."""
    where = {x: i for i, c in enumerate(clusters) for x in c}
    classes: dict[str, list[str]] = {}
    for x, label in truth.items():
        classes.setdefault(label, []).append(x)
    n = len(truth)
    return sum(Counter(where[x] for x in members).most_common(1)[0][1] for members in classes.values()) / n


def adjusted_rand(clusters: Sequence[Sequence[str]], truth: dict[str, str]) -> float:
    """Hubert and Arabie's adjusted Rand index (1 = identical partitions, about 0 = chance)."""
    where = {x: i for i, c in enumerate(clusters) for x in c}
    items = list(truth)
    n = len(items)
    table = Counter((where[x], truth[x]) for x in items)
    a = Counter(where[x] for x in items)
    b = Counter(truth[x] for x in items)
    index = sum(comb(v, 2) for v in table.values())
    sum_a = sum(comb(v, 2) for v in a.values())
    sum_b = sum(comb(v, 2) for v in b.values())
    expected = sum_a * sum_b / comb(n, 2)
    top = (sum_a + sum_b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def run_draw(
    seeds: Sequence[Article], records: list[dict], draw: int, n: int, hard: bool, threshold: float
) -> dict:
    rng = random.Random(draw)
    if hard:
        related = [r for r in records if _mentions(r, (" korea utara", " korut", " rusia "))]
        picked = rng.sample(related, n // 3)
        rest = [r for r in records if r not in picked]
        picked += rng.sample(rest, n - len(picked))
    else:
        picked = rng.sample(records, n)
    articles = list(seeds) + [indosum_article(r, str(len(seeds) + i + 1)) for i, r in enumerate(picked)]
    truth = {a.id: SEED_LABEL if a.id in {s.id for s in seeds} else a.id for a in articles}
    groups = group_stories(articles, threshold=threshold)
    clusters = [[a.id for a in g.articles] for g in groups]
    seed_ids = {s.id for s in seeds}
    seed_story = next(c for c in clusters if seeds[0].id in c)
    intruders = [
        (clusters.index(c), [next(a.title for a in articles if a.id == x) for x in c])
        for c in clusters
        if len(c) > 1 and not set(c) <= seed_ids
    ]
    return {
        "purity": purity(clusters, truth),
        "inverse_purity": inverse_purity(clusters, truth),
        "ari": adjusted_rand(clusters, truth),
        "seeds_exact": set(seed_story) == seed_ids,
        "stories": len(clusters),
        "merged": intruders,
    }


def time_grouping(
    seeds: Sequence[Article], records: list[dict], total: int, threshold: float
) -> tuple[float, float]:
    """Seconds to group `total` loaded articles (best of 3), and for a whole untranslated digest."""
    rng = random.Random(0)
    picked = rng.sample(records, total - len(seeds))
    articles = list(seeds) + [indosum_article(r, str(len(seeds) + i + 1)) for i, r in enumerate(picked)]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        group_stories(articles, threshold=threshold)
        best = min(best, time.perf_counter() - start)
    start = time.perf_counter()
    digest(articles)
    return best, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=5, help="random draws per setting (seeds 0..draws-1)")
    parser.add_argument("--n", type=int, default=30, help="IndoSum articles per draw")
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD)
    parser.add_argument("--first-draw", type=int, default=0, help="seed of the first draw")
    parser.add_argument("--indosum", type=Path, default=INDOSUM)
    parser.add_argument("--quiet", action="store_true", help="do not list merged IndoSum articles")
    args = parser.parse_args()

    seeds = list(load_articles([ROOT / "seeds"]).articles)
    records = indosum_records(args.indosum)
    print(f"$ python {' '.join(sys.argv)}")
    print(f"machine: {describe(load=True)}")
    print(
        f"threshold {args.threshold}; {len(seeds)} seeds + {args.n} IndoSum articles per draw; "
        f"{len(records)} IndoSum dev articles"
    )
    print()
    print(f"{'setting':8} {'draw':>4} {'stories':>7} {'purity':>7} {'inv.pur':>7} {'ARI':>6}  seeds alone")
    for hard in (False, True):
        rows = []
        for draw in range(args.first_draw, args.first_draw + args.draws):
            r = run_draw(seeds, records, draw, args.n, hard, args.threshold)
            rows.append(r)
            setting = "hard" if hard else "random"
            print(
                f"{setting:8} {draw:>4} {r['stories']:>7} {r['purity']:>7.3f} {r['inverse_purity']:>7.3f} "
                f"{r['ari']:>6.3f}  {'yes' if r['seeds_exact'] else 'NO'}"
            )
            if not args.quiet:
                for _, titles in r["merged"]:
                    print("         merged: " + " | ".join(t[:50] for t in titles))
        print(
            f"{'mean':8} {'':>4} {'':>7} {statistics.mean(r['purity'] for r in rows):>7.3f} "
            f"{statistics.mean(r['inverse_purity'] for r in rows):>7.3f} "
            f"{statistics.mean(r['ari'] for r in rows):>6.3f}  "
            f"{sum(r['seeds_exact'] for r in rows)}/{len(rows)}"
        )
        print()
    grouping, whole = time_grouping(seeds, records, 200, args.threshold)
    print(f"grouping 200 articles (5 seeds + 195 IndoSum, already loaded): {grouping:.3f} s (best of 3)")
    print(f"summarize.grouping.facts of the same 200 articles, no translation: {whole:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
