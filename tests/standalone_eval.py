"""The stands-alone evaluation on its labelled IndoSum set, shared by
`scripts/eval_standalone.py` (which prints the figures) and the floors in
`tests/test_standalone.py`, so that a script and a test never import one another.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize import brief, digest, load_articles
from summarize.clean.datelines import dateline_length
from summarize.clean.signoff import sign_off
from summarize.rank.sentence_rules import LABELS, STANDALONE
from summarize.rank.ties import judge_for_brief
from summarize.values import Article, Briefs
from tests.indosum import DATA_DIR, FOLDS, Record, load_records, record_from_json, to_article

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "scripts" / "data" / "standalone"
TEXTS = "texts"  # the fold of articles that are text files in the set folder's texts/ (`rebuild`)
BRIEF_SIZES = (3, 5)
ITEMS_PER_ARTICLE = 3  # the digest shows a one-article story like a brief of three
# Labels the tool's reading has moved away from (`carry_labels`) are left out of the figures;
# past this share of a split's labels, the set no longer measures the tool, and `load` stops.
MAX_UNMATCHED = 0.02


@dataclass(frozen=True, slots=True)
class Labelled:
    """The split's articles as the tool reads them, and the readers' labels by (article id, index)
    of the tool's sentences; `unmatched`: stored labels whose sentence the tool now reads otherwise."""

    articles: list[Article]
    labels: dict[tuple[str, int], dict[str, Any]]
    unmatched: int = 0


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# The set's articles and labels are each kept in numbered parts ("articles-1.jsonl", ...) of at
# most `PART_BYTES`, rows in order, so that no tracked file grows past 2 MB as fresh sets are
# added; read together they are one file's rows, in the same order.
PART_BYTES = 1_000_000


def _parts(name: str, folder: Path) -> list[Path]:
    found = folder.glob(f"{name}-*.jsonl")
    numbered = [(int(p.stem.rsplit("-", 1)[1]), p) for p in found if p.stem.rsplit("-", 1)[1].isdigit()]
    return [p for _, p in sorted(numbered)]


def read_rows(name: str, folder: Path = SET) -> list[dict[str, Any]]:
    """Every row of the set's `name` ("articles" or "labels"), in order, from all its parts."""
    return [row for path in _parts(name, folder) for row in _read(path)]


def write_rows(name: str, rows: Sequence[dict[str, Any]], folder: Path = SET) -> list[Path]:
    """Write `rows` as the set's `name`, a new part after each `PART_BYTES`; older parts beyond
    the new last one are removed. Returns the parts written."""
    chunks: list[list[str]] = [[]]
    size = 0
    for row in rows:
        line = json.dumps(row, ensure_ascii=False) + "\n"
        if chunks[-1] and size + len(line.encode("utf-8")) > PART_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line.encode("utf-8"))
    written = []
    for k, chunk in enumerate(chunks, start=1):
        path = folder / f"{name}-{k}.jsonl"
        path.write_text("".join(chunk), encoding="utf-8", newline="\n")
        written.append(path)
    for stale in set(_parts(name, folder)) - set(written):
        stale.unlink()
    return written


# The splits tuned on: each held-out split, once scored, was tuned on too.
TUNING = "tuning"
_PARTS = {
    TUNING: (
        "tune",
        "heldout",
        "tune2",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
        "heldout22",
        "heldout23",
        "heldout24",
        "heldout25",
        "heldout26",
        "heldout27",
        "heldout28",
        "heldout29",
        "heldout30",
        "heldout31",
        "heldout32",
        "heldout33",
        "heldout34",
        "heldout35",
        "heldout36",
        "heldout37",
        "heldout38",
        "heldout41",
        "heldout42",
        "heldout44",
        "heldout54",
    )
}
# The fresh held-out split, merged into the set after this work and scored once. heldout39,
# heldout40, heldout43 and heldout45 to heldout53 (each scored once, no rule made from them) are
# not in the tuning data.
FRESH = "heldout55"
SPLITS = (*_PARTS[TUNING], FRESH, TUNING)
TUNING_PARTS: tuple[str, ...] = _PARTS[TUNING]  # the splits the tuning data is made of


def splits_present(folder: Path = SET) -> list[str]:
    """The splits the labelled set holds rows of (in `SPLITS` order, then any other merged
    later), and `TUNING` when it holds all its parts."""
    present = {r["split"] for r in read_rows("articles", folder)}
    out = [s for s in SPLITS if s in present] + sorted(present - set(SPLITS))
    return out + [s for s, parts in _PARTS.items() if present.issuperset(parts)]


