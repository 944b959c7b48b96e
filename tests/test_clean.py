"""Cleaning rules on each seed article: furniture goes, with its rule; the article stays."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import load_articles
from summarize.clean import clean, lost_prose
from summarize.clean.datelines import _spaced_name, dateline_length
from summarize.clean.furniture import _MAYBE_FURNITURE, RULES, furniture_rule
from summarize.values import Document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# Text that must never survive cleaning on the seeds (page furniture).
FURNITURE = [
    "Baca Juga",
    "Baca juga",
    "Pixabay",
    "(Foto:",
    "/AFP",
    "Verified Writer",
    "Topik:",
    "Berita Terkini",
    "Rekomendasi untuk Anda",
    "Leave a Reply",
    "Tinggalkan Balasan",
    "Alamat email Anda",
    "All Right Reserved",
    "dari 4 halaman",
    "More From Author",
    "Aksi Congkel Jok Motor",
    "(oln/*/NW)",
    "IDN Times Community",
    "Video Terkini",
]


def _kept(path: Path) -> tuple[str, list[str], list[tuple[str, str]]]:
    text = path.read_text(encoding="utf-8")
    cleaned = clean(Document(source=str(path), text=text))
    kept = [text[s:e] for s, e in cleaned.paragraphs]
    return cleaned.title or "", kept, [(d.rule, d.text) for d in cleaned.dropped]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_furniture_is_kept(path: Path) -> None:
    _, kept, _ = _kept(path)
    body = "\n".join(kept)
    for marker in FURNITURE:
        assert marker not in body, marker
    assert len(kept) >= 10  # the article itself survives


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("000", "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina"),
        (
            "001",
            "Pertemuan Rusia-Korea Utara di Mata Jenderal AS: Raungan Minta Tolong Vladimir Putin ke Kim Jong Un",
        ),
        ("003", "Kepala Intelijen Ukraina: Korea Utara Mungkin Sekutu Rusia Paling Berbahaya"),
        (
            "004",
            "AS: Korea Utara Kirim 1.000 Kontainer Peralatan Militer dan Amunisi untuk Dukung Rusia dalam Perang Ukraina",
        ),
    ],
)
def test_title_is_the_headline_not_a_label(name: str, title: str) -> None:
    path = next(p for p in SEEDS if p.name.startswith(name))
    assert _kept(path)[0] == title


def test_every_rule_is_named_and_datelines_are_cut_not_dropped() -> None:
    rules: dict[str, list[str]] = {}
    for path in SEEDS:
        for rule, text in _kept(path)[2]:
            rules.setdefault(rule, []).append(text)
    for rule in (
        "read-also",
        "photo-caption",
        "author-box",
        "topic-tags",
        "related-block",
        "comment-form",
        "copyright",
        "page-marker",
        "editor-initials",
        "repeated-title",
        "dateline",
        "title",
    ):
        assert rule in rules, rule
    assert "Jakarta, IDN Times -" in rules["dateline"]
    assert "TRIBUNNEWS.COM -" in rules["dateline"]
    assert "Liputan6.com, Washington -" in rules["dateline"]
    # The sentence after the dateline is kept, starting with its first real word.
    _, kept, _ = _kept(next(p for p in SEEDS if p.name.startswith("000")))
    assert kept[0].startswith("Mark Milley, ketua Kepala Staf Gabungan")


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("Jakarta, IDN Times - Mark Milley berkata.", "Jakarta, IDN Times - "),
        ("JAKARTA, KOMPAS.com - Presiden berkata.", "JAKARTA, KOMPAS.com - "),
        ("Jakarta (ANTARA) - Presiden berkata.", "Jakarta (ANTARA) - "),
        # IndoSum's tokenised text writes "--" as "- -" (and "––" as "– –").
        ("Jakarta, CNN Indonesia - - Kompetisi ini berlangsung.", "Jakarta, CNN Indonesia - - "),
        ("Jakarta, CNN Indonesia – – Kompetisi ini berlangsung.", "Jakarta, CNN Indonesia – – "),
        ("Jakarta, CNN Indonesia -- Kompetisi ini berlangsung.", "Jakarta, CNN Indonesia -- "),
        # An all-caps place has a place's length; IndoSum's "GO-JEK" or "H-2" is no dateline.
        ("JAKARTA - KPK menetapkan tersangka baru.", "JAKARTA - "),
        ("KOREA SELATAN – Setelah resmi menyatakan mundur.", "KOREA SELATAN – "),
        ("GO - JEK perlahan tapi pasti menambah fungsionalitas GO - PAY.", ""),
        ("H - 2 lebaran, Stasiun Pasar Senen ramai.", ""),
        ("Jakarta - - - Presiden berkata.", ""),
        # Unspaced after the dash only behind an outlet in brackets, or a place in capitals
        # spaced from its dash: "Jakarta–Bandung" is a route.
        ("JAKARTA (Pos Kota) –Komisi Pemberantasan Korupsi yakin.", "JAKARTA (Pos Kota) –"),
        ("Jakarta–Bandung menjadi jalur tersibuk saat mudik.", ""),
        ("JAKARTA –Pemilu 2019 bisa menjadi akhir dari separoh partai.", "JAKARTA –"),
        ("JAKARTA -Wakil Presiden Jusuf Kalla berkata.", "JAKARTA -"),
        ("JAKARTA–KPK menetapkan tersangka baru.", ""),
        ("Jakarta -Bandung menjadi jalur tersibuk saat mudik.", ""),
        # A title-case place or outlet alone is a dateline; IndoSum's spaced names are not.
        ("Jakarta - Presiden Joko Widodo berkata.", "Jakarta - "),
        ("Rimanews - Calon Gubernur DKI Jakarta berkata.", "Rimanews - "),
        ("Liputan6.com, Washington - Presiden berkata.", "Liputan6.com, Washington - "),
        ("TRIBUNNEWS.COM - Presiden berkata.", "TRIBUNNEWS.COM - "),
        ("Paris Saint - Germain kembali ke jalur kemenangan.", ""),
        ("Bandara Soekarno - Hatta melaksanakan Posko Angkutan Lebaran.", ""),
        ("Timnas U - 22 membuka peluang lolos ke putaran final.", ""),
        ("CEO Go - Jek Nadiem Makariem mengatakan layanan baru.", ""),
        ("Sederhananya, T - HR3 memiliki kemampuan mengikuti gerakan.", ""),
        ("Kepada DailySocial, Co - Founder Visio Incubator berkata.", ""),
        ("Mercedes - Benz meluncurkan E - Class, dan Mercedes - Benz berkata.", ""),
        ("Presiden Jokowi - yang baru tiba - berkata.", ""),
        ("Menurut AS, Korut mungkin bisa meningkatkan pasokan.", ""),
    ],
)
def test_dateline_length(line: str, cut: str) -> None:
    assert line[: dateline_length(line)] == cut


def test_a_spaced_name_that_recurs_in_the_article_is_no_dateline() -> None:
    line = "Kevin - Prince Boateng sudah menjalani tes medis."
    assert dateline_length(line) == len("Kevin - ")  # alone, it reads as a place
    assert dateline_length(line, "\n\nKevin - Prince bergabung pada Senin.") == 0
    # A place's pair never recurs: "Jakarta - Presiden" stays a dateline beside other text.
    assert dateline_length("Jakarta - Presiden berkata.", "\n\nPresiden Jakarta berkata.") == len(
        "Jakarta - "
    )
    cleaned = clean(
        Document(source="a", text="Mercedes - Benz meluncurkan mobil.\n\nMercedes - Benz E - Class.\n")
    )
    assert not [d for d in cleaned.dropped if d.rule == "dateline"]


# The rules' shortcuts (hints, line endings) must never change a rule's answer ------------

_PIECES = [
    "Leave a Reply", "leave a comment", "Your email address will not be published", "Required fields are marked",
    "Tinggalkan Balasan", "Alamat email Anda tidak akan", "ruas yang wajib", "wajib ditandai", "Tulis komentar",
    "Komentar", "Post a Comment", "©", "(c) 2023", "(C)2024", "Copyright", "All Rights Reserved", "hak cipta dilindungi",
    "Verified Writer", "Penulis :", "Editor:", "Community adalah media", "tanggung jawab dari penulis", "(Foto:",
    "(Dok.", "(dokumentasi.", "(Ilustrasi.", "(Sumber foto:", "(Photo.", "Pixabay", "Shutterstock", "Unsplash",
    "Getty Images", "Freepik", "Foto: ", "ANTARA FOTO", "/ AFP", "/Reuters)", "REUTERS", "Sputnik", "KCNA", "AP",
    "Xinhua", "Yonhap", "EPA", "ſ", "ı", "İ", "\u212a", "(", ")", "/", ":", " ", "  ", ".", "\u00a0", "\t",
    "Jakarta", "kata", "1", "Baca juga", "Topik:", "selanjutnya", "DailySocial.id", "Kompas.co.id", " adalah ",
    "merupakan", " portal", "situs", "media",
]  # fmt: skip


# Letters case-insensitive matching takes for ASCII ones ("ſ" for "s"), and case changes.
_LOOKALIKE = {"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "K": "\u212a"}


@st.composite
def _disguised(draw: st.DrawFn) -> str:
    """A piece with some letters swapped for look-alikes or the other case."""
    chars = list(draw(st.sampled_from(_PIECES)))
    for k in draw(st.lists(st.integers(0, max(len(chars) - 1, 0)), max_size=3)):
        c = chars[k] if chars else ""
        chars[k : k + 1] = [draw(st.sampled_from([_LOOKALIKE.get(c, c), c.swapcase()]))] if chars else []
    return "".join(chars)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | _disguised() | st.text(max_size=4), max_size=8).map("".join))
def test_rule_shortcuts_never_change_an_answer(line: str) -> None:
    for name, rule in RULES:
        assert rule(line) == rule.exact(line), (name, line)
    assert furniture_rule(line) == _exact_rule(line)


def _exact_rule(line: str) -> str | None:
    return next((name for name, rule in RULES if rule.exact(line)), None)


def test_the_joint_prefilter_lets_prose_through_at_once() -> None:
    assert not _MAYBE_FURNITURE("Banjir melanda Jakarta sejak Senin pagi, kata warga setempat.")
    assert _MAYBE_FURNITURE("Baca juga: Banjir di Jakarta")  # anchored
    assert _MAYBE_FURNITURE("Copyright 2023 Kompas")  # a hint
    assert _MAYBE_FURNITURE("Warga mengungsi. (REUTERS)")  # a credit ending the line


def test_rule_shortcuts_agree_on_real_lines() -> None:
    lines = [
        line
        for path in [*SEEDS, *sorted((Path(__file__).resolve().parent / "data").glob("*.txt"))]
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += [piece.upper() for piece in _PIECES] + [f"x {piece} y" for piece in _PIECES]
    matched = set()
    for line in lines:
        assert furniture_rule(line) == _exact_rule(line), line
    for name, rule in RULES:
        for line in lines:
            assert rule(line) == rule.exact(line), (name, line)
            if rule(line):
                matched.add(name)
    assert {"comment-form", "copyright", "author-box", "photo-caption"} <= matched  # the shortcuts were tried


@st.composite
def _look_alike(draw: st.DrawFn, word: str) -> str:
    """`word` with some letters swapped for look-alikes (`_LOOKALIKE`) or the other case."""
    return "".join(
        draw(st.sampled_from([c, c.swapcase(), _LOOKALIKE.get(c, c)])) if draw(st.booleans()) else c
        for c in word
    )


_LASTS = ["Mercedes", "Kevin", "Jakarta", "Bo-s", "Kİm", "Zürich"]
_FIRSTS = ["Benz", "Prince", "Presiden", "ſoko", "\u212aota", "Ölçü"]


@st.composite
def _after_a_dateline(draw: st.DrawFn) -> tuple[str, str, str]:
    """A pair (last word before the dash, first after it) and an article text that may name
    them again, disguised, with or without the dash between them."""
    last, first = draw(st.sampled_from(_LASTS)), draw(st.sampled_from(_FIRSTS))
    noise = st.text(max_size=3) | st.sampled_from(["ſ", "ı", "İ", "\u212a", " "])
    said = [
        draw(noise),
        draw(_look_alike(last)) if draw(st.booleans()) else draw(noise),
        draw(st.sampled_from([" - ", "–", "-", " ", ""])),
        draw(_look_alike(first)) if draw(st.booleans()) else draw(noise),
        draw(noise),
    ]
    return last, first, "".join(said)


@settings(max_examples=500, deadline=None)
@given(_after_a_dateline())
def test_a_spaced_names_pair_is_found_as_the_plain_pattern_finds_it(case: tuple[str, str, str]) -> None:
    # The words are looked for before the pattern is compiled: that never changes the answer.
    last, first, text = case
    pair = re.compile(rf"\b{re.escape(last)}\s*[-–—]\s*{re.escape(first)}\b", re.IGNORECASE)
    assert _spaced_name(f"Kota {last}", first, text) == bool(pair.search(text)), case


# Credit rules match credits, not the news that names them -------------------------------

GETTY_CASE = """\
Getty Images Divonis Bayar Rp 2 Miliar atas Pelanggaran Copyright Foto Jurnalis

