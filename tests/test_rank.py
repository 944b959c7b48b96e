"""Rankers and selection: the learned model scores in pure Python, deterministically, and
puts an article's news above its boilerplate; the registry and MMR selection behave."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace
from importlib import resources

import pytest

from summarize import brief
from summarize.errors import ConfigError
from summarize.ingest.article import article_from_text
from summarize.lang.vectors import Vector
from summarize.rank import DEFAULT_RANKER, CentralityRanker, get_ranker, select
from summarize.rank.features import SentenceFeatures, features
from summarize.rank.learned import FEATURE_NAMES, LearnedRanker, Model, load_model, sentence_features
from summarize.values import Article

NEWS = """Gempa Magnitudo 6,2 Guncang Cianjur, 12 Orang Tewas

Gempa bermagnitudo 6,2 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin (21/11) siang dan menewaskan sedikitnya 12 orang serta merusak ratusan rumah warga.

Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyatakan pusat gempa berada di darat pada kedalaman 10 kilometer di barat daya Cianjur.

"Kami masih mendata jumlah korban dan kerusakan di lapangan," kata Kepala Badan Penanggulangan Bencana Daerah Cianjur, Sugeng, kepada wartawan.

Ribuan warga mengungsi ke tenda darurat yang didirikan di lapangan kantor kecamatan.

