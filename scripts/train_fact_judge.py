"""Can a learned pair classifier beat the same-fact rule? Cross-validated on the `tune` pairs only.

The same-fact judge (`summarize/grouping/same_fact.py`, `same_fact`) is a precision-first rule. This
script trains a logistic regression over what the rule already reads of a sentence pair
(main-clause and whole-sentence cosine, shared predicate words and their IDF weight, main-verb
match with a few news synonyms, shared actors, shared numbers including number words,
number conflict, length ratio, openers that point back) and compares it with the rule by
leave-one-group-out cross-validation on the `tune` split (scripts/data/citations; `heldout`
is never read here). Vetoes the rule uses (a question, hedge vs. assertion, negation,
two speakers, disjoint actors, conflicting numbers) stay vetoes: the model only scores
pairs that pass them. For each C the threshold is chosen precision first: the lowest one
whose cross-validated precision is at least 0.90 with lenient precision at least 0.97.

Figures are pair-level on the labelled `tune` pairs (every labelled pair, candidate or not).
The rule was tuned on `tune` by hand, so its figure here is optimistic, not cross-validated.

    python scripts/train_fact_judge.py        # needs scikit-learn (the `train` extra)

The result decides what ships: the model ships (exported to JSON and scored in pure Python)
only if it beats the rule on these figures. See scripts/README.md for the last run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_citation_pairs as mcp  # group loading, next to this script
from citation_pairs import load_pairs
from machine_info import describe

from summarize.grouping import reading, same_fact
from summarize.lang.vectors import cosine, tfidf
from summarize.rank.sentence_rules import judge_text

COMMAND = "python scripts/train_fact_judge.py"
PRECISION, LENIENT = 0.90, 0.97
CS = (0.1, 1.0, 10.0)
THRESHOLDS = tuple(round(0.95 - 0.05 * k, 2) for k in range(18))  # 0.95 .. 0.10
NUMBER_WORDS = {
    "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7",
    "delapan": "8", "sembilan": "9", "sepuluh": "10", "sebelas": "11", "seratus": "100", "seribu": "1000",
}  # fmt: skip
# Main verbs news uses interchangeably for one act (stems): "menangkap" / "mengamankan" ...
VERB_SYNONYMS = {
    "aman": "tangkap", "tahan": "tangkap", "ringkus": "tangkap", "bekuk": "tangkap",
    "tunjuk": "angkat", "pilih": "angkat", "lantik": "angkat", "tetap": "angkat",
    "hantam": "landa", "terjang": "landa",
}  # fmt: skip
FEATURES = (
    "main_cosine",
    "sentence_cosine",
    "shared_predicate",
    "shared_weight_min",
    "shared_weight_max",
    "verb_match",
    "verb_conflict",
    "shared_actors",
    "shared_numbers",
    "length_ratio",
    "pointing_openers",
)


def _numbers(node: reading.Candidate) -> set[str]:
    main = reading.clauses(node.article.sentences[node.index].text)[0]
    words = re.findall(r"\w+", main.lower())
    return {re.sub(r"\s", "", value) for _kind, value in node.numbers} | {  # (kind, value) pairs
        NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS
    }


def pair_features(
    story: reading.StoryTerms, x: reading.Candidate, y: reading.Candidate, kx: int, ky: int
) -> list[float]:
    """One row of FEATURES for the pair (symmetric in x and y)."""
    w = story.weights
    ax, ay = set(story.terms[kx][x.index]), set(story.terms[ky][y.index])
    shared = ax & ay
    wx, wy = sum(w[t] for t in ax) or 1.0, sum(w[t] for t in ay) or 1.0
    ws = sum(w[t] for t in shared)
    vx, vy = VERB_SYNONYMS.get(x.verb, x.verb), VERB_SYNONYMS.get(y.verb, y.verb)
    verb_match = bool(x.verb and y.verb and (vx == vy or (x.verb in y.main and y.verb in x.main)))
    tx, ty = x.article.sentences[x.index].text, y.article.sentences[y.index].text
    return [
        cosine(x.main, y.main),
        cosine(tfidf(list(ax), w), tfidf(list(ay), w)),
        len(x.predicate & y.predicate),
        ws / min(wx, wy),
        ws / max(wx, wy),
        float(verb_match),
        float(bool(x.verb and y.verb and not verb_match)),
        len(x.actors & y.actors),
        len(_numbers(x) & _numbers(y)),
        min(len(tx), len(ty)) / max(len(tx), len(ty)),
        float(not judge_text(tx).stands_alone) + float(not judge_text(ty).stands_alone),
    ]


def vetoed(x: reading.Candidate, y: reading.Candidate) -> bool:
    """The rule's vetoes: a question, hedge vs. assertion, negation, two speakers, other actors, other numbers."""
    nx, ny = _numbers(x), _numbers(y)
    return (
        x.question
        or y.question
        or x.modal != y.modal
        or x.negated != y.negated
        or bool(x.speaker and y.speaker and not x.speaker & y.speaker)
        or bool(x.actors and y.actors and not x.actors & y.actors)
        or bool(nx and ny and not nx & ny and not same_fact.figures_differ(x, y))
    )


