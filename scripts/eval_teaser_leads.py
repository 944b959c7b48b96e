"""Out-of-fold teaser-lead detection on the tuning labels: can a small model over what a lead
promises tell the teaser leads the rules pass from the leads that report?

Examples: every article's lead that the named rules pass (whole or trimmed) and the readers
labelled; positive (a "teaser lead") when the label is not STANDALONE (TEASER mostly). Features
(`lead_features`): the lead's concrete content against its article's second sentence (names,
figures, dates the lead lacks and sentence 2 supplies; how much of sentence 2 restates the lead),
evaluative and vague words, length, the news score (`rank.news`), and two out-of-fold scores:
the learned stand-alone score (`rank.sure`) and the lexical hook score (`rank.sure.Hook`), each
from a model trained on the other folds. The detector (an L2 logistic regression, numpy Newton,
`scripts/logistic.py`) is cross-validated with the article folds of
`scripts/train_standalone.py`: each lead is scored by a detector that never saw its article.

It prints precision and recall at each probability cut and at cuts set on the other folds
alone (`nested_flags`: the score over which 0.5%, 1% or 2% of their standalone leads lie); with
`--openings SHARE...` the cross-validated digest and brief figures at the shipped cuts
(`train_standalone.cv_eval`) when a lead the fold's detector flags at that share may neither
open a brief nor be a digest line; with `--fresh SPLIT` what the detector trained on all the
tuning data flags on a split none of it saw (a scored held-out set):

    python scripts/eval_teaser_leads.py
    python scripts/eval_teaser_leads.py --openings 0.005 0.01
    python scripts/eval_teaser_leads.py --fresh heldout13   # a held-out split, once scored

Research only: nothing in the package reads it (docs/standalone-rounds.md, round 13, teaser
leads). Needs numpy.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_standalone as ts  # noqa: E402
from logistic import newton  # noqa: E402
from machine_info import describe as machine  # noqa: E402

from summarize.lang.terms import TOKEN  # noqa: E402
from summarize.lang.wordlists import HEDGES, HOOK_PHRASES, STOPWORDS_ID  # noqa: E402
from summarize.numerals.names import MONTHS_ID, WEEKDAYS_ID  # noqa: E402
from summarize.rank import standalone  # noqa: E402
from summarize.rank.news import news_score  # noqa: E402
from summarize.rank.sentence_rules import Judgement  # noqa: E402
from summarize.rank.sure import Hook, Scorer, load_scorer  # noqa: E402
from summarize.rank.sure_features import FEATURES, hook_terms  # noqa: E402
from summarize.values import Article  # noqa: E402
from tests.standalone_eval import TUNING, Labelled, evaluate_data, load  # noqa: E402

# Evaluative or vague words a feature story's lead promises with ("menjadi kebanggaan",
# "mulai menyita perhatian", "memang terkenal"): read as a count, not as a rule.
EVALUATIVE = frozenset(
    """memang terkenal dikenal kebanggaan bangga perhatian menyita kabar bahagia duka indah
    keindahan unik menarik spesial istimewa favorit populer hits viral heboh ramai tak biasa
    baru kembali mulai bukan hanya sekadar semua banyak sebuah salah satu tentu pasti ternyata
    selalu sering kerap tak pernah siapa apa bagaimana kebutuhan cukup sangat paling lebih
    tengah sedang diselimuti dirundung menyemarakkan""".split()
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = frozenset(MONTHS_ID) | frozenset(WEEKDAYS_ID)
NAMES = (
    "news",
    "hook",
    "p_alone",
    "words",
    "names",
    "figures",
    "dated",
    "s2_new_names",
    "s2_new_figures",
    "s2_dated_lead_not",
    "s2_restates",
    "lead_in_s2",
    "evaluative",
    "hedge_or_hook_phrase",
    "news_s2",
    "s2_words",
    "no_s2",
)
L2 = 1.0


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _names(tokens: Sequence[str]) -> set[str]:
    return {t.lower() for t in tokens[1:] if t[:1].isupper() and t.lower() not in STOPWORDS_ID}


def _figures(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if any(c.isdigit() for c in t)}


def _dated(text: str, words: set[str]) -> bool:
    return bool(words & _TIME) or _YEAR.search(text) is not None


def _content(tokens: Sequence[str]) -> set[str]:
    return {t.lower() for t in tokens if t.lower() not in STOPWORDS_ID and len(t) > 2}


def lead_features(lead: str, second: str | None) -> dict[str, float]:
    """What a lead promises against what its article's second sentence supplies (no learned
    scores: `news`, `hook`, `p_alone` are added by the caller)."""
    lt = _tokens(lead)
    lw = {t.lower() for t in lt}
    st = _tokens(second or "")
    sw = {t.lower() for t in st}
    lc, sc = _content(lt), _content(st)
    lower = lead.lower()
    return {
        "words": math.log1p(len(lt)),
        "names": math.log1p(len(_names(lt))),
        "figures": float(bool(_figures(lt))),
        "dated": float(_dated(lead, lw)),
        "s2_new_names": math.log1p(len(_names(st) - _names(lt) - lw)),
        "s2_new_figures": float(bool(_figures(st) - _figures(lt))),
        "s2_dated_lead_not": float(_dated(second or "", sw) and not _dated(lead, lw)),
        "s2_restates": len(sc & lc) / len(sc) if sc else 0.0,
        "lead_in_s2": len(sc & lc) / len(lc) if lc else 0.0,
        "evaluative": math.log1p(len(lw & EVALUATIVE)),
        "hedge_or_hook_phrase": float(bool(lw & HEDGES) or any(p in lower for p in HOOK_PHRASES)),
        "news_s2": news_score(second) if second else 0.0,
        "s2_words": math.log1p(len(st)),
        "no_s2": float(second is None),
    }


def leads(data: Labelled) -> tuple[list[str], list[str], np.ndarray]:
    """The article ids, lead texts and 0/1 labels (1: not STANDALONE) of the labelled leads the
    rules pass."""
    ids, texts, ys = [], [], []
    for a in data.articles:
        gold = data.labels.get((a.id, 0))
        if not a.sentences or gold is None:
            continue
        v = standalone.rule_verdicts(a)[0]
        if v.stands_alone or v.trim:
            ids.append(a.id)
            texts.append(a.sentences[0].text)
            ys.append(float(gold["label"] != "STANDALONE"))
    return ids, texts, np.array(ys)


def oof_hook(data: Labelled, ids: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """Each lead's hook score from the hook weights trained on the other folds' leads."""
    terms, y, groups = ts.hook_examples(data)
    folds = np.array([ts.fold_of(g) for g in groups])
    out = np.zeros(len(ids))
    at = np.array([ts.fold_of(i) for i in ids])
    for k in range(ts.FOLDS):
        w = ts.fit_hook_weights([t for t, f in zip(terms, folds, strict=True) if f != k], y[folds != k])
        hook = Hook(w["weights"], w["bias"], 0.0)
        for n in np.flatnonzero(at == k):
            out[n] = hook.score_terms(hook_terms(texts[int(n)]))
    return out


def oof_alone(data: Labelled, ids: Sequence[str]) -> np.ndarray:
    """Each lead's learned stand-alone probability from the sure tier's scorer trained on the
    other folds (`train_standalone.out_of_fold`)."""
    x, y, groups = ts.examples(data)
    p = ts.out_of_fold(x, y, groups)
    first = x[:, FEATURES.index("first")] == 1
    by_id = {g: pp for g, pp, f in zip(groups, p, first, strict=True) if f}
    return np.array([by_id[i] for i in ids])


def _rows(
    data: Labelled, ids: Sequence[str], texts: Sequence[str], hook: np.ndarray, alone: np.ndarray
) -> np.ndarray:
    second = {a.id: (a.sentences[1].text if len(a.sentences) > 1 else None) for a in data.articles}
    rows = []
    for n, (i, t) in enumerate(zip(ids, texts, strict=True)):
        row = lead_features(t, second[i]) | {"news": news_score(t), "hook": hook[n], "p_alone": alone[n]}
        rows.append([row[name] for name in NAMES])
    return np.array(rows)


def matrix(data: Labelled) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """The features (`NAMES`), labels, article ids and texts of `leads`, the learned scores out
    of fold."""
    ids, texts, y = leads(data)
    return _rows(data, ids, texts, oof_hook(data, ids, texts), oof_alone(data, ids)), y, ids, texts


def fresh_check(tune: Labelled, x: np.ndarray, y: np.ndarray, ids: Sequence[str], split: str) -> None:
    """The detector, the hook score and the stand-alone scorer trained on all of `tune`, read
    on the leads of `split` (a set none of them saw): what each share's cut (set on `tune`'s
    out-of-fold scores) flags there."""
    folds = np.array([ts.fold_of(i) for i in ids])
    inside = np.zeros(len(y))
    for k in range(ts.FOLDS):
        inside[folds == k] = _fit_score(x, y, folds != k, folds == k)
    fresh = load(split)
    fids, ftexts, fy = leads(fresh)
    hook_model = ts.hook_model(tune)
    hook = Hook(hook_model["weights"], hook_model["bias"], 0.0)
    model = ts.scorer(ts.fit(*ts.examples(tune)[:2]), {"lead": 1.0, "body": 1.0})
    fx, _, fgroups = ts.examples(fresh)
    first = fx[:, FEATURES.index("first")] == 1
    alone = {
        g: model.probability(dict(zip(FEATURES, r, strict=True)))
        for g, r, f in zip(fgroups, fx, first, strict=True)
        if f
    }
    hooks = np.array([hook.score_terms(hook_terms(t)) for t in ftexts])
    rows = _rows(fresh, fids, ftexts, hooks, np.array([alone[i] for i in fids]))
    score = _fit_score(
        np.vstack([x, rows]),
        np.concatenate([y, fy]),
        np.arange(len(y) + len(fy)) < len(y),
        np.arange(len(y) + len(fy)) >= len(y),
    )
    print(
        f"{split} (trained on all the tuning data): {int(fy.sum())} of {len(fy)} leads the rules pass not standalone"
    )
    for share in (0.0, *SHARES):
        flagged = score > ts.hook_cut(inside, y, share) if share else np.zeros(len(fy), dtype=bool)  # 0: none
        print(
            f"  cut over {share:.1%} of the tuning standalone leads: {int(flagged.sum())} flagged, {int(fy[flagged].sum())} not standalone"
        )
        shipped = replace(load_scorer())  # a new scorer: nothing cached for it
        with (
            ts.scored_by(shipped),
            flagged_may_not_open({t for t, f in zip(ftexts, flagged, strict=True) if f}),
        ):
            briefs = evaluate_data(split, fresh)["briefs"]
        for size, b in briefs.items():
            print(
                f"    briefs n={size}: {b['first_not_standalone']} of {b['briefs'] - b['first_unlabelled']} open with a"
                f" non-standalone sentence; {b['needs_unshown']} of {b['sentences'] - b['unlabelled']} sentences need an unshown one"
            )
    for n in np.argsort(-score, kind="stable")[:8]:
        print(f"    {'TEASER/NOT' if fy[n] else 'standalone'} {score[n]:+.2f}: {ftexts[n][:90]}")


def _fit_score(z: np.ndarray, y: np.ndarray, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """The log-odds of the `test` rows from the detector fitted on the `train` rows."""
    w, mean, scale = newton(z[train], y[train], L2)
    return np.asarray(w[0] + ((z[test] - mean) / scale) @ w[1:])


def detect_oof(x: np.ndarray, y: np.ndarray, ids: Sequence[str], columns: Sequence[int]) -> np.ndarray:
    """Each lead's detector probability, the detector trained on the other folds."""
    folds = np.array([ts.fold_of(i) for i in ids])
    z = x[:, list(columns)]
    out = np.zeros(len(y))
    for k in range(ts.FOLDS):
        test = folds == k
        out[test] = 1 / (1 + np.exp(-_fit_score(z, y, ~test, test)))
    return out


