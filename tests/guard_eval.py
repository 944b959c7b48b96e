"""The translation checker's evaluation on its good pairs and their corruptions, shared by
`scripts/eval_guard.py` (which prints the figures, speed and lengths) and the floors in
`tests/test_translate_check.py`, so that a script and a test never import one another.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from summarize.numerals import quantities
from summarize.numerals.names import MONTHS_EN
from summarize.translate.check import check_translation

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "scripts" / "data" / "translations" / "good.jsonl"
FAITHFUL = ROOT / "scripts" / "data" / "faithful" / "pairs.jsonl"
SETS = ("literal", "faithful")
SEED = 20240613
HELDOUT_PERCENT = 40
CORRUPTION_KINDS = ("repetition", "numbers", "copy", "language", "length")


def split_of(pair_id: str) -> str:
    """'heldout' for about 40% of ids, 'tune' for the rest: a fixed hash, never a shuffle."""
    h = int(hashlib.sha256(pair_id.encode("utf-8")).hexdigest()[:8], 16)
    return "heldout" if h % 100 < HELDOUT_PERCENT else "tune"


def load_pairs(split: str = "all", path: Path = DATA) -> list[dict[str, str]]:
    """The literal set's pairs in `split` ("tune", "heldout" or "all")."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or split_of(r["id"]) == split]


def load_faithful(split: str = "all", path: Path | None = None) -> list[dict[str, Any]]:
    """The faithful set's pairs in `split`, as the file (`FAITHFUL` when not given) splits them."""
    rows = [json.loads(line) for line in (path or FAITHFUL).read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def load_set(name: str, split: str) -> list[dict[str, Any]]:
    """A set's pairs in `split`: any split its file holds, or "all"; none for another."""
    return load_faithful(split) if name == "faithful" else load_pairs(split)


def splits(name: str) -> list[str]:
    """The splits a set holds, in the order they first appear (a split added later last)."""
    if name != "faithful":
        return ["tune", "heldout"]
    return list(dict.fromkeys(str(p["split"]) for p in load_faithful("all")))


# ---------------------------------------------------------------------------- corruptions

_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"(?<![A-Za-z0-9.,])\d+(?:[.,]\d+)*")
_FUNCTION = set("the a an of to in on at by for and or but is was are were with as".split())
_SCALE_SWAP = {
    "trillion": "billion",
    "billion": "million",
    "million": "billion",
    "thousand": "million",
}
_MONTH_NEXT = {m.title(): n.title() for m, n in zip(MONTHS_EN, MONTHS_EN[1:] + MONTHS_EN[:1], strict=True)}
_ID_SWAPS = {
    "tidak": "tak",
    "dengan": "bersama",
    "mengatakan": "menyatakan",
    "namun": "tetapi",
    "karena": "sebab",
    "telah": "sudah",
    "akan": "bakal",
    "sangat": "amat",
    "hanya": "cuma",
    "kepada": "pada",
    "bahwa": "kalau",
    "juga": "pula",
    "dalam": "di dalam",
    "sekitar": "kira-kira",
    "tersebut": "itu",
}
# Other languages, for "the output is not English at all" (each written for this eval).
_OTHER_LANGUAGE = [
    "El gobierno anunció que las conversaciones continuarán la próxima semana en la capital.",
    "Le ministre a déclaré que la situation restait sous contrôle malgré les tensions.",
    "Die Regierung teilte mit, dass die Gespräche in der nächsten Woche fortgesetzt werden.",
    "De politie zei dat de verdachte nog steeds voortvluchtig is en dat het onderzoek doorgaat.",
    "O presidente disse que a economia do país vai crescer mais do que o esperado este ano.",
    "Il portavoce ha detto che la squadra tornerà ad allenarsi dopo la pausa internazionale.",
    "Kerajaan berkata bahawa rundingan itu akan diteruskan pada minggu hadapan di ibu negara.",
    "Polisi mengatakan pelaku sudah ditangkap dan kini sedang diperiksa oleh penyidik di kantor.",
]


def _words(text: str) -> list[str]:
    return text.split()


