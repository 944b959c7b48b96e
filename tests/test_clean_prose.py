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