def default_split() -> str:
    """The fresh held-out split when the set holds it, else the tuning data."""
    return FRESH if FRESH in splits_present() else TUNING


def rebuild(
    wanted: Callable[[dict[str, Any]], bool], data_dir: Path = DATA_DIR, folder: Path = SET
) -> tuple[list[Article], dict[str, Reading]]:
    """The labelled set's articles whose row `wanted` takes, as the tool reads them today, in the
    set's order, and each one's `Reading` by its id in the set. An article of fold `texts` is a
    text file in the set folder's `texts/` (`source` its name): a set kept outside the
    repository, of text whose licence does not let the repository keep it (`--set DIR` of
    scripts/eval_standalone.py)."""
    rows = []
    seen_ids: set[str] = set()
    for r in read_rows("articles", folder):
        # One IndoSum article was drawn twice (folds 02 and 03); its labels are the first copy's.
        if wanted(r) and r["article"] not in seen_ids:
            rows.append(r)
            seen_ids.add(r["article"])
    seeds = {Path(a.source).name: a for a in load_articles([ROOT / "seeds"]).articles}
    texts = [folder / "texts" / r["source"] for r in rows if r["fold"] == TEXTS]
    files = {Path(a.source).name: a for a in load_articles(texts).articles} if texts else {}
    records = records_for([r for r in rows if r["fold"] != TEXTS], data_dir, folder)
    articles, readings = [], {}
    for r in rows:
        key = (r["fold"], r["article"].removeprefix("indosum:"))
        if r["fold"] == TEXTS:
            article = files[r["source"]]
        else:
            article = seeds[r["source"]] if r["fold"] == "seeds" else to_article(records[key])[0]
        articles.append(article)
        readings[r["article"]] = Reading(
            article.id, [s["text"] for s in r["sentences"]], [s.text for s in article.sentences]
        )
    return articles, readings


def load(split: str, data_dir: Path = DATA_DIR, folder: Path = SET) -> Labelled:
    """Rebuild the split's articles and carry the readers' labels onto the tool's sentences
    (`match_sentences`); stops when more than `MAX_UNMATCHED` of the labels no longer match."""
    parts = _PARTS.get(split, (split,))
    articles, readings = rebuild(lambda r: r["split"] in parts, data_dir, folder)
    stored = [row for row in read_rows("labels", folder) if row["article"] in readings]
    labels, unmatched = carry_labels(stored, readings)
    if unmatched > MAX_UNMATCHED * len(stored):
        raise SystemExit(
            f"{split}: {unmatched} of {len(stored)} labels no longer match the tool's sentences"
            f" (more than {MAX_UNMATCHED:.0%}): the cleaner or segmenter reads the labelled articles"
            " differently; read the change before scoring on this set"
        )
    return Labelled(articles, labels, unmatched)


def records_for(
    rows: Sequence[dict[str, Any]], data_dir: Path = DATA_DIR, folder: Path = SET
) -> dict[tuple[str, str], Record]:
    """The IndoSum record of every article row, by (fold, id): folds share ids, and the set was
    drawn fold by fold. `FOLDS`' records come from `data_dir`; those of folds beyond (dev.04 and
    dev.05, which not every checkout's INDOSUM_DIR holds) from the raw records the set keeps."""
    wanted = {(r["fold"], r["article"].removeprefix("indosum:")) for r in rows if r["fold"] != "seeds"}
    records = {}
    for fold in sorted({f for f, _ in wanted} & set(FOLDS)):
        records.update(
            {(fold, rec.id): rec for rec in load_records([fold], data_dir) if (fold, rec.id) in wanted}
        )
    if {f for f, _ in wanted} - set(FOLDS):
        for row in read_rows("records", folder):
            if (row["fold"], row["record"]["id"]) in wanted:
                records[(row["fold"], row["record"]["id"])] = record_from_json(row["record"], row["fold"])
    return records


@dataclass(frozen=True, slots=True)
class Reading:
    """One labelled article: the tool's id for it, the sentences as labelled, and as the tool reads them."""

    tool_id: str
    labelled: list[str]
    tool: list[str]


