"""The stands-alone judgement: each named rule on real sentences, the trimmed span, briefs that
read as a paragraph, digest lines that stand alone, and the held-out figures above their floors."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import InputError, brief, digest, load_articles
from summarize.ingest import article_from_text
from summarize.lang import Vector
from summarize.rank import select, ties
from summarize.rank.standalone import (
    FRAGMENT,
    FURNITURE,
    NEEDS_CONTEXT,
    STANDALONE,
    TEASER,
    Judgement,
    judge,
    judge_text,
    rule_verdicts,
    shown_span,
    text_doubts,
)
from summarize.rank.sure import features, load_scorer
from summarize.rank.ties import judge_for_brief
from summarize.rank.words import read
from summarize.renderers import render
from summarize.segment import collapse
from tests import standalone_eval as ev

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# (sentence, label, rule): real sentences of the labelled set and the seeds, read alone.
CASES = [
    (
        "Mark Milley, ketua Kepala Staf Gabungan Amerika Serikat (AS) mengatakan bantuan senjata "
        "Korea Utara (Korut) untuk Rusia mungkin tidak berpengaruh dalam perang Ukraina.",
        STANDALONE,
        "",
    ),
    ('"Saya skeptis terhadap hal itu," kata Milley di Oslo.', STANDALONE, ""),
    ("Namun, regulasi itu ditujukan untuk guru bukan murid.", NEEDS_CONTEXT, "connective"),
    ("Untuk itulah, berjalan minimal 15 menit setiap harinya membantu tulang.", NEEDS_CONTEXT, "connective"),
    # "Moreover", "as a result", "unfortunately": on the tuning labels 18 of 20 such openers lean back.
    ("Terlebih, perusahaan pengerukan itu diduga memberi upeti ke Tonny.", NEEDS_CONTEXT, "connective"),
    ("Alhasil, skor imbang 2 - 2 bertahan hingga pertandingan usai.", NEEDS_CONTEXT, "connective"),
    ("Sayangnya, realisasi janji tersebut tak terdapat dalam kontrak baru.", NEEDS_CONTEXT, "connective"),
    # Round 33: "as a result": it came of what the sentence before told.
    ("Hasilnya, Persib unggul 2 - 0 atas Arema hingga turun minum.", NEEDS_CONTEXT, "connective"),
    ("Hasilnya diharapkan dapat diumumkan Kemenkes pekan depan.", NEEDS_CONTEXT, "connective"),
    # Round 36: "the reason is", given for what the sentence before told (heldout44's opening).
    ("Sebabnya, pisang kaya akan serat.", NEEDS_CONTEXT, "connective"),
    (
        "Sebabnya kandungan kafein di dalam kopi meningkatkan hormon adrenal tubuh.",
        NEEDS_CONTEXT,
        "connective",
    ),
    # Not the noun "hasil" (result) naming whose, nor "hasilnya" later in the sentence.
    ("Hasil survei Indikator menunjukkan elektabilitas Ridwan Kamil naik.", STANDALONE, ""),
    ("Indikator Politik mengumumkan hasilnya di Jakarta pada Senin (4/9).", STANDALONE, ""),
    # "The same was said by ...", "likewise ...": what the sentence before told.
    ("Hal senada diungkapkan Menpora Imam Nahrawi di Jakarta.", NEEDS_CONTEXT, "back-reference"),
    (
        "Begitu juga dengan jumlah kendaraan yang menyeberang, yakni 67.287 unit.",
        NEEDS_CONTEXT,
        "back-reference",
    ),
    ("Saat itu dia dijuluki pelopor penyanyi cilik Indonesia.", NEEDS_CONTEXT, "back-reference"),
    # "So it was with X", "above all ...": as told before (round 24).
    (
        "Pun demikian dengan Allan Nyom yang menyebabkan Arsenal mendapatkan penalti.",
        NEEDS_CONTEXT,
        "back-reference",
    ),
    (
        "Terutama di sebelah selatan khatulistiwa, yakni Jawa, Bali dan Nusa Tenggara.",
        NEEDS_CONTEXT,
        "back-reference",
    ),
    (
        "Khususnya untuk bisa mengembalikan trofi yang terakhir digapai pada 2001.",
        NEEDS_CONTEXT,
        "back-reference",
    ),
    # Round 30 (heldout29's kinds): "a different thing", "some of them": different from, or
    # among, what the sentence before told.
    ("Hal berbeda justru dilakukan oleh pelatih Persija, Stefano Cugurra.", NEEDS_CONTEXT, "back-reference"),
    ("Beberapa di antaranya adalah Raisa, Isyana dan Tulus.", NEEDS_CONTEXT, "back-reference"),
    ("Sebagian diantaranya sudah dipulangkan ke daerah asal.", NEEDS_CONTEXT, "back-reference"),
    # Round 31 (heldout30's "Sekali lagi Xiaomi menempatkan dirinya ..."): "once again", as before.
    ("Sekali lagi Persib gagal mencuri poin di kandang lawan.", NEEDS_CONTEXT, "back-reference"),
    # "There is an interesting story in ...": the story comes next.
    ("Ada cerita menarik dari laga Persib melawan Arema di Stadion Si Jalak Harupat.", TEASER, "hook"),
    # "As soon as": bare "Begitu" opens a sentence of its own.
    ("Begitu disambungkan ke ponsel, Vivofit 4 bisa melacak langkah dan waktu tidur.", STANDALONE, ""),
    ("Dia mengatakan hal itu pada Sabtu (16/9/2023), saat tiba di Norwegia.", NEEDS_CONTEXT, "pronoun"),
    ("Hal ini juga dinilai menjadi faktor pertumbuhan jumlah kunjungan.", NEEDS_CONTEXT, "pronoun"),
    ("Hal itulah yang dirasakan Titik Kusumawardani di Senayan, Jakarta.", NEEDS_CONTEXT, "pronoun"),
    ("Bila tulisannya rampung, sebuah kebahagiaan luar biasa menantinya.", NEEDS_CONTEXT, "pronoun"),
    ('"Kami masih mendata jumlah korban di lapangan," ujarnya.', NEEDS_CONTEXT, "bare-attribution"),
    ('"Konser ini obat saya untuk sembuh," kata dia.', NEEDS_CONTEXT, "bare-attribution"),
    (
        "Sebagian besar pertemuan itu akan fokus membicarakan konflik Rusia-Ukraina.",
        NEEDS_CONTEXT,
        "undefined-reference",
    ),
    (
        "Menurut laporan media AS itu, Putin berharap mendapat tambahan peluru.",
        NEEDS_CONTEXT,
        "undefined-reference",
    ),
    # A span of years ending "N tahun ini" is the time of writing, not someone unnamed.
    ("Selama 5 tahun ini, harga beras di Jakarta naik 20 persen.", STANDALONE, ""),
    # "baru-baru ini" (recently), "belakangan ini", "akhir-akhir ini" (lately): the time of
    # writing too (round 35: 16 of the 18 labelled tuning sentences with the first two stand alone).
    ("Samsung baru-baru ini meluncurkan kamera 360 derajat di Seoul.", STANDALONE, ""),
    ("Belakangan ini, harga cabai di Pasar Kramat Jati naik dua kali lipat.", STANDALONE, ""),
    ("Akhir-akhir ini Persib Bandung sering kalah di kandang.", STANDALONE, ""),
    ("Film itu baru-baru ini dirilis di Jakarta.", NEEDS_CONTEXT, "undefined-reference"),
    ('Kami akan terus bekerja keras," kata Budi Santoso.', NEEDS_CONTEXT, "quote-continued"),
    ('"Nanti akan dibahas lagi dengan semua pihak terkait."', NEEDS_CONTEXT, "quote-continued"),
    ("Namun benarkah anggapan tersebut?", TEASER, "question"),
    ("Berikut beberapa efek di antaranya:", TEASER, "lead-in"),
    ("Temukan alasannya di sini!", TEASER, "reader-address"),
    ("Tidak semua bahan makanan itu harus kamu masukkan ke dalam kulkas.", TEASER, "reader-address"),
    ("Baca juga: Kim Jong Un Undang Putin ke Korut", FURNITURE, "furniture"),
    ("” Menang.", FRAGMENT, "fragment-start"),
    ("dan kemudian pulang ke rumah masing-masing.", FRAGMENT, "fragment-start"),
    (
        "Humas Katedral menjelaskan dekorasi bambu sebagai ciri khas tumbuhan nusantara yang den",
        FRAGMENT,
        "fragment-end",
    ),
    ("Well..", FRAGMENT, "too-short"),
]


@pytest.mark.parametrize(("text", "label", "rule"), CASES)
def test_each_rule_names_its_decision(text: str, label: str, rule: str) -> None:
    verdict = judge_text(text)
    assert (verdict.label, verdict.rule) == (label, rule)


def test_a_name_in_the_sentence_resolves_its_pronoun_and_reference() -> None:
    # The guidelines: a pronoun whose referent the sentence names stands alone.
    assert judge_text("Presiden Jokowi mengatakan ia akan meresmikan jalan tol itu pekan depan.").stands_alone
    assert judge_text("Pertemuan Vladimir Putin dan Kim Jong Un itu membahas pasokan senjata.").stands_alone
    assert judge_text(
        "Bek Inter sempat protes, namun Patrick Cutrone tetap merayakan gol tersebut."
    ).stands_alone
    # Time words point at the date of writing, not at an earlier sentence.
    assert judge_text("Harga beras naik 5 persen pada pekan ini di Jakarta.").stands_alone


def test_a_leading_connective_is_trimmed_only_when_the_rest_stands_alone() -> None:
    assert judge_text("Namun, Presiden menolak usulan tersebut dengan tegas.").trim == 0  # "usulan tersebut"
    assert judge_text("Namun, Presiden Jokowi menolak usulan DPR soal tarif tol.").trim == 1
    assert judge_text("Sementara itu, Bank Indonesia menahan suku bunga acuan di 6 persen.").trim == 2
    assert judge_text("Namun, masih ada sejumlah perbedaan yang cukup mencolok.").trim == 0  # no subject left
    # "Not stopping there": more than what the sentence before told.
    assert judge_text("Tak berhenti di situ, Pemkot Bogor juga menambah 20 bus baru.").trim == 4
    # "Kemudian," is the next step of what was told before; "Kemudian X ..." is left to the score.
    assert judge_text("Kemudian, Pemkot Bogor menambah 20 bus baru pada 2018.").trim == 1
    # A connective as writers also spell it ("Disisi lain", "Oleh karenanya") trims the same.
    assert judge_text("Disisi lain, Pemkot Bogor menambah 20 bus baru pada 2018.").trim == 2
    assert judge_text("Oleh karenanya, Pemkot Bogor menambah 20 bus baru pada 2018.").trim == 2
    assert judge_text("Kemudian ada Persib Bandung yang harus meladeni Persija Jakarta.").stands_alone
    assert (
        judge_text("Saat itu, Bank Indonesia menahan suku bunga acuan.").trim == 0
    )  # a time, not a connective


# (sentence, doubt): sentences the rules pass that may still lean on an earlier one.
DOUBTS = [
    ("Enough is enough.", "short"),
    (
        "Perempuan kelahiran Bandar Lampung, 26 Agustus 1962, itu mengatakan sebagian warga negara "
        "Indonesia memilih untuk tinggal di luar negeri.",
        "referring-word",
    ),
    # Late in the sentence and past a name, "negara itu" is the country just named.
    (
        "Gedung Putih pada Jumat mengatakan, Korea Utara telah mengirimkan lebih dari 1.000 kontainer "
        "amunisi ke Rusia sebagai upaya mendukung negara itu dalam perang Ukraina.",
        "",
    ),
    ("Diprediksi putaran pendanaan kali ini akan ditutup dalam beberapa minggu ke depan.", "referring-word"),
    ("Menurut Awi, keduanya ditembak di bagian kaki saat hendak kabur.", "vague-set"),
    ("Kemenperin juga akan menyiapkan aturan yang sama untuk kendaraan niaga.", "vague-set"),
    # Now, not then: time words with "ini" and a year with "ini" are not references.
    ("Harga beras naik 5 persen pada pekan ini di Jakarta dan Bandung.", ""),
    ("Bank Indonesia menahan suku bunga acuan di 6 persen pada tahun 2024 ini.", ""),
    ("Presiden Joko Widodo meresmikan jalan tol Semarang-Demak sepanjang 27 kilometer.", ""),
]


@pytest.mark.parametrize(("text", "doubt"), DOUBTS)
def test_each_doubt_names_its_rule(text: str, doubt: str) -> None:
    verdict = judge_text(text)
    assert verdict.stands_alone
    assert verdict.doubt == doubt
    assert verdict.confident is (not doubt) and verdict.line is (not doubt)


def test_a_trimmed_line_is_doubted_by_what_is_left() -> None:
    clean = judge_text("Sementara itu, Bank Indonesia menahan suku bunga acuan di 6 persen.")
    assert clean.trim == 2 and not clean.doubt and clean.line  # "itu" of the connective is not a doubt
    doubted = judge_text(
        "Namun, Bank Indonesia menahan suku bunga itu di 6 persen pada rapat bulanan Kamis lalu."
    )
    assert doubted.trim == 1 and doubted.doubt == "referring-word" and not doubted.line


LEAD_ARTICLE = """Belanja Bulanan

