"""Bad input never stops the others: each case gets a one-line reason or a warning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarize import ConfigError, load_articles

GOOD = (
    "Banjir Rendam Ratusan Rumah di Bekasi Sejak Senin Pagi\n\n"
    "Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi sejak Senin pagi. "
    "Ketinggian air mencapai 1,5 meter di beberapa titik. "
    "Badan Penanggulangan Bencana Daerah mengerahkan 12 perahu karet untuk evakuasi.\n\n"
    "Baca Juga: Cuaca Ekstrem Diprediksi Berlanjut\n\n"
    "Menurut petugas, 1.200 warga telah mengungsi ke masjid dan sekolah terdekat.\n"
)


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_good_article(tmp_path: Path) -> None:
    loaded = load_articles([write(tmp_path / "a.txt", GOOD)])
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
    loaded = load_articles([write(tmp_path / name, data), write(tmp_path / "good.txt", GOOD)])
    assert len(loaded.articles) == 1  # the good file is still read
    (skipped,) = loaded.skipped
    assert skipped.source.endswith(name)
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace("Senin pagi.", "Senin pagi – kata “warga” café.")
    loaded = load_articles([write(tmp_path / "win.txt", text.encode("cp1252"))])
    (article,) = loaded.articles
    assert "“warga” café" in article.sentences[0].text
    assert any("cp1252" in w for w in loaded.warnings)


def test_bom_and_crlf_offsets_still_slice(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    (article,) = load_articles([write(tmp_path / "bom.txt", data)]).articles
    assert not article.text.startswith("\ufeff")
    assert article.title.startswith("Banjir Rendam")
    for s in article.sentences:
        assert " ".join(article.text[s.start : s.end].split()) == s.text
        assert "\r" not in s.text


def test_a_lone_path_is_refused_not_walked_letter_by_letter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", GOOD)
    for lone in (str(path), path, str(path).encode()):
        with pytest.raises(ConfigError, match=r"takes a list of sources, not one .*: pass \["):
            load_articles(lone)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="source 1 is a int, not a path"):
        load_articles([path, 5])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="limit must be at least 1"):
        load_articles([path], limit=0)
    assert len(load_articles([path]).articles) == 1


def test_article_text_given_as_a_source_is_refused_with_what_to_call(tmp_path: Path) -> None:
    # Round 42, a library user: three articles' text passed as sources came back as three skips,
    # "cannot read (File name too long)".
    path = write(tmp_path / "a.txt", GOOD)
    for text in (GOOD, "Harga beras naik " * 30):
        with pytest.raises(ConfigError, match=r"source 1 is article text .*article_from_text\(text\)"):
            load_articles([path, text])
    if os.name != "nt":  # Windows allows no line break in a name; elsewhere it is still a file
        odd = write(tmp_path / "a\nb.txt", GOOD)
        assert len(load_articles([str(odd)]).articles) == 1


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", GOOD)
    monkeypatch.chdir(tmp_path)
    loaded = load_articles([path, "a.txt", tmp_path, f".{os.sep}a.txt"])
    assert [a.source for a in loaded.articles] == [str(path)]
    assert len([w for w in loaded.warnings if "the same file as" in w]) == 3
