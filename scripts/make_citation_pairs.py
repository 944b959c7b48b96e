"""Draw candidate sentence pairs for the digest's "same fact" evaluation set.

Groups of articles that report one event come from `scripts/data/citations/groups.json`:
the five seed articles, plus IndoSum dev articles that were found with `--find` (article
vectors as in `summarize.grouping.article_pairs`, cosine within four days of each other) and then kept
only after reading them. A pair is two sentences from different articles of one group,
drawn so that the set is useful for tuning and measuring the same-fact judge:

- `merged_by_digest`: every pair of citations, from different articles, within one item
  of `summarize.digest(articles)` (no translator): what the current digest merges.
- `salient_high` / `salient_mid` / `salient_low`: pairs among each article's top
  `CANDIDATES_PER_ARTICLE` sentences by the ranker (the sentences the digest considers),
  stratified by TF-IDF cosine of their content terms within the group.
- `hard_shared_names`: share two or more capitalised names but few other words.
- `hard_shared_clause`: share a run of four or more words but are otherwise unlike.
- `hard_numbers`: similar wording but different numbers.
- `hard_outlet`: both mention a news outlet or agency.
- `extra_high`: a second round, after the first was read and SAME pairs were too few:
  the most similar pairs (cosine 0.2 or more) over all sentences not drawn yet.
- `round3_high` / `round3_numbers` (`--round3`): a third round by a second engineer, for
  more SAME pairs: per group the most similar pairs not drawn yet (cosine 0.15 or more,
  3 per pair of articles) and pairs sharing a number (cosine 0.08 or more, 1 per pair).
- `round4_similar`: a fourth round, drawn with the same-fact judge of commit cdcad33 and
  merged from three readers' labels. This script no longer draws or merges it: that needed
  the judge's private reading as it was then, loaded from git history. The script that did
  both is `git show 8d21648:scripts/make_citation_pairs.py` (`--round4`, `--merge-round4`),
  run in a checkout of that commit.

The drawing only chooses which pairs to read; every label in `pairs.jsonl` was given by
a person reading the pair (see GUIDELINES.md). Random choices use fixed seeds.

    python scripts/make_citation_pairs.py --find             # candidate groups to read
    python scripts/make_citation_pairs.py --out candidates.jsonl
    python scripts/make_citation_pairs.py --split             # assign `split`, print counts
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_stories  # IndoSum loading helpers, next to this script (it puts the root on sys.path)

from summarize import digest
from summarize.grouping.article_pairs import article_vectors, pair_similarities
from summarize.grouping.facts import CANDIDATES_PER_ARTICLE
from summarize.lang.terms import content_terms, tokens
from summarize.lang.vectors import cosine, tfidf
from summarize.rank import get_ranker
from summarize.rank.features import features
from summarize.values import Article
from tests.citations_eval import DATA, group_articles, load_groups  # shared with the tests
from tests.citations_eval import group_split as split_of

SEED = 20240601

# How many pairs of each kind to draw per group of two articles (scaled for larger groups).
QUOTA = {"salient_high": 8, "salient_mid": 2, "salient_low": 1}
HARD_QUOTA = 1  # per hard kind and group
EXTRA_HIGH = 3  # second round: most similar not-yet-drawn pairs per group of two articles
OUTLETS = re.compile(
    r"\b(CNN Indonesia|ANTARA|Antara|Reuters|AFP|AP|Yonhap|KCNA|kumparan|Kumparan|merdeka\.com|"
    r"Suara\.com|Pos Kota|JUARA\.NET|Juara\.net|Goal|BBC|CNN|CNBC|Detik|detikcom|Kompas|Tempo|"
    r"The Guardian|New York Times|Wall Street Journal|Bloomberg|Sputnik|TASS|NK News)\b"
)
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w-]+")


def _sentence_vectors(articles: list[Article]) -> dict[tuple[str, int], dict[str, float]]:
    terms = {(a.id, s.index): content_terms(s.text) for a in articles for s in a.sentences}
    df: Counter[str] = Counter(t for ts in terms.values() for t in set(ts))
    n = len(terms)
    weights = {t: math.log(n / c) + 0.05 for t, c in df.items()}
    return {k: tfidf(ts, weights) for k, ts in terms.items()}


def _salient(article: Article, ranker) -> list[int]:
    scores = ranker.score(article, features(article))
    return sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:CANDIDATES_PER_ARTICLE])


def _names(text: str) -> set[str]:
    return {w.lower() for w in _NAME.findall(text)} - {"jakarta"}


def _ngrams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    toks = [t.lower() for t in tokens(text)]
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def _pair_id(gid: str, a: str, i: int, b: str, j: int) -> str:
    """The stable id of a pair: sentence i of article a and sentence j of article b."""
    return hashlib.sha1(f"{gid}:{a}.{i}-{b}.{j}".encode()).hexdigest()[:10]


def _row(
    gid: str, arts: list[tuple[Article, str]], a: str, i: int, b: str, j: int, how: str, sim: float
) -> dict:
    """One unlabelled row of pairs.jsonl (the reader adds `label` and `why`)."""
    text = {art.id: art for art, _ in arts}
    source = {art.id: src for art, src in arts}
    return {
        "pair_id": _pair_id(gid, a, i, b, j),
        "group": gid,
        "a_article": a,
        "a_source": source[a],
        "a_index": i,
        "b_article": b,
        "b_source": source[b],
        "b_index": j,
        "a_text": text[a].sentences[i].text,
        "b_text": text[b].sentences[j].text,
        "drawn": how,
        "similarity": round(sim, 3),
    }


def draw_group(gid: str, spec: dict, records: dict[str, dict], ranker) -> list[dict]:
    arts = group_articles(gid, spec, records)
    articles = [a for a, _ in arts]
    vecs = _sentence_vectors(articles)
    rng = random.Random(f"{SEED}:{gid}")
    chosen: dict[tuple, str] = {}

    def key(a: str, i: int, b: str, j: int) -> tuple:
        return (a, i, b, j) if (a, i) < (b, j) else (b, j, a, i)

    def add(k: tuple, how: str) -> None:
        chosen.setdefault(k, how)

    # (a) what the current digest merges
    for item in digest(articles).items:
        for c1, c2 in itertools.combinations(item.citations, 2):
            if c1.article != c2.article:
                add(key(c1.article, c1.index, c2.article, c2.index), "merged_by_digest")

    # (b) salient pairs stratified by similarity
    salient = {a.id: _salient(a, ranker) for a in articles}
    cands = []
    for a, b in itertools.combinations(articles, 2):
        for i in salient[a.id]:
            for j in salient[b.id]:
                sim = cosine(vecs[(a.id, i)], vecs[(b.id, j)])
                cands.append((sim, key(a.id, i, b.id, j)))
    cands.sort(key=lambda x: (-x[0], x[1]))
    scale = max(1, len(articles) - 1)
    if spec.get("seeds"):
        scale = 6
    n_high = QUOTA["salient_high"] * scale
    # high: the most similar pairs (where SAME pairs live): the top half of the quota, then
    # a random draw from the rest of the pairs at cosine 0.15 or more
    high = [k for s, k in cands if s >= 0.15]
    mid = [k for s, k in cands if 0.05 <= s < 0.15]
    low = [k for s, k in cands if s < 0.05]
    top = [k for _, k in cands[: (n_high + 1) // 2]]
    rest = [k for k in high if k not in top]
    for k in top + rng.sample(rest, min(len(rest), n_high // 2)):
        add(k, "salient_high")
    for k in rng.sample(mid, min(len(mid), QUOTA["salient_mid"] * scale)):
        add(k, "salient_mid")
    for k in rng.sample(low, min(len(low), QUOTA["salient_low"] * scale)):
        add(k, "salient_low")

    # (c) hard cases, over all sentences of the group
    hard: dict[str, list[tuple]] = {
        "hard_shared_names": [],
        "hard_shared_clause": [],
        "hard_numbers": [],
        "hard_outlet": [],
    }
    for a, b in itertools.combinations(articles, 2):
        for s in a.sentences:
            for t in b.sentences:
                k = key(a.id, s.index, b.id, t.index)
                sim = cosine(vecs[(a.id, s.index)], vecs[(b.id, t.index)])
                if len(_names(s.text) & _names(t.text)) >= 2 and sim < 0.2:
                    hard["hard_shared_names"].append(k)
                if _ngrams(s.text) & _ngrams(t.text) and sim < 0.4:
                    hard["hard_shared_clause"].append(k)
                ns, nt = set(_NUM.findall(s.text)), set(_NUM.findall(t.text))
                if ns and nt and ns != nt and sim >= 0.2:
                    hard["hard_numbers"].append(k)
                if OUTLETS.search(s.text) and OUTLETS.search(t.text):
                    hard["hard_outlet"].append(k)
    for how, ks in hard.items():
        ks = [k for k in ks if k not in chosen]
        for k in rng.sample(ks, min(len(ks), HARD_QUOTA * scale)):
            add(k, how)

    # (d) a second round for SAME pairs: the most similar pairs over all sentences (not only
    # the salient ones) not drawn yet; added after the first round was read, without
    # changing it (no random draw here)
    allpairs = sorted(
        (
            (-cosine(vecs[(a.id, s.index)], vecs[(b.id, t.index)]), key(a.id, s.index, b.id, t.index))
            for a, b in itertools.combinations(articles, 2)
            for s in a.sentences
            for t in b.sentences
        ),
    )
    extra = [k for negsim, k in allpairs if -negsim >= 0.2 and k not in chosen]
    for k in extra[: EXTRA_HIGH * scale]:
        add(k, "extra_high")

    return [
        _row(gid, arts, a, i, b, j, how, cosine(vecs[(a, i)], vecs[(b, j)]))
        for (a, i, b, j), how in sorted(chosen.items())
    ]


def draw_round3(gid: str, spec: dict, records: dict[str, dict], have: set[str]) -> list[dict]:
    """Third round (more SAME pairs): the most similar not-yet-drawn pairs, and pairs sharing a number."""
    arts = group_articles(gid, spec, records)
    articles = [a for a, _ in arts]
    vecs = _sentence_vectors(articles)
    cands = []
    for a, b in itertools.combinations(articles, 2):
        for s in a.sentences:
            for t in b.sentences:
                pid = _pair_id(gid, a.id, s.index, b.id, t.index)
                if pid in have:
                    continue
                sim = cosine(vecs[(a.id, s.index)], vecs[(b.id, t.index)])
                nums = set(_NUM.findall(s.text)) & set(_NUM.findall(t.text))
                nums = {x for x in nums if len(x) > 1}
                cands.append((sim, bool(nums), a.id, s.index, b.id, t.index, pid))
    cands.sort(key=lambda c: -c[0])
    scale = 6 if spec.get("seeds") else max(1, len(articles) - 1)
    top = [c for c in cands if c[0] >= 0.15][: 3 * scale]
    nums = [c for c in cands if c[1] and c[0] >= 0.08 and c not in top][:scale]
    return [
        _row(gid, arts, a, i, b, j, how, sim)
        for how, chosen in (("round3_high", top), ("round3_numbers", nums))
        for sim, _, a, i, b, j, _pid in chosen
    ]


def find_candidates(records: list[dict], days: float = 4, top: int = 260) -> None:
    """Print likely same-event IndoSum article pairs for a person to read."""
    arts = [eval_stories.indosum_article(r, str(i)) for i, r in enumerate(records)]
    sims = pair_similarities(article_vectors(arts))
    ts = [int(r["id"].split("-")[0]) for r in records]
    pairs = sorted(
        ((s, i, j) for (i, j), s in sims.items() if abs(ts[i] - ts[j]) <= days * 86400 and s >= 0.15),
        reverse=True,
    )
    for s, i, j in pairs[:top]:
        print(f"{s:.2f} {(ts[j] - ts[i]) / 3600:+.0f}h")
        for k in (i, j):
            print("   ", records[k]["id"], "|", records[k]["source"], "|", arts[k].sentences[0].text[:170])


def assign_split(path: Path) -> None:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    for r in rows:
        r["split"] = split_of(r["group"])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = Counter((r["split"], r.get("label")) for r in rows)
    for split in ("tune", "heldout"):
        n = sum(v for (s, _), v in counts.items() if s == split)
        per = ", ".join(f"{lab}={counts[(split, lab)]}" for lab in ("SAME", "PARTIAL", "DIFFERENT"))
        print(f"{split}: {n} pairs ({per}), groups={len({r['group'] for r in rows if r['split'] == split})}")


def second_reading_sample(path: Path, out: Path, n: int = 80) -> None:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = random.Random(SEED).sample(rows, min(n, len(rows)))
    keep = ("pair_id", "group", "a_source", "a_index", "b_source", "b_index", "a_text", "b_text")
    out.write_text(
        "".join(json.dumps({k: r[k] for k in keep}, ensure_ascii=False) + "\n" for r in sample),
        encoding="utf-8",
    )
    print(f"wrote {len(sample)} unlabelled pairs to {out}")


def _round_rows(prefix: str) -> list[dict]:
    """A round's pairs already labelled (so that re-drawing that round draws the same set)."""
    rows = [json.loads(x) for x in (DATA / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["drawn"].startswith(prefix)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--find", action="store_true", help="print candidate same-event IndoSum pairs")
    parser.add_argument("--out", type=Path, default=None, help="write candidate pairs (JSON lines)")
    parser.add_argument("--split", action="store_true", help="assign splits in pairs.jsonl, print counts")
    parser.add_argument("--sample", action="store_true", help="write second_reading_sample.jsonl")
    parser.add_argument("--round3", action="store_true", help="draw the third round (more SAME pairs)")
    args = parser.parse_args()
    records = {r["id"]: r for r in eval_stories.indosum_records(eval_stories.INDOSUM)}
    if args.find:
        find_candidates(list(records.values()))
        return 0
    if args.split:
        assign_split(DATA / "pairs.jsonl")
        return 0
    if args.sample:
        second_reading_sample(DATA / "pairs.jsonl", DATA / "second_reading_sample.jsonl")
        return 0
    ranker = get_ranker()
    rows = []
    have = {json.loads(x)["pair_id"] for x in (DATA / "pairs.jsonl").read_text(encoding="utf-8").splitlines()}
    for gid, spec in load_groups().items():
        if args.round3:
            rows += draw_round3(gid, spec, records, have - {r["pair_id"] for r in _round_rows("round3_")})
        else:
            rows += draw_group(gid, spec, records, ranker)
    out = args.out or DATA / "candidates.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} pairs from {len(load_groups())} groups -> {out}")
    print(Counter(r["drawn"] for r in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