def carry_labels(
    stored: Sequence[dict[str, Any]], readings: dict[str, Reading]
) -> tuple[dict[tuple[str, int], dict[str, Any]], int]:
    """The stored label rows moved onto the tool's sentences (by tool id and index), and how
    many could not be: their sentence, or the one they depend on, no longer matches."""
    to_tool = {key: match_sentences(r.labelled, r.tool) for key, r in readings.items()}
    labels = {}
    for row in stored:
        moved = _moved(row, to_tool[row["article"]])
        if moved is not None:
            labels[(readings[row["article"]].tool_id, moved["index"])] = moved
    return labels, len(stored) - len(labels)


def _plain(text: str) -> str:
    return " ".join(text.split())


def match_sentences(labelled: Sequence[str], got: Sequence[str]) -> dict[int, int]:
    """Labelled sentence index -> the tool's sentence index that reads the same, in order.

    The same text (whitespace aside), or the labelled text less a leading dateline or the
    editors' initials ending the article ("... apartemen. (gil)") that the tool now cuts, or
    with the list number before it that the tool now keeps with it ("1." then
    "Terbang selama 24 jam ...", read now as "1. Terbang selama 24 jam ..."; the number alone
    is left out). A sentence the tool reads otherwise (merged, split, or grown: "JEK perlahan
    ..." read now as "GO - JEK perlahan ...") is left out: its label spoke of other text.
    """
    tool = [_plain(t) for t in got]
    out: dict[int, int] = {}
    j = 0
    for i, text in enumerate(labelled):
        readings = {_plain(text), _plain(text[dateline_length(text) :])}
        signed = sign_off(text)
        if signed:
            readings.add(_plain(text[: signed[0]]))
        if i and re.fullmatch(r"[0-9]{1,2}\.", _plain(labelled[i - 1])):
            readings.add(f"{_plain(labelled[i - 1])} {_plain(text)}")
        k = next((k for k in range(j, len(tool)) if tool[k] in readings), None)
        if k is not None:
            out[i] = k
            j = k + 1
    return out


def _moved(row: dict[str, Any], to_tool: dict[int, int]) -> dict[str, Any] | None:
    """The label row with its index and `depends_on` moved to the tool's sentences, or None
    when either sentence no longer matches."""
    dep = row["depends_on"]
    if row["index"] not in to_tool or (dep is not None and dep not in to_tool):
        return None
    return {**row, "index": to_tool[row["index"]], "depends_on": None if dep is None else to_tool[dep]}


def judgement_scores(data: Labelled) -> dict[str, Any]:
    """Precision and recall of the judgement, per label and for "stands alone"; how often each
    rule, doubt and brief tie is right (its sentence does not stand alone)."""
    pairs = []
    rules: dict[str, Counter[bool]] = {}
    doubts: dict[str, Counter[bool]] = {}
    ties: dict[str, Counter[bool]] = {}
    hooks: Counter[bool] = Counter()  # leads the lexical hook score keeps from the digest
    hook_terms: Counter[str] = Counter()  # the terms that pushed them (`Judgement.hook`)
    confident: dict[bool, Counter[bool]] = {True: Counter(), False: Counter()}
    for a in data.articles:
        # `judge` with the ties a brief keeps (`judge_for_brief` is `judge` but for the ties)
        for i, verdict in enumerate(judge_for_brief(a)):
            gold = data.labels.get((a.id, i))
            if gold is None:
                continue
            pairs.append((gold["label"], verdict.label))
            if verdict.rule:
                rules.setdefault(verdict.rule, Counter())[gold["label"] != STANDALONE] += 1
            if verdict.doubt:
                doubts.setdefault(verdict.doubt, Counter())[gold["label"] != STANDALONE] += 1
            if verdict.tie:
                ties.setdefault(verdict.tie, Counter())[gold["label"] != STANDALONE] += 1
            if verdict.hook:
                hooks[gold["label"] != STANDALONE] += 1
                hook_terms.update(verdict.hook)
            if verdict.stands_alone:
                confident[verdict.confident][gold["label"] == STANDALONE] += 1
    out: dict[str, Any] = {"sentences": len(pairs), "labels": {}}
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        actual = sum(1 for g, _ in pairs if g == label)
        out["labels"][label] = {
            "precision": _share(tp, predicted),
            "recall": _share(tp, actual),
            "gold": actual,
            "predicted": predicted,
        }
    out["accuracy"] = _share(sum(1 for g, p in pairs if g == p), len(pairs))
    out["rules"] = {
        rule: {"fired": c[True] + c[False], "right": _share(c[True], c[True] + c[False])}
        for rule, c in sorted(rules.items())
    }
    for name, counts in (("doubts", doubts), ("ties", ties)):
        out[name] = {
            rule: {"fired": c[True] + c[False], "right": _share(c[True], c[True] + c[False])}
            for rule, c in sorted(counts.items())
        }
    out["hook"] = {
        "fired": hooks.total(),
        "right": _share(hooks[True], hooks.total()),
        "terms": dict(hook_terms.most_common(10)),
    }
    sure = confident[True]
    out["confident"] = {"judged": sure.total(), "precision": _share(sure[True], sure.total())}
    return out


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _label(data: Labelled, article: str, index: int) -> str:
    row = data.labels.get((article, index))
    return row["label"] if row else "UNLABELLED"


