"""Time the same-fact stage on one large story, and the whole digest on 200 articles.

- a story of 50 articles: the five seed articles, each ten times under new ids (every copy
  states the same facts, the worst case for fact grouping), through `group_facts`;
- the digest of 200 IndoSum dev articles without translation (`summarize.digest`).

Also counts the pairs the inverted index sends to the judge against all pairs.

    python scripts/bench_facts.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_stories  # IndoSum loading helpers, next to this script
from machine_info import describe

from summarize import digest, load_articles
from summarize.grouping import facts, same_fact
from summarize.rank import get_ranker

ROOT = Path(__file__).resolve().parents[1]


def _best(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"$ python {' '.join(sys.argv)}")
    print(f"machine: {describe()}")
    seeds = load_articles([str(ROOT / "seeds")]).articles
    story = [dataclasses.replace(a, id=f"{k}.{a.id}") for k in range(10) for a in seeds]
    ranker = get_ranker()
    nodes = facts.candidates(story, ranker)
    n = len(nodes)
    print(
        f"story of {len(story)} articles: {n} candidate sentences, {n * (n - 1) // 2} pairs, "
        f"{len(list(same_fact.candidate_pairs(nodes)))} sent to the judge by the index"
    )
    print(
        f"  group_facts: {_best(args.repeat, lambda: facts.group_facts(story, n=10, ranker=ranker)):.3f} s (best of {args.repeat})"
    )
    records = eval_stories.indosum_records(eval_stories.INDOSUM)[:200]
    articles = [eval_stories.indosum_article(r, str(k)) for k, r in enumerate(records, 1)]
    print(
        f"digest of {len(articles)} IndoSum articles, no translation: "
        f"{_best(args.repeat, lambda: digest(articles)):.3f} s (best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
