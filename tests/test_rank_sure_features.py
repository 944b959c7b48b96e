"""The sure tier's features (a lead opens with its dateline whether or not cleaning cut it) and
the terms the lexical hook score reads of a lead."""

from __future__ import annotations

import pytest

from summarize.ingest.article import article_from_text
from summarize.rank.standalone import rule_verdicts, text_doubts
from summarize.rank.sure_features import features, hook_terms


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


def test_hook_terms_read_words_and_pairs_past_a_dateline() -> None:
    terms = hook_terms("Jakarta, CNN Indonesia - - Mulai 11 November, bioskop dibuka.")
    assert {"<s> mulai", "mulai <n>", "<n>", "bioskop dibuka"} <= terms
    assert not any("jakarta" in t or "cnn" in t for t in terms)
