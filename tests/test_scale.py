"""The fast paths of a big digest decide exactly what the plain code they replace decides.

Each speed-up (memoised content terms, the unrolled tree ensemble, sums over `map`, word
sets made once in cleaning, the trailing-ellipsis test, one-article stories without the
judge's reading, the binary check in C, reading many files in a process pool) is compared
here with the plain code it replaced, kept below as the reference, on real articles: equal
floats, equal decisions, and the same digest and briefs end to end.
"""

from __future__ import annotations

import math
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import article_from_text, brief, digest, load_articles
from summarize.clean import (
    _ELLIPSIS,
    TRUNCATED_AT_LEAST,
    _Kept,
    _overlap,
    _truncated_copy,
    _word_set,
)
from summarize.clean.lines import words_of
from summarize.grouping import facts, reading, same_fact
from summarize.ingest import PARALLEL_FILES
from summarize.ingest.decoding import _is_binary
from summarize.lang.terms import (
    _stemmer,
    _terms_of,
    content_terms,
    detect_language,
    stem,
    tokens,
)
from summarize.lang.vectors import cosine, norm, tfidf
from summarize.rank.features import features
from summarize.rank.learned import Model, load_model, sentence_features
from summarize.renderers import render
from summarize.values import Article
from tests import indosum

ROOT = Path(__file__).resolve().parents[1]


# The plain code, as it was before the speed-ups ---------------------------------------------


def plain_walk(model: Model, row: list[float]) -> float:
    total = model.bias
    for feature, threshold, left, right, value in model.trees:
        node = 0
        while feature[node] >= 0:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        total += model.learning_rate * value[node]
    return total


def plain_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def plain_norm(vec: dict[str, float]) -> dict[str, float]:
    length = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / length for t, v in vec.items()} if length else {}


def _norm(line: str) -> str:
    return " ".join(w.lower() for w in words_of(line))


def plain_similar(a: str, b: str, threshold: float) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold


def plain_is_binary(data: bytes) -> bool:
    sample = data[:8192]
    return b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.05


def plain_content_terms(text: str) -> list[str]:
    from summarize.lang.terms import ALIASES, SYNONYMS
    from summarize.lang.wordlists import STOPWORDS_ID

    out: list[str] = []
    for t in tokens(text):
        if t in ALIASES:
            out.extend(ALIASES[t])
        elif t not in STOPWORDS_ID and len(t) > 1:
            st = stem(t)
            out.append(SYNONYMS.get(st, st))
    return out


@pytest.fixture(scope="module")
def real() -> tuple[Article, ...]:
    """The seeds and the IndoSum articles of tests/data, each of the latter twice (two
    articles, so the same-fact judge runs on their stories as well as on the seeds')."""
    data = sorted((ROOT / "tests" / "data").glob("*.txt"))
    loaded = load_articles([ROOT / "seeds", *data]).articles  # a file named twice is read once
    copies = [replace(a, id=str(len(loaded) + k + 1)) for k, a in enumerate(loaded[-len(data) :])]
    return (*loaded, *copies)


# Equal floats and decisions -----------------------------------------------------------------


def test_unrolled_trees_give_the_walked_log_odds_on_every_real_sentence(real: tuple[Article, ...]) -> None:
    model = load_model()
    assert model.kind == "trees" and model.unrolled  # the shipped model is unrolled
    rows = [row for a in real for row in sentence_features(a, features(a))]
    assert len(rows) > 100
    for row in rows:
        assert model.logit(row) == plain_walk(model, row)  # the same float, not merely close


def test_unrolled_trees_on_rows_at_every_threshold() -> None:
    # Values exactly at, just under and just over each split test `<=` on both sides.
    model = load_model()
    cuts = [t for tree in model.trees for f, t in zip(tree[0], tree[1], strict=True) if f >= 0]
    rng = random.Random(0)
    width = len(model.features)
    for _ in range(2000):
        row = [rng.choice(cuts) + rng.choice((0.0, -1e-9, 1e-9, 0.5, -0.5)) for _ in range(width)]
        assert model.logit(row) == plain_walk(model, row)


def test_a_model_that_cannot_be_unrolled_is_walked() -> None:
    model = load_model()
    tree = ((0, -1, -1), (math.inf, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, 1.0, -1.0))
    odd = Model(kind="trees", features=model.features, bias=0.5, learning_rate=0.1, trees=(tree,))
    assert not odd.unrolled
    assert odd.logit([1.0] * len(model.features)) == plain_walk(odd, [1.0] * len(model.features))


vectors = st.dictionaries(st.sampled_from("abcdefghij"), st.floats(0.0, 1.0, allow_nan=False), max_size=10)


@given(vectors, vectors)
def test_cosine_and_norm_are_the_generator_sums(a: dict[str, float], b: dict[str, float]) -> None:
    assert norm(a) == plain_norm(a)
    assert cosine(a, b) == plain_cosine(a, b)