def digest_scores(data: Labelled) -> dict[str, Any]:
    """What the real digest shows: labels of its lines and of each story's first line."""
    result = digest(data.articles, n=ITEMS_PER_ARTICLE * len(data.articles))
    lines = Counter(_label(data, i.citations[0].article, i.citations[0].index) for i in result.items)
    leads = Counter(
        _label(data, s.items[0].citations[0].article, s.items[0].citations[0].index)
        for s in result.stories
        if s.items
    )
    trimmed = Counter(
        _label(data, i.citations[0].article, i.citations[0].index) for i in result.items if i.trimmed
    )
    labelled = sum(c for k, c in lines.items() if k != "UNLABELLED")
    return {
        "lines": sum(lines.values()),
        "labelled_lines": labelled,
        "line_labels": dict(lines),
        "trimmed_lines": dict(trimmed),
        "stand_alone": _share(lines[STANDALONE], labelled),
        "stand_alone_trimmed_counted": _share(lines[STANDALONE] + trimmed["NEEDS_CONTEXT"], labelled),
        "stories": len(result.stories),
        "bare_stories": sum(1 for s in result.stories if not s.items),  # shown with a note, no line
        "story_leads": dict(leads),
        "bad_leads": sum(c for k, c in leads.items() if k in ("TEASER", "FRAGMENT", "FURNITURE")),
    }


def brief_scores(data: Labelled, n: int) -> dict[str, Any]:
    """Briefs of `n`: sentences shown without the earlier sentence they need, and bad openings."""
    return brief_figures(data, brief(data.articles, n=n))


def brief_figures(data: Labelled, result: Briefs) -> dict[str, Any]:
    """`brief_scores` of briefs already made (of articles in `data`, read by their labels)."""
    shown = unshown = unlabelled = other = bad_first = unlabelled_first = 0
    for b in result.briefs:
        before: set[int] = set()
        for k, s in enumerate(b.sentences):
            row = data.labels.get((b.article.id, s.index))
            shown += 1
            if row is None:
                unlabelled += 1
                unlabelled_first += k == 0
            elif row["label"] == "NEEDS_CONTEXT" and row["depends_on"] not in before:
                unshown += 1
            elif row["label"] not in ("STANDALONE", "NEEDS_CONTEXT"):
                other += 1
            if k == 0 and row is not None and row["label"] != STANDALONE:
                bad_first += 1
            before.add(s.index)
    labelled = shown - unlabelled
    briefs = len(result.briefs)
    return {
        "briefs": briefs,
        "sentences": shown,
        "unlabelled": unlabelled,
        "needs_unshown": unshown,
        "needs_unshown_share": _share(unshown, labelled),
        "teaser_fragment_furniture": other,
        "first_not_standalone": bad_first,
        "first_not_standalone_share": _share(bad_first, briefs - unlabelled_first),
        "first_unlabelled": unlabelled_first,
    }


def evaluate(split: str, data_dir: Path = DATA_DIR, folder: Path = SET) -> dict[str, Any]:
    """Every figure of `split` (see `SPLITS`) of the labelled set in `folder`."""
    return evaluate_data(split, load(split, data_dir, folder))


def evaluate_data(split: str, data: Labelled) -> dict[str, Any]:
    """Every figure of already loaded labelled articles (`split` names them in the result)."""
    return {
        "split": split,
        "articles": len(data.articles),
        "labelled_sentences": len(data.labels),
        "unmatched_labels": data.unmatched,  # stored labels the tool now reads otherwise (not scored)
        "judgement": judgement_scores(data),
        "digest": digest_scores(data),
        "briefs": {str(n): brief_scores(data, n) for n in BRIEF_SIZES},
    }
