"""Facts first across stories (issue 21): the news score and the digest's story order."""

from __future__ import annotations

from unittest import mock

import pytest

from summarize import article_from_text, digest
from summarize.rank.news import FEATURES, features, news_score, reasons
from tests import news_eval

NEWS = "Polda Metro Jaya menangkap tiga tersangka pembobolan ATM di Bekasi, Senin (12/6), kata Kombes Argo Yuwono."
SCENE = "Pantai ini menawarkan pemandangan yang indah dan air yang jernih bagi wisatawan yang datang."


def test_each_feature_is_read_from_the_line() -> None:
    news, scene = features(NEWS), features(SCENE)
    assert set(news) == set(FEATURES)
    assert news["names"] > 0 and news["acts"] > 0 and news["says"] and news["figure"] and news["time"]
    assert not scene["names"] and scene["this"] and not scene["figure"]
    assert features("Harga tiket naik 20 persen menjadi Rp 1,5 juta pada 2018.")["amount"]


def test_news_scores_above_a_scene_and_the_scene_says_why() -> None:
    assert news_score(NEWS) > 0.5 > news_score(SCENE)
    assert "this" in reasons(SCENE)
    assert reasons(NEWS) == []


# Two one-article stories on unrelated subjects. The soft one comes first in the input, and
# the ranker rates its lead higher within its article (the second test shows it): a line that
# promises news to fans, with no event (SOFT, as the set labels such lines). It was
# `heldout15`'s "Kabar bahagia datang bagi ..." until round 16, when a named rule came to call
# that a hook, which is no digest line at all.
SOFT_ARTICLE = (
    "Penggemar tokoh Adit dan Tita dalam film Eiffel I am in Love punya alasan untuk bergembira. "
    "Ia kini lebih sering tampil di layar lebar ketimbang di panggung musik. Penggemarnya pun menyambut "
    "baik langkah tersebut. Ia mengaku menikmati proses belajar akting bersama para sutradara muda.\n"
)
NEWS_ARTICLE = (
    f"{NEWS} Para tersangka menggunakan alat skimming untuk mencuri data nasabah bank. "
    "Polisi menyita puluhan kartu ATM palsu dan uang tunai dari rumah kontrakan mereka.\n"
)


def _articles() -> list:
    return [
        article_from_text(SOFT_ARTICLE, id="1", source="film.txt"),
        article_from_text(NEWS_ARTICLE, id="2", source="atm.txt"),
    ]


def test_the_story_whose_line_tells_news_is_listed_first() -> None:
    shown = digest(_articles(), workers=1)
    assert [s.articles for s in shown.stories] == [("2",), ("1",)]


def test_without_the_news_score_the_soft_story_led() -> None:
    # The test above can fail: with the news score flat, the ranker's score puts the soft one first.
    with mock.patch("summarize.grouping.news_score", return_value=0.5):
        shown = digest(_articles(), workers=1)
    assert [s.articles for s in shown.stories] == [("1",), ("2",)]


needs_data = pytest.mark.skipif(
    not (news_eval.DATA_DIR / "dev.03.jsonl").exists(),
    reason=f"IndoSum folds not found in {news_eval.DATA_DIR}",
)


@needs_data
def test_held_out_story_leads_are_listed_facts_first() -> None:
    # Fold 03 (never tuned on), 300 labelled leads: 23.5% of FACT/SOFT pairs inverted since issue
    # 21's round 12 (23.8% when this was written), 68.9% ordered by the ranker's score alone
    # (`python scripts/eval_news.py [--without-news]`); 2 and 13 SOFT leads in the first quarter.
    # Of the 45 labelled leads not shown first, 18 are stories with no line and 27 open with
    # another line. (The two draws these floors were set for: `first` and `second`.)
    result = news_eval.order(news_eval.HELD_OUT, draws=("first", "second"))
    assert result.unmatched - result.lineless <= 0.15 * (result.leads + result.unmatched)
    assert result.pairs > 2000 and result.inverted <= 0.30, result
    assert result.soft_in_first_quarter <= 3, result


@needs_data
def test_a_fresh_draw_of_held_out_leads_is_listed_facts_first() -> None:
    # Fold 03's later draw `held2` (150 leads of articles in no earlier draw), scored once with
    # the shipped score: 31.5% of FACT/SOFT pairs inverted against 57.9% by the ranker's score
    # alone (`python scripts/eval_news.py --draw held2 [--without-news]`), 2 and 7 SOFT leads in
    # the first quarter. Floors with a margin: more inverted pairs than on the first draws, so
    # the 23.6% there was a kind sample. Round 40's mood hook takes one SOFT lead ("Kebahagiaan
    # tengah dirasakan oleh putri Joko Widodo, Kahiyang Ayu.", "hook, no event" by this set's
    # reader) out of the digest altogether: 14 SOFT leads are left to order, 1,446 pairs (from
    # 1,566), 30.4% inverted.
    result = news_eval.order(news_eval.HELD_OUT, draws=("held2",))
    assert result.pairs > 1400 and result.inverted <= 0.36, result
    assert result.soft_in_first_quarter <= 3, result