def plain_tfidf(terms: list[str], weights: dict[str, float]) -> dict[str, float]:
    """TF-IDF with every term counted (what `tfidf` skips for a sentence of distinct terms)."""
    counts: dict[str, int] = {}
    for t in terms:
        counts[t] = counts.get(t, 0) + 1
    return plain_norm({t: (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in counts.items()})


@given(st.lists(st.sampled_from("abcdefghij"), max_size=12), vectors)
def test_tfidf_of_distinct_terms_is_the_counted_one(terms: list[str], weights: dict[str, float]) -> None:
    vec = tfidf(terms, weights)
    assert list(vec.items()) == list(plain_tfidf(terms, weights).items())  # the same floats, in order


lines = st.lists(
    st.sampled_from("Baca juga Banjir di Jakarta hari ini warga mengungsi ke masjid".split()), max_size=12
)


@given(lines, lines, st.sampled_from((0.6, 0.85)))
def test_word_set_overlap_is_the_line_comparison(a: list[str], b: list[str], threshold: float) -> None:
    x, y = " ".join(a), " ".join(b)
    assert _overlap(_word_set(x), _word_set(y), threshold) == plain_similar(x, y, threshold)


@settings(max_examples=500)
@given(st.text(alphabet="aAzΣσςΟΔİıI'’- .\t\u00a0é1_", max_size=40))
def test_word_set_lowers_each_word_as_it_stands_alone(line: str) -> None:
    assert _word_set(line) == frozenset(w.lower() for w in words_of(line))


def plain_truncated_copy(line: str, following: str) -> bool:
    cut = _ELLIPSIS.search(line)
    if not cut:
        return False
    head = " ".join(line[: cut.start()].split())
    return len(head) >= TRUNCATED_AT_LEAST and " ".join(following.split()).startswith(head)


# Every kind of whitespace `\s` and `str.rstrip` know, and two that neither does.
_ENDINGS = "a.…x \t\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\u200b\ufeff"


@settings(max_examples=500)
@given(
    st.text(alphabet=_ENDINGS, max_size=12), st.sampled_from(("", "Pelatih asal Spanyol itu menjadi manajer"))
)
def test_ellipsis_check_is_the_pattern_alone(end: str, start: str) -> None:
    line = start + end
    assert _truncated_copy(line, line + " lagi") == plain_truncated_copy(line, line + " lagi")
    assert (_ELLIPSIS.search(line) is not None) == line.rstrip().endswith(("…", "..."))


def plain_detect_language(text: str) -> str:
    from summarize.lang.terms import _EN_ONLY, _ID_ONLY

    toks = tokens(text[:20_000])
    id_hits = sum(t in _ID_ONLY for t in toks)
    en_hits = sum(t in _EN_ONLY for t in toks)
    return "en" if en_hits >= 5 and en_hits > 2 * id_hits else "id"


_TEXT = st.lists(
    st.sampled_from("the of and is was yang dan di ke ini itu ΑΣ ΑΣ. İni İ Σ café - . , ' ’".split(" "))
    | st.text(max_size=5),
    max_size=40,
).map(" ".join)


@settings(max_examples=400)
@given(_TEXT)
def test_language_check_counts_as_token_by_token(text: str) -> None:
    assert detect_language(text) == plain_detect_language(text)


@settings(max_examples=400)
@given(
    st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=10), max_size=12),
    st.frozensets(st.sampled_from("abcdefghij"), max_size=10),
)
def test_repeat_check_is_the_overlap_with_every_kept_line(
    kept: list[frozenset[str]], words: frozenset[str]
) -> None:
    # The index compares a line only with kept lines sharing a word of its prefix (rarest
    # words first): it must find exactly what comparing with every kept line finds.
    seen = _Kept([*kept, words])
    for k in kept:
        seen.add(k)
    assert seen.repeats(words) == any(_overlap(words, k, 0.85) for k in kept)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_binary_check_counts_the_same_control_bytes(data: bytes) -> None:
    assert _is_binary(data) == plain_is_binary(data)


def test_compiled_stemmer_gives_the_pure_python_stems(real: tuple[Article, ...]) -> None:
    from snowballstemmer.indonesian_stemmer import IndonesianStemmer

    pytest.importorskip("Stemmer", reason="PyStemmer is a dependency, but stemming works without it")
    assert type(_stemmer()).__module__ == "Stemmer"  # snowballstemmer took the compiled one
    words = sorted({w for a in real for s in a.sentences for w in tokens(s.text)})
    pure = IndonesianStemmer()
    assert len(words) > 1000
    assert [stem(w) for w in words] == [pure.stemWord(w) for w in words]


def test_memoised_terms_are_fresh_lists(real: tuple[Article, ...]) -> None:
    for s in real[0].sentences:
        first = content_terms(s.text)
        assert first == plain_content_terms(s.text) == list(_terms_of(s.text))
        first.append("changed")  # a caller's list is its own: the cache is not touched
        assert content_terms(s.text) == plain_content_terms(s.text)


# The same results end to end ----------------------------------------------------------------


def _plain_story_init(self: Any, articles: Any) -> None:
    _fast_story_init(self, articles)
    self.judged = True  # read every sentence as the judge does, one article or many
    self.names = reading._names(articles)


_fast_story_init = reading.StoryTerms.__init__


