"""What a line reads as: a sentence full of names is prose; a label, a line-up, a credit or
a headline is not."""

from __future__ import annotations

import pytest

from summarize.clean import clean
from summarize.values import Document


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Kemudian, Polrestabes Bandung menilang 120 pengendara di Jalan Asia Afrika.", True),
        (
            "Kepolisian menangkap Sri Rahayu (32) di kediamannya di Desa Cipendawa, Kabupaten Cianjur, Jawa Barat.",
            True,
        ),
        ("Festival Film Internasional Toronto digelar 7 - 17 September 2017.", True),
        ("Pelatih: Wanderley Junior.", False),  # a label
        ("Cadangan: Jaume, Vidal, Vietto, Zaza, Andreas Pereira, Soler, Maksimovic.", False),  # a line-up
        ("Via Arcade Heroes & Eurogamer.", False),  # a credit
        ("Berakhir! Pelaku Residivis Kembali Ditangkap!", False),  # a headline
    ],
)
def test_a_sentence_full_of_names_is_prose_a_label_or_headline_is_not(line: str, prose: bool) -> None:
    text = f"Judul Berita Hari Ini\n\nHarga beras naik lima persen di pasar induk pada pekan ini.\n\n{line}\n"
    cleaned = clean(Document(source="a.txt", text=text))
    assert (line in [text[slice(*p)] for p in cleaned.paragraphs]) is prose


@pytest.mark.parametrize(
    "line",
    [
        # seeds/000's third numbered subheading: its "3." read as a sentence's end once, so a
        # line of eight words counted as holding a sentence and was kept (and split in two).
        "3. Rusia pamerkan rudal hipersonik pada Kim Jong Un",
        "1. Korut mungkin memasok peluru artileri kepada Rusia",
        "3.",  # a list number alone on its line
        "12)",
    ],
)
def test_a_numbered_subheading_or_a_bare_list_number_is_a_list_item(line: str) -> None:
    text = f"Judul Berita Hari Ini\n\nHarga beras naik lima persen di pasar induk pada pekan ini.\n\n{line}\n"
    cleaned = clean(Document(source="a.txt", text=text))
    assert [(d.rule, d.text) for d in cleaned.dropped][-1] == ("list-item", line)
    assert len(cleaned.paragraphs) == 1


def test_a_numbered_item_that_is_a_sentence_stays() -> None:
    line = "2. Pemerintah akan menaikkan harga BBM pada bulan depan karena subsidi membengkak."
    text = f"Judul Berita Hari Ini\n\nHarga beras naik lima persen di pasar induk pada pekan ini.\n\n{line}\n"
    cleaned = clean(Document(source="a.txt", text=text))
    assert line in [text[slice(*p)] for p in cleaned.paragraphs]
