"""Sign-offs: the editors' initials or an agency's credit ending an article are cut from its
last paragraph; a bracket that says something stays."""

from __future__ import annotations

import pytest

from summarize import article_from_text
from summarize.clean import clean
from summarize.clean.signoff import sign_off
from summarize.values import Document


@pytest.mark.parametrize(
    ("paragraph", "cut", "rule"),
    [
        # Read as a user (IndoSum dev.03, saved as text): `brief -n 30` and `cite` showed these.
        (
            "KPK sudah melakukan penyitaan terhadap sejumlah aset Rita, mulai dari mobil hingga apartemen. (gil)",
            "(gil)",
            "editor-initials",
        ),
        ("Dia juga belum memberikan komentar soal keluhan warga. (stu)", "(stu)", "editor-initials"),
        (
            "“Mencoba yang terbaik. Kita lihat saja nanti,” katanya. (john /bu)",
            "(john /bu)",
            "editor-initials",
        ),
        (
            "Hingga pukul 20:00 WIB, tak tercatat ada gempa susulan. (rah / rah)",
            "(rah / rah)",
            "editor-initials",
        ),
        ('"Kami harap bisa konsisten," tukasnya. (Yendhi / win)', "(Yendhi / win)", "editor-initials"),
        ("Kedua tim bermain imbang 1-1.(b)", "(b)", "editor-initials"),
        ("Sidang ditunda hingga pekan depan. (T.KR - NJI / M019)", "(T.KR - NJI / M019)", "editor-initials"),
        ("Pemeriksaan berlangsung hingga sore. (Uu. G005)", "(Uu. G005)", "editor-initials"),
        # With no sentence end before them, initials need their "/".
        ('"Karena agendanya pemanggilan," kata dia (wis / djm)', "(wis / djm)", "editor-initials"),
        # Merdeka.com's initials in square brackets (128 IndoSum articles; read as a user, round 42:
        # a brief's last line ended '... suhu tubuh." [feb]').
        ('Parasetamol juga mengendalikan naiknya suhu tubuh." [feb]', "[feb]", "editor-initials"),
        ("Rajin konsumsi mulai dari sekarang, ya. [tsr / ded]", "[tsr / ded]", "editor-initials"),
        ("Korban dibawa ke rumah sakit terdekat. (Antara)", "(Antara)", "agency-credit"),
        ("Gencatan senjata berlaku mulai Senin. (AFP / Reuters)", "(AFP / Reuters)", "agency-credit"),
    ],
)
def test_a_sign_off_is_found_at_the_end(paragraph: str, cut: str, rule: str) -> None:
    found = sign_off(paragraph)
    assert found is not None
    at, name = found
    assert (paragraph[at:], name) == (cut, rule)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Persib akan menghadapi Arema FC pada laga perdana Liga 1, Sabtu (15/4/2017).",
        "Persib akan menghadapi Arema FC pada laga perdana Liga 1, Sabtu (15/4/2017)",
        "Kasus itu ditangani Komisi Pemberantasan Korupsi (KPK)",
        "Ia menulis kata itu apa adanya [sic]",  # no sentence end before it
        "Ia tiba di Jakarta. [Foto: Antara]",  # square brackets hold only initials
        "Kasus itu ditangani Komisi Pemberantasan Korupsi. (KPK)",
        "Pemain putri difabel terbaik: Amnouy Wetwithan (Thailand)",
        "Ganda putra: Hendra Setiawan / Tan Boon Heong (INA / MAS)",
        "WD: Chang Ye-na / Lee So-hee vs Kititharakul / Taerattanachai (tidak dimainkan)",
        "Harga tiket masuk Rp 50 ribu (net)",  # an unfinished line's lone lower-case word
        "Dia bekerja di Lembaga Kantor Berita Nasional (ANTARA)",  # names the agency
        "Hasil Liga Spanyol, Sabtu (22/4/2017)",
        "Kompas(gil)",
        "(gil)",  # alone on its line: that is furniture's rule
    ],
)
def test_a_bracket_that_says_something_stays(paragraph: str) -> None:
    assert sign_off(paragraph) is None


TEXT = """\
KPK Tahan Tersangka Penyuap Bupati Rita Widyasari

Komisi Pemberantasan Korupsi menahan Direktur Utama PT Sawit Golden Prima usai diperiksa. (gil)

Sementara, Rita diduga menerima uang sekitar Rp 6,97 miliar. KPK sudah menyita sejumlah aset Rita, mulai dari mobil hingga apartemen. (gil)

–Disclosure: DailySocial merupakan media partner Creative Business Cup 2017 Indonesia.
"""


def test_initials_are_cut_from_the_articles_last_paragraph_only() -> None:
    cleaned = clean(Document(source="rita.txt", text=TEXT))
    kept = [TEXT[s:e] for s, e in cleaned.paragraphs]
    assert kept[-1].endswith("mulai dari mobil hingga apartemen.")
    assert kept[0].endswith("usai diperiksa. (gil)")  # not the article's end: left as it is
    assert [(d.rule, d.text) for d in cleaned.dropped if d.rule != "title"] == [
        ("editor-initials", "(gil)"),
        (
            "disclosure",
            "–Disclosure: DailySocial merupakan media partner Creative Business Cup 2017 Indonesia.",
        ),
    ]
    for d in cleaned.dropped:
        assert TEXT[d.start : d.end] == d.text  # offsets point into the text


def test_the_last_sentence_reads_without_its_initials() -> None:
    article = article_from_text(TEXT)
    last = article.sentences[-1]
    assert last.text == "KPK sudah menyita sejumlah aset Rita, mulai dari mobil hingga apartemen."
    assert TEXT[last.start : last.end] == last.text


AGENCY_TEXT = """Proses Pembebasan Lahan Tol Kunciran - Bandara Soeta

Kepala BPJT menegaskan pekerjaan baru dapat dimulai apabila lahan di seksi IV sudah tersedia.

"Kami berharap Pemkot Tangerang dan BPN dapat mendukung percepatan pembebasan," ujar Herry. (Antara)

(Reuters)

Petugas juga memeriksa dokumen kendaraan yang melintas. (gil)

Jalan tol ini nantinya merupakan jalur alternatif menuju bandara Soekarno Hatta. (Antara)
"""


def test_an_agencys_credit_is_never_a_sentence_wherever_it_stands() -> None:
    """Read as a user (IndoSum dev.03, 1489269645-proses-pembebasan-lahan-tol-kunciran-bandara-
    soeta): "(Antara)" after a paragraph in the middle of the article was a sentence of its
    own. A credit after a paragraph's last sentence is cut there, and one alone on its line is
    dropped (`agency-credit`); initials mid-article stay."""
    cleaned = clean(Document(source="tol.txt", text=AGENCY_TEXT))
    kept = [AGENCY_TEXT[s:e] for s, e in cleaned.paragraphs]
    assert kept[1].endswith("ujar Herry.")
    assert kept[-2].endswith("yang melintas. (gil)")  # not the article's end: left as it is
    assert kept[-1].endswith("Soekarno Hatta.")
    credits = [("agency-credit", "(Antara)"), ("agency-credit", "(Reuters)"), ("agency-credit", "(Antara)")]
    assert [(d.rule, d.text) for d in cleaned.dropped if d.rule != "title"] == credits
    for d in cleaned.dropped:
        assert AGENCY_TEXT[d.start : d.end] == d.text
    article = article_from_text(AGENCY_TEXT)
    assert not any(s.text.strip("() ") in {"Antara", "Reuters"} for s in article.sentences)
