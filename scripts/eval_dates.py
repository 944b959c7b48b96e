"""How often is a text article's date right? Measured on IndoSum against each article's stamp.

A text article with no publication stamp gets its date from its first sentences
(`summarize.ingest.dates.article_date`). IndoSum's ids open with a Unix time stamped on each
article ("1512500400-mulai-8-desember-..."); the day it falls on (Jakarta time) is the
reference. The stamp runs a day or two behind the reports' own days (a report of "Senin
(21/8)" is mostly stamped on the Wednesday), so a found date is counted as the report's day
when it lies within `NEAR` days before the stamp; one after the stamp cannot be the day the
report was written (an event announced ahead), nor can one more than a week before it.

    python scripts/eval_dates.py [--folds 01 02 03] [--data DIR] [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summarize.errors import InputError  # noqa: E402
from summarize.ingest.dates import article_date  # noqa: E402
from tests.indosum import DATA_DIR, FOLDS, load_records, to_article  # noqa: E402

NEAR = 3  # days before the stamp a report's own day may lie
WEEK = 7
JAKARTA = dt.timezone(dt.timedelta(hours=7))
_STAMP = re.compile(r"(\d{10})-")


def bucket(days: int) -> str:
    """Where a found date lies against the stamp (`days`: found minus stamped)."""
    if days > 0:
        return "after the stamp"
    if days >= -NEAR:
        return f"0 to {NEAR} days before"
    if days >= -WEEK:
        return f"{NEAR + 1} to {WEEK} days before"
    return f"more than {WEEK} days before"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", nargs="+", default=list(FOLDS), help="dev folds to read (01 02 03)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder holding dev.NN.jsonl")
    parser.add_argument("--show", type=int, default=0, help="print this many dates outside the near days")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    shown = 0
    for record in load_records(args.folds, args.data):
        m = _STAMP.match(record.id)
        if not m:
            continue
        stamped = dt.datetime.fromtimestamp(int(m.group(1)), JAKARTA).date()
        try:
            article, _ = to_article(record)
        except InputError:
            continue
        counts["articles"] += 1
        found = article_date([], [s.text for s in article.sentences])
        if found is None:
            counts["no date"] += 1
            continue
        where = bucket((dt.date.fromisoformat(found) - stamped).days)
        counts[where] += 1
        if shown < args.show and not where.startswith("0 to"):
            shown += 1
            print(f"  {where}: {found} (stamped {stamped}) {record.id[:60]}")
    dated = counts["articles"] - counts["no date"]
    print(f"python scripts/eval_dates.py --folds {' '.join(args.folds)}  ({describe()})")
    print(f"articles: {counts['articles']}, dated from their text: {dated}, no date: {counts['no date']}")
    for where in (
        f"0 to {NEAR} days before",
        f"{NEAR + 1} to {WEEK} days before",
        f"more than {WEEK} days before",
        "after the stamp",
    ):
        share = 100 * counts[where] / dated if dated else 0.0
        print(f"  {where:<28} {counts[where]:>5}  {share:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
