"""Datelines: cut where a place or an outlet opens the paragraph, never a spaced name."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.clean import clean
from summarize.clean.datelines import _spaced_name, dateline_length
from summarize.values import Document
from tests.test_clean_lines import LOOKALIKE


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
        # An outlet whose domain starts in lower case (2 IndoSum articles, "blokTuban.com -").
        ("blokTuban.com - Kalau sebutan Ndeso identik norak.", "blokTuban.com - "),
        ("tirto.id, Jakarta - Presiden berkata.", "tirto.id, Jakarta - "),
        ("kumparan.com melaporkan - Presiden berkata.", ""),
        ("e - KTP warga Bogor belum dicetak.", ""),
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


@st.composite
def _look_alike(draw: st.DrawFn, word: str) -> str:
    """`word` with some letters swapped for look-alikes (`LOOKALIKE`) or the other case."""
    return "".join(
        draw(st.sampled_from([c, c.swapcase(), LOOKALIKE.get(c, c)])) if draw(st.booleans()) else c
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
