"""Reader against reader: how far apart two careful readers are on what the targets count.

Every fresh split of the stands-alone set has a blind second reading of 12 of its articles
(`scripts/data/standalone/second_reading*.jsonl`), labelled by a reader who saw no other labels.
The targets of the README ("Sentences that stand alone") are counted with the first reader's
labels only. This script scores the same things with both readings, on the sentences both
readers labelled, so that a target can be set against what the labels themselves can tell:

- how often the two readers give the same label, and the same stands-alone-or-not verdict;
- the leads each reader calls a teaser (or anything but STANDALONE) and the other does not;
- the tool's briefs of three and of five: openings that are not STANDALONE, and sentences that
  need an earlier one the brief does not show before them, by each reader, and the openings
  the two readers judge alike;
- what a reader would score who chose each opening by their own labels (the article's first
  sentence they call STANDALONE), judged by the other reader: the share of briefs "opening
  badly" that two careful readers cannot get under.

Printed for every article with a second reading, and for those of the splits no rule was made
from (not in the tuning data), whose figures are not in sample:

    python scripts/eval_reader_agreement.py [--data DIR]

Needs the IndoSum folds the set was drawn from (`INDOSUM_DIR`, or `--data`), as
`scripts/eval_standalone.py` does; folds 04 and 05 are rebuilt from the set's own records.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script

from machine_info import describe  # noqa: E402

from summarize import brief  # noqa: E402
from summarize.rank.sentence_rules import STANDALONE  # noqa: E402
from summarize.values import Article  # noqa: E402
from tests.indosum import DATA_DIR  # noqa: E402
from tests.standalone_eval import (  # noqa: E402
    SET,
    TUNING_PARTS,
    Labelled,
    brief_figures,
    carry_labels,
    read_rows,
    rebuild,
)

Labels = dict[tuple[str, int], dict[str, Any]]


def second_readings(folder: Path = SET) -> list[dict[str, Any]]:
    """Every second reader's label row (the samples given to them, `*_sample*`, are not labels)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("second_reading*.jsonl")):
        if "sample" not in path.name:
            with path.open(encoding="utf-8") as fh:
                rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def both_readings(data_dir: Path) -> tuple[list[Article], Labels, Labels, dict[str, str]]:
    """The second-read articles as the tool reads them; the first and the second readers' labels
    of the sentences both labelled, carried onto the tool's sentences; each article's split."""
    second = second_readings()
    ids = {r["article"] for r in second}
    articles, readings = rebuild(lambda r: r["article"] in ids, data_dir)
    split: dict[str, str] = {}
    for r in read_rows("articles"):  # the first copy's split, as `rebuild` keeps the first copy
        if r["article"] in ids:
            split.setdefault(readings[r["article"]].tool_id, r["split"])
    first = [x for x in read_rows("labels") if x["article"] in readings]
    shared = {(x["article"], x["index"]) for x in second} & {(x["article"], x["index"]) for x in first}
    one, _ = carry_labels([x for x in first if (x["article"], x["index"]) in shared], readings)
    two, _ = carry_labels([x for x in second if (x["article"], x["index"]) in shared], readings)
    common = one.keys() & two.keys()
    return (
        articles,
        {k: v for k, v in one.items() if k in common},
        {k: v for k, v in two.items() if k in common},
        split,
    )


def _alone(labels: Labels, key: tuple[str, int]) -> bool:
    return labels[key]["label"] == STANDALONE


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.1f}%)" if whole else "none"


def own_openings(articles: Iterable[Article], chooser: Labels, judge: Labels) -> tuple[int, int]:
    """Briefs opened by the chooser's own labels (each article's first sentence the chooser calls
    STANDALONE), and how many of those openings the other reader (`judge`) calls anything else."""
    chosen = bad = 0
    for a in articles:
        labelled = sorted(i for (aid, i) in chooser if aid == a.id)
        first = next((i for i in labelled if _alone(chooser, (a.id, i))), None)
        if first is not None:
            chosen += 1
            bad += not _alone(judge, (a.id, first))
    return chosen, bad


def report(name: str, articles: Sequence[Article], one: Labels, two: Labels) -> list[str]:
    """The figures of `articles` (both readings of them), as printed lines."""
    ids = {a.id for a in articles}
    keys = [k for k in one if k[0] in ids]
    same = sum(one[k]["label"] == two[k]["label"] for k in keys)
    same_alone = sum(_alone(one, k) == _alone(two, k) for k in keys)
    leads = [k for k in keys if k[1] == 0]
    lines = [
        f"{name}: {len(articles)} articles, {len(keys)} sentences both readers labelled",
        f"  same label: {_share(same, len(keys))}; same stands-alone-or-not: {_share(same_alone, len(keys))}",
        f"  leads: {len(leads)}; not STANDALONE to the first reader {sum(not _alone(one, k) for k in leads)},"
        f" to the second {sum(not _alone(two, k) for k in leads)}, to both"
        f" {sum(not _alone(one, k) and not _alone(two, k) for k in leads)}",
    ]
    for n in (3, 5):
        made = brief(list(articles), n=n)
        by_one = brief_figures(Labelled(list(articles), one), made)
        by_two = brief_figures(Labelled(list(articles), two), made)
        pairs = Counter(
            (_alone(one, k), _alone(two, k))
            for b in made.briefs
            if (k := (b.article.id, b.sentences[0].index)) in one
        )
        opened = sum(pairs.values())
        lines += [
            f"  the tool's briefs of {n}: opening badly, first reader {_share(by_one['first_not_standalone'], opened)},"
            f" second reader {_share(by_two['first_not_standalone'], opened)}, both {pairs[(False, False)]},"
            f" one only {pairs[(True, False)] + pairs[(False, True)]}",
            f"    sentences needing an unshown one: first reader"
            f" {_share(by_one['needs_unshown'], by_one['sentences'] - by_one['unlabelled'])},"
            f" second reader {_share(by_two['needs_unshown'], by_two['sentences'] - by_two['unlabelled'])}",
        ]
    chosen, bad = own_openings(articles, one, two)
    chosen2, bad2 = own_openings(articles, two, one)
    lines.append(
        "  openings a reader chooses by their own labels, judged by the other: first by second"
        f" {_share(bad, chosen)}, second by first {_share(bad2, chosen2)};"
        f" together {_share(bad + bad2, chosen + chosen2)}"
    )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="IndoSum folder (default: INDOSUM_DIR)")
    args = parser.parse_args(argv)
    print("$ python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])]))
    print(f"machine: {describe()}")
    articles, one, two, split = both_readings(args.data)
    fresh = [a for a in articles if split[a.id] not in TUNING_PARTS]
    for line in report("every second-read article", articles, one, two):
        print(line)
    for line in report("those of splits no rule was made from", fresh, one, two):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
