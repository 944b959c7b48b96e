"""What briefs would read with a perfect judgement: the readers' own labels in place of the
stands-alone judgement, on the labelled IndoSum articles.

Issue 21 asks for briefs that open with a sentence that stands alone (at most 1% open badly)
while the IndoSum quality gate holds. Every policy tried against teaser leads so far cost the
gate its ROUGE (docs/standalone-rounds.md): is that a conflict in the data (IndoSum's summaries
keep the sentences a reader cannot take alone), or a limit of the judgement? This script
answers it by judging with the readers. For each labelled IndoSum article of the split it
builds the real `summarize.brief` (no translation) and scores it against the article's IndoSum
summary (ROUGE-1/2/L F1, `tests/indosum.Rouge`, as the gate does) and against the labels (bad
openings; sentences shown without the earlier one they need), once as shipped and once per
oracle:

- `readers judge all`: every labelled sentence takes the readers' verdict (STANDALONE: sure and
  may open; anything else: never sure, never opening, NEEDS_CONTEXT leaning on the sentence the
  readers named); sentences past the labelled twelve keep the tool's;
- `veto only`: only the sentences the readers did not call STANDALONE take their verdict (the
  judgement never lets a bad one through, and stays as cautious as it is elsewhere);
- `free only`: only the STANDALONE ones take it (the judgement never holds a good one back);
- `leads only`: only each article's first sentence takes it (a perfect teaser-lead judge);
- with `--rules`, `free RULE`: only the STANDALONE sentences that the named rule rejects (what
  that rule's mistakes cost);

and with `--digest`, the real `summarize.digest` of all the split's articles under each
judgement too: its lines, the share of labelled lines that stand alone, the stories that show
no line, and the stories a teaser, fragment or furniture leads.

    python scripts/eval_judge_oracle.py                       # tuning, briefs of 3
    python scripts/eval_judge_oracle.py -n 5
    python scripts/eval_judge_oracle.py --rules pronoun undefined-reference
    python scripts/eval_judge_oracle.py --digest

Research only: nothing in the package reads it. An oracle's figures are what the brief's
selection could reach with that judgement; they are not figures of the tool.
"""

from __future__ import annotations

import argparse
import copy
import json
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_teaser_leads import JUDGE_HOMES  # noqa: E402
from machine_info import describe as machine  # noqa: E402
from train_standalone import scored_by  # noqa: E402

from summarize import brief  # noqa: E402
from summarize.rank import standalone  # noqa: E402
from summarize.rank.sentence_rules import STANDALONE, Judgement  # noqa: E402
from summarize.rank.sure import load_scorer  # noqa: E402
from summarize.values import Article  # noqa: E402
from tests.indosum import Record, Rouge, Totals  # noqa: E402
from tests.standalone_eval import SET, Labelled, brief_figures, digest_scores, load, read_rows, records_for  # noqa: E402

# Which labelled sentences take the readers' verdict: (index, the readers' label, the tool's verdict).
Which = Callable[[int, str, Judgement], bool]


def indosum_pairs(data: Labelled) -> list[tuple[Article, Record]]:
    """The split's IndoSum articles with their records (the summary to score against)."""
    rows: dict[str, dict] = {}  # type: ignore[type-arg]
    for r in read_rows("articles"):
        rows.setdefault(r["article"].removeprefix("indosum:"), r)  # the first copy, as `load`
    records = records_for(list(rows.values()))
    out = []
    for a in data.articles:
        row = rows.get(a.id)
        if row is not None and row["fold"] != "seeds":
            out.append((a, records[(row["fold"], a.id)]))
    return out


def _verdict(row: dict) -> Judgement:  # type: ignore[type-arg]
    ok = row["label"] == STANDALONE
    depends = row["depends_on"] if row["label"] == "NEEDS_CONTEXT" else None
    return Judgement(
        row["label"], "" if ok else "reader", depends_on=depends, sure=ok, score=float(ok), opens=ok
    )