Demikian informasi yang dapat kami sampaikan, semoga bermanfaat bagi pembaca sekalian.
"""


def _article(text: str = NEWS) -> Article:
    return article_from_text(text, source="news.txt")


def test_shipped_model_loads_as_json_with_our_features() -> None:
    raw = json.loads(resources.files("summarize").joinpath("data/ranker.json").read_text(encoding="utf-8"))
    assert tuple(raw["features"]) == FEATURE_NAMES
    model = load_model()
    assert model.kind in ("trees", "logistic")
    assert model.features == FEATURE_NAMES


def test_importing_summarize_and_ranking_needs_no_sklearn_or_numpy() -> None:
    code = (
        "import sys, summarize\n"
        "from summarize.rank import get_ranker\nfrom summarize.rank.features import features\n"
        "from summarize.ingest.article import article_from_text\n"
        "a = article_from_text('Presiden meresmikan jalan tol baru di Jawa Tengah. "
        "Jalan itu sepanjang 40 kilometer.')\n"
        "r = get_ranker()\n"
        "assert r.name == 'learned'\n"
        "r.score(a, features(a))\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'numpy', 'scipy', 'torch'))\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_default_ranker_is_learned_and_centrality_stays_selectable() -> None:
    assert DEFAULT_RANKER == "learned"
    assert isinstance(get_ranker(), LearnedRanker)
    assert isinstance(get_ranker("centrality"), CentralityRanker)
    with pytest.raises(ConfigError, match="centrality, learned"):
        get_ranker("nonesuch")


def test_learned_scores_are_deterministic_probabilities() -> None:
    article = _article()
    feats = features(article)
    first = LearnedRanker().score(article, feats)
    again = LearnedRanker().score(_article(), features(_article()))
    assert first == again
    assert len(first) == len(article.sentences)
    assert all(0.0 < s < 1.0 for s in first)


def test_salient_lead_outranks_boilerplate() -> None:
    article = _article()
    scores = LearnedRanker().score(article, features(article))
    texts = [s.text for s in article.sentences]
    lead = next(i for i, t in enumerate(texts) if t.startswith("Gempa bermagnitudo"))
    boiler = next(i for i, t in enumerate(texts) if t.startswith("Demikian informasi"))
    assert scores[lead] > scores[boiler]
    assert scores[lead] == max(scores)
    (b,) = brief([article], n=2)
    assert lead in [s.index for s in b.sentences]
    assert boiler not in [s.index for s in b.sentences]


def test_feature_rows_match_names() -> None:
    article = _article()
    rows = sentence_features(article, features(article))
    assert len(rows) == len(article.sentences)
    assert all(len(r) == len(FEATURE_NAMES) for r in rows)
    named = dict(zip(FEATURE_NAMES, rows[0], strict=True))
    assert named["is_first"] == 1.0 and named["index"] == 0.0 and named["lead_similarity"] == 1.0


def _data(**over: object) -> dict[str, object]:
    n = len(FEATURE_NAMES)
    base: dict[str, object] = {
        "kind": "logistic",
        "features": list(FEATURE_NAMES),
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "weights": [0.0] * n,
        "bias": 0.0,
    }
    base.update(over)
    return base


def test_logistic_model_is_standardised_weights_then_sigmoid() -> None:
    n = len(FEATURE_NAMES)
    weights = [0.0] * n
    weights[FEATURE_NAMES.index("words")] = 0.5
    mean = [0.0] * n
    mean[FEATURE_NAMES.index("words")] = 10.0
    scale = [1.0] * n
    scale[FEATURE_NAMES.index("words")] = 4.0
    model = Model.from_json(_data(weights=weights, mean=mean, scale=scale, bias=-0.25))
    row = [0.0] * n
    row[FEATURE_NAMES.index("words")] = 18.0
    z = -0.25 + 0.5 * (18.0 - 10.0) / 4.0
    assert model.logit(row) == pytest.approx(z)
    assert model.probability(row) == pytest.approx(1 / (1 + math.exp(-z)))


def test_tree_model_walks_thresholds_and_sums_leaves() -> None:
    i = FEATURE_NAMES.index("index")
    tree = {"feature": [i, -1, -1], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1]}
    data = {
        "kind": "trees",
        "features": list(FEATURE_NAMES),
        "bias": 0.1,
        "learning_rate": 0.5,
        "trees": [{**tree, "value": [0.0, 2.0, -2.0]}, {**tree, "value": [0.0, 1.0, 0.0]}],
    }
    model = Model.from_json(data)
    row = [0.0] * len(FEATURE_NAMES)
    assert model.logit(row) == pytest.approx(0.1 + 0.5 * (2.0 + 1.0))
    row[i] = 3.0
    assert model.logit(row) == pytest.approx(0.1 + 0.5 * (-2.0 + 0.0))
    assert model.probability([0.0] * len(FEATURE_NAMES)) > 0.5 > model.probability(row)
    assert 0.0 < Model.from_json(data).probability([-1e9] * len(FEATURE_NAMES)) < 1.0


def test_model_from_other_features_is_refused() -> None:
    with pytest.raises(ConfigError, match="retrain"):
        Model.from_json(_data(features=["index", "words"]))
    with pytest.raises(ConfigError, match="kind"):
        Model.from_json(_data(kind="forest"))


def test_select_returns_source_order_and_avoids_repeats() -> None:
    a = {"gempa": 1.0}
    b = {"banjir": 1.0}
    # Sentence 1 repeats sentence 0; with MMR the second pick is the different sentence 2.
    picked = select([0.9, 0.85, 0.5], [a, a, b], 2, diversity=0.5)
    assert picked == [0, 2]
    assert select([0.1, 0.9, 0.5], [a, b, {"x": 1.0}], 2, diversity=0.0) == [1, 2]
    assert select([], [], 3) == []
    assert select([0.5], [a], 0) == []


def test_brief_with_either_ranker_gives_n_sentences_in_order() -> None:
    article = _article()
    for name in ("learned", "centrality"):
        (b,) = brief([article], n=3, ranker=name)
        idx = [s.index for s in b.sentences]
        assert len(idx) == 3 and idx == sorted(idx)


def test_a_pick_that_may_not_open_is_read_after_the_pick_its_doubt_names() -> None:
    # "Wanita asal Bekasi ini ...": the rules pass it, its "ini" leaves a doubt, and the score
    # keeps it out of the opening; a brief without its earlier picks must not open with it.
    from summarize.rank import follows
    from summarize.rank.sentence_rules import STANDALONE, Judgement

    sure = Judgement(STANDALONE, sure=True)
    doubted = Judgement(STANDALONE, depends_on=0, doubt="referring-word", score=0.4)
    assert not doubted.may_open
    assert follows([sure, doubted], [0, 1]) == {0: (), 1: (0,)}
    # The doubt names a sentence the brief does not show: read after the pick before it.
    others = [
        sure,
        Judgement(STANDALONE, sure=True),
        Judgement(STANDALONE, opens=True),
        replace(doubted, depends_on=1),
    ]
    assert follows(others, [0, 2, 3]) == {0: (), 2: (), 3: (2,)}
    # One that may open owes nothing to the picks before it.
    assert follows([sure, replace(doubted, opens=True)], [0, 1]) == {0: (), 1: ()}


# ---------------------------------------------------------- linear cost, same results
#
# The features and MMR used to compare every sentence with every other (an N×N matrix,
# 1.5 GB on a 6,000-sentence file). The references below are those old computations, kept
# so the linear versions can be checked against them on real articles.


def _reference_rows(article: Article, feats: list[SentenceFeatures]) -> list[list[float]]:
    """sentence_features with the old dense mean similarity and the old drop count."""
    from summarize.lang.vectors import cosine

    rows = sentence_features(article, feats)
    vectors = [f.vector for f in feats]
    n = len(vectors)
    mean_col = FEATURE_NAMES.index("mean_similarity")
    drop_col = FEATURE_NAMES.index("dropped_before")
    drops = [d.end for d in article.dropped]
    for i, row in enumerate(rows):
        sims = [cosine(vectors[i], b) if i != j else 0.0 for j, b in enumerate(vectors)]
        row[mean_col] = sum(sims) / max(1, n - 1)
        row[drop_col] = float(sum(1 for e in drops if e <= article.sentences[i].start))
    return rows


def _reference_select(
    scores: list[float], vectors: list[Vector], n: int, diversity: float = 0.3
) -> list[int]:
    """The old MMR: every round recomputes each candidate's similarity to every pick."""
    from summarize.lang.vectors import cosine

    if n <= 0 or not scores:
        return []
    top = max(scores) or 1.0
    norm = [s / top for s in scores]
    chosen: list[int] = []
    remaining = set(range(len(scores)))
    while remaining and len(chosen) < n:

        def mmr(i: int) -> float:
            redundancy = max((cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            return (1 - diversity) * norm[i] - diversity * redundancy

        best = max(sorted(remaining), key=mmr)
        chosen.append(best)
        remaining.remove(best)
    return sorted(chosen)


def _real_articles() -> list[Article]:
    from pathlib import Path

    from summarize import load_articles

    root = Path(__file__).resolve().parents[1]
    loaded = load_articles([root / "seeds", *sorted((root / "tests" / "data").glob("indosum_*.txt"))])
    assert len(loaded.articles) == 9 and not loaded.skipped
    return list(loaded.articles)


def test_linear_features_and_selection_match_the_dense_reference() -> None:
    model = load_model()
    for article in _real_articles():
        feats = features(article)
        rows = sentence_features(article, feats)
        reference = _reference_rows(article, feats)
        for got, want in zip(rows, reference, strict=True):
            assert got == pytest.approx(want, abs=1e-9, rel=0)
        scores = [model.probability(r) for r in rows]
        assert scores == pytest.approx([model.probability(r) for r in reference], abs=1e-9, rel=0)
        vectors = [f.vector for f in feats]
        for n in (1, 3, 5, len(scores)):
            assert select(scores, vectors, n) == _reference_select(scores, vectors, n), article.source


def test_feature_cost_is_linear_in_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    # Counted, not timed: the old matrix made n² cosine calls for an n-sentence article.
    import summarize.rank.learned as learned

    text = " ".join(f"Pemerintah membangun jembatan nomor {i} di desa {i % 97}." for i in range(600))
    article = article_from_text(text, source="p.txt")
    assert len(article.sentences) == 600
    feats = features(article)
    calls = 0
    real = learned.cosine

    def counting(a: dict[str, float], b: dict[str, float]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(learned, "cosine", counting)
    sentence_features(article, feats)
    assert calls <= len(article.sentences)


def test_select_cost_is_sentences_times_picks(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.rank as rank

    vectors = [{f"t{i % 50}": 1.0} for i in range(500)]
    scores = [1.0 / (1 + i) for i in range(500)]
    calls = 0
    real = rank.cosine

    def counting(a: dict[str, float], b: dict[str, float]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(rank, "cosine", counting)
    assert len(select(scores, vectors, 10)) == 10
    assert calls <= 500 * 10  # the old MMR made about 500 × 10² / 2