def _patch_everywhere(monkeypatch: pytest.MonkeyPatch, name: str, value: Callable[..., Any]) -> None:
    """Replace `name` in every summarize module that imported it."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("summarize") and hasattr(module, name):
            monkeypatch.setattr(module, name, value)


def plain_similar_pairs(nodes: Any) -> dict[int, dict[int, float]]:
    sims: dict[int, dict[int, float]] = {i: {} for i in range(len(nodes))}
    for i, j in same_fact.candidate_pairs(nodes):
        sim = same_fact.same_fact(nodes[i], nodes[j])
        if sim is not None:
            sims[i][j] = sims[j][i] = sim
    return sims


def plain_members(i: int, sims: Any, free: set[int], nodes: Any, masks: Any = None) -> list[int]:
    members = [i]
    seen = {nodes[i].article.id}
    for j, _ in sorted(((j, s) for j, s in sims[i].items() if j in free), key=lambda js: (-js[1], js[0])):
        if nodes[j].article.id in seen:
            continue
        if all(j in sims[m] for m in members[1:]):
            members.append(j)
            seen.add(nodes[j].article.id)
    return members


def plain_alike(x: Any, y: Any, known: Any) -> bool:
    return cosine(x.vector, y.vector) >= facts.REPEAT


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every fast path swapped for the plain code it replaced."""
    monkeypatch.setattr(Model, "logit", plain_walk)
    monkeypatch.setattr(reading.StoryTerms, "__init__", _plain_story_init)
    monkeypatch.setattr(facts, "similar_pairs", plain_similar_pairs)  # the name group_facts calls
    monkeypatch.setattr(facts, "_members", plain_members)
    monkeypatch.setattr(facts, "_alike", plain_alike)
    _patch_everywhere(monkeypatch, "cosine", plain_cosine)
    _patch_everywhere(monkeypatch, "norm", plain_norm)
    _patch_everywhere(monkeypatch, "content_terms", plain_content_terms)
    yield


def _results(articles: tuple[Article, ...]) -> list[str]:
    return [render(digest(articles), "json"), render(brief(articles, n=3), "json")]


def test_digest_and_briefs_equal_the_plain_code(
    real: tuple[Article, ...], request: pytest.FixtureRequest
) -> None:
    fast = _results(real)
    request.getfixturevalue("plain")
    assert _results(real) == fast


def test_one_article_stories_give_the_facts_the_judge_path_gives(
    real: tuple[Article, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    for article in real:
        fast = facts.group_facts([article], n=10)
        with monkeypatch.context() as m:
            m.setattr(reading.StoryTerms, "__init__", _plain_story_init)
            assert facts.group_facts([article], n=10) == fast


def test_line_comparisons_of_real_pages_decide_as_before(real: tuple[Article, ...]) -> None:
    from summarize.clean import _lines

    for a in real:
        texts = [a.text[s:e] for s, e in _lines(a.text)] + [a.title]
        sets = [_word_set(t) for t in texts]
        for i, x in enumerate(texts):
            for j, y in enumerate(texts):
                for threshold in (0.6, 0.85):
                    assert _overlap(sets[i], sets[j], threshold) == plain_similar(x, y, threshold)


def test_many_files_read_in_processes_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [ROOT / "seeds", ROOT / "tests" / "data"]
    texts = [p for s in sources for p in sorted(s.glob("*.txt"))]
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(PARALLEL_FILES + 10):
        shutil.copy(texts[k % len(texts)], folder / f"{k:04d}.txt")
    (folder / "0003.txt").write_bytes(b"%PDF-1.4 not text")  # skipped, and numbering goes on
    (folder / "0100.txt").write_text("   \n", encoding="utf-8")  # empty: skipped too
    calls: list[tuple[int, int]] = []
    pooled = load_articles([folder], read_progress=lambda done, total: calls.append((done, total)), workers=2)
    files = PARALLEL_FILES + 10
    assert calls[-1] == (files, files) and calls == sorted(calls)
    assert len(calls) <= files // (files // 100) + 1  # every 1%, then the end: not every file
    serial = load_articles([folder], workers=1)
    assert pooled == serial
    assert [a.id for a in pooled.articles] == [str(k) for k in range(1, len(pooled.articles) + 1)]
    assert [Path(s.source).name for s in pooled.skipped] == ["0003.txt", "0100.txt"]


def test_near_copies_give_the_facts_the_node_by_node_judge_gives(
    real: tuple[Article, ...], request: pytest.FixtureRequest
) -> None:
    # A story told by many near-copies: most sentences word for word, some reworded, one
    # number changed (scripts/bench_scale.py makes them the same way for its near-copies).
    record = indosum.Record(
        id="seed-story",
        fold="01",
        paragraphs=tuple((s.text,) for s in real[0].sentences),
        labels=(),
        summary="",
    )
    copies = [
        article_from_text(
            indosum.record_file(record if k == 0 else indosum.altered(record, k)), id=str(k + 1)
        )
        for k in range(12)
    ]
    fast = facts.group_facts(copies, n=10)
    assert any(len(f.citations) > 6 for f in fast)  # the copies back one another
    request.getfixturevalue("plain")
    assert facts.group_facts(copies, n=10) == fast
