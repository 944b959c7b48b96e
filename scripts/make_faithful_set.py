"""Draw Indonesian news sentences for the faithful-translation set of the translation checker.

Newsroom translators write idiomatic English: "380 juta" becomes "380 million", "pada 2008"
may become "this year", "5.268 km" may gain "(3,274 miles)". A checker tuned on literal
translations withholds such faithful lines. This draws sentences where those kinds occur
(scale words, dates and periods, units, spelled-out numbers, number words inside names,
long sentences), plus plain ones, from IndoSum articles and the seeds, with a fixed seed.

    python scripts/make_faithful_set.py        # -> scripts/data/faithful/to_translate.jsonl
    python scripts/make_faithful_set.py --round2   # -> to_translate_round2.jsonl
    python scripts/make_faithful_set.py --round3   # -> to_translate_round3.jsonl

`--round2` draws a second, fresh held-out set (another seed; no article or sentence of the
first draw; the same kinds at 40% of the counts), split `heldout2`: the first held-out split
was scored once and then tuned on, so this one is the checker's untouched held-out set.
`--round3` draws a third (seed 25; no article or sentence of either earlier draw; 60% of the
counts), split `heldout3`, for the same reason once `heldout2` had been scored and tuned on.

Each line: `id`, `source` (the sentence as our segmenter gives it), `origin`, `kind` (why it
was drawn), `split` (`tune`/`heldout` by a hash of the id; heldout is never tuned on).
Translations are added by hand into `pairs.jsonl` (see README.md beside it); the third draw's
with `--merge-round3 DIR`, from DIR's `part*.jsonl` (`id`, `english`, `styles`) and the second
reader's `second_reading.jsonl` (`id`, `verdict`, `note`, and `fixed` where a translation was
found unfaithful and corrected).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarize import InputError, load_articles  # noqa: E402
from summarize.numerals.names import MONTHS_ID, WEEKDAYS_ID  # noqa: E402
from tests.indosum import load_records, to_article  # noqa: E402

OUT = ROOT / "scripts" / "data" / "faithful"
SEED = 23
KINDS: dict[str, tuple[str, int]] = {
    "scale": (r"\d[\d.,]*\s*(ribu|juta|miliar|milyar|triliun)\b", 90),
    "money": (r"\b(Rp|US\$|\$)\s?\d", 40),
    "date": (
        rf"\b({'|'.join(name.title() for name in MONTHS_ID + WEEKDAYS_ID)}"
        r"|\d{1,2}/\d{1,2}(/\d{2,4})?|tahun \d{4}|pada \d{4}|triwulan|kuartal|semester)\b",
        60,
    ),
    "unit": (r"\d[\d.,]*\s*(km|kilometer|meter|kg|kilogram|ton|hektare|ha|persen|%)\b", 40),
    "spelled": (
        r"\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|ratus"
        r"|pertama|kedua|ketiga|keempat|kelima|ribuan|jutaan|puluhan|ratusan)\b",
        50,
    ),
    "long": (r"", 30),
}


def split_of(key: str) -> str:
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return "heldout" if h % 5 < 2 else "tune"


# Later draws: (seed, share of KINDS' counts) by round; each leaves out every earlier draw.
ROUNDS = {
    2: (SEED + 1, 0.4),
    3: (SEED + 2, 0.6),
    4: (SEED + 3, 0.6),
    5: (SEED + 4, 0.6),
    6: (SEED + 5, 1.0),
    7: (SEED + 6, 1.0),
}


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--round", type=int, choices=sorted(ROUNDS), help="draw a later held-out set")
    ap.add_argument("--round2", action="store_const", const=2, dest="round", help="the same as --round 2")
    ap.add_argument("--round3", action="store_const", const=3, dest="round", help="the same as --round 3")
    ap.add_argument(
        "--merge-round", type=int, choices=sorted(ROUNDS), help="add DIR's translations of that draw"
    )
    ap.add_argument("--merge-round3", type=Path, metavar="DIR", help="the same as --merge-round 3 --dir DIR")
    ap.add_argument("--dir", type=Path, help="the folder of translations and readings (with --merge-round)")
    args = ap.parse_args()
    if args.merge_round3:
        return merge_round(3, args.merge_round3)
    if args.merge_round:
        if args.dir is None:
            ap.error("--merge-round needs --dir")
        return merge_round(args.merge_round, args.dir)
    if not args.round:
        return draw(SEED, 1.0, set(), "to_translate.jsonl", None)
    earlier = ["to_translate.jsonl"] + [f"to_translate_round{k}.jsonl" for k in range(2, args.round)]
    exclude: set[str] = set()
    for name in earlier:
        for line in (OUT / name).open(encoding="utf-8"):
            row = json.loads(line)
            exclude |= {row["origin"].rsplit(" ", 1)[0], row["source"]}
    seed, scale = ROUNDS[args.round]
    return draw(seed, scale, exclude, f"to_translate_round{args.round}.jsonl", f"heldout{args.round}")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def merge_round(number: int, folder: Path) -> int:
    """Add the translated, second-read draw of round `number` to pairs.jsonl as split
    `heldout<number>` (replacing the rows of an earlier merge). Every drawn sentence must have
    one translation and one reading."""
    split = f"heldout{number}"
    drawn = _read(OUT / f"to_translate_round{number}.jsonl")
    english = {r["id"]: r for p in sorted(folder.glob("part*.jsonl")) for r in _read(p)}
    readings = {r["id"]: r for r in _read(folder / "second_reading.jsonl")}
    missing = [r["id"] for r in drawn if r["id"] not in english or r["id"] not in readings]
    if missing:
        raise SystemExit(
            f"{len(missing)} drawn sentences lack a translation or a reading, e.g. {missing[:3]}"
        )
    rows = [r for r in _read(OUT / "pairs.jsonl") if r["split"] != split]
    verdicts: dict[str, int] = {}
    for r in drawn:
        reading = readings[r["id"]]
        verdicts[reading["verdict"]] = verdicts.get(reading["verdict"], 0) + 1
        text = reading.get("fixed") or english[r["id"]]["english"]
        rows.append(
            {"id": r["id"], "source": r["source"], "english": text, "styles": english[r["id"]]["styles"]}
            | {"origin": r["origin"], "kind": r["kind"], "split": split}
            | {"second_reading": _reading(reading)}
        )
    with (OUT / "pairs.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{split}: {len(drawn)} pairs added to {OUT / 'pairs.jsonl'}; second reading {verdicts}")
    return 0


def _reading(reading: dict) -> dict:
    """The second reading as stored: a pair the reader corrected keeps the reader's translation,
    recorded as FIXED (with the note saying what was wrong with the first)."""
    verdict = "FIXED" if reading.get("fixed") else reading["verdict"]
    return {"verdict": verdict, "note": reading.get("note", "")}


def draw(seed: int, scale: float, exclude: set[str], name: str, split: str | None) -> int:
    """Draw KINDS (counts times `scale`) with `seed`, leaving out the articles and sentences
    in `exclude`; every row's split is `split`, or by hash when None."""
    rng = random.Random(seed)
    pool: list[tuple[str, str]] = []  # (origin, sentence)
    for art in load_articles([ROOT / "seeds"]).articles:
        pool += [(f"seeds/{Path(art.source).name} s{s.index}", s.text) for s in art.sentences]
    records = load_records()
    rng.shuffle(records)
    for rec in records[:900]:
        try:
            art, _ = to_article(rec)
        except InputError:
            continue
        pool += [(f"indosum:{rec.id} s{s.index}", s.text) for s in art.sentences]
    pool = [(o, t) for o, t in pool if 6 <= len(t.split()) <= 60]
    rng.shuffle(pool)
    seen: set[str] = set()
    used_articles: dict[str, int] = {}
    rows: list[dict] = []
    for kind, (pattern, count) in KINDS.items():
        want = round(count * scale)
        got = 0
        for origin, text in pool:
            if got == want:
                break
            art = origin.rsplit(" ", 1)[0]
            if text in seen or text in exclude or art in exclude or used_articles.get(art, 0) >= 2:
                continue
            if kind == "long":
                if len(text.split()) < 35:
                    continue
            elif not re.search(pattern, text, re.IGNORECASE if kind == "spelled" else 0):
                continue
            seen.add(text)
            used_articles[art] = used_articles.get(art, 0) + 1
            key = hashlib.sha1(f"{origin}|{text}".encode()).hexdigest()[:10]
            row_split = split or split_of(key)
            rows.append({"id": key, "source": text, "origin": origin, "kind": kind, "split": row_split})
            got += 1
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {OUT / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
