"""Facts first across stories: how often the digest lists a story whose line only sets a scene
above one whose line tells news.

Scored on the labelled story leads of scripts/data/news/ (README there): the real
`summarize.digest` (no translation) over the labelled articles of the chosen IndoSum folds,
one line a story; over every pair of labelled leads of stories the same size, one FACT and one
SOFT, the share where the SOFT one is listed first (random order: about half), and how many
SOFT leads sit in the first quarter. Folds 01 and 02 are tuned on (`scripts/train_news.py`);
fold 03 is held out.

    python scripts/eval_news.py                  # fold 03, held out
    python scripts/eval_news.py --folds 01 02    # the tuning folds
    python scripts/eval_news.py --without-news   # stories of a size ordered by the ranker's score alone, as before
    python scripts/eval_news.py --draw held2     # one draw alone: held2, fold 03's latest (scored once)
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe as machine  # noqa: E402

from tests.indosum import DATA_DIR  # noqa: E402
from tests.news_eval import HELD_OUT, order  # noqa: E402  (shared with its test)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", nargs="+", default=list(HELD_OUT), choices=["01", "02", "03"])
    parser.add_argument("--without-news", action="store_true", help="order by the ranker's score alone")
    parser.add_argument(
        "--draw", nargs="+", metavar="DRAW", help="only the lines of these draws (README there)"
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the IndoSum folder")
    args = parser.parse_args()
    print("$ python scripts/eval_news.py " + shlex.join(sys.argv[1:]))
    print(f"machine: {machine()}")
    off = mock.patch("summarize.grouping.news_score", return_value=0.5)
    with off if args.without_news else contextlib.nullcontext():
        result = order(args.folds, args.data, args.draw)
    quarter = result.leads // 4
    print(
        f"folds {' '.join(args.folds)}{' draws ' + ' '.join(args.draw) if args.draw else ''}: {result.leads} labelled story leads shown ({result.soft} SOFT; "
        f"{result.unmatched} labelled leads no longer open their story, {result.lineless} of whose stories"
        " show no line)"
    )
    print(
        f"SOFT listed above FACT (same story size): {result.soft_above} of {result.pairs} pairs, {result.inverted:.1%}"
    )
    print(f"SOFT leads in the first quarter ({quarter} stories): {result.soft_in_first_quarter}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
