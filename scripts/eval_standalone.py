"""Sentences a reader can take alone: the stands-alone judgement and what briefs and digests show.

Scored on one split of the labelled set (scripts/data/standalone/: articles, labels, README):

- the judgement (`summarize.rank.standalone.judge`) against the readers' labels: precision and
  recall of "stands alone", of each label, and how often each rule's verdict is right; how
  often each doubt rule is right, how often the lexical hook score (`summarize.rank.sure.Hook`)
  is right where it keeps a lead from the digest, and the precision of the confident tier
  (stands alone, no doubt: what digest lines and brief openings are drawn from);
- the real `summarize.digest` (no translation) over the split's articles: the share of lines whose
  sentence stands alone, and whether a teaser, fragment or furniture leads a story;
- the real `summarize.brief` with n=3 and n=5: the share of shown sentences that need an earlier
  sentence the brief does not show before them, and the share of briefs whose first sentence
  does not stand alone.

Shown sentences past the labelled first twelve of an article are counted as unlabelled. A line
the digest trimmed (a leading connective left off) is judged by the label of its whole sentence
in the strict figure, and reported beside it.

    python scripts/eval_standalone.py                    # the fresh split once the set holds it, else tuning
    python scripts/eval_standalone.py --split heldout39  # the fresh held-out split (scored once)
    python scripts/eval_standalone.py --split tuning     # every split tuned on
    python scripts/eval_standalone.py --split heldout32  # or one part of it
    python scripts/eval_standalone.py --set DIR --split detik1  # a set kept outside the repository

A set kept outside the repository (text whose licence does not let the repository keep it) is a
folder laid out like scripts/data/standalone/ (articles-1.jsonl, labels-1.jsonl), its articles
of fold `texts`, each a text file in DIR/texts/ named by its `source`, read as `summarize`
reads a text file (`load_articles`); `python scripts/make_standalone_set.py --fresh SPLIT
--texts FILES... --out DRAW` draws one and `--merge-fresh DRAW --into DIR` writes it.

The articles are rebuilt as the tool reads them (seeds/ and IndoSum, through `load_articles` and
`tests/indosum.to_article`: folds 01 to 03 from INDOSUM_DIR, folds 04 and 05 from the raw records
the set keeps), and the labels are carried onto the tool's sentences by text, in order: the same
text, or the labelled text less a leading dateline the tool now cuts. A label whose sentence the
tool now reads otherwise (merged, split, grown) is not scored; the script prints how many, and
stops when they are more than 2% of the split's labels. tests/test_standalone.py keeps each
split's figures within the floors that tests/standalone_baseline.json gives for it. Which splits
are tuned on (each held-out split once it was scored, and a rule made from it) and which is the
fresh one are named in one place, `tests/standalone_eval.py` (`TUNING`'s parts and `FRESH`): the
sure tier's scorer (`scripts/train_standalone.py`) is trained on the tuning splits, and its
honest figures are cross-validated by article; the fresh split, merged after the work it
scores, is never tuned on.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe as machine  # noqa: E402

from tests.indosum import DATA_DIR  # noqa: E402
from tests.standalone_eval import (  # noqa: E402  (shared with its test)
    FRESH,
    MAX_UNMATCHED,
    SET,
    SPLITS,
    TUNING,
    default_split,
    evaluate,
    splits_present,
)


def _print(result: dict[str, Any]) -> None:
    j, d = result["judgement"], result["digest"]
    print(f"$ {result['command']}")
    print(f"machine: {result['machine']}")
    print(
        f"split {result['split']}: {result['articles']} articles, {result['labelled_sentences']} labelled sentences"
    )
    print(
        f"labels that no longer match the tool's sentences (not scored): {result['unmatched_labels']}"
        f" (stops above {MAX_UNMATCHED:.0%})"
    )
    print(f"judgement: accuracy {j['accuracy']}% over {j['sentences']} sentences")
    for label, m in j["labels"].items():
        print(
            f"  {label:<14} precision {m['precision']}%  recall {m['recall']}%"
            f"  (gold {m['gold']}, judged {m['predicted']})"
        )
    for rule, m in j["rules"].items():
        print(f"  rule {rule:<20} fired {m['fired']:>4}  right {m['right']}% (gold label is not STANDALONE)")
    for rule, m in j["doubts"].items():
        print(f"  doubt {rule:<19} fired {m['fired']:>4}  right {m['right']}% (gold label is not STANDALONE)")
    for rule, m in j["ties"].items():
        print(
            f"  brief tie {rule:<15} fired {m['fired']:>4}  right {m['right']}% (gold label is not STANDALONE)"
        )
    h = j["hook"]
    print(
        f"  hook (the lexical score of a lead in the tier, kept from the digest) fired {h['fired']:>4}"
        f"  right {h['right']}% (gold label is not STANDALONE); its terms {h['terms']}"
    )
    c = j["confident"]
    print(f"  confident (stands alone, no doubt): {c['judged']} sentences, precision {c['precision']}%")
    print(
        f"digest: {d['lines']} lines ({d['labelled_lines']} labelled): {d['stand_alone']}% stand alone"
        f" (target >= 97); labels {d['line_labels']}"
    )
    print(
        f"  trimmed lines {d['trimmed_lines']}; counting a trimmed NEEDS_CONTEXT line as standing alone:"
        f" {d['stand_alone_trimmed_counted']}%"
    )
    print(
        f"  stories {d['stories']}: {d['bad_leads']} led by a teaser, fragment or furniture (target 0); {d['story_leads']}"
    )
    for n, b in result["briefs"].items():
        print(
            f"brief n={n}: {b['briefs']} briefs, {b['sentences']} sentences ({b['unlabelled']} unlabelled):"
            f" {b['needs_unshown_share']}% need an unshown earlier sentence (target <= 2);"
            f" {b['first_not_standalone_share']}% start with a non-standalone sentence (target <= 1);"
            f" {b['teaser_fragment_furniture']} teaser/fragment/furniture shown"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default=None,
        help=f"one of {', '.join(SPLITS)} or a split merged later: {FRESH} (the default once the set"
        f" holds it), or {TUNING} (every split tuned on: the default before)",
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder holding IndoSum's dev.NN.jsonl")
    parser.add_argument(
        "--set",
        type=Path,
        default=SET,
        metavar="DIR",
        help="the labelled set's folder (default: the repository's); a set kept outside it holds its"
        " articles as text files in DIR/texts/",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    present = splits_present(args.set)
    if args.split is not None and args.split not in present:
        parser.error(f"the labelled set holds no split {args.split!r} (it holds {', '.join(present)})")
    if args.split is None and args.set != SET:
        parser.error("--set needs --split: the split to score")
    result = evaluate(args.split or default_split(), args.data, args.set)
    result["command"] = "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])])
    result["machine"] = machine()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
