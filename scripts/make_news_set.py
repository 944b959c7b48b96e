"""Draw more story leads for the news score's labelled set (scripts/data/news/), and merge them.

A lead is the line the real digest shows first for a story: articles of one IndoSum fold, none
already in the set, shuffled with a seed, digested 100 at a time with one line a story
(`summarize.digest(..., items_per_story=1)`, no translation); of the leads shown, `--per-fold`
drawn at random. Each drawn line names its `draw`, so a later draw can be scored on its own.

    python scripts/make_news_set.py --fresh tune2 --folds 01 02 --per-fold 150 --seed 31 --first-id 2000 --out DIR
        # DIR gets lines.jsonl (unlabelled), shard0.jsonl ... and second_reading_sample.jsonl
    python scripts/make_news_set.py --merge DIR
        # adds DIR's labelled lines (labels_shard*.jsonl: id, label, why) to the set, and its
        # blind second reading (second_reading.jsonl) to the set's; prints counts and agreement
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import kappa  # noqa: E402

from summarize import digest  # noqa: E402
from summarize.errors import InputError  # noqa: E402
from tests.indosum import DATA_DIR, load_records, to_article  # noqa: E402
from tests.news_eval import FACT, SET, SOFT, lines  # noqa: E402

BATCH = 100  # articles digested together, as the first draws were
ARTICLES_PER_FOLD = 300  # articles read per fold to find `--per-fold` leads


def draw(split: str, folds: list[str], per_fold: int, seed: int, first_id: int, data_dir: Path) -> list[dict]:
    """`per_fold` story leads of each fold, from articles not yet in the set."""
    taken = {r["article"] for r in lines()}
    rng = random.Random(seed)
    rows: list[dict] = []
    for fold in folds:
        records = [r for r in load_records((fold,), data_dir) if f"indosum:{r.id}" not in taken]
        rng.shuffle(records)
        articles = []
        for record in records[:ARTICLES_PER_FOLD]:
            try:
                articles.append(to_article(record)[0])
            except InputError:
                continue
        leads = []
        for start in range(0, len(articles), BATCH):
            batch = articles[start : start + BATCH]
            by_id = {a.id: a for a in batch}
            shown = digest(batch, n=len(batch), items_per_story=1, workers=1)
            for story in shown.stories:
                if story.items:
                    c = story.items[0].citations[0]
                    leads.append((c.article, c.index, by_id[c.article].sentences[c.index].text))
        for article, index, text in rng.sample(leads, min(per_fold, len(leads))):
            rows.append(
                {
                    "id": first_id + len(rows),
                    "fold": fold,
                    "article": f"indosum:{article}",
                    "index": index,
                    "text": text,
                    "draw": split,
                }
            )
    return rows


def merge(folder: Path) -> int:
    """Add the labelled draw in `folder` to the set (idempotent: a line's id is kept once)."""
    drawn = {r["id"]: r for r in _read(folder / "lines.jsonl")}
    labels = {r["id"]: r for p in sorted(folder.glob("labels_shard*.jsonl")) for r in _read(p)}
    if set(labels) != set(drawn):
        raise SystemExit(f"{len(labels)} of {len(drawn)} lines labelled in {folder}: finish the labels first")
    if any(r["label"] not in (FACT, SOFT) for r in labels.values()):
        raise SystemExit("a label is neither FACT nor SOFT")
    kept = [r for r in lines() if r["id"] not in drawn]
    new = [drawn[i] | {"label": labels[i]["label"], "why": labels[i].get("why", "")} for i in sorted(drawn)]
    _write(SET / "lines.jsonl", kept + new)
    print(f"{len(new)} lines merged: {dict(Counter(r['label'] for r in new))}")
    second_path = folder / "second_reading.jsonl"
    if second_path.exists():
        second = _read(second_path)
        kept_second = [r for r in _read(SET / "second_reading.jsonl") if r["id"] not in drawn]
        _write(
            SET / "second_reading.jsonl",
            kept_second + [{k: r[k] for k in ("id", "label", "why")} for r in second],
        )
        a = [labels[r["id"]]["label"] for r in second]
        b = [r["label"] for r in second]
        raw = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
        print(f"second reading: {len(a)} lines, raw agreement {raw:.3f}, kappa {kappa(a, b):.3f}")
    return 0


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fresh", metavar="DRAW", help="draw fresh leads, naming the draw DRAW")
    ap.add_argument("--folds", nargs="+", default=["01", "02"], choices=["01", "02", "03"])
    ap.add_argument("--per-fold", type=int, default=150, help="leads per fold (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=31, help="shuffling seed (default: %(default)s)")
    ap.add_argument(
        "--first-id", type=int, default=2000, help="id of the first drawn line (default: %(default)s)"
    )
    ap.add_argument("--shards", type=int, default=3)
    ap.add_argument(
        "--second", type=int, default=45, help="lines for a blind second reader (default: %(default)s)"
    )
    ap.add_argument("--out", type=Path, help="folder for the drawn files (outside the repository)")
    ap.add_argument("--merge", type=Path, metavar="DIR", help="add the labelled draw in DIR to the set")
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="the IndoSum folder")
    args = ap.parse_args()
    if args.merge:
        return merge(args.merge)
    if not args.fresh or args.out is None:
        ap.error("--fresh DRAW and --out DIR (or --merge DIR)")
    if {r["id"] for r in lines()} & set(
        range(args.first_id, args.first_id + args.per_fold * len(args.folds))
    ):
        ap.error(f"ids from {args.first_id} are taken in the set")
    rows = draw(args.fresh, args.folds, args.per_fold, args.seed, args.first_id, args.data)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "lines.jsonl", rows)
    plain = [{k: r[k] for k in ("id", "text")} for r in rows]  # the readers see the line alone
    for k in range(args.shards):
        _write(out / f"shard{k}.jsonl", plain[k :: args.shards])
    _write(
        out / "second_reading_sample.jsonl",
        random.Random(args.seed).sample(plain, min(args.second, len(plain))),
    )
    per_fold = ", ".join(f"{f}: {sum(r['fold'] == f for r in rows)}" for f in args.folds)
    print(f"{len(rows)} leads ({per_fold}) -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
