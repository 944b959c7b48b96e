"""The sure tier's features (a lead opens with its dateline whether or not cleaning cut it) and
the lexical hook score of a lead."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summarize.ingest import article_from_text
from summarize.rank.news import news_score
from summarize.rank.standalone import judge, rule_verdicts, text_doubts
from summarize.rank.sure import Hook, features, hook_terms, load_scorer
from summarize.values import Article


def _lead_row(body: str) -> dict[str, float]:
    article = article_from_text(f"Judul berita yang cukup panjang\n\n{body}\n")
    verdicts = rule_verdicts(article)
    return features(article, verdicts, text_doubts(article))[0]


@pytest.mark.parametrize("dash", ["--", "- -", "– –"])
def test_a_lead_after_a_cut_city_and_outlet_dateline_opens_with_it(dash: str) -> None:
    # IndoSum's "Jakarta, CNN Indonesia - -" is cut now; the scorer learned it as a dateline.
    row = _lead_row(f"Jakarta, CNN Indonesia {dash} Harga beras naik lima persen pada Senin.")
    assert row["dateline"] == 1.0


def test_a_lead_after_another_dateline_shape_does_not() -> None:
    # "Merdeka.com -" was always cut, and was never this feature's dateline.
    assert _lead_row("Merdeka.com - Harga beras naik lima persen pada Senin.").get("dateline") == 0.0
    assert _lead_row("Harga beras naik lima persen pada Senin kemarin.").get("dateline") == 0.0


# The lexical hook score of a lead (round 10): made-up weights, so that the test does not
# depend on what the shipped JSON learned.
HOOK = Hook({"<s> mulai": 1.5, "ternyata": 1.0, "bukan satu-satunya": 2.0, "<n>": -2.0}, -1.0, 0.5)


def test_hook_terms_read_words_and_pairs_past_a_dateline() -> None:
    terms = hook_terms("Jakarta, CNN Indonesia - - Mulai 11 November, bioskop dibuka.")
    assert {"<s> mulai", "mulai <n>", "<n>", "bioskop dibuka"} <= terms
    assert not any("jakarta" in t or "cnn" in t for t in terms)


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
    shipped = load_scorer()
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
    hook = load_scorer().hook
    assert hook is not None and 0 < len(hook.weights) <= 400


def test_a_lead_the_news_score_calls_fact_is_in_the_tier_from_the_second_cut() -> None:
    article = _article("Polisi menangkap 12 tersangka pengedar narkoba di Medan pada Senin (10/9/2018).")
    lead = article.sentences[0].text
    alone = replace(load_scorer(), fact_lead=None)
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
    shipped = load_scorer()
    assert shipped.fact_lead is not None and 0.8 <= shipped.fact_lead < shipped.lead_threshold
    assert 0.5 <= shipped.news_fact < 1.0
