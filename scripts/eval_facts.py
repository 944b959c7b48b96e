"""Evaluate cross-article fact matching on IndoSum, as a proxy for "same fact, two reports".

IndoSum has no multi-document clusters, but each article comes with a human-written
abstractive summary: its sentences restate facts of the article in other words, in the
same way a second report of a story restates the first. So each record becomes two
articles, the article (A) and its summary (B), and `group_facts([A, B])` should link
each summary sentence to the article sentence it restates, and to nothing else.

Gold: the article sentence with the highest token F1 (all words, lower-cased) against
the summary sentence, when that F1 is at least 0.5; summary sentences below that fuse
several article sentences and are left out of recall. This gold is lexical, so it
favours lexical matching in general; it is used to compare variants of one lexical
method, not to claim an absolute quality.

    python scripts/eval_facts.py [--records 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_stories  # the IndoSum loading helpers, next to this script
from machine_info import describe

from summarize import article_from_text
from summarize.grouping import facts, same_fact
from summarize.lang.terms import tokens
from summarize.rank import get_ranker
from summarize.values import Article

VARIANTS = {
    "looser (SAME_FACT 0.30)": {"SAME_FACT": 0.30},
    "current": {},
    "stricter (SAME_FACT 0.50)": {"SAME_FACT": 0.50},
}


def _f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    return 0.0 if not common else 2 * common / (len(a) + len(b))


def _pair(rec: dict) -> tuple[Article, Article]:
    article = eval_stories.indosum_article(rec, "1")
    summary = "\n".join(eval_stories.detokenize(s) for s in rec["summary"])
    title = article.title
    return article, article_from_text(summary, id="2", source=f"summary:{rec['id']}", title=title)


def _gold(a: Article, b: Article) -> dict[int, int]:
    out = {}
    a_tokens = [tokens(s.text) for s in a.sentences]
    for s in b.sentences:
        bt = tokens(s.text)
        score, best = max((_f1(at, bt), i) for i, at in enumerate(a_tokens))
        if score >= 0.5:
            out[s.index] = best
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ranker", default=None)
    args = parser.parse_args()
    records = random.Random(args.seed).sample(
        eval_stories.indosum_records(eval_stories.INDOSUM), args.records
    )
    pairs = [_pair(r) for r in records]
    golds = [_gold(a, b) for a, b in pairs]
    ranker = get_ranker(args.ranker)
    print(f"$ python {' '.join(sys.argv)}")
    print(f"machine: {describe()}")
    alignable = sum(len(g) for g in golds)
    print(f"{len(pairs)} IndoSum records (seed {args.seed}); {alignable} summary sentences with a gold match")
    print(f"{'variant':28} {'links':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, consts in VARIANTS.items():
        saved = {k: getattr(same_fact, k) for k in consts}
        for k, v in consts.items():
            setattr(same_fact, k, v)
        links = right = 0
        start = time.perf_counter()
        for (a, b), gold in zip(pairs, golds, strict=True):
            for fact in facts.group_facts([a, b], n=10, ranker=ranker):
                ai = [c.index for c in fact.citations if c.article == "1"]
                bi = [c.index for c in fact.citations if c.article == "2"]
                if ai and bi:
                    links += 1
                    right += gold.get(bi[0]) == ai[0]
        seconds = time.perf_counter() - start
        for k, v in saved.items():
            setattr(same_fact, k, v)
        p = right / links if links else 0.0
        r = right / alignable if alignable else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:28} {links:>6} {p:>9.3f} {r:>7.3f} {f:>6.3f}   ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
