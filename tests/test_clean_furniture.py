"""The furniture rules: each drops its furniture and no news, and its shortcuts never
change its answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.clean import clean
from summarize.clean.furniture import _MAYBE_FURNITURE, RULES, furniture_rule
from summarize.values import Document
from tests.test_clean import SEEDS
from tests.test_clean_lines import LOOKALIKE

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
    "merupakan", " portal", "situs", "media", "(gil)", "(sur)", "(rsa / rsa)", "(T.KR - NJI / M019)", "M019",
    "(KPK)", "Disclosure:", "Disclaimer :", "–Disclosure",
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
    ],
)
def test_an_outlets_disclosure_is_furniture(line: str) -> None:
    assert furniture_rule(line) == "disclosure"


def test_news_about_a_disclosure_is_kept() -> None:
    for prose in (
        "Pengungkapan memo tersebut menimbulkan gelombang keterkejutan di Washington.",
        "Perusahaan itu wajib menyampaikan disclosure: laporan keuangan tahunan kepada otoritas bursa.",
    ):
        assert furniture_rule(prose) is None, prose