def _repetition(pair: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    en, words = pair["english"], _words(pair["english"])
    out: list[tuple[str, str]] = []
    content = [i for i, w in enumerate(words) if _WORD.fullmatch(w) and w.lower() not in _FUNCTION]
    if content:
        i = rng.choice(content)
        loop = [words[i]] * rng.randint(4, 8)
        out.append(("word loop", " ".join(words[: i + 1] + loop + words[i + 1 :])))
    if len(words) >= 4:
        i = rng.randrange(0, len(words) - 2)
        n = rng.randint(2, 3)
        phrase = words[i : i + n]
        out.append(("phrase loop", " ".join(words[: i + n] + phrase * rng.randint(3, 5))))
        cut = max(2, len(words) // 2)
        tail = words[cut - 1 : cut]
        looped = words[:cut] + tail * max(4, len(words) - cut)
        out.append(("tail loop", " ".join(looped)))
    src_words = [w for w in _words(pair["source"]) if _WORD.fullmatch(w) and len(w) > 2]
    if src_words:
        w = rng.choice(src_words).lower()
        out.append(("source word loop", " ".join([w] * rng.randint(6, 12))))
    return [(f"repetition/{k}", v) for k, v in out if v != en]


def _stated_in_source(at: int, pair: dict[str, str]) -> bool:
    """Whether the English figure at offset `at` states a value the source states, rather
    than one the translator added: a conversion or gloss ("Rp3 billion (about $225,000)"),
    which the checker can only hold to plausibility and shows the reader as a note."""
    src = frozenset().union(*(q.values for q in quantities(pair["source"], "id")))
    here = [q for q in quantities(pair["english"], "en") if q.start <= at < q.end]
    return not here or any(not q.values.isdisjoint(src) for q in here)


def _numbers(pair: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    en = pair["english"]
    out: list[tuple[str, str]] = []
    nums = list(_NUMBER.finditer(en))
    values = Counter(m.group(0) for m in nums)
    unique = [m for m in nums if values[m.group(0)] == 1]
    if unique:
        m = rng.choice(unique)
        dropped = en[: m.start()].rstrip() + " " + en[m.end() :].lstrip()
        dropped = re.sub(r"(Rp|IDR|US\$|\$|USD)\s+(?=\W|$)", "", dropped)
        out.append(("drop a number", re.sub(r"\s+", " ", dropped).strip()))
        m = rng.choice(unique)
        digits = [i for i, c in enumerate(m.group(0)) if c.isdigit()]
        i = rng.choice(digits)
        old = m.group(0)
        new = old[:i] + str((int(old[i]) + rng.randint(1, 8)) % 10) + old[i + 1 :]
        if new.lstrip("0") != old.lstrip("0") and new[0] != "0":
            where = "stated" if _stated_in_source(m.start(), pair) else "in an added gloss"
            out.append((f"change a digit ({where})", en[: m.start()] + new + en[m.end() :]))
    for big, small in _SCALE_SWAP.items():
        if re.search(rf"\b{big}\b", en):
            out.append(("scale swap", re.sub(rf"\b{big}\b", small, en, count=1)))
            break
    for month, nxt in _MONTH_NEXT.items():
        if re.search(rf"\b{month}\b \d|\d+ {month}\b", en):
            out.append(("date month changed", re.sub(rf"\b{month}\b", nxt, en, count=1)))
            break
    m = re.search(r"\b(\d{1,2})/(\d{1,2})\b", en) or re.search(
        rf"(?:{'|'.join(_MONTH_NEXT)}) (\d{{1,2}})\b", en
    )
    if m:
        day = int(m.group(1))
        out.append(("date day changed", en[: m.start(1)] + str(day % 28 + 1) + en[m.end(1) :]))
    m = re.search(r"(\d+(?:\.\d+)?)(%| percent)", en)
    if m:
        old = float(m.group(1))
        new = old + rng.choice([-5, -2, 3, 10]) if old > 10 else old * 2 + 1
        text = f"{new:g}"
        out.append(("percentage changed", en[: m.start(1)] + text + en[m.end(1) :]))
    extras = [", up 7 percent", " in 2019", ", with 45 people", " on March 3", " worth $12 million"]
    have = {v for q in quantities(pair["source"], "id") for v in q.values}
    extras = [x for x in extras if not {v for q in quantities(x, "en") for v in q.values} & have]
    extra = rng.choice(extras)
    body = en.rstrip(".\"'”’ ")
    out.append(("invented number", body + extra + en[len(body) :]))
    return [(f"numbers/{k}", v) for k, v in out if v != en]


def _copy(pair: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    src = pair["source"]
    words = _words(src)
    out = [("source as is", src)]
    if len(words) >= 4:
        mixed = list(words)
        for w in ("the", "said", "and"):
            mixed.insert(rng.randrange(1, len(mixed)), w)
        out.append(("source with a few English words", " ".join(mixed)))
    return [(f"copy/{k}", v) for k, v in out]


def _language(pair: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    src = pair["source"]
    swapped = " ".join(_ID_SWAPS.get(w.lower(), w) for w in _words(src))
    clauses = [c.strip() for c in swapped.split(",") if c.strip()]
    if len(clauses) > 1:
        k = rng.randrange(1, len(clauses))
        clauses = clauses[k:] + clauses[:k]
    paraphrase = ", ".join(clauses)
    other = _OTHER_LANGUAGE[rng.randrange(len(_OTHER_LANGUAGE))]
    return [("language/Indonesian paraphrase", paraphrase), ("language/other language", other)]


def _length(pair: dict[str, str], rng: random.Random, others: list[str]) -> list[tuple[str, str]]:
    en, words = pair["english"], _words(pair["english"])
    out: list[tuple[str, str]] = []
    if len(words) >= 6:
        keep = max(2, int(len(words) * rng.uniform(0.2, 0.4)))
        out.append(("truncated", " ".join(words[:keep])))
    out.append(("doubled", en + " " + en))
    out.append(("padded", en + " " + rng.choice(others) + " " + rng.choice(others)))
    return [(f"length/{k}", v) for k, v in out]


def corruptions(pairs: list[dict[str, str]], seed: int = SEED) -> list[dict[str, str]]:
    """Bad pairs built from `pairs`: one record per corruption, deterministic for a seed.

    Corruptions apply only where they make sense (a length corruption needs a source the
    checker measures; a numbers corruption needs a number), so kinds differ in count.
    """
    rng = random.Random(seed)
    others = [p["english"] for p in pairs]
    bad: list[dict[str, str]] = []
    for p in pairs:
        made: list[tuple[str, str]] = []
        made += _repetition(p, rng)
        made += _numbers(p, rng)
        made += _copy(p, rng)
        made += _language(p, rng)
        if len(p["source"]) >= 30:
            made += _length(p, rng, [o for o in others if o != p["english"]])
        for label, text in made:
            bad.append(
                {
                    "id": p["id"],
                    "kind": label.split("/")[0],
                    "how": label,
                    "source": p["source"],
                    "english": text,
                }
            )
    return bad


# ---------------------------------------------------------------------------- the report


def _split(pair: dict[str, Any]) -> str:
    """The split a pair is in: as its file says (faithful), or by its id's hash (literal)."""
    return str(pair.get("split") or split_of(str(pair.get("id", ""))))


def _rate(flags: Iterable[bool]) -> tuple[int, int, float]:
    fl = list(flags)
    return sum(fl), len(fl), (sum(fl) / len(fl) if fl else 0.0)


def evaluate(
    pairs: list[dict[str, str]],
    *,
    check: Callable[[str, str], list[Any]] = check_translation,
    seed: int = SEED,
) -> dict[str, Any]:
    """False alarms on `pairs` and catch rates on their corruptions."""
    fired: Counter[str] = Counter()
    false_alarms = []
    by_split: Counter[str] = Counter()
    for p in pairs:
        problems = check(p["source"], p["english"])
        if problems:
            by_split[_split(p)] += 1
            fired.update({q.kind for q in problems})
            false_alarms.append({**p, "problems": [q.message for q in problems]})
    result: dict[str, Any] = {
        "good_pairs": len(pairs),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": len(false_alarms) / len(pairs) if pairs else 0.0,
        "false_alarm_kinds": dict(sorted(fired.items())),  # by name: a set's order follows the hash seed
        "false_alarms_by_split": {
            s: f"{by_split[s]}/{n}" for s, n in Counter(_split(p) for p in pairs).items()
        },
        "false_alarm_examples": false_alarms,
        "catch": {},
        "catch_by_how": {},
        "misses": [],
    }
    bad = corruptions(pairs, seed)
    per_kind: dict[str, list[tuple[bool, bool]]] = {k: [] for k in CORRUPTION_KINDS}
    per_how: dict[str, list[bool]] = {}
    for b in bad:
        kinds = {q.kind for q in check(b["source"], b["english"])}
        per_kind[b["kind"]].append((bool(kinds), b["kind"] in kinds))
        per_how.setdefault(b["how"], []).append(bool(kinds))
        if not kinds:
            result["misses"].append(b)
    for kind, got in per_kind.items():
        caught, total, rate = _rate(f for f, _ in got)
        same = sum(1 for _, s in got if s)
        result["catch"][kind] = {
            "caught": caught,
            "total": total,
            "rate": rate,
            "same_kind_rate": same / total if total else 0.0,
        }
    for how, got in sorted(per_how.items()):
        caught, total, rate = _rate(got)
        result["catch_by_how"][how] = {"caught": caught, "total": total, "rate": rate}
    return result