JAKARTA, KOMPAS.com - Pengadilan Niaga Jakarta Pusat memutuskan Getty Images melanggar copyright seorang fotografer lepas asal Bandung dan wajib membayar ganti rugi Rp 2 miliar.

Gedung kantor Getty Images di Seattle, Amerika Serikat. (Foto: Getty Images/Stephen Brashear)

Majelis hakim menyatakan Getty Images menjual lisensi 43 foto karya penggugat tanpa izin selama lima tahun.

Kuasa hukum penggugat mengatakan sebagian foto itu juga dijual lewat Shutterstock tanpa mencantumkan nama fotografernya.

"Putusan ini menegaskan bahwa copyright fotografer harus dihormati oleh agensi sebesar apa pun," kata kuasa hukum penggugat, Rudi Hartono, Senin (4/3/2024).

Ilustrasi palu hakim di ruang sidang. (Shutterstock)

Pihak Getty Images menyatakan akan mengajukan kasasi ke Mahkamah Agung atas putusan tersebut.

Sumber: Antara

Penulis: Rina Ayu | Editor: Adi Nugroho

Copyright © 2024 Kompas.com. All rights reserved.
"""


def test_an_article_about_a_copyright_case_keeps_its_news_and_drops_its_credits() -> None:
    cleaned = clean(Document(source="getty.txt", text=GETTY_CASE))
    kept = [GETTY_CASE[s:e] for s, e in cleaned.paragraphs]
    assert cleaned.title == "Getty Images Divonis Bayar Rp 2 Miliar atas Pelanggaran Copyright Foto Jurnalis"
    assert len(kept) == 5
    assert kept[0].startswith("Pengadilan Niaga") and "Rp 2 miliar" in kept[0]
    assert any("Shutterstock tanpa" in k for k in kept) and kept[-1].startswith("Pihak Getty Images")
    assert [(d.rule, d.text) for d in cleaned.dropped if d.rule not in ("title", "dateline")] == [
        (
            "photo-caption",
            "Gedung kantor Getty Images di Seattle, Amerika Serikat. (Foto: Getty Images/Stephen Brashear)",
        ),
        ("photo-caption", "Ilustrasi palu hakim di ruang sidang. (Shutterstock)"),
        ("author-box", "Sumber: Antara"),
        ("author-box", "Penulis: Rina Ayu | Editor: Adi Nugroho"),
        ("copyright", "Copyright © 2024 Kompas.com. All rights reserved."),
    ]
    assert lost_prose(cleaned, GETTY_CASE) is None


def test_an_outlets_line_about_itself_is_dropped_and_news_about_an_outlet_kept() -> None:
    footer = (
        "DailySocial.id adalah portal berita startup dan inovasi teknologi. Kamu bisa menjadi member "
        "komunitas startup dan inovasi DailySocial.id, mengunduh laporan riset dan statistik seputar "
        "teknologi secara cuma-cuma, dan mengikuti berita startup Indonesia dan gadget terbaru."
    )
    text = (
        "Pico Luncurkan Headset VR Baru\n\nPico meluncurkan headset VR Goblin di Beijing pada Senin.\n\n"
        f"Headset itu dijual seharga 270 dolar AS.\n\nSumber: Pico.\n\n{footer}\n"
    )
    cleaned = clean(Document(source="pico.txt", text=text))
    assert [(d.rule, d.text) for d in cleaned.dropped if d.rule == "site-promo"] == [("site-promo", footer)]
    assert [text[s:e] for s, e in cleaned.paragraphs][-1] == "Headset itu dijual seharga 270 dolar AS."
    for prose in (
        "Menurut survei itu, Detik.com adalah portal berita yang paling banyak dibaca, disusul Kompas.com dan "
        "Tribunnews.com, dengan selisih yang tipis di antara ketiganya pada bulan lalu, kata peneliti dari "
        "lembaga itu kepada wartawan di Jakarta, Senin, seraya menambahkan bahwa survei berikutnya akan "
        "digelar tahun depan.",
        "Situs ini adalah portal berita.",
        "Kominfo memblokir situs judi.com yang merupakan situs ilegal.",
    ):
        assert furniture_rule(prose) is None, prose


@pytest.mark.parametrize(
    "credit",
    [
        "Getty Images/Chip Somodevilla",
        "Warga memadati alun-alun. (ANTARA FOTO/Galih Pradipta)",
        "Presiden di Istana Merdeka (Getty Images)",
        "© 2023 Kompas.com",
        "Copyright Kompas.com",
        "Sumber: Reuters, AFP",
    ],
)
def test_credit_lines_are_still_dropped(credit: str) -> None:
    assert furniture_rule(credit) in ("photo-caption", "copyright", "author-box")


@pytest.mark.parametrize(
    "prose",
    [
        "Hakim memerintahkan ganti rugi dibayarkan kepada Getty Images.",
        "Copyright Foto Jadi Sengketa, Getty Images Kalah di Pengadilan Niaga Jakarta",
        "Sumber: seorang pejabat pengadilan yang enggan disebut namanya mengatakan Getty Images akan "
        "mengajukan kasasi ke Mahkamah Agung pekan depan.",
    ],
)
def test_lines_that_name_an_agency_or_copyright_are_kept(prose: str) -> None:
    assert furniture_rule(prose) is None


def test_an_article_that_loses_most_of_its_prose_is_named_in_a_warning(tmp_path: Path) -> None:
    # A photo story whose every paragraph opens with its label: each is taken for a caption.
    story = (
        "Banjir Bandang Terjang Garut\n\n"
        + "\n\n".join(
            f"Foto: {line}"
            for line in (
                "Warga menyelamatkan barang dari rumah yang terendam lumpur di Kecamatan Tarogong Kidul.",
                "Petugas gabungan mencari korban yang hilang terseret arus Sungai Cimanuk sejak Selasa malam.",
                "Ratusan pengungsi bertahan di masjid dan sekolah yang dijadikan posko darurat oleh pemerintah.",
            )
        )
        + "\n\nBanjir bandang melanda Garut setelah hujan deras mengguyur kawasan hulu sungai semalaman.\n"
    )
    path = tmp_path / "garut.txt"
    path.write_text(story, encoding="utf-8")
    loaded = load_articles([path])
    (warning,) = [w for w in loaded.warnings if "prose" in w]
    assert str(path) in warning and "photo-caption" in warning and "summarize clean" in warning
    assert len(loaded.articles[0].sentences) == 1  # the rule still applies: the warning says so
    assert not [w for w in load_articles([_write_getty(tmp_path)]).warnings if "prose" in w]


def _write_getty(folder: Path) -> Path:
    path = folder / "getty.txt"
    path.write_text(GETTY_CASE, encoding="utf-8")
    return path


FULL = (
    "Pelatih asal Belanda Frank de Boer dipecat sebagai manajer Crystal Palace pada Senin setelah "
    "hanya menangani empat pertandingan Liga Inggris."
)


@pytest.mark.parametrize("ellipsis", ["…", "...", " …"])
def test_a_cut_off_copy_of_the_next_paragraph_is_dropped(ellipsis: str) -> None:
    teaser = "Pelatih asal Belanda Frank de Boer dipecat sebagai manajer Crystal Palace pada" + ellipsis
    text = f"{teaser}\n\n{FULL}\n\nDe Boer menggantikan Sam Allardyce.\n"
    cleaned = clean(Document(source="a.txt", text=text))
    assert [d.rule for d in cleaned.dropped] == ["truncated-copy"]
    assert text[slice(*cleaned.paragraphs[0])] == FULL


def test_a_line_ending_in_an_ellipsis_is_kept_unless_it_cuts_off_the_next() -> None:
    other = "Pelatih asal Belanda itu lalu berkata bahwa dia menyesal..."  # not the next one's start
    short = "Pelatih asal…"  # the next one's start, too short to be told from any sentence's
    text = f"Judul berita\n\n{FULL}\n\n{other}\n\n{FULL}\n\n{short}\n\n{FULL}\n"
    cleaned = clean(Document(source="a.txt", text=text))
    assert not any(d.rule == "truncated-copy" for d in cleaned.dropped)
    assert other in [text[slice(*p)] for p in cleaned.paragraphs]


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
