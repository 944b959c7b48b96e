"""The sure tier's scorer: the lexical hook score of a lead, the cuts (a second one for a lead the
news score calls FACT, the digest's own scorer) and the loading of the scorer's JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest

from summarize.ingest.article import article_from_text
from summarize.rank.news import news_score
from summarize.rank.standalone import judge
from summarize.rank.sure import Hook, load_scorer
from summarize.values import Article

# The lexical hook score of a lead (round 10): made-up weights, so that the test does not
# depend on what the shipped JSON learned.
HOOK = Hook({"<s> mulai": 1.5, "ternyata": 1.0, "bukan satu-satunya": 2.0, "<n>": -2.0}, -1.0, 0.5)


def test_a_lead_scores_as_a_hook_by_the_terms_that_push_it() -> None:
    text = "Piala Oscar ternyata bukan satu-satunya capaian aktris Emma Stone."
    assert HOOK.score(text) == pytest.approx(-1.0 + 1.0 + 2.0)
    assert HOOK.reasons(text) == ("bukan satu-satunya", "ternyata")
    assert HOOK.reasons("Harga beras naik 5 persen pada Senin.") == ()  # under the cut


def _article(lead: str) -> Article:
    return article_from_text(
        f"Judul berita yang cukup panjang\n\n{lead} Presiden Joko Widodo meresmikan bendungan"
        " Karian di Lebak, Banten, pada Senin (10/9/2018). Bendungan itu menampung 300 juta meter"
        " kubik air.\n"
    )


def test_a_hooked_lead_is_no_digest_line_and_briefs_read_it_as_before() -> None:
    shipped = replace(load_scorer(), digest=None)  # one scorer for both (the digest's own: below)
    hooked = replace(shipped, lead_threshold=0.0, hook=Hook({"<s> mulai": 5.0}, -1.0, 0.0))
    plain = replace(hooked, hook=None)
    article = _article("Mulai pekan depan, warga Lebak menikmati air bersih dari bendungan baru.")
    with_hook, without = judge(article, scorer=hooked), judge(article, scorer=plain)
    assert with_hook[0].sure and with_hook[0].hook == ("<s> mulai",) and not with_hook[0].line
    assert without[0].line and not without[0].hook
    # Briefs read `sure`, `may_open`, `opens`, `leans`: the hook leaves them as they are.
    for a, b in zip(with_hook, without, strict=True):
        assert replace(a, hook=()) == b
    # Only the lead is read.
    assert not any(j.hook for j in with_hook[1:])


def test_the_shipped_scorer_holds_a_pruned_hook_score() -> None:
    digest = load_scorer().digest
    for hook in (load_scorer().hook, digest and digest.hook):
        assert hook is not None and 0 < len(hook.weights) <= 400


def test_a_lead_the_news_score_calls_fact_is_in_the_tier_from_the_second_cut() -> None:
    article = _article("Polisi menangkap 12 tersangka pengedar narkoba di Medan pada Senin (10/9/2018).")
    lead = article.sentences[0].text
    alone = replace(load_scorer(), fact_lead=None, digest=None)
    score = judge(article, scorer=alone)[0].score
    assert score is not None and news_score(lead) > 0.5
    # Cuts set around the lead's own scores, so that the test does not depend on the shipped ones.
    strict = replace(alone, lead_threshold=score + 0.01, body_threshold=1.5)
    second = replace(strict, fact_lead=score - 0.01, news_fact=news_score(lead) - 0.01)
    assert not judge(article, scorer=strict)[0].line
    assert judge(article, scorer=second)[0].line and judge(article, scorer=second)[0].sure
    # Not when the news score is under its cut, nor under the second cut, nor past the lead.
    assert not judge(article, scorer=replace(second, news_fact=news_score(lead) + 0.01))[0].sure
    assert not judge(article, scorer=replace(second, fact_lead=score + 0.005))[0].sure
    later = [j.score for j in judge(article, scorer=alone)[1:] if j.score is not None]
    low = min(later)
    body = replace(second, body_threshold=low + 0.01, fact_lead=0.0, news_fact=0.0)
    assert not any(j.sure for j in judge(article, scorer=body)[1:] if j.score == low)


def test_the_shipped_second_lead_cut_is_under_the_lead_cut() -> None:
    for shipped in (load_scorer(), load_scorer().digest):
        assert shipped is not None and shipped.fact_lead is not None
        assert 0.8 <= shipped.fact_lead < shipped.lead_threshold
        assert 0.5 <= shipped.news_fact < 1.0


def test_a_scorers_cuts_are_its_files_thresholds() -> None:
    # What eval_retrain_forward.py gives a retrained scorer: the cuts of the one compared with.
    raw = json.loads(
        resources.files("summarize").joinpath("data/standalone.json").read_text(encoding="utf-8")
    )
    shipped = load_scorer()
    assert shipped.cuts == raw["threshold"]
    assert shipped.digest is not None and shipped.digest.cuts == raw["digest"]["threshold"]
    assert "fact_lead" not in replace(shipped, fact_lead=None).cuts


def test_a_digest_scorer_decides_the_lines_and_briefs_read_their_own() -> None:
    base = replace(load_scorer(), digest=None, fact_lead=None)
    article = _article("Polisi menangkap 12 tersangka pengedar narkoba di Medan pada Senin (10/9/2018).")
    none = replace(base, lead_threshold=1.5, body_threshold=1.5, hook=None)  # no sentence is sure
    every = replace(base, lead_threshold=0.0, body_threshold=0.0, hook=None)  # each one passed is
    alone = judge(article, scorer=base)
    # A digest that admits none: no line, and briefs judged exactly as without it.
    strict = judge(article, scorer=replace(base, digest=none))
    assert not any(j.line for j in strict)
    assert [replace(j, digest_sure=None) for j in strict] == alone
    # One that admits every sentence the rules pass: each of those is a line, only the digest's.
    loose = judge(article, scorer=replace(none, digest=every))
    passed = [j.stands_alone or j.trim > 0 for j in loose]
    assert any(passed) and [j.line for j in loose] == passed
    assert not any(j.sure for j in loose)  # the brief scorer (`none`) is sure of none
    # The digest's hook score, not the brief scorer's, keeps a lead of its tier from the digest.
    hooked = replace(every, hook=Hook({"<s> polisi": 5.0}, -1.0, 0.0))
    verdicts = judge(article, scorer=replace(none, hook=HOOK, digest=hooked))
    assert verdicts[0].hook == ("<s> polisi",) and not verdicts[0].line


def test_a_scorer_json_with_a_digest_loads_both_and_a_broken_one_is_a_config_error(tmp_path) -> None:
    import json
    from importlib import resources

    from summarize.errors import ConfigError

    shipped = json.loads(resources.files("summarize").joinpath("data/standalone.json").read_text("utf-8"))
    base = {k: v for k, v in shipped.items() if k != "digest"}
    digest = {**base, "bias": base["bias"] + 1.0, "threshold": {**base["threshold"], "lead": 0.5}}
    good = tmp_path / "good.json"
    good.write_text(json.dumps({**base, "digest": digest}), encoding="utf-8")
    scorer = load_scorer(str(good))
    assert scorer.digest is not None and scorer.digest.digest is None
    assert scorer.digest.lead_threshold == 0.5 and scorer.lead_threshold == base["threshold"]["lead"]
    assert scorer.digest.bias == pytest.approx(scorer.bias + 1.0)
    for broken in ([1, 2], {**digest, "weights": {}}):
        path = tmp_path / f"broken{len(str(broken))}.json"
        path.write_text(json.dumps({**base, "digest": broken}), encoding="utf-8")
        with pytest.raises(ConfigError, match="cannot read the stands-alone scorer"):
            load_scorer(str(path))


def test_the_hook_score_is_the_same_whatever_the_hash_seed() -> None:
    """A set of terms iterates in an order the hash seed picks; the score must not depend on it
    (1e16 + 1 - 1e16 is 0 or 1 in floating point, by the order of the terms)."""
    import os
    import subprocess
    import sys

    code = (
        "from summarize.rank.sure import Hook;"
        "h = Hook({'a': 1e16, 'b': 1.0, 'c': -1e16, 'd': 0.5}, 0.0, 0.0);"
        "print(repr(h.score_terms(frozenset('abcd'))))"
    )
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        seen.add(out.stdout.strip())
    assert seen == {"1.5"}