def tune_rows() -> list[dict]:
    """Every labelled `tune` pair with its features, veto, the rule's decision, group and label."""
    records = {r["id"]: r for r in mcp.eval_stories.indosum_records(mcp.eval_stories.INDOSUM)}
    pairs = load_pairs("tune")
    rows = []
    for gid, spec in mcp.load_groups().items():
        mine = [p for p in pairs if p["group"] == gid]
        if not mine:
            continue
        articles = [a for a, _ in mcp.group_articles(gid, spec, records)]
        story = reading.StoryTerms(articles)
        k = {a.id: n for n, a in enumerate(articles)}
        by_id = {a.id: a for a in articles}
        for p in mine:
            ka, kb = k[p["a_article"]], k[p["b_article"]]
            x = story.candidate(ka, by_id[p["a_article"]], p["a_index"], 0.0)
            y = story.candidate(kb, by_id[p["b_article"]], p["b_index"], 0.0)
            rows.append(
                {
                    "x": pair_features(story, x, y, ka, kb),
                    "veto": vetoed(x, y),
                    "rule": same_fact.same_fact(x, y) is not None,
                    "group": gid,
                    "label": p["label"],
                }
            )
    return rows


def figures(labels: list[str], merged: list[bool], positives: int) -> dict:
    got = [lab for lab, m in zip(labels, merged, strict=True) if m]
    same, partial = got.count("SAME"), got.count("PARTIAL")
    return {
        "merged": len(got),
        "same": same,
        "partial": partial,
        "different": len(got) - same - partial,
        "precision": same / len(got) if got else 0.0,
        "lenient": (same + partial) / len(got) if got else 0.0,
        "recall": same / positives,
    }


def cross_validated(rows: list[dict], c: float) -> list[float]:
    """Leave-one-group-out probabilities of SAME for every row (vetoed rows score 0)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    scores = [0.0] * len(rows)
    free = [i for i, r in enumerate(rows) if not r["veto"]]
    for group in sorted({rows[i]["group"] for i in free}):
        train = [i for i in free if rows[i]["group"] != group]
        test = [i for i in free if rows[i]["group"] == group]
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
        model.fit([rows[i]["x"] for i in train], [rows[i]["label"] == "SAME" for i in train])
        for i, p in zip(test, model.predict_proba([rows[i]["x"] for i in test])[:, 1], strict=True):
            scores[i] = float(p)
    return scores


def _line(name: str, f: dict) -> str:
    return (
        f"{name:34} {f['merged']:>6} {f['same']:>4}/{f['partial']}/{f['different']:<3} "
        f"{f['precision']:>9.2f} {f['lenient']:>7.2f} {f['recall']:>6.2f}"
    )


def main() -> int:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 1
    rows = tune_rows()
    labels = [r["label"] for r in rows]
    positives = labels.count("SAME")
    machine = f"{describe()}"
    print(f"$ {COMMAND}    ({machine})")
    print(
        f"tune pairs: {len(rows)}, SAME {positives}, groups {len({r['group'] for r in rows})}; leave-one-group-out"
    )
    print(f"{'judge':34} {'merged':>6} {'S/P/D':>9} {'precision':>9} {'lenient':>7} {'recall':>6}")
    rule = [r["rule"] for r in rows]
    print(_line("rule (same_fact.same_fact, tuned on tune)", figures(labels, rule, positives)))
    for c in CS:
        scores = cross_validated(rows, c)
        chosen = None
        for t in THRESHOLDS:  # highest first: keep the lowest threshold that stays precise
            f = figures(labels, [s >= t for s in scores], positives)
            if f["merged"] and f["precision"] >= PRECISION and f["lenient"] >= LENIENT:
                chosen = (t, f)
        if chosen is None:
            print(
                f"{'learned C=' + str(c):34} no threshold reaches precision {PRECISION} / lenient {LENIENT}"
            )
            continue
        t, f = chosen
        print(_line(f"learned C={c} (threshold {t})", f))
        union = figures(labels, [r or s >= t for r, s in zip(rule, scores, strict=True)], positives)
        print(_line(f"  rule or learned (threshold {t})", union))
    print(
        "precision = SAME / merged labelled pairs; lenient = (SAME + PARTIAL) / merged; recall = SAME merged / SAME."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
