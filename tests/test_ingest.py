"""Bad input never stops the others: each case gets a one-line reason or a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import load_articles
from summarize.segment import MAX_WORDS

GOOD = (
    "Banjir Rendam Ratusan Rumah di Bekasi Sejak Senin Pagi\n\n"
    "Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi sejak Senin pagi. "
    "Ketinggian air mencapai 1,5 meter di beberapa titik. "
    "Badan Penanggulangan Bencana Daerah mengerahkan 12 perahu karet untuk evakuasi.\n\n"
    "Baca Juga: Cuaca Ekstrem Diprediksi Berlanjut\n\n"
    "Menurut petugas, 1.200 warga telah mengungsi ke masjid dan sekolah terdekat.\n"
)


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_good_article(tmp_path: Path) -> None:
    loaded = load_articles([_write(tmp_path / "a.txt", GOOD)])
    (article,) = loaded.articles
    assert article.title == "Banjir Rendam Ratusan Rumah di Bekasi Sejak Senin Pagi"
    assert article.language == "id"
    assert article.sentences[0].text.startswith("Banjir merendam ratusan rumah")
    assert all("Baca Juga" not in s.text for s in article.sentences)
    assert not loaded.skipped


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n   \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (
            "furniture.txt",
            "Baca Juga: Sesuatu Terjadi\n\nTopik:\n\nBerita Terkini\n\n© 2025 Kompas.com. All rights reserved",
            "no article text left after cleaning",
        ),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes | str, reason: str
) -> None:
    loaded = load_articles([_write(tmp_path / name, data), _write(tmp_path / "good.txt", GOOD)])
    assert len(loaded.articles) == 1  # the good file is still read
    (skipped,) = loaded.skipped
    assert skipped.source.endswith(name)
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_missing_path(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path / "nope.txt", _write(tmp_path / "good.txt", GOOD)])
    assert [s.reason for s in loaded.skipped] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]
    assert len(loaded.articles) == 1


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace("Senin pagi.", "Senin pagi – kata “warga” café.")
    loaded = load_articles([_write(tmp_path / "win.txt", text.encode("cp1252"))])
    (article,) = loaded.articles
    assert "“warga” café" in article.sentences[0].text
    assert any("cp1252" in w for w in loaded.warnings)


def test_bom_and_crlf_offsets_still_slice(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    (article,) = load_articles([_write(tmp_path / "bom.txt", data)]).articles
    assert not article.text.startswith("\ufeff")
    assert article.title.startswith("Banjir Rendam")
    for s in article.sentences:
        assert " ".join(article.text[s.start : s.end].split()) == s.text
        assert "\r" not in s.text


def test_sentence_of_3000_words_without_punctuation(tmp_path: Path) -> None:
    words = " ".join(["warga", "mengungsi", "karena", "banjir", "besar"] * 600)
    (article,) = load_articles([_write(tmp_path / "long.txt", words)]).articles
    assert all(len(s.text.split()) <= MAX_WORDS for s in article.sentences)
    assert sum(len(s.text.split()) for s in article.sentences) == 3000


def test_english_article_is_recognised(tmp_path: Path) -> None:
    english = (
        "North Korea Sends Containers of Munitions to Russia, White House Says\n\n"
        "The White House said on Friday that North Korea has delivered more than 1,000 containers of "
        "military equipment and munitions to Russia. It is the first time that the shipments have been "
        "confirmed by the United States, which has warned about the deal for months.\n"
    )
    (article,) = load_articles([_write(tmp_path / "en.txt", english)]).articles
    assert article.language == "en"


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b" / "2.md", GOOD)
    _write(tmp_path / "1.txt", GOOD)
    _write(tmp_path / "ignored.pdf", b"%PDF-1.4")
    loaded = load_articles([tmp_path])
    assert [Path(a.source).name for a in loaded.articles] == ["1.txt", "2.md"]
    assert [a.id for a in loaded.articles] == ["1", "2"]


def test_empty_folder_is_skipped(tmp_path: Path) -> None:
    loaded = load_articles([tmp_path])
    assert not loaded.articles
    assert "holds no .txt" in loaded.skipped[0].reason


def test_article_past_the_sentence_cap_keeps_its_first_sentences_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarize.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_SENTENCES", 50)
    text = " ".join(f"Pemerintah membangun jembatan nomor {i} di desa {i % 97}." for i in range(120))
    path = _write(tmp_path / "p.txt", text)
    loaded = load_articles([path, _write(tmp_path / "q.txt", GOOD)])
    article = loaded.articles[0]
    assert len(article.sentences) == 50
    assert article.sentences[-1].text == "Pemerintah membangun jembatan nomor 49 di desa 49."
    (warning,) = loaded.warnings
    assert str(path) in warning and "only the first 50" in warning
    assert len(loaded.articles) == 2 and not loaded.skipped
