"""Facts first across stories, measured on labelled story leads: shared by
`scripts/eval_news.py` (which prints the figures), `scripts/train_news.py` (which fits the
news score on them) and the floor in `tests/test_news.py`, so that a script and a test never
import one another.

The set (scripts/data/news/lines.jsonl): the line the digest showed first for a story, drawn
(`draw`: "first", "second", ...) from IndoSum folds 01, 02 (tuned on) and 03 (held out), each labelled FACT (it tells news: who
did, said or decided what, a result, a figure) or SOFT (a scene, a description, a judgement, a
general statement, a hook). The measure: digest the labelled articles of the chosen folds
together, one line a story, and count, over every pair of labelled leads of stories the same
size (the digest orders stories by size first), how often the SOFT one is listed above the
FACT one. Listing them in random order gives about half.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from summarize import digest
from summarize.errors import InputError
from tests.indosum import DATA_DIR, load_records, to_article

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "scripts" / "data" / "news"
FACT, SOFT = "FACT", "SOFT"
TUNING = ("01", "02")
HELD_OUT = ("03",)


def lines() -> list[dict[str, Any]]:
    with (SET / "lines.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass(frozen=True, slots=True)
class Order:
    """How the digest ordered the labelled leads of some folds."""

    leads: int  # labelled leads the digest showed first for their story
    soft: int
    unmatched: int  # labelled leads whose story the digest now opens with another line
    # Of those, the stories the digest shows with no line at all (none sure enough: issue 21's
    # round 10 made the sure tier stricter); there the label speaks of no line shown instead.
    lineless: int
    soft_above: int  # pairs of the same story size with the SOFT lead listed first
    pairs: int  # pairs of the same story size, one FACT and one SOFT
    soft_in_first_quarter: int  # SOFT leads among the first quarter of labelled leads listed

    @property
    def inverted(self) -> float:
        return self.soft_above / self.pairs if self.pairs else 0.0


def order(folds: Sequence[str], data_dir: Path = DATA_DIR, draws: Sequence[str] | None = None) -> Order:
    """Digest the labelled articles of `folds` (of `draws` only, if given: a line's `draw`)
    together and measure how their leads are ordered."""
    labelled = [r for r in lines() if r["fold"] in folds and (draws is None or r["draw"] in draws)]
    label = {(r["article"].removeprefix("indosum:"), r["index"]): r["label"] for r in labelled}
    wanted = {article for article, _ in label}
    articles = []
    for record in load_records(tuple(folds), data_dir):
        if record.id in wanted:
            try:
                articles.append(to_article(record)[0])
            except InputError:
                continue
    shown = digest(articles, n=len(articles), items_per_story=1, workers=1)
    seen: list[tuple[str, int]] = []  # (label, story size) in display order
    lineless = sum(1 for story in shown.stories if not story.items and wanted.intersection(story.articles))
    for story in shown.stories:
        first = story.items[0].citations[0] if story.items else None
        if first is not None and (first.article, first.index) in label:
            seen.append((label[(first.article, first.index)], len(story.articles)))
    pairs = [(a, b) for a, b in combinations(seen, 2) if a[0] != b[0] and a[1] == b[1]]
    quarter = [lab for lab, _ in seen[: len(seen) // 4]]
    return Order(
        leads=len(seen),
        soft=sum(lab == SOFT for lab, _ in seen),
        unmatched=len(label) - len(seen),
        lineless=lineless,
        soft_above=sum(a[0] == SOFT for a, _ in pairs),
        pairs=len(pairs),
        soft_in_first_quarter=quarter.count(SOFT),
    )
