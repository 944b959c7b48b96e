"""The furniture rules: each drops its furniture and no news, and its shortcuts never
change its answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.clean import clean
from summarize.clean.furniture import _MAYBE_FURNITURE, RULES, furniture_rule, headline_after_label
from summarize.values import Document
from tests.test_clean import SEEDS
from tests.test_clean_lines import LOOKALIKE

# The rules' shortcuts (hints, line endings) must never change a rule's answer ------------

_PIECES = [
    "Leave a Reply", "leave a comment", "Your email address will not be published", "Required fields are marked",
    "Tinggalkan Balasan", "Alamat email Anda tidak akan", "ruas yang wajib", "wajib ditandai", "Tulis komentar",
    "Komentar", "Post a Comment", "©", "(c) 2023", "(C)2024", "Copyright", "All Rights Reserved", "hak cipta dilindungi",
    "Verified Writer", "Penulis :", "Editor:", "Oleh ", "Oleh: ", "Rina Ayu", " dan ", "Penulis ", "Community adalah media", "tanggung jawab dari penulis", "(Foto:",
    "(Dok.", "(dokumentasi.", "(Ilustrasi.", "(Sumber foto:", "(Photo.", "Pixabay", "Shutterstock", "Unsplash",
    "Getty Images", "Freepik", "Foto: ", "ANTARA FOTO", "/ AFP", "/Reuters)", "REUTERS", "Sputnik", "KCNA", "AP",
    "Xinhua", "Yonhap", "EPA", "ſ", "ı", "İ", "\u212a", "(", ")", "/", ":", " ", "  ", ".", "\u00a0", "\t",
    "Jakarta", "kata", "1", "Baca juga", "Topik:", "selanjutnya", "DailySocial.id", "Kompas.co.id", " adalah ",
    "merupakan", " portal", "situs", "media", "(gil)", "(sur)", "(rsa / rsa)", "(T.KR - NJI / M019)", "M019",
    "(KPK)", "Disclosure:", "Disclaimer :", "–Disclosure", "(Antara / Reuters)", "(AFP)", "1967. ", "orang. Warga ",
    "REUTERS/Kim Hong-Ji", "AFP PHOTO/", "Ed Jones", "BERITA LAIN", "Berita terkait", "Artikel lainnya", " - ", " – ",
]  # fmt: skip


@st.composite
def _disguised(draw: st.DrawFn) -> str:
    """A piece with some letters swapped for look-alikes or the other case."""
    chars = list(draw(st.sampled_from(_PIECES)))
    for k in draw(st.lists(st.integers(0, max(len(chars) - 1, 0)), max_size=3)):
        c = chars[k] if chars else ""
        chars[k : k + 1] = [draw(st.sampled_from([LOOKALIKE.get(c, c), c.swapcase()]))] if chars else []
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


# Credit rules match credits, not the news that names them -------------------------------


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


# News that an agency's credit ends is not a photo's caption ----------------------------

# Read in IndoSum (dev.02 and dev.03, Suara.com): each article's last paragraph was dropped
# whole as a `photo-caption`, its news with its credit.
PALESTINE = (
    "Warga Palestina menginginkan Tepi Barat untuk negara masa depan mereka, bersama dengan Yerusalem "
    "Timur dan Jalur Gaza. Sebagian besar negara di dunia menganggap ilegal permukiman Israel yang "
    "dibangun di wilayah yang dicaplok Israel dalam perang Timur Tengah 1967. (Antara / Reuters)"
)
MEXICO = (
    "Negara bagian tersebut dan juga Meksiko City, sebenarnya masih dalam tahap pemulihan usai dihantam "
    "gempa pada September 2017 lalu yang menewaskan 471 orang, serta kerusakan parah. (Antara / Reuters)"
)


@pytest.mark.parametrize(
    "prose",
    [
        PALESTINE,  # two sentences
        MEXICO,  # one sentence, longer than a caption
        '"Kami akan tetap di sini," kata seorang warga. "Ini tanah kami." (AFP/Reuters)',
        "Gencatan senjata itu berlaku mulai Senin. Kedua pihak sepakat menarik pasukan. (AFP / Reuters / Xinhua)",
    ],
)
def test_news_ending_with_an_agencys_credit_is_not_a_caption(prose: str) -> None:
    assert furniture_rule(prose) is None


@pytest.mark.parametrize(
    "caption",
    [
        "REUTERS/Kim Hong-Ji",
        "AFP PHOTO/Ed Jones",
        "Warga Palestina berunjuk rasa di Tepi Barat / AFP",
        "(ANTARA FOTO/Galih Pradipta)",
        "Warga memadati alun-alun. (ANTARA FOTO/Galih Pradipta)",
        "KCNA VIA KNS/AFP",
        # A short caption credited to agencies alone: one sentence, a caption's length.
        "Suasana pemakaman korban gempa di Oaxaca, Meksiko, Minggu (18/2). (AFP / Reuters)",
        "Presiden AS Donald J. Trump di Gedung Putih. (AFP / Reuters)",
        # A long caption whose credit names the photographer: the seeds' (001).
        "Presiden Rusia Vladimir Putin bertemu dengan pemimpin Korea Utara Kim Jong Un di kampus Universitas "
        "Federal Timur Jauh di pulau Russky di pelabuhan Vladivostok Rusia timur jauh pada 25 April 2019. "
        "Alexey NIKOLSKY / SPUTNIK / AFP",
    ],
)
def test_captions_credited_to_an_agency_are_still_dropped(caption: str) -> None:
    assert furniture_rule(caption) == "photo-caption"


def test_the_credit_ending_an_article_is_cut_and_its_news_kept() -> None:
    text = f"Helikopter Militer Meksiko Jatuh, 13 Orang Tewas\n\n{PALESTINE}\n\n{MEXICO}\n"
    cleaned = clean(Document(source="meksiko.txt", text=text))
    kept = [text[s:e] for s, e in cleaned.paragraphs]
    # The last paragraph signs off: its credit is cut, as "... Senin. (Antara)" is.
    assert kept[-1] == MEXICO.removesuffix(" (Antara / Reuters)")
    # Further up, a credit after a paragraph's last sentence is cut too: it is never a
    # sentence (editors' initials there are left as they are, `signoff`).
    assert kept[0] == PALESTINE.removesuffix(" (Antara / Reuters)")
    assert [(d.rule, d.text) for d in cleaned.dropped if d.rule != "title"] == [
        ("agency-credit", "(Antara / Reuters)")
    ] * 2


# Editors' initials and an outlet's disclosure ------------------------------------------


@pytest.mark.parametrize(
    "line", ["(sur)", "(oln/*/NW)", "( rsa / rsa )", "(Yendhi / win)", "(T.KR - NJI / M019)", "(Uu. G005)"]
)
def test_initials_alone_on_their_line_are_named_editor_initials(line: str) -> None:
    # Read as a user: `summarize clean` listed a lone "(sur)" as a "heading".
    assert furniture_rule(line) == "editor-initials"


@pytest.mark.parametrize(
    "line", ["(KPK)", "(Thailand)", "(INA MAS)", "(Kualifikasi PD)", "(tidak dimainkan)"]
)
def test_a_capitalised_name_in_brackets_is_not_initials(line: str) -> None:
    assert furniture_rule(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "–Disclosure: DailySocial merupakan media partner Creative Business Cup 2017 Indonesia.",
        "— Disclosure: DailySocial merupakan media partner Digital Marketing Skill Share 2017 Bali.",
        "Disclosure: Artikel ini adalah advertorial yang didukung oleh Blue Bird.",
        "Disclaimer: Artikel ini merupakan kerja sama redaksi dengan sponsor.",
        # A sponsored event's credit (detik.com, shown as a digest line before it was furniture).
        "Forum Ekonomi Kupang dipersembahkan oleh Pemprov NTT bersama Pos Kupang dan didukung oleh"
        " Bank NTT; PT PLN (Persero); dan Telkom Indonesia.",
        # An opinion column's disclaimer (detik.com, 2025), above the column or in its footnote.
        "Tulisan ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan Redaksi.",
        "*) Tulisan ini adalah pendapat pribadi penulis dan tidak mewakili redaksi.",
    ],
)
def test_an_outlets_disclosure_is_furniture(line: str) -> None:
    assert furniture_rule(line) == "disclosure"


def test_a_columns_footnote_on_its_writer_is_furniture_but_not_news_of_an_opinion() -> None:
    note = "*)Rina Ayu, pemerhati pendidikan dan isu kesehatan mental di sekolah; asesor BNSP RI."
    assert furniture_rule(note) == "author-note"
    for prose in (
        "Menurut dia, tulisan itu merupakan opini pribadi yang tidak perlu ditanggapi pemerintah.",
        "Ia menulis *) sebagai tanda catatan kaki pada laporan itu.",
    ):
        assert furniture_rule(prose) is None, prose


def test_news_of_what_an_event_offers_is_kept() -> None:
    for prose in (
        "Konser itu dipersembahkan oleh Pemprov NTT untuk warga korban banjir di Kupang.",
        "Program itu didukung oleh Bank NTT dan dipersembahkan untuk nelayan di Rote.",
    ):
        assert furniture_rule(prose) is None, prose


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # IndoSum dev.03's related link in the middle of an article, and its shapes.
        ("BERITA LAIN - Wayne Rooney, Legenda Inggris Tanggung", "read-also"),
        ("Berita terkait: Banjir Rendam Bekasi", "read-also"),
        ("Artikel lainnya – Harga Cabai Naik Lagi", "read-also"),
        # Prose that opens with the same words, and no label's mark, is news.
        ("Berita lain menyebutkan banjir merendam 300 rumah di Bekasi pada Senin.", None),
        ("Berita terkait penangkapan itu beredar luas di media sosial sejak Jumat.", None),
    ],
)
def test_a_labelled_link_to_another_article_is_read_also(line: str, rule: str | None) -> None:
    assert furniture_rule(line) == rule


def test_news_about_a_disclosure_is_kept() -> None:
    for prose in (
        "Pengungkapan memo tersebut menimbulkan gelombang keterkejutan di Washington.",
        "Perusahaan itu wajib menyampaikan disclosure: laporan keuangan tahunan kepada otoritas bursa.",
    ):
        assert furniture_rule(prose) is None, prose


@pytest.mark.parametrize(
    ("line", "following", "headline"),
    [
        ("Penulis Buku Laris", "... menulis buku-buku tentang kuliner ...", True),
        ("Penulis Buku Laris", "... bukunya masuk daftar terlaris ...", False),  # whole words only
        ("Penulis Rina Ayu", "... Rina Ayu menulis buku ...", False),
        ("Penulis Al Ghazali", "... kitab al-Ghazali ...", False),  # an initial or a piece: "al" is no word
        ("Penulis Rina Ayu Mundur", "... Rina Ayu mundur dari penerbit ...", True),
        ("Oleh Buku Laris", "... buku ...", False),  # "Oleh": a byline's by-word, not a label
        ("Penulis: Buku Laris", "... buku ...", False),  # a label's colon: `author-box`
    ],
)
def test_a_label_before_words_the_article_writes_in_lower_case_opens_a_headline(
    line: str, following: str, headline: bool
) -> None:
    assert headline_after_label(line, following) is headline


# What a news site sets between an article's paragraphs --------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # Read as a user on detik.com text: `summarize clean` named each of these a "heading".
        ("SCROLL TO CONTINUE WITH CONTENT", "ad-marker"),
        ("ADVERTISEMENT", "ad-marker"),
        ("Iklan", "ad-marker"),
        ("[Gambas:Instagram]", "embed"),
        ("[Gambas:Video 20detik]", "embed"),
        ("Saksikan Live DetikPagi :", "video-promo"),
        ("Simak Video 'Jembatan Baru Kupang Diresmikan':", "video-promo"),
        ('Tonton juga video "Banjir Rendam Bekasi" di sini:', "video-promo"),
        ("Lihat juga Video: Harga Cabai Naik Lagi", "video-promo"),
        ("Sampaikan komentar Anda melalui kolom live chat yang tersedia.", "comment-form"),
        # Prose that names these words is news.
        ("Iklan rokok dilarang tayang di televisi sebelum pukul 21.30 WIB.", None),
        ("Video itu menunjukkan banjir merendam 300 rumah di Bekasi.", None),
        ("Polisi masih menyelidiki video yang viral di media sosial sejak Senin.", None),
        ("Warga diminta menyampaikan komentar lewat kotak aduan di kantor kelurahan.", None),
    ],
)
def test_what_a_site_sets_between_paragraphs_is_named_furniture(line: str, rule: str | None) -> None:
    assert furniture_rule(line) == rule