Berbelanja merupakan sebuah kegiatan rutin yang dilakukan setiap bulannya oleh keluarga.

Pasar Minggu di Jakarta Selatan dikunjungi sekitar 12 ribu pembeli pada Sabtu pagi.

Pedagang sayur di Pasar Minggu mencatat kenaikan harga cabai sebesar 20 persen.

Dinas Perdagangan DKI Jakarta memantau harga bahan pokok setiap pekan.

Gubernur DKI Jakarta meminta warga tidak membeli bahan pokok secara berlebihan.

Kepala Dinas Perdagangan DKI Jakarta menyebut pasokan beras cukup sampai Maret.
"""


def test_the_article_doubts_a_habit_lead_and_deep_sentences() -> None:
    article = article_from_text(LEAD_ARTICLE, source="belanja.txt")
    rules = rule_verdicts(article)
    assert all(v.stands_alone for v in rules)
    assert [v.doubt for v in rules] == ["habit-lead", "", "", "", "", "deep"]
    assert rules[5].depends_on == 4  # taken after the sentence before it
    verdicts = judge(article)
    assert [v.doubt for v in verdicts][::5] == ["habit-lead", "deep"] and not verdicts[0].sure
    # The sure tier is the learned score's: a sentence it leaves out names why, and leans on
    # the one before it.
    for i, v in enumerate(verdicts):
        assert v.score is not None and 0 <= v.score <= 1
        assert v.sure or (v.doubt and v.depends_on == (i - 1 if i else None))
    # A lead that tells an event with its actor is sure; "X itu" in it makes the score less sure.
    plain = (
        "Kepolisian Resor Bogor menangkap dua pencuri motor di Jalan Pajajaran, Kota Bogor,"
        " Jawa Barat, pada Senin (12/3/2018) pagi."
    )
    that = "Polisi Bogor menangkap pencuri motor itu bersama dua rekan di Jalan Pajajaran pada Senin pagi."
    assert judge_text(that).doubt == "referring-word"
    sure, unsure = (judge(article_from_text(f"Judul\n\n{t}\n", source="x.txt"))[0] for t in (plain, that))
    assert sure.confident and (sure.score or 0) > (unsure.score or 0)


PIECES = [*"aZ \"“”'?!.:,-–()İ9 \n", "Namun, ", "ujarnya", " itu", "Dia ", "Berikut"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_gets_a_verdict_and_a_span_inside_its_sentence(text: str) -> None:
    verdict = judge_text(text)
    assert verdict.label in (STANDALONE, NEEDS_CONTEXT, TEASER, FURNITURE, FRAGMENT)
    assert verdict.trim == 0 or verdict.label == NEEDS_CONTEXT
    try:
        article = article_from_text(f"Judul\n\n{text}\n", source="x.txt")
    except InputError:
        return  # nothing left after cleaning: no sentence to judge
    for i, s in enumerate(article.sentences):
        start, end = shown_span(article, i)
        assert s.start <= start < end == s.end
    assert len(judge(article)) == len(article.sentences)


ARTICLE = """Tol Baru Diresmikan

Presiden Joko Widodo meresmikan jalan tol Semarang-Demak sepanjang 27 kilometer pada Senin.

Jalan tol tersebut menghubungkan dua kota di pesisir utara Jawa.

Namun,   Menteri PUPR Basuki Hadimuljono menyebut tarifnya belum ditetapkan.

Ia mengatakan tarif akan diumumkan pekan depan.
"""


def test_judge_guesses_the_sentence_a_dependent_one_leans_on() -> None:
    article = article_from_text(ARTICLE, source="tol.txt")
    verdicts = judge(article)
    assert [v.label for v in verdicts] == [STANDALONE, NEEDS_CONTEXT, NEEDS_CONTEXT, NEEDS_CONTEXT]
    assert [v.depends_on for v in verdicts] == [None, 0, 1, 2]  # "Jalan tol tersebut" names "tol" in 0
    assert verdicts[2].rule == "connective" and verdicts[2].trim == 1


# Round 36 (made up here): "Taman tersebut" names the park of sentence 1, three sentences back;
# by then the report has moved on to the cleaners, and a reader is given the sentence just
# before. "Giliran tersebut" names the shifts of sentence 3, two back: that one.
FAR_HOLDER = """Wali Kota Bandung Ridwan Kamil meresmikan taman tematik di kawasan Dago, Senin (3/4).

Ridwan Kamil mengatakan pembangunan taman menelan biaya Rp 12 miliar dari APBD.

Pemerintah kota juga menyiapkan 40 petugas kebersihan untuk kawasan Dago.

Para petugas akan bekerja dalam tiga giliran setiap hari.

Taman tersebut akan dibuka untuk umum mulai pukul 06.00 WIB.

