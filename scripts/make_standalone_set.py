"""Draw the stands-alone labelling set: whole articles, the first sentences of each to be labelled.

Sentences are the tool's own (`article_from_text` / `load_articles`: our cleaning and segmenter),
so a FRAGMENT label speaks of our splitter and an index is the index `Article.sentences` uses.

    python scripts/make_standalone_set.py --draw        # -> scripts/data/standalone/articles-*.jsonl + shards
    # second_reading_sample.jsonl: 12 whole articles given, without labels, to a second reader
    python scripts/make_standalone_set.py --merge SHARD_LABELS... --second SECOND_READING
        # -> labels.jsonl and second_reading.jsonl; prints counts and the readers' agreement
    python scripts/make_standalone_set.py --fresh heldout2 --per-fold 20 --seed 22 --out DIR
        # a fresh draw in split `heldout2`: 20 more articles per IndoSum fold, none already in the
        # set (nor in any --exclude FILE), another seed; DIR gets articles.jsonl, shards and
        # second_reading_sample.jsonl (4 articles a fold, for a blind second reader)
    python scripts/make_standalone_set.py --fresh tune2 --per-fold 40 --seed 23 --exclude DIR/articles.jsonl --out DIR2
    python scripts/make_standalone_set.py --fresh heldout34 --folds 04 05 --per-fold 30 --seed 34 \
        --data DIR5 --out DIR
        # a draw from IndoSum dev folds beyond the three every checkout's INDOSUM_DIR holds
        # (`tests.indosum.FOLDS`): DIR5 holds dev.04.jsonl and dev.05.jsonl (and 01-03, whose
        # articles such a draw leaves out: no text any model was tuned on); DIR gets records.jsonl,
        # the raw IndoSum record of each article, which the set keeps (see below)
    python scripts/make_standalone_set.py --fresh detik1 --texts FILES... --count 48 --seed 61 \
        --id-prefix detik --out DIR
        # a draw from text files (headline on the first line), for text whose licence does not
        # let the repository keep it: DIR/texts/ gets a copy of each drawn file
    python scripts/make_standalone_set.py --merge-fresh DIR --into SETDIR
        # writes such a draw's labelled set to SETDIR, outside the repository, its texts in
        # SETDIR/texts/ (`python scripts/eval_standalone.py --set SETDIR --split detik1` scores it)
    python scripts/make_standalone_set.py --merge-fresh DIR
        # adds DIR's labelled articles (labels_shard*.jsonl) to the set's articles and labels in
        # their split, DIR's blind second_reading.jsonl (if any) as second_reading_SPLIT.jsonl,
        # and DIR's records.jsonl (if any) to the set's records

Each article is one JSON line: `article` (stable id), `source` (`indosum:<id>` or the seed file
name), `fold`, `split` (`tune` or `heldout`, by a hash of the article id: whole articles, never
sentences, so no article is both tuned on and reported on), `title`, and every sentence
(`index`, `text`, `to_label`: true for the first LABEL_FIRST sentences). The readers read the
whole article (the draw folder keeps it); the set in scripts/data/standalone/ keeps only the
labelled sentences (`stored`): the evaluation rebuilds each article from seeds/ or IndoSum and
needs the labelled text only to carry the labels onto the tool's sentences. An article from a
fold beyond `FOLDS` cannot be rebuilt from INDOSUM_DIR on every checkout, so the set keeps its raw
IndoSum record whole ("records" parts: `fold`, `split`, `record`), and the evaluation rebuilds it
from there (`tests.standalone_eval.records_for`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import kappa  # noqa: E402

from summarize import InputError, load_articles  # noqa: E402
from tests.indosum import DATA_DIR, FOLDS, load_records, to_article  # noqa: E402
from tests.standalone_eval import TEXTS, read_rows, write_rows  # noqa: E402

OUT = ROOT / "scripts" / "data" / "standalone"
LABEL_FIRST = 12
ARTICLES_PER_FOLD = 45
SEED = 21


def split_of(article: str) -> str:
    """40% of articles held out, chosen by a hash of the id (stable whatever else is drawn)."""
    h = int(hashlib.sha256(article.encode()).hexdigest()[:8], 16)
    return "heldout" if h % 5 < 2 else "tune"


def _row(article_id: str, source: str, fold: str, title: str, sentences: list[str]) -> dict:
    return {
        "article": article_id,
        "source": source,
        "fold": fold,
        "split": split_of(article_id),
        "title": title,
        "sentences": [{"index": i, "text": t, "to_label": i < LABEL_FIRST} for i, t in enumerate(sentences)],
    }


def stored(row: dict) -> dict:
    """An article as the set keeps it: only its labelled sentences (the whole article is rebuilt
    from its source; `tests/standalone_eval.py` carries the labels by their text)."""
    return row | {"sentences": [s for s in row["sentences"] if s["to_label"]]}


def draw() -> list[dict]:
    rows: list[dict] = []
    loaded = load_articles([ROOT / "seeds"])
    for art in loaded.articles:
        name = Path(art.source).name
        rows.append(_row(f"seed:{name}", name, "seeds", art.title or "", [s.text for s in art.sentences]))
    return rows + _draw_indosum(random.Random(SEED), ARTICLES_PER_FOLD, set())


def _draw_indosum(
    rng: random.Random,
    per_fold: int,
    exclude: set[str],
    split: str | None = None,
    folds: tuple[str, ...] = FOLDS,
    data_dir: Path = DATA_DIR,
) -> list[dict]:
    """`per_fold` articles of 6+ sentences from each IndoSum dev fold, none whose id is in `exclude`.
    With a `split` (a later draw), none whose title is in it either: IndoSum repeats some articles
    across folds under other ids (the first draw took one such article twice; it is kept as drawn).
    From a fold beyond `FOLDS`, none of `FOLDS`' articles either (the folds overlap): every model
    and rule was tuned on text from those, so such a draw is text none of them saw."""
    rows: list[dict] = []
    if set(folds) - set(FOLDS):
        exclude = exclude | {f"indosum:{r.id}" for r in load_records(FOLDS, data_dir)}
    for fold in folds:
        records = [r for r in load_records([fold], data_dir) if r.fold == fold]
        rng.shuffle(records)
        taken = 0
        for rec in records:
            if taken == per_fold:
                break
            article_id = f"indosum:{rec.id}"
            if article_id in exclude:
                continue
            try:
                art, _ = to_article(rec)
            except InputError:
                continue
            if len(art.sentences) < 6 or (split and (art.title or "") in exclude):
                continue
            row = _row(article_id, article_id, fold, art.title or "", [s.text for s in art.sentences])
            if split:
                row["split"] = split
            rows.append(row)
            if split:
                exclude |= {article_id, art.title or ""}
            taken += 1
    return rows


def draw_fresh(
    split: str,
    per_fold: int,
    seed: int,
    also_exclude: list[Path],
    folds: tuple[str, ...] = FOLDS,
    data_dir: Path = DATA_DIR,
) -> list[dict]:
    """A fresh draw, every article in `split`: no article already in the set or in the
    `also_exclude` files (by id, and by title: IndoSum repeats some articles across folds)."""
    known = read_rows("articles", OUT) + [r for path in also_exclude for r in _read(path)]
    exclude = {r["article"] for r in known} | {r["title"] for r in known}
    return _draw_indosum(random.Random(seed), per_fold, exclude, split, folds, data_dir)


def draw_texts(split: str, files: list[Path], count: int, seed: int, prefix: str) -> list[dict]:
    """`count` of the text `files` (6+ sentences each), in an order `seed` shuffles, for a set kept
    outside the repository (`tests.standalone_eval.rebuild`, fold `texts`): each article's id is
    `prefix:<file stem>`, its source the file's name."""
    files = sorted(files)
    random.Random(seed).shuffle(files)
    rows: list[dict] = []
    for path in files:
        if len(rows) == count:
            break
        try:
            (art,) = load_articles([path]).articles
        except (InputError, ValueError):
            continue
        if len(art.sentences) < 6:
            continue
        row = _row(
            f"{prefix}:{path.stem}", path.name, TEXTS, art.title or "", [s.text for s in art.sentences]
        )
        rows.append(row | {"split": split})
    return rows


