"""Cleaning on each seed article: furniture goes, with its rule; the article stays.

The package's own walk: the title, every rule named on the seeds, an article about a
copyright case, the warning when most of the prose is lost, cut-off copies. The furniture
rules, datelines, prose and a line's words have their own files (test_clean_<module>.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import article_from_text, load_articles
from summarize.clean import clean, lost_prose
from summarize.clean.furniture import furniture_rule
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


# A short headline is the title as the text's first line, with its body under it ----------

LEAD = (
    "BANDUNG, JUARA.net - Pelatih Persib Bandung, Djadjang Nurdjaman, langsung menggenjot persiapan "
    "anak asuhnya untuk melakoni laga perdana Liga 1 kontra Arema FC."
)
BODY = "Menurut Djanur, banyak yang harus dibenahi setelah timnya kalah 1-2 dari Bali United."
HEADLINE = "KPK Tahan Tersangka Penyuap Bupati Rita Widyasari"


def test_a_short_headline_on_the_first_line_is_the_title() -> None:
    # Read as a user: "Djanur Genjot Persiapan Pasukannya" (four words) was dropped as a body
    # heading, and Sources and the brief showed the first sentence cut with "…" instead.
    text = f"Djanur Genjot Persiapan Pasukannya\n\n{LEAD}\n\n{BODY}\n"
    cleaned = clean(Document(source="djanur.txt", text=text))
    assert cleaned.title == "Djanur Genjot Persiapan Pasukannya"
    assert [d.rule for d in cleaned.dropped] == ["title", "dateline"]
    article = article_from_text(text)
    assert article.title == "Djanur Genjot Persiapan Pasukannya"
    assert article.sentences[0].text.startswith("Pelatih Persib Bandung")


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_short_headline_under_a_publication_stamp_is_the_title(gap: str) -> None:
    # Read as a user: a saved page dated as the README says, its stamp above the headline
    # ("Rabu, 9 Agustus 2017 12:50 WIB" then "Mozilla Firefox 55"), lost its short headline as
    # a heading: the stamp made it the second line. Furniture above the title does not count.
    stamp = "Rabu, 9 Agustus 2017 12:50 WIB"
    text = f"{stamp}{gap}Djanur Genjot Persiapan Pasukannya\n\n{LEAD}\n\n{BODY}\n"
    cleaned = clean(Document(source="djanur.txt", text=text))
    assert cleaned.title == "Djanur Genjot Persiapan Pasukannya"
    assert [(d.rule, d.text) for d in cleaned.dropped][:2] == [
        ("date-line", stamp),
        ("title", "Djanur Genjot Persiapan Pasukannya"),
    ]
    article = article_from_text(text)
    assert (article.title, article.published) == ("Djanur Genjot Persiapan Pasukannya", "2017-08-09")
    assert article.sentences[0].text.startswith("Pelatih Persib Bandung")


@pytest.mark.parametrize(
    "byline",
    [
        "Oleh Rina Ayu",
        "Oleh: Rina Ayu",
        "OLEH RINA AYU",
        "Oleh Rina Ayu dan Adi Nugroho",
        "Oleh Rina Ayu Putri Lestari",
        "Penulis Rina Ayu",
        "Reporter Rina Ayu Lestari",
        "Editor Adi",
    ],
)
def test_a_byline_on_the_first_line_is_never_the_title(byline: str) -> None:
    # "Oleh Rina Ayu" (by), a blank line and the body: the 2-4-word headline rule took the
    # byline for the title, and the digest would list the article under its writer's name.
    text = f"{byline}\n\n{LEAD}\n\n{BODY}\n"
    cleaned = clean(Document(source="oleh.txt", text=text))
    assert cleaned.title is None
    assert (cleaned.dropped[0].rule, cleaned.dropped[0].text) == ("byline", byline)
    # Above a short headline it is furniture, as a publication stamp is: the headline is the title.
    text = f"{byline}\nDjanur Genjot Persiapan Pasukannya\n\n{LEAD}\n\n{BODY}\n"
    cleaned = clean(Document(source="oleh.txt", text=text))
    assert cleaned.title == "Djanur Genjot Persiapan Pasukannya"
    assert [d.rule for d in cleaned.dropped][:2] == ["byline", "title"]


BYLINED = "Oleh Rina Ayu"
AUTHOR_BOX = "Penulis: Rina Ayu | Editor: Adi Nugroho"


@pytest.mark.parametrize(
    "between",
    [
        f"\n\n{BYLINED}\n\n",
        f"\n{BYLINED}\n\n",
        f"\n\n{BYLINED}\n",
        "\n\nPenulis Rina Ayu\n\n",
        f"\n\n{AUTHOR_BOX}\n\n",
        f"\n{BYLINED}\n{AUTHOR_BOX}\n\n",
    ],
)
def test_a_byline_under_a_short_headline_leaves_it_the_title(between: str) -> None:
    # Read as a user: "Banjir Rendam Bekasi", then "Oleh Rina Ayu", then the body lost its
    # headline as a heading: the byline stood where the body should, and the brief's title was
    # the first sentence cut with "…". Between the headline and the body, a byline or an
    # author box counts for nothing, as a publication stamp above the headline does.
    text = f"Banjir Rendam Bekasi{between}{LEAD}\n\n{BODY}\n"
    cleaned = clean(Document(source="bekasi.txt", text=text))
    assert cleaned.title == "Banjir Rendam Bekasi"
    writers = ["author-box" if ":" in line else "byline" for line in between.splitlines() if line]
    assert [d.rule for d in cleaned.dropped] == ["title", *writers, "dateline"]
    article = article_from_text(text)
    assert article.title == "Banjir Rendam Bekasi"
    assert article.sentences[0].text.startswith("Pelatih Persib Bandung")


@pytest.mark.parametrize("between", [f"\n\n{BYLINED}\n\n", f"\n\n{AUTHOR_BOX}\n\n"])
def test_a_byline_under_a_longer_headline_leaves_it_the_title(between: str) -> None:
    cleaned = clean(Document(source="kpk.txt", text=f"{HEADLINE}{between}{LEAD}\n\n{BODY}\n"))
    assert cleaned.title == HEADLINE
    assert [d.rule for d in cleaned.dropped][:2] == ["title", "byline" if "Oleh" in between else "author-box"]


@pytest.mark.parametrize(
    "text",
    [
        # Set apart by no blank line, as a headline is: a heading.
        f"Banjir Rendam Bekasi\n{BYLINED}\n{LEAD}\n\n{BODY}\n",
        # Not the body under the byline, but a block's header and its links.
        f"Banjir Rendam Bekasi\n\n{BYLINED}\n\nBerita Terkait\n\n{LEAD}\n",
        f"Banjir Rendam Bekasi\n\n{BYLINED}\n\nDjanur Genjot Persiapan Pasukannya\n\n{LEAD}\n",
        # A label, not a byline, under it.
        f"Banjir Rendam Bekasi\n\nSepak Bola\n\n{LEAD}\n",
    ],
)
def test_a_short_headline_over_a_byline_with_no_body_under_it_is_no_title(text: str) -> None:
    assert clean(Document(source="a.txt", text=text)).title is None


WRITER_LEAD = (
    "JAKARTA, KOMPAS.com - Rina Ayu, penulis buku laris tentang kuliner Nusantara, mengumumkan "
    "pengunduran dirinya dari penerbit yang membesarkan namanya."
)
EDITOR_LEAD = (
    "JAKARTA, KOMPAS.com - Adi Nugroho, editor senior harian itu, mundur setelah 20 tahun "
    "memimpin meja redaksi."
)


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        ("Penulis Buku Laris Mundur", WRITER_LEAD),
        ("Penulis Buku Laris", WRITER_LEAD),
        ("Editor Senior Mundur", EDITOR_LEAD),
        ("PENULIS BUKU LARIS", WRITER_LEAD),
    ],
)
def test_a_short_headline_that_opens_with_a_label_is_the_title(headline: str, lead: str) -> None:
    # Read as a user: "Penulis Buku Laris" (a bestselling writer) was dropped as a byline, the
    # label before a name of up to three words, and the brief had no title. A capitalised word
    # after the label is a name unless the article writes it in lower case ("penulis buku
    # laris ..."), as `rank.hooks.no_actor` reads a lead's first word.
    for stamp in ("", "Rabu, 9 Agustus 2017 12:50 WIB\n"):
        text = f"{stamp}{headline}\n\n{lead}\n\n{BODY}\n"
        cleaned = clean(Document(source="penulis.txt", text=text))
        assert cleaned.title == headline
        assert [d.rule for d in cleaned.dropped] == [*(["date-line"] if stamp else []), "title", "dateline"]
        assert article_from_text(text).title == headline


@pytest.mark.parametrize(
    ("byline", "lead"),
    [
        # Names the article never writes in lower case: a byline, as before.
        ("Penulis Rina Ayu", WRITER_LEAD),
        ("Editor Adi Nugroho", EDITOR_LEAD),
        ("Reporter Rina Ayu Lestari", LEAD),
        # The headline's words, but nowhere in lower case: nothing says they are not names.
        ("Penulis Buku Laris", LEAD),
    ],
)
def test_a_label_before_names_stays_a_byline(byline: str, lead: str) -> None:
    cleaned = clean(Document(source="oleh.txt", text=f"{byline}\n\n{lead}\n\n{BODY}\n"))
    assert cleaned.title is None
    assert (cleaned.dropped[0].rule, cleaned.dropped[0].text) == ("byline", byline)


@pytest.mark.parametrize(
    "line",
    [
        "Oleh karena itu, polisi menahan kedua tersangka di Polres Jakarta Selatan.",
        "Oleh sebab itu",
        "Oleh Karena Itu",
        "Reporter Muda Raih Penghargaan Pers",  # a headline: more than a label and a short name
        "Editor: Adi",  # a label's colon: `author-box`
    ],
)
def test_a_line_opening_with_by_that_is_no_byline(line: str) -> None:
    assert furniture_rule(line) != "byline"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A subheading in the body stays a heading.
        (f"{HEADLINE}\n\n{LEAD}\n\nPenahanan Rita Diperpanjang\n\n{BODY}\n", HEADLINE),
        # A label above a longer headline is a label.
        (f"Berita Nasional\n\n{HEADLINE}\n\n{LEAD}\n", HEADLINE),
        # No blank line under it: not set apart as a headline is.
        (f"Djanur Genjot Persiapan Pasukannya\n{LEAD}\n\n{BODY}\n", None),
        # A menu, a site's name, a date, a label, lower case, one word.
        (f"Home | Sepak Bola\n\n{LEAD}\n", None),
        (f"Kompas.com Sepak Bola\n\n{LEAD}\n", None),
        (f"Senin, 10 April\n\n{LEAD}\n", None),
        (f"Pelatih: Djadjang Nurdjaman\n\n{LEAD}\n", None),
        (f"djanur genjot persiapan pasukannya\n\n{LEAD}\n", None),
        (f"Sukses\n\n{LEAD}\n", None),
        # Round 41 (detik.com): acronyms count as capitalised words; one is no headline.
        (f"KPK OTT di Sultra\n\n{LEAD}\n", "KPK OTT di Sultra"),
        (f"KPK\n\n{LEAD}\n", None),
        # Under a stamp as well: a label, not furniture, above it; a block's header above it.
        (f"Rabu, 9 Agustus 2017\nSepak Bola\n\nDjanur Genjot Persiapan Pasukannya\n\n{LEAD}\n", None),
        (f"Berita Terkait\nDjanur Genjot Persiapan Pasukannya\n\n{LEAD}\n", None),
        (f"Rabu, 9 Agustus 2017\nDjanur Genjot Persiapan Pasukannya\n{LEAD}\n\n{BODY}\n", None),
    ],
)
def test_a_short_line_is_the_title_nowhere_else(text: str, title: str | None) -> None:
    assert clean(Document(source="a.txt", text=text)).title == title


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


def test_numbered_subheadings_are_list_items_alike() -> None:
    # Read as a user: seeds/000 dropped "1. Korut ..." and "2. Pasukan ..." as list items but
    # kept "3. Rusia pamerkan rudal hipersonik pada Kim Jong Un" as two sentences, "3." and the rest.
    _, kept, dropped = _kept(next(p for p in SEEDS if p.name.startswith("000")))
    assert [text[:3] for rule, text in dropped if rule == "list-item"] == ["1. ", "2. ", "3. "]
    assert not any(k.startswith("3.") for k in kept)


# An article about a copyright case: its credits go, its news stays ---------------------

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
    "link",
    [
        "Baca juga: Rooney Pensiun dari Timnas Inggris",
        # IndoSum dev.05's (1504375800-wayne-rooney-ditangkap-polisi), run into a paragraph's end.
        "BERITA LAIN - Wayne Rooney, Legenda Inggris Tanggung",
    ],
)
def test_a_link_run_into_a_paragraphs_end_is_cut_and_the_paragraph_kept(link: str) -> None:
    quote = '"Dia ditangkap sesaat setelah pukul dua pagi," konfirmasi pihak berwajib.'
    text = f"Rooney Ditangkap\n\n{quote} {link}\n\nRooney dilepas dengan jaminan pada Jumat.\n"
    article = article_from_text(text, source="a.txt")
    assert [s.text for s in article.sentences] == [quote, "Rooney dilepas dengan jaminan pada Jumat."]


def test_berita_lain_inside_prose_is_kept() -> None:
    text = "Banjir Bekasi\n\nWarga mengungsi sejak Senin. Berita lain menyebutkan 300 rumah terendam.\n"
    article = article_from_text(text, source="a.txt")
    assert article.sentences[-1].text == "Berita lain menyebutkan 300 rumah terendam."


@pytest.mark.parametrize(
    "headline",
    [
        # detik.com headlines, read as a user: the brief, the digest's sources and the HTML page
        # titled the first as "Lengkap!", and its rest became the article's first sentence.
        "Lengkap! Isi Pidato Gubernur soal Rp 13 T Hasil Sitaan Kasus Sawit",
        "Kenapa Uang Rupiah Nggak Boleh Dilipat? Ini Penjelasan Resminya",
        "Heboh! warga temukan buaya di sungai Ciliwung",
    ],
)
def test_a_headline_that_opens_with_an_exclamation_or_a_question_is_the_title(headline: str) -> None:
    cleaned = clean(Document(source="a.txt", text=f"{headline}\n\n{LEAD}\n\n{BODY}\n"))
    assert cleaned.title == headline


def test_a_first_line_of_two_sentences_is_still_the_body() -> None:
    text = f"Warga Panik! Buaya Muncul di Sungai Ciliwung. Polisi Berjaga di Tepinya\n\n{LEAD}\n"
    assert clean(Document(source="a.txt", text=text)).title is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Sumber berita Neowin.", "author-box"),
        ("Sumber berita PhoneArena dan gambar header 9to5Google.", "author-box"),
        ("Sumber berita Geekbench via PhoneArena, gambar header ilustrasi iPhone X.", "author-box"),
        ("Sumber gambar Pixabay.", "author-box"),
        ("Sumber berita itu menyebutkan Presiden akan datang.", None),  # prose about a source
        ("Sumber berita di Istana menyebutkan rapat ditunda.", None),
    ],
)
def test_a_source_credit_without_a_colon_is_furniture(line: str, rule: str | None) -> None:
    # 48 IndoSum tech articles end "Sumber berita X."; two that ended "Sumber berita Oppo." made
    # a digest line citing both.
    from summarize.clean.furniture import furniture_rule

    assert furniture_rule(line) == rule
