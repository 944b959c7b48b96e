"""IndoSum for tests and scripts: records, their text, ROUGE, the extractive evaluation, and
other outlets' altered copies.

Shared by the quality gate (`tests/test_quality.py`), the grouping tests and the scripts
that report figures (`scripts/eval_indosum.py`, `scripts/bench_scale.py`,
`scripts/train_ranker.py`; the raw records of the story and citation scripts,
`scripts/eval_stories.py` and `tests/citations_eval.py`), so that a script and a test never
import one another.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize import InputError, article_from_text, brief
from summarize.values import Article

ROOT = Path(__file__).resolve().parents[1]
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


def record_from_json(raw: dict, fold: str) -> Record:  # type: ignore[type-arg]
    """One line of a dev.NN.jsonl file as a Record."""
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
                out.append(record_from_json(raw, fold))
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


class RougeTokenizer:
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

        self._scorer = rouge_scorer.RougeScorer(
            list(self.TYPES), use_stemmer=False, tokenizer=RougeTokenizer()
        )

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
    """Mean ROUGE F1 of LEAD-3 (ours and gold), each ranker, and the oracle; plus speed; and
    each ranker's scores per article ("per_article": ranker -> record id -> [R-1, R-2, R-L]),
    for a paired comparison of two runs (`paired`).

    Speed is articles per second for clean + segment + rank + select (`article_from_text` and
    `brief` without a translator), timed per ranker over the same records.
    """
    rouge = Rouge()
    systems: dict[str, Totals] = {"lead3-ours": Totals(), "lead3-gold": Totals()}
    systems.update({r: Totals() for r in rankers})
    systems["oracle"] = Totals()
    speed: dict[str, float] = {}
    per_article: dict[str, dict[str, list[float]]] = {}
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
        scores = per_article[name] = {}
        for record, text in zip(records, picked, strict=True):
            scores[record.id] = list(rouge.score(text, record.summary))
            systems[name].add(scores[record.id])
    return {
        "articles": len(records),
        "skipped": skipped,
        "rouge": {name: t.means() for name, t in systems.items()},
        "articles_per_second": speed,
        "per_article": per_article,
    }


def paired(before: dict[str, Sequence[float]], after: dict[str, Sequence[float]]) -> dict[str, Any]:
    """Per-article ROUGE of two runs of one system over the same records (`evaluate`'s
    "per_article" for one ranker, by record id), compared pairwise over the ids both hold: the
    mean difference (after less before) of each measure, its standard error (the differences'
    sample standard deviation over the square root of their number), and how many articles
    changed at all. A gate's mean moves with the few briefs a change alters: the standard
    error says how far such a move is from noise."""
    ids = sorted(before.keys() & after.keys())
    out: dict[str, Any] = {"articles": len(ids)}
    for k, measure in enumerate(("R1", "R2", "RL")):
        diffs = [after[i][k] - before[i][k] for i in ids] or [0.0]
        se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0
        out[measure] = {"mean": round(statistics.fmean(diffs), 3), "se": round(se, 3)}
    out["changed"] = sum(1 for i in ids if list(before[i]) != list(after[i]))
    return out


# ------------------------------------------------ other outlets' copies (bench_scale)

COPIES = 5  # the 10,000 set: each dev article about this many times, as from five outlets

# Pairs a second outlet might use for the same word; swapped both ways.
_SYNONYMS = {
    "mengatakan": "menyatakan",
    "menyatakan": "mengatakan",
    "kata": "ujar",
    "ujar": "kata",
    "juga": "pula",
    "akan": "bakal",
    "bakal": "akan",
    "namun": "tetapi",
    "tetapi": "namun",
    "saat": "ketika",
    "ketika": "saat",
    "bisa": "dapat",
    "dapat": "bisa",
    "sangat": "amat",
    "hanya": "cuma",
    "sudah": "telah",
    "telah": "sudah",
    "banyak": "sejumlah",
    "besar": "akbar",
    "mulai": "memulai",
}
_WORD = re.compile(r"\b(" + "|".join(_SYNONYMS) + r")\b")
_NUMBER = re.compile(r"\d+")


def record_title(record: Record) -> str:
    # IndoSum has no titles; its id carries the headline's URL slug ("1490674536-mustahil-...").
    return record.id.split("-", 1)[-1].replace("-", " ").capitalize()


def record_file(record: Record) -> str:
    """A record as a .txt file's text: its title (from the id's URL slug), a blank line, the body."""
    return f"{record_title(record)}\n\n{record_text(record)[0]}\n"


def altered(record: Record, copy: int) -> Record:
    """Another outlet's copy of `record`: synonyms, one number, one pair of sentences swapped."""
    rng = random.Random(f"{copy}:{record.id}")
    paragraphs = [list(p) for p in record.paragraphs]
    for para in paragraphs:
        for k, sentence in enumerate(para):
            if rng.random() < 0.3:  # about a third of the sentences get one word swapped
                found = list(_WORD.finditer(sentence))
                if found:
                    m = rng.choice(found)
                    para[k] = sentence[: m.start()] + _SYNONYMS[m.group()] + sentence[m.end() :]
    numbered = [(p, k) for p, para in enumerate(paragraphs) for k, s in enumerate(para) if _NUMBER.search(s)]
    if numbered:
        p, k = rng.choice(numbered)
        m = rng.choice(list(_NUMBER.finditer(paragraphs[p][k])))
        changed = str(int(m.group()) + rng.randint(1, 9))
        paragraphs[p][k] = paragraphs[p][k][: m.start()] + changed + paragraphs[p][k][m.end() :]
    long = [para for para in paragraphs if len(para) > 1]
    if long:
        para = rng.choice(long)
        k = rng.randrange(len(para) - 1)
        para[k], para[k + 1] = para[k + 1], para[k]
    return Record(
        id=f"{record.id}-copy{copy}",
        fold=record.fold,
        paragraphs=tuple(tuple(p) for p in paragraphs),
        labels=record.labels,
        summary=record.summary,
    )


# ------------------------------- raw records, as the story and citation evaluations read them

INDOSUM = DATA_DIR  # the story and citation scripts' folder (INDOSUM_DIR, else ../shared beside the checkout)


def detokenize_spaced(tokens: Sequence[str]) -> str:
    """IndoSum sentences are spaCy tokens joined by spaces; undo the spaces around punctuation."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?)\]%])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def indosum_records(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    """Every dev record, deduplicated by id (the folds overlap), in id order."""
    records: dict[str, dict] = {}  # type: ignore[type-arg]
    for path in sorted(folder.glob("dev.0*.jsonl")):
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            records.setdefault(rec["id"], rec)
    return [records[k] for k in sorted(records)]


def indosum_article(rec: dict, article_id: str) -> Article:  # type: ignore[type-arg]
    """A raw record as an article, titled from its id's URL slug."""
    # IndoSum has no titles; its id carries the URL slug of the headline ("1490674536-mustahil-...").
    title = rec["id"].split("-", 1)[-1].replace("-", " ").capitalize()
    paragraphs = ["\n".join(detokenize_spaced(s) for s in p) for p in rec["paragraphs"]]
    return article_from_text(
        "\n\n".join(paragraphs), id=article_id, source=f"indosum:{rec['id']}", title=title
    )