Giliran tersebut diatur oleh Dinas Pertamanan Kota Bandung.
"""


def test_an_x_tersebut_named_far_back_leans_on_the_sentence_before() -> None:
    verdicts = rule_verdicts(article_from_text(FAR_HOLDER, source="dago.txt"))
    assert [(v.rule, v.depends_on) for v in verdicts[4:]] == [
        ("undefined-reference", 3),  # "taman" is in 1 and 0, three and more back
        ("undefined-reference", 3),  # "giliran" is in 3, two back, not in 4 just before
    ]


def test_judge_scores_only_what_the_rules_pass_with_the_same_rows() -> None:
    # Sentences 1 and 3 the rules reject: no score (nothing reads it); 0 and the trimmed 2 keep
    # theirs, from the same rows as when every sentence is scored.
    article = article_from_text(ARTICLE, source="tol.txt")
    verdicts = judge(article)
    assert [v.score is not None for v in verdicts] == [True, False, True, False]
    rules = rule_verdicts(article)
    doubts = text_doubts(article)
    every = features(article, rules, doubts)
    some = features(article, rules, doubts, scored=[True, False, True, False])
    assert some[1] == some[3] == {} and (some[0], some[2]) == (every[0], every[2]) and every[1]
    assert [v.score for v in verdicts[::2]] == [load_scorer().probability(every[i]) for i in (0, 2)]


def test_read_shares_one_reading_of_a_sentence() -> None:
    seen = read('"Kami siap," kata Ia, mencatat sejarah.')
    assert seen is read('"Kami siap," kata Ia, mencatat sejarah.')
    assert seen.words == ("kami", "siap", "kata", "ia", "mencatat", "sejarah")
    assert seen.bare[3] == "Ia" and seen.outside == (False, False, True, True, True, True)
    assert seen.hook_phrase and not read("Kami siap.").hook_phrase  # "mencatat sejarah": a hook's phrase
    assert "sejarah" in seen.word_set


def test_shown_span_slices_the_source_after_the_connective() -> None:
    article = article_from_text(ARTICLE, source="tol.txt")
    start, end = shown_span(article, 2)
    assert (
        collapse(article.text[start:end])
        == "Menteri PUPR Basuki Hadimuljono menyebut tarifnya belum ditetapkan."
    )
    assert shown_span(article, 0) == (article.sentences[0].start, article.sentences[0].end)


@settings(max_examples=150, deadline=None)
@given(
    connective=st.sampled_from(["Namun,", "Sementara itu,", "Selain itu,", "Di sisi lain,", "Bahkan"]),
    gap=st.text(alphabet=" \t", min_size=1, max_size=4),  # a line break would make "Namun," a line of its own
    rest=st.sampled_from(
        [
            "Menteri Keuangan Sri Mulyani menaikkan pagu anggaran 2024.",
            "Bank Indonesia mencatat inflasi 2,3 persen pada Oktober.",
            "Kepala BMKG Dwikorita Karnawati meminta warga waspada.",
        ]
    ),
)
def test_trimmed_offsets_always_slice_back_to_the_shown_words(connective: str, gap: str, rest: str) -> None:
    text = f"Judul Berita\n\nPolisi menangkap dua orang di Bogor pada Senin.\n\n{connective}{gap}{rest}\n"
    article = article_from_text(text, source="x.txt")
    index = len(article.sentences) - 1
    start, end = shown_span(article, index)
    sentence = article.sentences[index]
    assert sentence.start < start < end == sentence.end
    assert collapse(article.text[start:end]) == rest


# Selection -------------------------------------------------------------------------------------


def _vectors(n: int) -> list[Vector]:
    return [{f"w{i}": 1.0} for i in range(n)]  # all different: no redundancy


def test_a_dependent_sentence_comes_only_with_what_it_needs_before_it() -> None:
    js = [
        Judgement(STANDALONE, sure=True),
        Judgement(STANDALONE, sure=True),
        Judgement(NEEDS_CONTEXT, "pronoun", depends_on=1),
        Judgement(NEEDS_CONTEXT, "pronoun", depends_on=2),
        Judgement(STANDALONE, sure=True),
    ]
    scores = [0.1, 0.1, 0.9, 1.0, 0.1]
    assert select(scores, _vectors(5), 2, judgements=js) == [1, 2]  # 3 needs 2 and 1: three sentences
    assert select(scores, _vectors(5), 3, judgements=js) == [1, 2, 3]  # its chain, in order
    assert select(scores, _vectors(5), 2) == [2, 3]  # without the judgement: plain MMR


def test_a_tied_sentence_follows_one_of_its_ties_or_is_left_out() -> None:
    js = [
        Judgement(STANDALONE, sure=True),
        Judgement(STANDALONE, sure=True),
        Judgement(STANDALONE, sure=True),
        Judgement(STANDALONE, sure=True, ties=(0, 1), tie="earlier-noun"),
    ]
    scores = [0.2, 0.5, 0.4, 1.0]
    assert select(scores, _vectors(4), 1, judgements=js) == [1]  # not 3 alone
    assert select(scores, _vectors(4), 2, judgements=js) == [1, 3]  # after its nearest tie
    # A tie the brief already shows will do: 3 comes after 0, not with 1 as well.
    js[1] = Judgement(TEASER, "question")
    assert select([0.9, 0.5, 0.1, 1.0], _vectors(4), 2, judgements=js) == [0, 3]


# A made-up article with one sentence of each kind of tie (`judge_for_brief`).
TIED_ARTICLE = """Rambu baru di Bandung

Pemerintah Kota Bandung memasang rambu-rambu baru di 40 persimpangan jalan pada Senin (4/3).

Pada era Wali Kota Dada Rosada, rambu itu hanya dipasang di jalan protokol.

"Warga harus merasa aman saat menyeberang jalan," kata Wali Kota Bandung Yana Mulyana.

Target kami, kecelakaan di Bandung turun separuh tahun ini.

Dinas Perhubungan Bandung turut memasang 120 lampu lalu lintas baru di Jalan Soekarno-Hatta.

Semua bermula ketika angka kecelakaan di Jalan Soekarno-Hatta naik dua kali lipat pada 2023.

Kepala Dinas Perhubungan Bandung, Ricky Gustiadi, menyampaikan hal itu kepada wartawan pada Selasa (5/3).

Gubernur Jawa Barat Ridwan Kamil menyebut jembatan itu selesai pada Desember 2024.

Dua hari kemudian, Dinas Perhubungan Bandung menambah 30 rambu di Jalan Asia Afrika.

Kemudian, polisi menilang 120 pengendara yang melanggar rambu baru pada pekan pertama.

Sebelumnya sang istri, Ani Rahmawati, mengatakan angka kecelakaan di Jalan Dago menurun.

Wali Kota Bandung Yana Mulyana mengenalkan program itu kepada sang istri di Balai Kota.

Lampu lainnya, 80 unit, dipasang di Jalan Dago pada pekan depan.

Meski demikian, Polrestabes Bandung mencatat 14 kecelakaan di Jalan Asia Afrika pada Maret.

Wali Kota Bandung Yana Mulyana meminta pengendara mematuhi rambu tersebut mulai April.
"""


def test_judge_for_brief_names_what_a_sentence_takes_from_earlier_ones() -> None:
    article = article_from_text(TIED_ARTICLE, source="rambu.txt")
    got = [(j.ties, j.tie) for j in judge_for_brief(article)]
    assert got[:7] == [
        ((), ""),
        ((0,), "earlier-noun"),  # "rambu itu": the lead's "rambu-rambu"
        ((), ""),
        ((2,), "quote-goes-on"),  # "kami" outside quotation marks, after a quotation
        ((3,), "also"),  # "turut"
        ((4,), "story-start"),  # "Semua bermula"
        ((5,), "this-matter"),  # "hal itu"
    ]
    assert got[7] == ((), "")  # "jembatan itu": no earlier sentence holds it (the score doubts it)
    assert got[8] == ((7,), "then")  # "Dua hari kemudian": after what the sentence before told
    assert got[9] == ((), "")  # "Kemudian" alone: as often a plain next fact
    assert got[10] == ((9,), "whose")  # "sang istri": whose wife?
    assert got[11] == ((), "")  # "sang istri" after a name: his
    assert got[12] == (
        (4,),
        "earlier-noun",
    )  # "lampu lainnya": the lamps told of before ("Lampu lainnya dipasang ..." with no comma is `other-set`)
    assert got[13] == ((12,), "connective")  # shown whole in a brief: after what it answers
    assert got[14] == ((0, 1, 8, 9), "earlier-noun")  # "rambu tersebut": any sentence holding "rambu"
    # The digest's judgement is the same but for the ties.
    plain = judge(article)
    assert [replace(j, ties=(), tie="") for j in judge_for_brief(article)] == plain


# heldout6's kind: the sentence after the lead says "acara tersebut" where the lead said
# "konferensi pers"; no earlier sentence holds "acara".
NO_HOLDER_ARTICLE = """Momen lucu terjadi di konferensi pers kualifikasi GP Italia di Sirkuit Mugello, Sabtu (3/6).

Pebalap Moto3, Joan Mir, berhasil membuat Marc Marquez dan para wartawan yang hadir di acara tersebut tertawa lepas.

Panitia GP Italia mencatat 90 ribu penonton datang ke Mugello pada hari kualifikasi.

Marc Marquez mengaku senang bisa bercanda dengan Joan Mir di sela kesibukan tersebut.
"""


def test_tersebut_with_no_holder_right_after_the_lead_follows_the_lead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = article_from_text(NO_HOLDER_ARTICLE, source="mugello.txt")
    got = [(j.ties, j.tie) for j in judge_for_brief(article)]
    assert got[1] == ((0,), "no-holder")  # "acara tersebut": the lead named it otherwise
    assert got[3] == ((), "")  # "kesibukan tersebut" later in the article: left to the score
    monkeypatch.setattr(ties, "NO_HOLDER", False)
    untied = judge_for_brief(article_from_text(NO_HOLDER_ARTICLE, source="mugello-untied.txt"))[1]
    assert (untied.ties, untied.tie) == ((), "")


# heldout7's kind: the lead is a hook and the next sentence is about the company (whose
# "-nya"?); the one after says "kegiatan ini", an event no earlier sentence names that way.
UNHELD_LEAD = "Ada kabar gembira datang dari dunia kecantikan tanah air."
UNHELD_BODY = """

Setelah menjalankan bisnisnya selama satu tahun, HelloBeauty resmi menggelar pelatihan perdana bagi penata rias di Jakarta, Sabtu (3/6).

Kepada DailySocial Co-founder HelloBeauty Dennish Tjandra mengungkapkan, kegiatan ini nantinya menjadi wadah bagi penata rias untuk berbagi ilmu.

Pelatihan yang digelar di Jakarta Selatan itu diikuti 120 penata rias dari 12 kota.
"""


def test_an_unheld_this_x_never_opens_a_brief_whose_lead_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    article = article_from_text(UNHELD_LEAD + UNHELD_BODY, source="hellobeauty.txt")
    # At a later sentence's opening cut of 0.3 (the shipped one until round 12; it scores 0.35)
    # the score alone would open with it.
    low = replace(load_scorer(), open_body=0.3)
    assert judge(article, scorer=low)[2].may_open and not judge(article, scorer=low)[0].may_open
    got = judge_for_brief(article, scorer=low)
    assert not got[2].may_open and (got[2].ties, got[2].tie) == ((), "")  # no tie: it may still follow
    assert [replace(j, sure=False, opens=False) for j in got] == [
        replace(j, sure=False, opens=False) for j in judge(article, scorer=low)
    ]
    monkeypatch.setattr(ties, "NO_OPENING", frozenset({"quote"}))
    off = judge_for_brief(
        article_from_text(UNHELD_LEAD + UNHELD_BODY, source="hellobeauty-off.txt"), scorer=low
    )
    assert off[2].may_open


@pytest.mark.parametrize(
    ("sentence", "unheld"),
    [
        ("Kepada wartawan, Budi mengatakan kegiatan ini digelar setiap tahun.", True),
        ('Budi mengatakan, "Kami sudah lama menyiapkan kegiatan ini."', True),  # quoted too
        ("Penyanyi yang kerap dipanggil KD tersebut tiba di Tegal pada Sabtu (3/6).", False),  # a name
        ("Budi mengatakan pada tahun ini panitia menambah 12 kota baru.", False),  # a time
        ("Budi mengatakan pelatihan ini digelar setiap tahun.", False),  # the lead holds "pelatihan"
    ],
)
def test_what_counts_as_an_unheld_reference(sentence: str, unheld: bool) -> None:
    text = "Panitia menggelar pelatihan bagi 120 penata rias di Jakarta, Sabtu (3/6).\n\n" + sentence + "\n"
    article = article_from_text(text, source=f"unheld-{abs(hash(sentence))}.txt")
    assert ties.no_opening(article, 1) == ("unheld" if unheld else "")


QUOTE_BODY = """