def nested_flags(x: np.ndarray, y: np.ndarray, ids: Sequence[str], share: float) -> np.ndarray:
    """The leads each fold's detector flags at a cut set on the other folds alone: the score
    above which `share` of their STANDALONE leads lie, each scored by a detector trained on the
    other inner folds (as the hook score's cut is, `train_standalone.hook_model`)."""
    if not share:
        return np.zeros(len(y), dtype=bool)
    folds = np.array([ts.fold_of(i) for i in ids])
    inner = np.array([ts.inner_fold(i) for i in ids])
    flags = np.zeros(len(y), dtype=bool)
    for k in range(ts.FOLDS):
        train = np.flatnonzero(folds != k)
        inside = np.zeros(len(train))
        for j in range(ts.HOOK_INNER):
            part = inner[train] == j
            inside[part] = _fit_score(x, y, train[~part], train[part])
        cut = ts.hook_cut(inside, y[train], share)
        test = folds == k
        flags[test] = _fit_score(x, y, folds != k, test) > cut
    return flags


def curve(p: np.ndarray, y: np.ndarray, label: str) -> None:
    """Precision and recall of the flagged leads (at or above a cut), and the best average
    precision order: the top 5, 10, 20, 40 leads by score."""
    order = np.argsort(-p, kind="stable")
    print(f"  {label}: {int(y.sum())} of {len(y)} leads not standalone")
    for top in (5, 10, 20, 40):
        hit = int(y[order[:top]].sum())
        print(
            f"    top {top}: {hit} not standalone (precision {100 * hit / top:.0f}%, recall {100 * hit / y.sum():.1f}%)"
        )
    for cut in (0.5, 0.7, 0.8, 0.9):
        flagged = p >= cut
        n = int(flagged.sum())
        hit = int(y[flagged].sum())
        share = f"{100 * hit / n:.0f}%" if n else "-"
        print(
            f"    p >= {cut}: {n} flagged, {hit} not standalone (precision {share}, recall {100 * hit / y.sum():.1f}%)"
        )


