"""Story grouping against articles that report one event: which reports share a story heading.

The truth is `scripts/data/citations/groups.json`: 38 groups of two to four IndoSum dev
articles, each group read by hand and kept only if its articles report one event. Each draw
mixes all of them with N other IndoSum dev articles drawn at random (fixed seeds), every one
of which counts as a story of its own. IndoSum is drawn from many days and sources, so an
article drawn at random rarely reports the event of another; the script prints every pair it
joins outside a group, with the days between them, for a reader to judge.

Two readings of each draw:

- undated: no article carries a date, as IndoSum's text gives none (most leads name only a
  weekday);
- dated: each article carries the day in its id's timestamp (Jakarta time), as a web page's
  or a feed's date gives it.

Prints, per reading: joined pairs and how many are not one event (with their days apart);
pairs of one event put in one story (recall); groups kept whole. The groups were found among
articles at most four days apart (`scripts/make_citation_pairs.py --find`), so their recall
says nothing of events reported over longer spans.

    python scripts/eval_story_groups.py [--draws 5] [--n 150] [--story-days 31] [--indosum DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script

from machine_info import describe  # noqa: E402

from summarize.grouping import stories  # noqa: E402
from summarize.grouping.stories import group_stories  # noqa: E402
from summarize.values import Article  # noqa: E402
from tests.citations_eval import group_split, load_groups  # noqa: E402
from tests.indosum import INDOSUM, indosum_article, indosum_records  # noqa: E402

WIB = dt.timezone(dt.timedelta(hours=7))  # the day a Jakarta newsroom dates its report


def id_day(record_id: str) -> str:
    """The day of an IndoSum id's Unix timestamp ("1508747820-..."), in Jakarta time."""
    return dt.datetime.fromtimestamp(int(record_id.split("-", 1)[0]), WIB).date().isoformat()


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(id_day(a)) - dt.date.fromisoformat(id_day(b))).days)


def run_draw(
    records: dict[str, dict], groups: dict[str, dict], draw: int, n: int, dated: bool, near: int | None = None
) -> dict:
    """One draw's joined pairs, scored against the groups; with `near`, the other articles are
    drawn from those dated within `near` days of a group's article (the same days' news)."""
    event = {rid: gid for gid, spec in groups.items() for rid in spec["ids"]}
    others = sorted(set(records) - set(event))
    if near is not None:
        days = {dt.date.fromisoformat(id_day(rid)) for rid in event}
        others = [
            r for r in others if any(abs((dt.date.fromisoformat(id_day(r)) - d).days) <= near for d in days)
        ]
    picked = list(event) + random.Random(draw).sample(others, n)
    articles: list[Article] = []
    for k, rid in enumerate(picked, 1):
        article = indosum_article(records[rid], str(k))
        articles.append(replace(article, published=id_day(rid)) if dated else article)
    record_of = {a.id: rid for a, rid in zip(articles, picked, strict=True)}
    story = {}
    for s, group in enumerate(group_stories(articles)):
        for a in group.articles:
            story[record_of[a.id]] = s
    wrong = []
    right = 0
    for i, a in enumerate(picked):
        for b in picked[i + 1 :]:
            if story[a] != story[b]:
                continue
            if a in event and event.get(b) == event[a]:
                right += 1
            else:
                wrong.append((_days_apart(a, b), a, b))
    by_split: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    for gid, spec in groups.items():
        ids = spec["ids"]
        split = group_split(gid)
        by_split[split + " pairs"] += len(ids) * (len(ids) - 1) // 2
        by_split[split + " joined"] += sum(
            story[x] == story[y] for i, x in enumerate(ids) for y in ids[i + 1 :]
        )
        by_split[split + " groups"] += 1
        whole[split] += len({story[x] for x in ids}) == 1
    return {"right": right, "wrong": sorted(wrong), "splits": by_split, "whole": whole}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=5, help="random draws (seeds 0..draws-1)")
    parser.add_argument("--n", type=int, default=150, help="other IndoSum articles per draw")
    parser.add_argument("--indosum", type=Path, default=INDOSUM, help="the folder of IndoSum's dev.0*.jsonl")
    parser.add_argument(
        "--near",
        type=int,
        metavar="DAYS",
        help="draw the other articles from those within DAYS days of a group's article (the same days' news)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not list the pairs joined outside a group")
    parser.add_argument(
        "--story-days", type=int, default=stories.STORY_DAYS, help="days dated articles of one story may span"
    )
    args = parser.parse_args()
    stories.STORY_DAYS = args.story_days

    records = {r["id"]: r for r in indosum_records(args.indosum)}
    groups = {gid: spec for gid, spec in load_groups().items() if not spec.get("seeds")}
    missing = [rid for spec in groups.values() for rid in spec["ids"] if rid not in records]
    if missing:
        print(f"error: {len(missing)} group articles are not in {args.indosum}", file=sys.stderr)
        return 1
    print(f"$ python {' '.join(sys.argv)}")
    print(f"machine: {describe(load=True)}")
    where = f" dated within {args.near} days of a group's article" if args.near is not None else ""
    print(
        f"{len(groups)} same-event groups + {args.n} other IndoSum dev articles{where} per draw, "
        f"{args.draws} draws; dated articles of one story span at most {args.story_days} days"
    )
    for dated in (False, True):
        runs = [run_draw(records, groups, d, args.n, dated, args.near) for d in range(args.draws)]
        right = sum(r["right"] for r in runs)
        wrong = [w for r in runs for w in r["wrong"]]
        splits: Counter[str] = sum((r["splits"] for r in runs), Counter())
        whole: Counter[str] = sum((r["whole"] for r in runs), Counter())
        joined = right + len(wrong)
        gaps = Counter(
            "within 3 days" if d <= 3 else "4 to 7 days" if d <= 7 else "over a week" for d, _, _ in wrong
        )
        print()
        print(
            "dated (each article carries its id's day)" if dated else "undated (as IndoSum's text gives them)"
        )
        print(
            f"  joined pairs: {joined}, of one event {right} (precision {right / joined:.3f}); "
            f"not one event {len(wrong)}: " + ", ".join(f"{k} {v}" for k, v in sorted(gaps.items()))
        )
        for split in ("tune", "heldout"):
            pairs, got = splits[split + " pairs"], splits[split + " joined"]
            print(
                f"  {split:8} groups: pairs of one event in one story {got}/{pairs} ({got / pairs:.3f}); "
                f"groups whole {whole[split]}/{splits[split + ' groups']}"
            )
        if not args.quiet:
            for d, a, b in sorted(set(wrong), reverse=True):
                print(f"    {d:>4} days  {a[:55]} | {b[:55]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
