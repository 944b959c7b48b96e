"""How often is a text article's date right? Measured on IndoSum against each article's stamp.

A text article with no publication stamp gets its date from its first sentences
(`summarize.ingest.dates.article_date`). IndoSum's ids open with a Unix time stamped on each
article ("1512500400-mulai-8-desember-..."); the day it falls on (Jakarta time) is the
reference. The stamp runs a day or two behind the reports' own days (a report of "Senin
(21/8)" is mostly stamped on the Wednesday), so a found date is counted as the report's day
when it lies within `NEAR` days before the stamp; one after the stamp cannot be the day the
report was written (an event announced ahead), nor can one more than a week before it.

    python scripts/eval_dates.py [--folds 01 02 03] [--data DIR] [--show N]

With `--csv FILE` it reads a table of dated reports instead (columns id, judul = the title,
tanggal = the publication time as M/D/YYYY HH:MM, isi_berita = the body: a detik.com export),
and compares each date found with the publication day itself: on it, one to three days
before it (a report published the day after what it tells of), more than three before, or
after it. `--rows 1-500` reads only those ids (tune on some, report the rest); `--first N`
and `--said N` read with `FIRST_SENTENCES` and `SAID_SENTENCES` set so, and then also count
what that dates of the articles the shipped values leave undated.

    python scripts/eval_dates.py --csv FILE [--rows 1-500] [--first 5] [--said 10] [--show N]
"""

from __future__ import annotations

import argparse
import csv
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
from summarize.ingest import dates  # noqa: E402
from summarize.ingest.article import article_from_text  # noqa: E402
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


def published_bucket(days: int) -> str:
    """Where a found date lies against the publication day (`days`: found minus published)."""
    if days > 0:
        return "after it"
    if days == 0:
        return "on the day"
    return f"1 to {NEAR} days before" if days >= -NEAR else f"more than {NEAR} days before"


def _csv_dates(rows: list[dict[str, str]], first: int | None, said: int | None) -> list[str | None]:
    """Each row's date from its text, read with `FIRST_SENTENCES`/`SAID_SENTENCES` set so."""
    shipped = dates.FIRST_SENTENCES, dates.SAID_SENTENCES
    dates.FIRST_SENTENCES, dates.SAID_SENTENCES = first or shipped[0], said or shipped[1]
    try:
        return [article_from_text(f"{r['judul']}\n\n{r['isi_berita']}").published for r in rows]
    finally:
        dates.FIRST_SENTENCES, dates.SAID_SENTENCES = shipped


def _span(rows: str) -> tuple[int, int]:
    low, _, high = rows.partition("-")
    return int(low), int(high or low)


def csv_main(args: argparse.Namespace) -> int:
    """`--csv`: dates found against each report's publication day."""
    low, high = _span(args.rows) if args.rows else (0, 10**9)
    with args.csv.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if low <= int(r["id"]) <= high]
    published = [dt.datetime.strptime(r["tanggal"].split()[0], "%m/%d/%Y").date() for r in rows]
    shipped = _csv_dates(rows, None, None)
    found = _csv_dates(rows, args.first, args.said) if args.first or args.said else shipped
    counts: Counter[str] = Counter()
    newly: Counter[str] = Counter()
    shown = 0
    for row, day, before, now in zip(rows, published, shipped, found, strict=True):
        if now is None:
            continue
        where = published_bucket((dt.date.fromisoformat(now) - day).days)
        counts[where] += 1
        if before is None:
            newly[where] += 1
        if shown < args.show and where != "on the day":
            shown += 1
            print(f"  {where}: {now} (published {day}) id {row['id']}")
    dated = sum(counts.values())
    flags = "".join(
        f" --{k} {v}" for k, v in (("rows", args.rows), ("first", args.first), ("said", args.said)) if v
    )
    print(f"python scripts/eval_dates.py --csv {args.csv.name}{flags}  ({describe()})")
    print(f"articles: {len(rows)}, dated from their text: {dated}, no date: {len(rows) - dated}")
    for where in ("on the day", f"1 to {NEAR} days before", f"more than {NEAR} days before", "after it"):
        share = 100 * counts[where] / dated if dated else 0.0
        print(f"  {where:<28} {counts[where]:>5}  {share:5.1f}%")
    if found is not shipped:
        undated = sum(d is None for d in shipped)
        print(f"of the {undated} the shipped values leave undated, dated now: {sum(newly.values())}")
        for where in ("on the day", f"1 to {NEAR} days before", f"more than {NEAR} days before", "after it"):
            print(f"  {where:<28} {newly[where]:>5}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", nargs="+", default=list(FOLDS), help="dev folds to read (01 02 03)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder holding dev.NN.jsonl")
    parser.add_argument("--show", type=int, default=0, help="print this many dates outside the near days")
    parser.add_argument("--csv", type=Path, help="a table of dated reports (id, judul, tanggal, isi_berita)")
    parser.add_argument("--rows", help="with --csv: only these ids, as 1-500")
    parser.add_argument("--first", type=int, help="with --csv: read with FIRST_SENTENCES set to this")
    parser.add_argument("--said", type=int, help="with --csv: read with SAID_SENTENCES set to this")
    args = parser.parse_args()
    if args.csv:
        return csv_main(args)
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
