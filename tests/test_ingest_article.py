"""Making an article (`ingest.article`): its language, sentences however long, the sentence
cap and its warning, and what `article_from_text` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import ConfigError, article_from_text, load_articles
from summarize.segment import MAX_WORDS
from tests.test_ingest import GOOD, write


def test_sentence_of_3000_words_without_punctuation(tmp_path: Path) -> None:
    words = " ".join(["warga", "mengungsi", "karena", "banjir", "besar"] * 600)
    (article,) = load_articles([write(tmp_path / "long.txt", words)]).articles
    assert all(len(s.text.split()) <= MAX_WORDS for s in article.sentences)
    assert sum(len(s.text.split()) for s in article.sentences) == 3000


def test_english_article_is_recognised(tmp_path: Path) -> None:
    english = (
        "North Korea Sends Containers of Munitions to Russia, White House Says\n\n"
        "The White House said on Friday that North Korea has delivered more than 1,000 containers of "
        "military equipment and munitions to Russia. It is the first time that the shipments have been "
        "confirmed by the United States, which has warned about the deal for months.\n"
    )
    (article,) = load_articles([write(tmp_path / "en.txt", english)]).articles
    assert article.language == "en"


def test_article_past_the_sentence_cap_keeps_its_first_sentences_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarize.ingest.article as ingest_article

    monkeypatch.setattr(ingest_article, "MAX_SENTENCES", 50)
    text = " ".join(f"Pemerintah membangun jembatan nomor {i} di desa {i % 97}." for i in range(120))
    path = write(tmp_path / "p.txt", text)
    loaded = load_articles([path, write(tmp_path / "q.txt", GOOD)])
    article = loaded.articles[0]
    assert len(article.sentences) == 50
    assert article.sentences[-1].text == "Pemerintah membangun jembatan nomor 49 di desa 49."
    (warning,) = loaded.warnings
    assert str(path) in warning and "only the first 50" in warning
    assert len(loaded.articles) == 2 and not loaded.skipped


def test_article_from_text_checks_its_arguments() -> None:
    with pytest.raises(ConfigError, match="not bytes; decode it first"):
        article_from_text(GOOD.encode())  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="id must be a str, not int"):
        article_from_text(GOOD, id=1)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="id must not be empty"):
        article_from_text(GOOD, id=" ")
    assert article_from_text(GOOD, id="a").id == "a"
