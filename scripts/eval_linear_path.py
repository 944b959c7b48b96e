"""How closely story grouping's big-input path agrees with the exact method.

Past `summarize.grouping.stories.EXACT_PAIRS` shared-word pairs, grouping takes a linear path
(capped postings, summed cluster vectors). This builds `bench_scale.py`'s three-sentence files
(default 16,000, where the exact method is still affordable), groups them both ways, and
prints, over pairs of articles put in one story: the share of the linear path's pairs the
exact method also makes (agreement), the share of the exact method's pairs the linear path
finds, and each method's time.

    INDOSUM_DIR=… python scripts/eval_linear_path.py [--size 16000]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import tiny, write  # noqa: E402
from machine_info import describe as machine  # noqa: E402

from summarize import load_articles  # noqa: E402
from summarize.grouping import stories  # noqa: E402
from tests.indosum import DATA_DIR, load_records  # noqa: E402


def same_story_pairs(groups: list[stories.StoryGroup]) -> set[tuple[str, str]]:
    return {
        (a, b) if a < b else (b, a)
        for g in groups
        for a, b in itertools.combinations((x.id for x in g.articles), 2)
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=16000, help="three-sentence files (default: %(default)s)")
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="folder of IndoSum dev.0*.jsonl")
    args = ap.parse_args()
    records = load_records(data_dir=args.data)
    with tempfile.TemporaryDirectory(prefix="linear_path.") as tmp:
        folder = Path(tmp) / "files"
        write(folder, tiny(records, args.size))
        articles = load_articles([folder]).articles
    t0 = time.perf_counter()
    exact = stories.group_stories(articles)
    t1 = time.perf_counter()
    stories.EXACT_PAIRS = 0  # force the big-input path
    linear = stories.group_stories(articles)
    t2 = time.perf_counter()
    e, lin = same_story_pairs(exact), same_story_pairs(linear)
    both = len(e & lin)
    print(f"$ python scripts/eval_linear_path.py --size {args.size}")
    print(f"machine: {machine(load=True)}")
    print(
        f"{len(articles)} articles; exact: {len(exact)} stories, {len(e)} same-story pairs, {t1 - t0:.1f} s"
    )
    print(f"linear: {len(linear)} stories, {len(lin)} same-story pairs, {t2 - t1:.1f} s")
    print(f"agreement (linear pairs the exact method also makes): {both / max(len(lin), 1):.1%}")
    print(f"found (exact pairs the linear path also makes): {both / max(len(e), 1):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