Kepala Asosiasi Pendakian Nepal Ang Tshering menduga para pendaki naik gunung tanpa izin kepada pihak pengelola.

"Mungkin saja beberapa pendaki mendapatkan izin dan melakukan pendakian tanpa dukungan yang cukup karena masalah biaya," ujar Ang kepada Reuters, Rabu (24/5).
"""


def test_a_sentence_opening_with_a_quotation_never_opens_a_brief_whose_lead_cannot() -> None:
    article = article_from_text(UNHELD_LEAD + QUOTE_BODY, source="everest.txt")
    assert not judge(article)[0].may_open and judge(article)[2].may_open  # the score alone would open with it
    quoted = ties.no_opening(article, 2)
    assert quoted == "quote" and not judge_for_brief(article)[2].may_open
    assert ties.no_opening(article, 1) == ""  # the one naming the speaker in full may


def test_tengok_saja_follows_the_claim_it_illustrates() -> None:
    text = (
        "Harga cabai rawit di Jakarta naik tajam menjelang Lebaran.\n\n"
        "Tengok saja Pasar Induk Kramat Jati, di mana harga cabai rawit mencapai Rp 80.000 per kilogram.\n"
    )
    got = judge_for_brief(article_from_text(text, source="cabai.txt"))[1]
    assert (got.ties, got.tie) == ((0,), "look")


def test_the_connective_switch_off_lets_a_trimmable_connective_follow_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ties, "TIE_CONNECTIVES", False)
    # An article of its own: a brief's judgement is cached per article.
    article = article_from_text(TIED_ARTICLE, source="rambu-untied.txt")
    untied = judge_for_brief(article)[13]
    assert (untied.trim, untied.ties, untied.tie) == (2, (), "")


def test_briefs_show_a_tied_sentence_after_one_of_its_ties() -> None:
    article = article_from_text(TIED_ARTICLE, source="rambu.txt")
    ties = judge_for_brief(article)
    for n in (1, 2, 3, 5):
        shown = [s.index for s in brief([article], n=n).briefs[0].sentences]
        for i in shown:
            assert not ties[i].ties or any(t in shown and t < i for t in ties[i].ties), (n, shown)


def test_hooks_never_lead_and_a_connective_never_opens_a_brief() -> None:
    js = [
        Judgement(TEASER, "question"),
        Judgement(NEEDS_CONTEXT, "connective", depends_on=0, trim=1),
        Judgement(STANDALONE, sure=True),
        Judgement(NEEDS_CONTEXT, "connective", depends_on=2, trim=1),
    ]
    scores = [1.0, 0.9, 0.3, 0.8]
    assert select(scores, _vectors(4), 1, judgements=js) == [2]
    assert select(scores, _vectors(4), 2, judgements=js) == [2, 3]  # "Namun, ..." after what it follows
    # Nothing that can be read in place: plain MMR rather than an empty brief.
    assert select([1.0], _vectors(1), 1, judgements=[Judgement(TEASER, "question")]) == [0]


def test_where_nothing_may_open_the_brief_opens_with_the_first_fact_not_the_hook() -> None:
    # "Kabar mengejutkan datang dari ...": each sentence after the hook leans on it or on a
    # fragment, so no paragraph can be read in place; the last fallback leaves out the hook.
    js = [
        Judgement(TEASER, "hook"),
        Judgement(STANDALONE, depends_on=0, leans=True, score=0.5),
        Judgement(FRAGMENT, "fragment-end"),
        Judgement(NEEDS_CONTEXT, "pronoun", depends_on=2),
    ]
    scores = [1.0, 0.9, 0.8, 0.7]
    assert select(scores, _vectors(4), 1, judgements=js) == [1]
    assert select(scores, _vectors(4), 2, judgements=js) == [1, 3]
    # A lead only a soft teaser rule doubts ("no-actor") stays a candidate.
    soft = [Judgement(TEASER, "no-actor"), Judgement(TEASER, "question"), Judgement(FRAGMENT, "fragment-end")]
    assert select([0.5, 1.0, 0.9], _vectors(3), 1, judgements=soft) == [0]
    # Nothing states a fact: plain MMR.
    assert select(
        [0.5, 1.0], _vectors(2), 1, judgements=[Judgement(TEASER, "hook"), Judgement(FRAGMENT, "too-short")]
    ) == [1]


def test_a_brief_opens_with_a_sentence_the_judgement_is_sure_of() -> None:
    js = [
        Judgement(STANDALONE, sure=True, score=0.99),
        Judgement(STANDALONE, doubt="deep", depends_on=0, score=0.9),
        Judgement(STANDALONE, sure=True, score=0.98),
    ]
    scores = [0.2, 1.0, 0.1]
    assert select(scores, _vectors(3), 1, judgements=js) == [0]  # not the unsure 1 first
    assert select(scores, _vectors(3), 2, judgements=js) == [0, 1]  # 1 after a sure opening
    # None sure: one the rules pass with only a doubt a headline reader gets past may open.
    unsure = [Judgement(STANDALONE, doubt="pointing-words", score=0.9), Judgement(STANDALONE, opens=True)]
    assert select([1.0, 0.1], _vectors(2), 1, judgements=unsure) == [1]
    # None of those: then any sentence the rules pass.
    deep = [Judgement(TEASER, "question"), Judgement(STANDALONE, doubt="deep", depends_on=0)]
    assert select([0.1, 1.0], _vectors(2), 1, judgements=deep) == [1]
    habit = [Judgement(STANDALONE, doubt="habit-lead"), Judgement(TEASER, "question")]
    assert select([0.1, 1.0], _vectors(2), 1, judgements=habit) == [0]


def test_a_brief_does_not_say_the_same_thing_twice() -> None:
    vectors: list[Vector] = [{"a": 1.0}, {"a": 0.8, "b": 0.6}, {"c": 1.0}]  # 0 and 1 at cosine 0.8
    js = [Judgement(STANDALONE)] * 3
    assert select([1.0, 0.95, 0.1], vectors, 2, judgements=js) == [0, 2]


def test_seed_briefs_read_as_paragraphs() -> None:
    articles = load_articles([SEEDS]).articles
    for n in (3, 5):
        for b in brief(articles, n=n).briefs:
            verdicts = judge(b.article)
            shown = [s.index for s in b.sentences]
            assert verdicts[shown[0]].stands_alone, (b.article.source, shown)
            for k, i in enumerate(shown):
                v = verdicts[i]
                assert v.states_fact
                if v.label == NEEDS_CONTEXT and not v.trim:
                    assert v.depends_on in shown[:k], (b.article.source, shown, i)


def test_seed_digest_lines_stand_alone_and_trimmed_lines_say_so_in_json() -> None:
    result = digest(load_articles([SEEDS]).articles)
    by_id = {a.id: a for a in result.articles}
    doc = json.loads(render(result, "json"))
    for item, row in zip(result.items, doc["digest"]["items"], strict=True):
        c = item.citations[0]
        verdict = judge(by_id[c.article])[c.index]
        assert verdict.line, (item.source_text, verdict)
        assert row["trimmed"] is (item.trimmed is not None)
        if item.trimmed is not None:
            assert (row["start"], row["end"]) == item.trimmed
            assert collapse(by_id[c.article].text[row["start"] : row["end"]]) == row["source_text"]
    # The examples: a line opening "Menurut laporan media AS itu" never leads or shows.
    assert not any(i.source_text.startswith(("Menurut laporan media AS itu", "Dia ")) for i in result.items)


# The held-out figures ---------------------------------------------------------------------------

BASELINE = json.loads((ROOT / "tests" / "standalone_baseline.json").read_text(encoding="utf-8"))
needs_data = pytest.mark.skipif(
    not (ev.DATA_DIR / "dev.01.jsonl").exists(), reason=f"IndoSum folds not found in {ev.DATA_DIR}"
)


@needs_data
@pytest.mark.parametrize("split", [s for s in ev.splits_present() if s in BASELINE["floor"]])
def test_each_split_stays_within_its_floors(split: str) -> None:
    result = ev.evaluate(split)
    j = result["judgement"]
    got = {
        "judgement": {
            "accuracy": j["accuracy"],
            "standalone_precision": j["labels"][STANDALONE]["precision"],
            "confident_precision": j["confident"]["precision"],
        },
        "digest": {
            "stand_alone": result["digest"]["stand_alone"],
            "bad_leads": result["digest"]["bad_leads"],
        },
        "brief_3": result["briefs"]["3"],
        "brief_5": result["briefs"]["5"],
    }
    for part, floors in BASELINE["floor"][split].items():
        for name, floor in floors.items():
            assert got[part][name] >= floor, (split, part, name, got[part][name], floor)
    for part, ceilings in BASELINE["ceiling"][split].items():
        for name, ceiling in ceilings.items():
            assert got[part][name] <= ceiling, (split, part, name, got[part][name], ceiling)


def test_the_floors_cover_the_fresh_held_out_split() -> None:
    # The lead adds heldout4 to the set after this work and scores it once: its floors must
    # already be there, set before it was scored, not from heldout4 itself.
    assert {"tuning", ev.FRESH} <= set(BASELINE["floor"]) and set(BASELINE["floor"]) == set(
        BASELINE["ceiling"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ada yang baru dari Google Calendar versi web.",
        "Jakarta, CNN Indonesia -- Bali lagi-lagi kedatangan tamu spesial.",
        "Kejadian menegangkan terjadi di Bandara Frans Kaisiepo, Biak Numfor, Papua.",
        "Kabar gembira datang dari dunia bulu tangkis Indonesia.",
        # heldout15's and heldout11's: good news announced, not told.
        "Kabar bahagia datang bagi penggemar serial Si Doel Anak Sekolahan.",
        "Kabar menggembirakan datang dari Stadion Gelora Bung Karno.",
        "Pasangan penyanyi Raisa dan Hamish Daud kembali diselimuti kabar bahagia.",
        # Round 17, the two leads that led tuning stories: the guest and the misfortune
        # announced, not told (made-up places; one as misspelt as heldout16's "Kejadiaan").
        "Stadion Gelora Delta Sidoarjo kedatangan tamu besar pada Sabtu (3/6) malam WIB.",
        "Kejadian nahas menimpa para pendaki di lereng Gunung Rinjani, Lombok, Minggu (4/6).",
        "Kejadiaan tragis menimpa seorang nelayan di perairan Selat Sunda.",
        # Round 27, from heldout26's leads (made up here): a misfortune and sad news announced
        # after a scene, and a question announced as answered.
        "Nasib malang menimpa warga Kampung Pulo, Jakarta Timur, Senin (2/10).",
        "Menjelang laga final Piala Presiden di Stadion Gelora Bung Karno, kabar duka menghampiri skuat Persija.",
        "Masa depan Paul Pogba di Manchester United musim depan akhirnya terjawab.",
        # Round 35, from heldout41's lead (made up here): "apes" and "sial" are bad luck too.
        "Nasib apes menimpa kiper Persib Bandung.",
        "Nasib sial menimpa pebalap Ducati di sirkuit Mugello, Minggu (4/6).",
    ],
)
def test_stock_hooks_are_teasers(text: str) -> None:
    assert judge_text(text) == Judgement(TEASER, "hook")


@pytest.mark.parametrize(
    "text",
    [
        "Ada 151 KK yang diungsikan ke tempat aman di Kecamatan Cililin.",
        "Presiden Jokowi kedatangan tamu dari Jepang, Perdana Menteri Shinzo Abe, di Istana Bogor.",
        "Istana Bogor kedatangan tamu besar dari Jepang yang membawa investasi Rp 5 triliun.",
        "Kejadian nahas yang menimpa dua pendaki di Gunung Rinjani diselidiki polisi.",
        "Kejadian itu terjadi di Bandara Frans Kaisiepo pada Senin (13/3) pagi.",
        # The good news told: it is the fact.
        "Raisa membagikan kabar bahagia kelahiran putri pertamanya lewat Instagram pada Senin.",
        # What befell them named, and the answer given: the fact itself.
        "Nasib malang yang menimpa warga Kampung Pulo dibahas DPRD DKI pada Senin (2/10).",
        "Kali ini, giliran Romain Grosjean yang mengalami nasib sial di Monza.",
        "Pertanyaan wartawan soal masa depan Pogba terjawab lewat konferensi pers Mourinho di Carrington.",
    ],
)
def test_facts_that_share_a_hook_word_are_not_hooks(text: str) -> None:
    assert judge_text(text).rule != "hook"


# Made-up teaser leads of the kinds heldout5 showed: a vague evaluative phrase standing for
# what the next sentence tells, a scene set before "pemandangan tak biasa", a short lead
# with a stock hook phrase and no figure.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Menyusuri pantai Parangtritis di Bantul, pemandangan tak biasa terlihat di bibir pantai.", "hook"),
        ("Galaxy S8 ternyata bukan satu-satunya ponsel dari Samsung yang dinanti penggemar.", "hook"),
        ("Kabar rumah tangga Raffi kembali memanas.", "hook"),
        ("Persija juga bukan tanpa persiapan.", "vague-claim"),
        ("Bukan tanpa alasan bila Surabaya terpilih menjadi tuan rumah.", "vague-claim"),
        # ("Sayangnya, kenyataan berkata lain." opens with a connective: NEEDS_CONTEXT first.)
        ("Kenyataan berkata lain bagi Persib musim ini.", "vague-claim"),
        ("Penampilan sang adik tak kalah memukau.", "vague-claim"),
        ("Arsenal tengah dirundung duka.", "short-hook"),
        ("Kota kecil di Jepang itu akan mencatat sejarah.", "short-hook"),
        ("Negeri jiran, Malaysia, akan mencatat sejarah.", "short-hook"),
        # Round 35, heldout41's kind: the noun of "heboh" / "menghebohkan" (made up here).
        ("Penyanyi Agnez Mo kembali memicu kehebohan.", "short-hook"),
        # heldout6's kinds: an evaluative noun phrase, a riddle answered later, a hedged guess.
        ("Liburan keluarga Raffi Ahmad di Lombok berubah menjadi hal yang menyedihkan.", "vague-claim"),
        ("Pengunjung Taman Safari mengalami sesuatu yang mengejutkan akhir pekan lalu.", "vague-claim"),
        ("Teka-teki siapa pelatih baru Persib akhirnya terjawab sudah.", "hook"),
        ("Misteri hilangnya kapal nelayan di Selat Sunda terungkap.", "hook"),
        ("Tampaknya tidak mudah bagi penggemar untuk bertemu idolanya.", "hedged-guess"),
        ("Sepertinya akan sulit bagi siapa pun untuk menyaingi penjualan album Adele.", "hedged-guess"),
        # heldout7's kind: a generic evaluative claim a feature story opens with.
        ("Hari Lebaran adalah saat yang istimewa bagi para perantau di Jakarta.", "generic-claim"),
        ("Musim liburan merupakan waktu yang tepat untuk berkumpul bersama keluarga.", "generic-claim"),
        ("Lady Gaga selalu punya cara untuk mengejutkan penggemarnya.", "generic-claim"),
        ("Serial Stranger Things selalu berhasil menarik perhatian penontonnya.", "generic-claim"),
        # heldout18's "Bulan Ramadhan menjadi bulan penuh berkah ...": "menjadi" as the copula too.
        ("Malam takbiran menjadi malam yang paling dinanti warga Kampung Melayu.", "generic-claim"),
    ],
)
def test_vague_leads_that_promise_their_fact_are_teasers(text: str, rule: str) -> None:
    assert judge_text(text).rule == rule


@pytest.mark.parametrize(
    "text",
    [
        # A figure, a concrete act or the fact itself: the phrase is part of the news.
        "Malaysia mencatat sejarah dengan meraih 3 medali emas di Olimpiade Tokyo.",
        "Kapolri menilai gedung itu tidak kalah modern dengan gedung kepolisian di Singapura.",
        "Ekspansi Investree ke Jawa Tengah bukan tanpa alasan karena permintaan pinjaman di sana naik 40 persen.",
        "Kabar kenaikan harga BBM kembali membuat warga Bekasi mengantre di SPBU sejak Senin pagi.",
        "Pemandangan itu terlihat di pinggiran hutan Kubangkangkung pada Selasa (20/6).",
        "Xiaomi merilis Mi Note 2 di Beijing pada Selasa (25/10) dengan harga Rp 4 juta.",
        "Tampaknya sulit bagi Persija menembus 4 besar setelah kalah 0-3 dari Bali United.",
        "Polisi menyebut teka-teki pembunuhan di Pulomas terungkap lewat rekaman CCTV rumah korban.",
        "Menurut Febry, perbedaan pendapat adalah hal yang biasa di Indonesia.",
        "BMKG menyebut Juli 2018 adalah waktu yang tepat untuk menanam padi di 12 kabupaten.",
        "Lady Gaga selalu punya cara baru di setiap konsernya, kali ini di depan 70 ribu penonton.",
    ],
)
def test_facts_near_a_vague_phrase_are_not_teasers(text: str) -> None:
    assert judge_text(text).label != TEASER


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # heldout6's kind: a bare "perusahaan" subject stands for a company named before.
        ("Perusahaan menargetkan 20 gerai baru di Sumatra pada 2018.", NEEDS_CONTEXT),
        ("Pihak perusahaan mengatakan layanan akan pulih pada Senin malam.", NEEDS_CONTEXT),
        ("Disebutkan perusahaan mengincar dana segar Rp 500 miliar.", NEEDS_CONTEXT),
        # The company named in the sentence: it stands alone.
        ("Perusahaan rintisan Bukalapak menargetkan 20 gerai baru di Sumatra pada 2018.", STANDALONE),
        ("Perusahaan Jepang Toyota menutup pabriknya di Australia pada Selasa (3/10).", STANDALONE),
    ],
)
def test_a_bare_company_subject_needs_the_company_named_before(text: str, label: str) -> None:
    assert judge_text(text).label == label


def test_the_other_x_named_right_after_a_comma_or_late_stands_alone() -> None:
    assert judge_text("Warga lainnya, Siti Aminah, mengaku kehilangan rumahnya.").rule != "other-set"
    assert judge_text("Pemkot Bogor menambah 20 bus dan armada lainnya.").rule != "other-set"
    # "X lain dari Y" names what it is other than; "antara lain" opens a list, not a subject.
    assert (
        judge_text("Studi lain dari Universitas Indonesia menemukan hal berbeda pada 2017.").rule
        != "other-set"
    )
    assert judge_text("Pemkot Bogor menambah bus lain yang lebih kecil pada 2018.").stands_alone


def test_the_same_x_stands_alone_when_the_sentence_names_what_it_is_the_same_as() -> None:
    # "yang sama dengan Y" says the same as what; "yang sama sekali" is "not at all"; a lead
    # has nothing before it to be the same as; past the first words it is no subject.
    for text in (
        "Warga Cililin menuntut hak yang sama dengan warga Kota Bandung pada Senin (4/3).",
        "Penonton yang sama sekali tak menduganya bertepuk tangan di Stadion Patriot, Bekasi.",
        "Persib Bandung dan Persija Jakarta sama-sama menang pada Sabtu (4/3).",
        "Pemkot Bogor dan Pemkab Bogor menerapkan tarif parkir yang sama mulai Januari 2018.",
    ):
        assert judge_text(text).rule != "same-one", text
    assert judge_text("Pada hari yang sama, Persib Bandung menang 2 - 0.", lead=True).rule != "same-one"


def test_a_credited_dateline_before_a_lower_case_word_leaves_a_fragment() -> None:
    # The scrape dropped the subject after the dateline: what is left starts mid-sentence.
    cut = judge_text("Jakarta, CNN Indonesia - - kembali membuka akses bagi warganya ke aplikasi pesan itu.")
    assert (cut.label, cut.rule) == (FRAGMENT, "fragment-start")
    # A dateline before a capitalised subject, or a single-dash dateline before a common
    # noun ("JUARA.NET, TOKYO - pasangan ganda putri ..."), is no cut.
    whole = judge_text(
        "Jakarta, CNN Indonesia - - Rusia kembali membuka akses bagi warganya ke aplikasi Telegram."
    )
    assert whole.label != FRAGMENT
    assert judge_text("JUARA.NET, TOKYO - pasangan ganda putri Greysia Polii menang 21-17.").label != FRAGMENT


def test_an_outlet_dateline_before_a_lower_case_word_or_a_stray_mark_leaves_a_fragment() -> None:
    # heldout38's opening ("Suara.com - yang melahap ruangan air handling unit).") and the
    # tuning data's ("Suara.com - / 2018) malam."): the scrape cut what followed the dateline.
    for text in (
        "Suara.com - yang melahap ruangan rapat di lantai dua gedung itu).",
        "Suara.com - / 2019) malam.",
        "Kompas.com - , Dalam keterangan resmi Biro Komunikasi disebutkan hal itu.",
    ):
        cut = judge_text(text, lead=True)
        assert (cut.label, cut.rule) == (FRAGMENT, "fragment-start"), text
    # Before a capital, or an opening quote, the sentence is whole.
    assert (
        judge_text("Suara.com - Polisi menjaga Vihara Dharma Bhakti di Jakarta Barat.", lead=True).label
        != FRAGMENT
    )
    assert (
        judge_text('Merdeka.com - "Ini makanan yang paling berisiko punah," kata Ahmad.').rule
        != "fragment-start"
    )


# Made-up sentences for the kinds the second held-out split showed (not its labelled ones).
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Itulah mengapa banyak warga memilih pindah ke kota besar.", "back-reference"),
        ("Itulah sebabnya harga cabai di pasar melonjak tajam.", "back-reference"),
        ("Inilah yang membuat antrean kendaraan mengular hingga 5 km.", "back-reference"),
        ("Korban berhasil kabur ke rumah tetangga dan meminta tolong.", "bare-role"),
        ("Pelaku kemudian melarikan diri ke arah Bogor.", "bare-role"),
        ("Tersangka mengaku nekat mencuri karena terlilit utang.", "bare-role"),
        ("Pria berusia 45 tahun itu kemudian dibawa ke rumah sakit.", "undefined-reference"),
        # Round 28 (heldout27's "Gadis 30 tahun itu ..."): an age with no "berusia" names nobody.
        ("Pebalap 24 tahun itu kemudian dibawa ke rumah sakit.", "undefined-reference"),
        ("Pelatih Persib menyebut striker 25 tahun tersebut akan absen dua pekan.", "undefined-reference"),
        ("Dari situ lahirlah gagasan membangun pasar terapung di Banjarmasin.", "back-reference"),
        ("Mulanya warga mendengar suara ledakan dari gudang bahan bakar.", "back-reference"),
        ("Termasuk rencana pembangunan jalan tol Trans Sumatera sepanjang 2.000 km.", "back-reference"),
        ("Dikatakan, pekerja tersebut sudah tiga bulan tidak digaji pabrik.", "back-reference"),
        ("Sebab harga pupuk di tingkat petani naik dua kali lipat.", "connective"),
        ("Beberapa acara musik kini dipandu olehnya setiap Sabtu malam di Jakarta.", "pronoun"),
        # An example of a claim made before, the example word among the first words.
        ("Jepang misalnya, sudah lama meliburkan sekolah sepekan pada musim panas.", "example"),
        ("Contohnya, sayur bayam yang dimasak ulang kehilangan zat besinya.", "pronoun"),
        ("Kota Bandung contohnya memasang 40 rambu baru di persimpangan jalan.", "example"),
        # "X lainnya" as the subject: other than the ones an earlier sentence named.
        ("Tiga penumpang lainnya dilarikan ke RSUD Cibinong.", "other-set"),
        ("Fitur lainnya mencakup pengingat jadwal minum obat.", "other-set"),
        # A dateline cut by the cleaner leaves "X ini" opening the sentence: still undefined.
        ("Turnamen ini digelar di Stadion Patriot, Bekasi, pada 4 Maret 2018.", "undefined-reference"),
        # heldout8's kinds: the emphatic "-lah" on "itu"/"ini" points back as "X itu" does ...
        ("Keputusan inilah yang memicu protes ratusan buruh di depan kantor bupati.", "emphatic-reference"),
        ("Dari rapat itulah, warga sepakat menutup jalan desa selama sepekan.", "emphatic-reference"),
        ("Kenaikan harga itupun memukul pedagang kecil di pasar tradisional.", "emphatic-reference"),
        # ... and so does a connective right after the subject.
        ("Pemerintah daerah di sisi lain menolak usulan kenaikan tarif air bersih.", "late-connective"),
        ("Harga beras pun demikian, naik 10 persen dalam sepekan.", "late-connective"),
        ("Tarif ojek sebaliknya turun 5 persen pada Januari 2018.", "late-connective"),
        # heldout10's kinds: a riddle's answer, its riddle set before ...
        ("Siapa lagi kalau bukan Rossa, penyanyi asal Sumedang yang merilis album baru.", "riddle-answer"),
        ("Tak lain dan tak bukan, Bank Jateng yang membuka kantor cabang di Blora.", "riddle-answer"),
        ("Jawabannya adalah garam dapur yang dicampur air hangat.", "riddle-answer"),
        # ... and an item of a list the sentence before announced.
        ("Yang pertama, Google memperbarui tampilan aplikasi Maps di Android.", "list-item"),
        ("Pertama, Pemkot Bogor menambah 40 bus Transpakuan pada 2018.", "list-item"),
        ("Ketiga, pelamar mengikuti ujian tertulis di kantor BKD.", "list-item"),
        ("Yang terakhir, tarif parkir naik menjadi Rp 5.000 per jam.", "list-item"),
        # heldout12's kind: "X yang dimaksud", the X an earlier sentence spoke of.
        ("Kabupaten yang dimaksud adalah Garut dan Tasikmalaya.", "meant"),
        ("Bupati Garut tidak menyebut perusahaan mana yang dimaksudnya.", "meant"),
        # "Not stopping there", a connective like "Tak hanya itu".
        ("Tidak cukup sampai di sana, warga kemudian memblokade jalan desa.", "connective"),
        ("Tak hanya sampai di situ, polisi juga menyita dua sepeda motor.", "connective"),
        ("Kemudian, harga cabai rawit naik menjadi Rp 80.000 per kilogram.", "connective"),
        ("Dua pejabat yang dimaksudkan adalah Kepala Dinas PU dan Sekretaris Daerah.", "meant"),
        # heldout15's "Disisi lain": connectives as writers also spell them, and "Di saat yang
        # sama" (the time an earlier sentence told).
        ("Disisi lain, pihak PLN menyiapkan 30 genset cadangan di Banjarmasin.", "connective"),
        ("Di lain sisi, harga cabai rawit turun menjadi Rp 40.000 per kilogram.", "connective"),
        ("Di lain pihak, warga Cililin menolak rencana pembangunan pabrik semen.", "connective"),
        ("Oleh karenanya, warga diminta menyimpan barang berharga di tempat aman.", "connective"),
        ("Bukan cuma itu, warga juga memblokade jalan desa selama dua hari.", "connective"),
        ("Lagipula, tim tamu tak lagi punya peluang lolos ke babak delapan besar.", "connective"),
        ("Bagaimanapun, warga tetap menolak pembangunan pabrik semen di Cililin.", "connective"),
        ("Di saat yang sama, polisi menyita dua sepeda motor dari lokasi kejadian.", "back-reference"),
        ("Terlepas dari itu, tarif parkir di Bogor naik menjadi Rp 5.000 per jam.", "back-reference"),
        # heldout17's: a guest list whose event an earlier sentence tells (never trimmed).
        ("Turut hadir Wali Kota Bogor Bima Arya dan Kapolresta Bogor.", "back-reference"),
        # heldout35's: the same source, day or score as an earlier sentence names ...
        ("Dari sumber yang sama disebutkan semua karyawan Tinggal segera dirumahkan.", "same-one"),
        ("Pada hari yang sama, Persib Bandung menang 2 - 0 atas Arema FC.", "same-one"),
        ("Menurut laporan yang sama, Pemkot Bogor menambah 20 bus pada 2018.", "same-one"),
        ("Poin yang sama juga diraih Bali United di klasemen sementara Liga 1.", "same-one"),
        # ... and another way or matter than the one an earlier sentence told.
        ("Cara lain yang dilakukan Pemkot Bogor adalah menambah 20 bus Transpakuan.", "other-set"),
        ("Hal lain yang perlu dicatat adalah tarif parkir naik menjadi Rp 5.000 per jam.", "other-set"),
    ],
)
def test_pointing_openers_and_bare_roles_need_context(text: str, rule: str) -> None:
    assert judge_text(text) == Judgement(NEEDS_CONTEXT, rule)


@pytest.mark.parametrize(
    "text",
    [  # heldout17's "no wonder": a consequence of what came before, with or without its comma
        "Tak pelak, Pemkot Bogor menambah 20 bus baru pada 2018.",
        "Tak ayal Pemkot Bogor menambah 20 bus baru pada 2018.",
        "Tidak pelak, Pemkot Bogor menambah 20 bus baru pada 2018.",
    ],
)
def test_no_wonder_is_a_connective_the_digest_may_trim(text: str) -> None:
    verdict = judge_text(text)
    assert (verdict.label, verdict.rule) == (NEEDS_CONTEXT, "connective")
    assert text[sum(len(w) + 1 for w in text.split()[: verdict.trim]) :].startswith("Pemkot Bogor")


@pytest.mark.parametrize(
    "text",
    [
        "Korban banjir di Garut mencapai 20 orang pada Senin.",  # the role is defined
        "Korban Budi Santoso dilarikan ke RSUD Cibinong.",  # and named
        "Pria berusia 45 tahun ditemukan tewas di Bekasi pada Senin pagi.",  # introduced here
        "Wanita yang menjabat Wali Kota Surabaya itu meresmikan taman baru.",  # the clause says who
        "Seorang pedagang sayur di Bogor dirampok saat menutup tokonya.",  # "-nya": that pedagang's
        # "Yang dimaksud dengan X adalah ..." defines X; in a quotation, the speaker's own words.
        "Yang dimaksud dengan stunting adalah kondisi gagal tumbuh pada anak balita.",
        '"Kabupaten yang dimaksud adalah Garut," kata Bupati Garut Rudy Gunawan di Garut.',
    ],
)
def test_a_role_that_is_defined_named_or_introduced_stands_alone(text: str) -> None:
    assert judge_text(text).stands_alone


@pytest.mark.parametrize(
    "text",
    [
        # "X inilah" late, closing a list the sentence gave: defined here.
        "Jujur, cepat, dan murah, prinsip inilah yang dipegang Bank Jateng sejak 1963.",
        "Bank Jateng itulah bank daerah pertama yang melantai di Bursa Efek Indonesia.",  # a name
        # "X pun ...", "X sendiri ...": on the tuning labels mostly standing alone.
        "Persija Jakarta pun resmi merekrut Marko Simic dari klub Malaysia Melaka United.",
        "Gojek sendiri didirikan Nadiem Makarim pada 2010 di Jakarta.",
        "Kota Bogor di sisi utara berbatasan langsung dengan Kabupaten Bogor dan Depok.",  # no connective
        # An ordinal that is no list item: no comma, or the sentence gives the list itself.
        "Kedua tim bermain imbang 1-1 di Stadion Old Trafford, Manchester.",
        "Pertama kali Ferrari memakai pebalap Italia adalah pada 2009.",
        "Pertama, harga pupuk naik; kedua, pasokan beras dari Jawa Timur turun.",
        # "Terakhir," also means "most recently": the tuning labels split on it.
        "Terakhir, Barcelona memenangi Liga Champions pada 2015 di Berlin.",
    ],
)
def test_an_emphatic_or_late_word_that_points_nowhere_stands_alone(text: str) -> None:
    assert judge_text(text).stands_alone, judge_text(text)


# heldout9's verbless list: the items of a list the sentence before announced, no verb.
@pytest.mark.parametrize(
    "text",
    [
        "Mulai dari sayur bayam, kangkung, hingga sawi putih.",
        "Mulai keramahan warganya hingga pertunjukan tari dan pameran batik khas Pekalongan.",
        "Dari kopi tubruk, teh tarik, sampai jamu gendong yang dijajakan keliling.",  # a verb only in "yang"
    ],
)
def test_a_verbless_list_is_a_fragment(text: str) -> None:
    assert judge_text(text) == Judgement(FRAGMENT, "verbless-list")


@pytest.mark.parametrize(
    "text",
    [
        "Dari Menteri Keuangan hingga Gubernur BI, semua memberi dukungan.",  # a clause follows
        "Dari Jakarta hingga Surabaya, harga cabai naik.",  # a clause follows, with no verb prefix
        "Mulai pukul 06.00 hingga 10.00 WIB jalan ditutup.",  # a figure and a verb
        "Mulai dari petani hingga nelayan menerima bantuan tunai.",  # a verb
        "Dari Bandung, rombongan melanjutkan perjalanan ke Garut.",  # no list
    ],
)
def test_a_list_with_a_clause_a_verb_or_a_figure_is_not_a_verbless_list(text: str) -> None:
    assert judge_text(text).rule != "verbless-list", judge_text(text)


def test_a_referring_subject_right_after_a_cut_dateline_needs_context() -> None:
    # The cleaner cuts IndoSum's spaced "City, Outlet - -" dateline: "Turnamen ini" then opens
    # the lead, and the headline does not say which tournament "ini" is.
    text = "Turnamen catur\n\nJakarta, CNN Indonesia - - Turnamen ini digelar di Bekasi pada 4 Maret 2018.\n"
    article = article_from_text(text, source="catur.txt")
    assert article.sentences[0].text.startswith("Turnamen ini")
    assert (judge(article)[0].label, judge(article)[0].rule) == (NEEDS_CONTEXT, "undefined-reference")


def test_an_example_word_late_in_the_sentence_is_no_opener() -> None:
    assert judge_text(
        "Presiden Joko Widodo meresmikan tiga bendungan baru, misalnya Bendungan Karian."
    ).stands_alone


EVENT_ARTICLE = """Gudang benih digerebek

