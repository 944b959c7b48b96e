"""Extractive quality on IndoSum: our whole front half (clean, segment, rank) against LEAD-3 and the oracle.

Each IndoSum record is turned back into plain text (tokens joined, lightly detokenised,
paragraphs separated by blank lines) and run through `article_from_text` and
`summarize.brief(..., n=3)` without translation, exactly as the CLI's `--no-translate` would.
Every system is scored with one ROUGE scorer against the human (abstractive) summary.

    python scripts/eval_indosum.py --folds 01 02 03 --ranker learned centrality

The helpers (`load_records`, `record_text`, `gold_overlap`, `Rouge`, `evaluate`) are
shared with `scripts/train_ranker.py` and the quality gate in `tests/test_quality.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python scripts/eval_indosum.py` from a checkout
    sys.path.insert(0, str(ROOT))

from summarize import (  # noqa: E402
    InputError,
    article_from_text,
    brief,
)
from summarize.values import Article  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # machine_info, next to this script
from machine_info import describe as machine  # noqa: E402

FOLDS = ("01", "02", "03")
DATA_DIR = Path(os.environ.get("INDOSUM_DIR", ROOT.parent / "shared" / "eval_data" / "indosum"))
N_SENTENCES = 3

# ---------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Record:
    """One IndoSum article: sentences per paragraph (detokenised), oracle labels, summary."""

    id: str
    fold: str
    paragraphs: tuple[tuple[str, ...], ...]
    labels: tuple[tuple[bool, ...], ...]
    summary: str

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def flat_labels(self) -> list[bool]:
        return [x for p in self.labels for x in p]


_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%…")
_NO_SPACE_AFTER = frozenset("([{$")


def detokenize(tokens: Iterable[str], *, quote_open: bool = False) -> tuple[str, bool]:
    """Join spaCy tokens into text, lightly; returns the text and whether a quotation is open.

    No space before , . ; : ! ? ) ] % or after ( [ $; straight double quotes alternate
    opening/closing (the state carries across the sentences of a paragraph); "27 / 3"
    becomes "27/3". Whitespace-only tokens (IndoSum has a few "\\n" and "\\xa0" tokens)
    are dropped, so a sentence never spans a line break.
    """
    out: list[str] = []
    glue = True  # no space before the next token
    for raw in tokens:
        tok = raw.strip()
        if not tok:
            continue
        if tok == '"':
            if quote_open:  # closing: attach to what precedes
                out.append(tok)
                glue = False
            else:  # opening: attach to what follows
                out.append(tok if glue or not out else " " + tok)
                glue = True
            quote_open = not quote_open
            continue
        if tok == "/" and out and out[-1][-1:].isdigit():
            out.append(tok)
            glue = True
            continue
        if glue or not out or (tok[0] in _NO_SPACE_BEFORE and len(set(tok)) == 1):
            out.append(tok)
        else:
            out.append(" " + tok)
        glue = tok in _NO_SPACE_AFTER
    return "".join(out), quote_open


def detokenize_paragraph(sentences: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Each sentence of a paragraph detokenised, quotation state carried from one to the next."""
    out = []
    quote_open = False
    for tokens in sentences:
        text, quote_open = detokenize(tokens, quote_open=quote_open)
        out.append(text)
    return tuple(out)


def _record(raw: dict, fold: str) -> Record:
    return Record(
        id=str(raw["id"]),
        fold=fold,
        paragraphs=tuple(detokenize_paragraph(p) for p in raw["paragraphs"]),
        labels=tuple(tuple(bool(x) for x in p) for p in raw["gold_labels"]),
        summary=" ".join(detokenize_paragraph(raw["summary"])),
    )


def load_records(folds: Sequence[str] = FOLDS, data_dir: Path = DATA_DIR) -> list[Record]:
    """Records of `folds` (dev.<fold>.jsonl), deduplicated by id: the first fold listed wins."""
    seen: set[str] = set()
    out: list[Record] = []
    for fold in folds:
        path = data_dir / f"dev.{fold}.jsonl"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                raw = json.loads(line)
                if raw["id"] in seen:
                    continue
                seen.add(raw["id"])
                out.append(_record(raw, fold))
    return out


def record_text(record: Record) -> tuple[str, list[tuple[int, int]]]:
    """The article as plain text (one line per paragraph, blank lines between) and the
    character span of every gold sentence in it (flat, in order)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for p, para in enumerate(record.paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        for i, sent in enumerate(para):
            if i:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(sent)))
            parts.append(sent)
            pos += len(sent)
    return "".join(parts), spans


def to_article(record: Record) -> tuple[Article, list[tuple[int, int]]]:
    """Our front half on one record: cleaning and segmentation (raises InputError if empty)."""
    text, spans = record_text(record)
    return article_from_text(text, id=record.id, source=f"indosum:{record.id}"), spans


def gold_overlap(article: Article, spans: Sequence[tuple[int, int]], labels: Sequence[bool]) -> list[float]:
    """For each of our sentences, the share of its characters inside oracle-labelled gold
    sentences: how training labels are carried over to our own segmentation."""
    positive = [sp for sp, lab in zip(spans, labels, strict=True) if lab]
    out = []
    for s in article.sentences:
        inside = sum(max(0, min(s.end, e) - max(s.start, b)) for b, e in positive)
        out.append(inside / max(1, s.end - s.start))
    return out


# --------------------------------------------------------------------------- scoring

_ROUGE_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


class _Tokenizer:
    """Lower-cased Unicode letter/digit runs. rouge-score's default keeps only [a-z0-9], which
    would split "café" or "Rp1,5" differently; hyphenated words split into parts in both."""

    def tokenize(self, text: str) -> list[str]:
        return _ROUGE_TOKEN.findall(text.lower())


class Rouge:
    """The one scorer every system goes through: ROUGE-1/2/L F1, no stemming (the Porter
    stemmer is for English), our Unicode tokenizer."""

    TYPES = ("rouge1", "rouge2", "rougeL")

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(self.TYPES), use_stemmer=False, tokenizer=_Tokenizer())

    def score(self, candidate: str, reference: str) -> tuple[float, float, float]:
        s = self._scorer.score(reference, candidate)
        return tuple(100.0 * s[t].fmeasure for t in self.TYPES)


@dataclass(slots=True)
class Totals:
    """Running ROUGE F1 sums for one system."""

    n: int = 0
    sums: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])

    def add(self, scores: Sequence[float]) -> None:
        self.n += 1
        for i, v in enumerate(scores):
            self.sums[i] += v

    def means(self) -> dict[str, float]:
        return {k: round(v / max(1, self.n), 2) for k, v in zip(("R1", "R2", "RL"), self.sums, strict=True)}


def evaluate(records: Sequence[Record], rankers: Sequence[str], *, n: int = N_SENTENCES) -> dict[str, Any]:
    """Mean ROUGE F1 of LEAD-3 (ours and gold), each ranker, and the oracle; plus speed.

    Speed is articles per second for clean + segment + rank + select (`article_from_text` and
    `brief` without a translator), timed per ranker over the same records.
    """
    rouge = Rouge()
    systems: dict[str, Totals] = {"lead3-ours": Totals(), "lead3-gold": Totals()}
    systems.update({r: Totals() for r in rankers})
    systems["oracle"] = Totals()
    speed: dict[str, float] = {}
    skipped: list[str] = []
    articles: list[Article | None] = []
    for record in records:
        try:
            articles.append(to_article(record)[0])
        except InputError as exc:  # an unusable record is counted, not fatal
            skipped.append(f"{record.id}: {exc}")
            articles.append(None)
    for record, article in zip(records, articles, strict=True):
        ref = record.summary
        gold = record.sentences
        systems["lead3-gold"].add(rouge.score(" ".join(gold[:n]), ref))
        systems["oracle"].add(
            rouge.score(" ".join(s for s, lab in zip(gold, record.flat_labels, strict=True) if lab), ref)
        )
        ours = " ".join(s.text for s in article.sentences[:n]) if article else ""
        systems["lead3-ours"].add(rouge.score(ours, ref))
    for name in rankers:
        start = time.perf_counter()
        picked: list[str] = []
        for record in records:
            try:
                article, _ = to_article(record)
            except InputError:  # already listed in `skipped`
                picked.append("")
                continue
            (b,) = brief([article], n=n, ranker=name)
            picked.append(" ".join(s.source_text for s in b.sentences))
        elapsed = time.perf_counter() - start
        speed[name] = round(len(records) / elapsed, 1)
        for record, text in zip(records, picked, strict=True):
            systems[name].add(rouge.score(text, record.summary))
    return {
        "articles": len(records),
        "skipped": skipped,
        "rouge": {name: t.means() for name, t in systems.items()},
        "articles_per_second": speed,
    }


def _training_notes(records: Sequence[Record], rankers: Sequence[str], data_dir: Path) -> list[str]:
    """Warn when the shipped learned model was trained on some of the evaluated articles."""
    if "learned" not in rankers:
        return []
    from importlib import resources

    raw = json.loads(resources.files("summarize").joinpath("data/ranker.json").read_text(encoding="utf-8"))
    trained = raw.get("trained", {})
    folds = trained.get("folds", [])
    held = trained.get("held_out_folds", [])
    seen = {r.id for r in load_records(folds, data_dir)} if folds else set()
    seen -= {r.id for r in load_records(held, data_dir)} if held else set()
    overlap = sum(r.id in seen for r in records)
    if not overlap:
        return []
    return [
        f"the shipped learned model was trained on {overlap} of these {len(records)} articles "
        f"(folds {' '.join(folds)}): its figure here is not a held-out one"
    ]


# ------------------------------------------------------------------------------ CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", default=list(FOLDS), help="dev folds to read (01 02 03)")
    parser.add_argument(
        "--ranker", nargs="+", default=["learned", "centrality"], help="rankers to evaluate, by name"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N records (after dedup)")
    parser.add_argument(
        "--exclude-folds",
        nargs="*",
        default=[],
        help="drop records whose id is in these folds (e.g. the folds a model was trained on)",
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder holding dev.NN.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    records = load_records(args.folds, args.data)
    if args.exclude_folds:
        excluded = {r.id for r in load_records(args.exclude_folds, args.data)}
        records = [r for r in records if r.id not in excluded]
    if args.limit is not None:
        records = records[: args.limit]
    result = evaluate(records, args.ranker)
    result["notes"] = _training_notes(records, args.ranker, args.data)
    result["command"] = "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])])
    result["machine"] = machine()
    result["folds"] = args.folds
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"$ {result['command']}")
    print(f"machine: {result['machine']}")
    print(f"folds {' '.join(args.folds)}: {result['articles']} articles, {len(result['skipped'])} skipped")
    print(f"{'system':<14} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for name, m in result["rouge"].items():
        print(f"{name:<14} {m['R1']:>6.2f} {m['R2']:>6.2f} {m['RL']:>6.2f}")
    for note in result["notes"]:
        print(f"note: {note}")
    for name, aps in result["articles_per_second"].items():
        print(f"speed {name}: {aps} articles/s (clean + segment + rank + select, one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