# Where the judgement's verdicts are read (each module imports `judge` by name): the learned
# ranker's features, a brief's ties and selection, the digest's facts.
JUDGE_HOMES = (
    "summarize.rank.standalone.judge",
    "summarize.rank.ties.judge",
    "summarize.rank.learned.judge",
    "summarize.grouping.facts.judge",
)


@contextmanager
def flagged_may_not_open(texts: set[str]) -> Iterator[None]:
    """Judge a lead whose text is in `texts` as neither sure nor opening a brief. (Later
    sentences are judged as before: with the shipped `open_after_hook` of 0 a lead that may not
    open changes no later sentence's opening cut.) The brief's ties are cached per article and
    scorer: judge with a scorer made for the call (`train_standalone.scored_by`)."""
    plain = standalone.judge

    def held(article: Article, *, scorer: Scorer | None = None) -> list[Judgement]:
        out = plain(article, scorer=scorer)
        if out and article.sentences[0].text in texts and (out[0].sure or out[0].opens):
            out[0] = replace(out[0], sure=False, opens=False, doubt=out[0].doubt or "teaser-score")
        return out

    with ExitStack() as stack:
        for home in JUDGE_HOMES:
            stack.enter_context(mock.patch(home, held))
        yield


def openings(data: Labelled, texts: Sequence[str], flags: np.ndarray, share: float) -> None:
    """The cross-validated digest and brief figures at the shipped cuts when the leads flagged
    (`nested_flags` at `share`) may neither open a brief nor be a digest line."""
    flagged = {t for t, f in zip(texts, flags, strict=True) if f}
    # The shipped cuts, as the package reads them.
    cuts = json.loads((ROOT / "summarize" / "data" / "standalone.json").read_text(encoding="utf-8"))[
        "threshold"
    ]
    print(f"flagged leads (nested cut over {share:.1%} of standalone leads) may not open: {len(flagged)}")
    with flagged_may_not_open(flagged):
        t = ts.cv_eval(data, cuts)[cuts["body"]]
    for n in ("3", "5"):
        print(
            f"    n={n}: {t[f'brief{n}_bad_first']:.0f} of {t[f'brief{n}_briefs']:.0f} briefs open badly,"
            f" {t[f'brief{n}_unshown']:.0f} of {t[f'brief{n}_sentences']:.0f} sentences need an unshown one"
        )