Kebakaran terjadi di gudang benih wortel di Surabaya pada Senin (3/4) pagi.

Penggerebekan dilakukan tim gabungan Bareskrim Polri dan Polrestabes Surabaya pada Selasa.

Operasi akan berlangsung sampai Jumat di tiga gudang lain di Jawa Timur.

Pengujian benih dilakukan di laboratorium Kementerian Pertanian di Bogor.
"""


def test_an_event_named_by_its_noun_past_the_lead_needs_the_lead() -> None:
    rules = rule_verdicts(article_from_text(EVENT_ARTICLE, source="gudang.txt"))
    # The lead tells its event; later, "Penggerebekan dilakukan ..." is the one told before.
    assert rules[0].stands_alone
    assert [(v.label, v.rule, v.depends_on) for v in rules[1:3]] == [
        (NEEDS_CONTEXT, "bare-event", 0),
        (NEEDS_CONTEXT, "bare-event", 1),  # an auxiliary between noun and verb
    ]
    assert rules[3].stands_alone  # "Pengujian benih dilakukan": the noun is not alone


# Round 21 (heldout20's misses): a reason or condition with no main clause, past the lead.
@pytest.mark.parametrize(
    "text",
    [
        "Mengingat kuota pengunjung Monas dibatasi hanya 2.000 orang setiap hari.",
        "Karena Pemkot Bogor yakin warga lebih suka membayar secara daring.",
        "Meskipun harga tiket KRL Bogor tetap Rp 3.000 per perjalanan.",
    ],
)
def test_a_clause_with_no_main_clause_leans_on_the_sentence_before(text: str) -> None:
    article = article_from_text(
        f"Judul\n\nPemkot Bogor menjual tiket secara daring mulai Senin.\n\n{text}\n", source="a.txt"
    )
    assert [(v.rule, v.depends_on) for v in rule_verdicts(article)[1:]] == [("dangling-clause", 0)]


def test_a_clause_with_its_main_clause_or_as_a_lead_is_no_dangling_clause() -> None:
    assert judge_text(
        "Mengingat kuota dibatasi, Pemkot Bogor menjual tiket Monas secara daring."
    ).stands_alone
    assert judge_text("Karena hujan deras, KRL Bogor terlambat 30 menit pada Senin.").stands_alone
    assert judge_text(
        "Karena Pemkot Bogor yakin warga lebih suka membayar secara daring.", lead=True
    ).rule != ("dangling-clause")


# Round 21: a short lead that asserts with "memang" what the next sentences bear out.
def test_a_short_lead_asserting_with_memang_is_a_teaser_but_not_later_or_long() -> None:
    text = (
        "Judul\n\nFilm Star Wars terbaru memang bertabur bintang.\n\n"
        "Lilipaly memang memiliki kedekatan emosional dengan Jakarta.\n"
    )
    rules = rule_verdicts(article_from_text(text, source="sw.txt"))
    assert (rules[0].label, rules[0].rule) == (TEASER, "short-claim")
    assert rules[1].stands_alone  # past the lead: a plain statement
    long_lead = "Judul\n\nEkonom Universitas Pertamina Eka Puspitawati mengatakan utang Indonesia memang lebih rendah.\n"
    assert rule_verdicts(article_from_text(long_lead, source="u.txt"))[0].stands_alone


# After round 16 (heldout16's misses): a lead whose subject only says that something happened.
@pytest.mark.parametrize(
    "lead",
    [
        "Insiden terjadi menjelang pelantikan Kapolres Sleman, Rabu (21/9) sekitar pukul 09.00 WIB.",
        "Jakarta, CNN Indonesia - - Kejadian terjadi di depan Stasiun Manggarai pada Senin malam.",
        "Kejutan kembali terjadi di hari terakhir bursa transfer pemain Liga Inggris.",  # an auxiliary
    ],
)
def test_a_lead_that_only_says_something_happened_is_a_hook(lead: str) -> None:
    text = f"Judul\n\n{lead}\n\nSeorang anggota polisi menembak rekannya di halaman markas.\n"
    assert rule_verdicts(article_from_text(text, source="insiden.txt"))[0].rule == "vague-event"


def test_a_lead_that_names_its_event_or_a_later_vague_event_is_no_vague_event_hook() -> None:
    rules = rule_verdicts(article_from_text(EVENT_ARTICLE, source="gudang.txt"))
    assert rules[0].stands_alone  # "Kebakaran terjadi ...": a fire, told
    later = "Judul\n\nDua orang tewas di Jalan Sudirman, Jakarta, pada Senin.\n\nInsiden terjadi pukul 09.00 WIB.\n"
    rules = rule_verdicts(article_from_text(later, source="later.txt"))
    assert (rules[0].stands_alone, rules[1].rule) == (True, "bare-event")  # past the lead


# After round 16: a title-case line with no verb is a heading or a list's item, no sentence.
@pytest.mark.parametrize(
    "text",
    [
        "Jakarta Fair Kemayoran Night Market.",
        "Penyerang: Bacca, Deulofeu, Lapadula, Suso.",
        "Skor Akhir 3 - 1.",
    ],
)
def test_a_title_case_line_with_no_verb_is_a_heading(text: str) -> None:
    assert judge_text(text) == Judgement(FRAGMENT, "heading")


@pytest.mark.parametrize(
    "text",
    [
        "Timnas Indonesia Menang 2 - 0.",  # a verb, title-cased
        "Presiden Joko Widodo Telah Tiba.",  # an auxiliary
        "Gashapon New Year Festival digelar di Jakarta.",  # a word in lower case
    ],
)
def test_a_title_case_line_with_a_verb_or_a_lower_case_word_is_no_heading(text: str) -> None:
    assert judge_text(text).rule != "heading", judge_text(text)


def test_a_body_opening_the_lead_is_an_actor() -> None:
    # "no-actor" is for a lead naming nobody; a body ("Pemerintah") acts as a name does, even
    # where the article writes the word in lower case too.
    text = (
        "Pemerintah menaikkan harga eceran tertinggi beras medium.\n\n"
        "Kebijakan itu disampaikan oleh juru bicara pemerintah pada Senin."
    )
    assert judge(article_from_text(text))[0].stands_alone
    hook = "Bekerja merupakan salah satu upaya manusia untuk bertahan hidup.\n\nBanyak orang bekerja lebih dari 40 jam sepekan."
    assert judge(article_from_text(hook))[0].rule == "no-actor"


@pytest.mark.parametrize(
    "lead",
    [
        "Setidaknya 12 orang tewas dalam kecelakaan bus di Jalan Raya Puncak, Bogor, pada Sabtu (3/3).",
        "Dilantiknya Budi Santoso sebagai Menteri Perhubungan disambut baik oleh asosiasi angkutan darat.",
        "Maraknya pencurian motor di Kota Bekasi membuat polisi menambah patroli malam.",
        "Kabarnya, tim gabungan Polda Jawa Timur telah menyita 3 ton gula ilegal di Surabaya.",
        "Para nelayan di pesisir selatan Bantul menemukan seekor paus terdampar pada Minggu pagi.",
    ],
)
def test_a_lead_opening_with_a_nya_word_or_para_names_its_own(lead: str) -> None:
    # The "-nya" of the lead's first word is "the X-ing of" or "at least", and its "Para X" the
    # ones it tells of: nothing came before it. Later in the article the same words point back.
    later = "Polisi masih menyelidiki penyebab kejadian tersebut hingga Senin."
    rules = rule_verdicts(article_from_text(f"{later}\n\n{lead}"))
    assert rules[1].rule == "pronoun"
    first = rule_verdicts(article_from_text(f"{lead}\n\n{later}"))[0]
    assert first.stands_alone, first
    assert judge_text(lead).rule == "pronoun" and judge_text(lead, lead=True).stands_alone


def test_a_lead_still_needs_what_a_subject_pronoun_or_a_later_nya_stands_for() -> None:
    # Only the lead's first word is read otherwise: "Ia ...", "Hal ini ...", "Keduanya ..." and
    # a "-nya" past the first word before any name ("... dengan dimulainya tren ...") still count.
    for lead in (
        "Ia menyerahkan diri ke Polres Bogor pada Senin malam.",
        "Hal ini disampaikan Kepala Dinas Kesehatan pada Senin.",
        "Keduanya ditangkap di sebuah rumah kos di Depok.",
        "2019 bakal menjadi babak baru dengan dimulainya tren kendaraan listrik.",
    ):
        assert judge_text(lead, lead=True).rule == "pronoun", lead


def test_a_first_word_capitalised_as_first_is_no_name_for_its_phrase_s_nya() -> None:
    # "Cara kerjanya ...": "Cara" heads a phrase its own "-nya" closes (its way of working),
    # capitalised because it comes first; a name is followed by what it did, not by "X-nya".
    for later in (
        "Cara kerjanya pun cukup mirip dengan kepunyaan Grab.",
        "Kamera utamanya menggunakan sensor 8MP dengan lensa lebar.",
        "Harga tiket masuk konsernya naik dua kali lipat tahun ini.",
        "Nyali mereka mengalahkan rasa sakit yang diderita.",
    ):
        assert judge_text(later).rule == "pronoun", later
    # Still standing alone: a name with its own verb first, a name right after the X-nya (what
    # it speaks of), an adverb in "-nya", a fronted clause with its subject named after it, and
    # "the X-ing of" what follows.
    for alone in (
        "Crutchlow mengakui bahwa luka pada jari telunjuknya bakal memengaruhi performanya.",
        "Nama tempatnya Pizzeria Cavalese, lokasinya ada di Ruko Green Lake Sunter.",
        "Arsenal sejatinya berhasil mendominasi babak pertama di Stamford Bridge.",
        "Mengenai idenya membentuk Dewan Museum, Dhani mengaku hanya berniat membantu.",
        "Kabar keluarnya aturan baru tentang ojek daring beredar di media sosial.",
    ):
        assert judge_text(alone).rule != "pronoun", alone


def test_a_fronted_phrase_s_nya_belongs_to_the_name_that_opens_the_main_clause() -> None:
    # "In his speech, Minister Sri ...": the owner is named right after the fronted phrase.
    for alone in (
        "Dalam sambutannya, Menteri Sri Mulyani menyampaikan apresiasi kepada para guru.",
        "Setelah kontraknya habis di tahun 2018, Rossi diyakini tak akan memperpanjang kontrak.",
        "Sepanjang kariernya, Guthrie juga pernah bermain untuk Southampton dan Fulham.",
        "Dalam sambutannya Menteri Kelautan dan Perikanan berharap taruna belajar di kapal.",
    ):
        assert judge_text(alone).stands_alone, alone
    # Still leaning back: a pronoun subject after the phrase; "in return", "instead of" what
    # was told; "that decision of his"; a verb's "-nya" (make *it*); a name past an apposition
    # whose owner is someone else; a later "X tersebut" the sentence does not define.
    for later in (
        "Dalam konferensi pers yang didampingi asistennya Wolfgang Fidal, ia menjelaskan strateginya.",
        "Sebagai gantinya, PSSI memanggil gelandang Arema FC, Adam Alis.",
        "Setelah keputusannya itu, Duta Besar Israel menulis surat terbuka.",
        "Untuk membuatnya tetap kokoh, Hosaka menyemprotkan zat khusus ke pasir.",
        "Dalam sambutannya, Menteri Sri mengapresiasi penghargaan tersebut.",
    ):
        assert not judge_text(later).stands_alone, later


def test_a_hook_phrase_pulls_the_score_down_and_is_named() -> None:
    # The same lead with and without the hook's stock phrase and hedge: the score names it
    # (long enough that the "short-hook" rule leaves it to the score).
    hook = article_from_text(
        "Maskapai Garuda Indonesia nampaknya punya rencana besar bagi para penumpangnya tahun ini.\n\n"
        "Maskapai itu akan membuka 12 rute baru ke Asia mulai Senin (3/4)."
    )
    fact = article_from_text(
        "Maskapai Garuda Indonesia membuka 12 rute baru ke Asia mulai Senin (3/4).\n\n"
        "Rute itu melayani Tokyo, Seoul dan Bangkok."
    )
    hooked, plain = judge(hook)[0], judge(fact)[0]
    assert hooked.score is not None and plain.score is not None and hooked.score < plain.score
    assert not hooked.sure and plain.may_open
    assert hooked.doubt in ("hook-phrase", "hedge", "promise", "when")
    # Short, the same hook is a rule's teaser: it never opens a brief.
    short = article_from_text(
        "Maskapai Garuda Indonesia nampaknya punya rencana besar tahun ini.\n\n"
        "Maskapai itu akan membuka 12 rute baru ke Asia mulai Senin (3/4)."
    )
    teaser = judge(short)[0]
    assert (teaser.label, teaser.rule, teaser.may_open) == (TEASER, "short-hook", False)


def test_eval_script_names_a_split_it_does_not_hold_in_one_line() -> None:
    # A split merged later (heldout4) is scored by name; one the set lacks is one clear line.
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_standalone.py"), "--split", "no-such-split"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "holds no split 'no-such-split'" in done.stderr.splitlines()[-1]
    assert "tuning" in ev.splits_present() and ev.default_split() in ev.splits_present()


def test_the_set_is_kept_in_parts_that_read_back_as_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No part passes its size, the rows come back in order, and a shorter write leaves no stale part."""
    from tests import standalone_eval

    monkeypatch.setattr(standalone_eval, "PART_BYTES", 2_000)
    rows = [{"article": f"a{k}", "text": "kalimat " * (k % 7)} for k in range(300)]
    parts = standalone_eval.write_rows("labels", rows, tmp_path)
    assert len(parts) > 1
    limit = standalone_eval.PART_BYTES
    assert all(p.stat().st_size <= limit or len(p.read_text().splitlines()) == 1 for p in parts)
    assert standalone_eval.read_rows("labels", tmp_path) == rows
    assert standalone_eval.write_rows("labels", rows[:3], tmp_path) == [tmp_path / "labels-1.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels-1.jsonl"]
    assert standalone_eval.read_rows("labels", tmp_path) == rows[:3]


def test_a_lead_is_shown_as_its_verdict_reads_it() -> None:
    """A lead's first word in -nya is no back-reference (nothing came before it), so after its
    connective it stands alone: the digest's span drops the connective, as the verdict's trim says."""
    from summarize.ingest import article_from_text
    from summarize.rank.standalone import rule_verdicts, shown_span

    article = article_from_text(
        "Namun, Setidaknya 13 orang tewas dalam banjir di Jakarta pada Senin. Polisi masih mencari korban.",
        id="x",
    )
    assert rule_verdicts(article)[0].trim == 1
    start, end = shown_span(article, 0)
    assert article.text[start:end] == "Setidaknya 13 orang tewas dalam banjir di Jakarta pada Senin."