@contextmanager
def readers_judge(data: Labelled, which: Which) -> Iterator[None]:
    """Judge each labelled sentence that `which` picks by the readers' label."""
    plain = standalone.judge

    def held(article: Article, *, scorer: object = None) -> list[Judgement]:
        out = list(plain(article, scorer=scorer))  # type: ignore[arg-type]
        for i, j in enumerate(out):
            row = data.labels.get((article.id, i))
            if row is not None and which(i, row["label"], j):
                out[i] = _verdict(row)
        return out

    # The brief's ties and the judgement are cached per article and scorer: a scorer made for
    # the call (the shipped one, copied) keeps the readers' verdicts out of other calls' caches.
    with ExitStack() as stack:
        stack.enter_context(scored_by(copy.copy(load_scorer())))
        for home in JUDGE_HOMES:
            stack.enter_context(mock.patch(home, held))
        yield


def score(data: Labelled, pairs: Sequence[tuple[Article, Record]], n: int) -> dict[str, float]:
    """ROUGE against IndoSum's summaries; bad openings and sentences needing an unshown one
    against the labels (`brief_figures`, as `scripts/eval_standalone.py` counts them)."""
    rouge, totals = Rouge(), Totals()
    result = brief([a for a, _ in pairs], n=n)
    for b, (_, record) in zip(result.briefs, pairs, strict=True):
        totals.add(rouge.score(" ".join(s.source_text for s in b.sentences), record.summary))
    f = brief_figures(data, result)
    return {
        **totals.means(),
        "bad": f["first_not_standalone"],
        "opened": f["briefs"] - f["first_unlabelled"],
        "unshown": f["needs_unshown"],
        "shown": f["sentences"],
    }


def lead_agreement() -> tuple[int, int]:
    """Over every blind second reading in the set (`second_reading*.jsonl`): of the leads both
    readings labelled, how many they agree on as standalone or not."""
    first = {(r["article"], r["index"]): r["label"] for r in read_rows("labels") if r["index"] == 0}
    agree = total = 0
    for path in sorted(SET.glob("second_reading*.jsonl")):
        if path.name.startswith("second_reading_sample"):
            continue  # the unlabelled articles given to the second reader
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            label = first.get((row["article"], row["index"]))
            if label is not None:
                total += 1
                agree += (label == STANDALONE) == (row["label"] == STANDALONE)
    return agree, total


def oracles(rules: Sequence[str]) -> list[tuple[str, Which | None]]:
    out: list[tuple[str, Which | None]] = [
        ("shipped", None),
        ("readers judge all", lambda i, label, j: True),
        ("veto only", lambda i, label, j: label != STANDALONE),
        ("free only", lambda i, label, j: label == STANDALONE),
        ("leads only", lambda i, label, j: i == 0),
    ]
    for rule in rules:
        out.append(
            (
                f"free {rule}",
                lambda i, label, j, rule=rule: label == STANDALONE and j.rule == rule and not j.trim,
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="tuning", help="the labelled split (default: tuning)")
    parser.add_argument("-n", type=int, default=3, help="sentences per brief (default: 3)")
    parser.add_argument(
        "--rules", nargs="*", default=(), metavar="RULE", help="also free each rule's mistakes"
    )
    parser.add_argument(
        "--digest", action="store_true", help="also the digest of the split's articles under each judgement"
    )
    args = parser.parse_args(argv)
    data = load(args.split)
    pairs = indosum_pairs(data)
    print("$ python scripts/eval_judge_oracle.py " + shlex.join(argv if argv is not None else sys.argv[1:]))
    print(f"machine: {machine()}")
    print(f"{args.split}: {len(pairs)} labelled IndoSum articles, briefs of {args.n}")
    print(
        "judgement | R-1 / R-2 / R-L against IndoSum | briefs opening badly | sentences needing an unshown one"
    )
    agree, total = lead_agreement()
    print(f"the readers' own agreement on leads (standalone or not): {agree} of {total} double-read leads")
    for name, which in oracles(args.rules):
        with ExitStack() as stack:
            if which is not None:
                stack.enter_context(readers_judge(data, which))
            s = score(data, pairs, args.n)
            d = digest_scores(data) if args.digest else None
        print(
            f"{name} | {s['R1']:.2f} / {s['R2']:.2f} / {s['RL']:.2f} | {s['bad']} of {s['opened']}"
            f" ({100 * s['bad'] / max(1, s['opened']):.1f}%) | {s['unshown']} of {s['shown']}"
        )
        if d is not None:
            print(
                f"    digest: {d['lines']} lines, {d['stand_alone']}% of {d['labelled_lines']} labelled standing"
                f" alone; {d['bare_stories']} of {d['stories']} stories with no line; {d['bad_leads']} led badly"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