SHARES = (0.005, 0.01, 0.02)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", metavar="SPLIT", help="also read the leads of this split (fresh_check)")
    parser.add_argument(
        "--openings",
        type=float,
        nargs="*",
        default=(),
        metavar="SHARE",
        help="the cross-validated briefs when the leads flagged at these shares may not open",
    )
    args = parser.parse_args(argv)
    print("$ python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])]))
    print(f"machine: {machine()}")
    data = load(TUNING)
    x, y, ids, texts = matrix(data)
    col = {name: k for k, name in enumerate(NAMES)}
    sets = {
        "hook + news (round 12's signs)": ["hook", "news"],
        "hook + news + stand-alone score": ["hook", "news", "p_alone"],
        "content against sentence 2 only": [n for n in NAMES if n not in ("hook", "news", "p_alone")],
        "all features": list(NAMES),
    }
    print("out of fold (10 article folds), leads the rules pass:")
    for label, names in sets.items():
        curve(detect_oof(x, y, ids, [col[n] for n in names]), y, label)
    w, _, _ = newton(x, y, L2)
    weights = sorted(zip(NAMES, w[1:], strict=True), key=lambda nv: float(nv[1]))
    print(
        "all features, weights on all the leads (standardised): "
        + ", ".join(f"{n} {v:+.2f}" for n, v in weights)
    )
    print(
        "all features, each fold's cut set on the other folds (the share of their standalone leads over it):"
    )
    flags = {}
    for share in sorted({*SHARES, *args.openings} - {0.0}):
        flags[share] = nested_flags(x, y, ids, share)
        f = flags[share]
        n, hit = int(f.sum()), int(y[f].sum())
        print(
            f"  {share:.1%}: {n} flagged, {hit} not standalone (precision {100 * hit / max(n, 1):.0f}%,"
            f" lower bound {100 * ts.wilson_lower(hit, n):.0f}%), recall {100 * hit / y.sum():.1f}%"
        )
        for t, yy, ff in zip(texts, y, f, strict=True):
            if ff:
                print(f"    {'TEASER/NOT' if yy else 'standalone'}: {t[:100]}")
    if args.fresh:
        fresh_check(data, x, y, ids, args.fresh)
    for share in args.openings:
        openings(data, texts, flags[share] if share in flags else nested_flags(x, y, ids, share), share)
    return 0


if __name__ == "__main__":
    sys.exit(main())