def raw_records(rows: list[dict], data_dir: Path) -> list[dict]:
    """The raw IndoSum record (one dev.NN.jsonl line, as read) of every drawn article from a fold
    beyond `FOLDS`, for the set to keep: `fold`, `split`, `record`."""
    out = []
    for fold in sorted({r["fold"] for r in rows} - set(FOLDS) - {"seeds", TEXTS}):
        wanted = {r["article"].removeprefix("indosum:"): r["split"] for r in rows if r["fold"] == fold}
        with (data_dir / f"dev.{fold}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                raw = json.loads(line)
                if raw["id"] in wanted:
                    out.append({"fold": fold, "split": wanted.pop(raw["id"]), "record": raw})
    return out


LABELS = ("STANDALONE", "NEEDS_CONTEXT", "TEASER", "FURNITURE", "FRAGMENT")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _check(rows: list[dict], articles: dict[str, dict]) -> None:
    """Every label names a sentence to label, once, with a known label and an earlier antecedent."""
    seen: set[tuple[str, int]] = set()
    for r in rows:
        key = (r["article"], r["index"])
        sentences = articles[r["article"]]["sentences"]
        assert sentences[r["index"]]["to_label"], key
        assert key not in seen, f"labelled twice: {key}"
        assert r["label"] in LABELS, key
        dep = r.get("depends_on")
        assert dep is None or 0 <= dep < r["index"], key
        seen.add(key)


def agreement(labels: list[dict], second: list[dict]) -> dict[str, float]:
    """Raw agreement and kappa on all five labels, and on stands alone or not."""
    by_key = {(r["article"], r["index"]): r["label"] for r in labels}
    a = [by_key[(r["article"], r["index"])] for r in second]
    b = [r["label"] for r in second]
    binary = [["STANDALONE" if x == "STANDALONE" else "NEEDS_CONTEXT" for x in xs] for xs in (a, b)]
    return {
        "sentences": len(b),
        "raw": sum(x == y for x, y in zip(a, b, strict=True)) / len(b),
        "kappa": kappa(a, b),
        "raw_standalone_or_not": sum(x == y for x, y in zip(*binary, strict=True)) / len(b),
        "kappa_standalone_or_not": kappa(*binary),
    }


def merge(shards: list[Path], second: Path) -> int:
    articles = {r["article"]: r for r in read_rows("articles", OUT)}
    order = {a: k for k, a in enumerate(articles)}
    labels = sorted((r for p in shards for r in _read(p)), key=lambda r: (order[r["article"]], r["index"]))
    _check(labels, articles)
    fields = ("article", "index", "label", "depends_on", "why")
    parts = write_rows(
        "labels",
        [{k: r.get(k) for k in fields} | {"split": articles[r["article"]]["split"]} for r in labels],
        OUT,
    )
    wanted = sum(s["to_label"] for a in articles.values() for s in a["sentences"])
    print(f"{len(labels)} of {wanted} sentences labelled -> {', '.join(p.name for p in parts)}")
    for split in ("tune", "heldout"):
        counts = {
            x: sum(1 for r in labels if r["label"] == x and articles[r["article"]]["split"] == split)
            for x in LABELS
        }
        arts = sum(1 for a in articles.values() if a["split"] == split)
        print(f"  {split}: {arts} articles, {sum(counts.values())} sentences, {counts}")
    rows = _read(second)
    _check(rows, articles)
    with (OUT / "second_reading.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: r.get(k) for k in fields}, ensure_ascii=False) + "\n")
    print("second reading:", json.dumps({k: round(v, 3) for k, v in agreement(labels, rows).items()}))
    return 0


def shard_label_files(folder: Path) -> list[Path]:
    """The readers' labels_shardK.jsonl files in a draw folder; not a reader's own batch files
    beside them ("labels_shard3_b1.jsonl"), which would add every label twice."""
    return sorted(
        p for p in folder.glob("labels_shard*.jsonl") if p.stem.removeprefix("labels_shard").isdigit()
    )


def merge_fresh(folder: Path, into: Path = OUT) -> int:
    """Add the fresh draw in `folder` (articles.jsonl, labels_shard*.jsonl and, if there is one, the
    blind second_reading.jsonl of second_reading_sample.jsonl) to the set in `into`, in the
    draw's split, with the raw records of its articles from folds beyond `FOLDS` (records.jsonl)
    and the text files of a draw from texts (`texts/`). Idempotent: rows of an earlier merge of
    the same split are replaced."""
    drawn = {r["article"]: r for r in _read(folder / "articles.jsonl")}
    (split,) = {r["split"] for r in drawn.values()}
    labels = [r for p in shard_label_files(folder) for r in _read(p)]
    _check(labels, drawn)
    wanted = sum(s["to_label"] for a in drawn.values() for s in a["sentences"])
    if len(labels) != wanted:
        raise SystemExit(f"{len(labels)} of {wanted} sentences labelled in {folder}: finish the labels first")
    fields = ("article", "index", "label", "depends_on", "why")
    into.mkdir(parents=True, exist_ok=True)
    kept_articles = [r for r in read_rows("articles", into) if r["split"] != split]
    kept_labels = [r for r in read_rows("labels", into) if r["split"] != split]
    write_rows("articles", [stored(r) for r in kept_articles + list(drawn.values())], into)
    write_rows(
        "labels", kept_labels + [{k: r.get(k) for k in fields} | {"split": split} for r in labels], into
    )
    records = _read(folder / "records.jsonl") if (folder / "records.jsonl").exists() else []
    if records or read_rows("records", into):
        kept_records = [r for r in read_rows("records", into) if r["split"] != split]
        write_rows("records", kept_records + [r | {"split": split} for r in records], into)
    if (folder / "texts").is_dir():
        (into / "texts").mkdir(parents=True, exist_ok=True)
        for row in drawn.values():
            shutil.copy2(folder / "texts" / row["source"], into / "texts" / row["source"])
    counts = {x: sum(1 for r in labels if r["label"] == x) for x in LABELS}
    print(f"{split}: {len(drawn)} articles, {len(labels)} sentences, {counts}")
    if (folder / "second_reading.jsonl").exists():
        second = _read(folder / "second_reading.jsonl")
        _check(second, drawn)
        _write(into / f"second_reading_{split}.jsonl", [{k: r.get(k) for k in fields} for r in second])
        _write(into / f"second_reading_sample_{split}.jsonl", _read(folder / "second_reading_sample.jsonl"))
        print("second reading:", json.dumps({k: round(v, 3) for k, v in agreement(labels, second).items()}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--draw", action="store_true", help="draw the articles and labelling shards")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--merge", nargs="+", type=Path, metavar="LABELS", help="labelled shards to merge")
    ap.add_argument("--second", type=Path, help="the blind second reading (with --merge)")
    ap.add_argument(
        "--fresh", metavar="SPLIT", help="draw fresh articles, none already in the set, into SPLIT"
    )
    ap.add_argument("--per-fold", type=int, default=20, help="articles per IndoSum fold with --fresh")
    ap.add_argument(
        "--folds", nargs="+", default=list(FOLDS), help="IndoSum dev folds to draw from with --fresh"
    )
    ap.add_argument(
        "--data", type=Path, default=DATA_DIR, help="folder holding dev.NN.jsonl (default: %(default)s)"
    )
    ap.add_argument("--seed", type=int, default=SEED + 1, help="shuffling seed with --fresh")
    ap.add_argument(
        "--exclude", type=Path, action="append", default=[], metavar="FILE", help="articles to leave out"
    )
    ap.add_argument("--merge-fresh", type=Path, metavar="DIR", help="add the labelled fresh draw in DIR")
    ap.add_argument(
        "--texts",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="with --fresh: draw from these text files (headline on the first line), for a set kept"
        " outside the repository (--merge-fresh DRAW --into DIR)",
    )
    ap.add_argument("--count", type=int, default=48, help="articles to draw with --texts")
    ap.add_argument(
        "--id-prefix", default="texts", help="article ids of a draw from --texts: PREFIX:<file stem>"
    )
    ap.add_argument(
        "--into", type=Path, default=OUT, help="with --merge-fresh: the set's folder (default: %(default)s)"
    )
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the drawn files (default: %(default)s)")
    args = ap.parse_args()
    if args.merge_fresh:
        return merge_fresh(args.merge_fresh, args.into)
    if args.merge:
        if args.second is None:
            ap.error("--merge needs --second")
        return merge(args.merge, args.second)
    if args.draw or args.fresh:
        folds = tuple(args.folds)
        if args.fresh:
            if args.out.resolve() == OUT.resolve():
                ap.error("--fresh needs --out DIR, a draw folder outside the set (--merge-fresh DIR adds it)")
            if args.texts:
                rows = draw_texts(args.fresh, args.texts, args.count, args.seed, args.id_prefix)
                folds = (TEXTS,)
            else:
                missing = [f for f in folds if not (args.data / f"dev.{f}.jsonl").exists()]
                if missing:
                    ap.error(
                        f"no dev.{missing[0]}.jsonl in {args.data} (--data names the folder of the folds)"
                    )
                rows = draw_fresh(args.fresh, args.per_fold, args.seed, args.exclude, folds, args.data)
        else:
            rows = draw()
        out: Path = args.out
        out.mkdir(parents=True, exist_ok=True)
        if out == OUT:  # the set keeps the labelled text only, in parts
            names = ", ".join(p.name for p in write_rows("articles", [stored(r) for r in rows], OUT))
        else:  # a draw folder keeps whole articles for the readers, in one file
            _write(out / "articles.jsonl", rows)
            names = "articles.jsonl"
        n = sum(s["to_label"] for r in rows for s in r["sentences"])
        print(f"{len(rows)} articles, {n} sentences to label -> {out} ({names})")
        for k in range(args.shards):
            _write(out / f"shard{k}.jsonl", rows[k :: args.shards])
        if args.fresh:  # 12 articles, whole and unlabelled, for a blind second reader
            by_fold = {f: [r for r in rows if r["fold"] == f][: 12 // len(folds)] for f in folds}
            _write(out / "second_reading_sample.jsonl", [r for f in by_fold.values() for r in f])
            if records := raw_records(rows, args.data):
                _write(out / "records.jsonl", records)
            if args.texts:  # the text files themselves, which the set keeps beside its rows
                (out / "texts").mkdir(exist_ok=True)
                for path in args.texts:
                    if path.name in {r["source"] for r in rows}:
                        shutil.copy2(path, out / "texts" / path.name)
    return 0


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
