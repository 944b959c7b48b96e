"""Indonesian segmentation on real tricky sentences, and its offset invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.segment import MAX_WORDS, collapse, sentence_spans, split_sentences


def test_abbreviations_do_not_split() -> None:
    text = (
        "Prof. Dr. Ir. Sutomo, S.H., M.Si. hadir di Jl. Sudirman No. 5 bersama Budi dkk. pada pagi hari. "
        "Dia pulang sore."
    )
    assert split_sentences(text) == [
        "Prof. Dr. Ir. Sutomo, S.H., M.Si. hadir di Jl. Sudirman No. 5 bersama Budi dkk. pada pagi hari.",
        "Dia pulang sore.",
    ]


def test_numbers_and_dates_stay_whole() -> None:
    text = (
        "Korea Utara telah mengirimkan lebih dari 1.000 kontainer senilai Rp1,5 juta pada Sabtu (16/9/2023). "
        "Jumlah pasukan naik 180 ribu menjadi 1,5 juta."
    )
    assert split_sentences(text) == [
        "Korea Utara telah mengirimkan lebih dari 1.000 kontainer senilai Rp1,5 juta pada Sabtu (16/9/2023).",
        "Jumlah pasukan naik 180 ribu menjadi 1,5 juta.",
    ]


def test_quotation_with_inner_question_is_one_sentence() -> None:
    text = (
        '"Apakah akan ada perbedaan yang besar? Saya skeptis terhadap hal itu," kata Milley. '
        "Milley dan para kepala pertahanan NATO bertemu di Oslo."
    )
    assert split_sentences(text) == [
        '"Apakah akan ada perbedaan yang besar? Saya skeptis terhadap hal itu," kata Milley.',
        "Milley dan para kepala pertahanan NATO bertemu di Oslo.",
    ]


def test_initials_and_ellipses() -> None:
    text = (
        "kata purnawirawan Mayor Jenderal James A. “Spider” Marks, yang bergabung di acara CNN. "
        "Mereka harus berpikir…apa risiko yang saya ambil? kata Bauer. Itu benar... Lalu dia pergi."
    )
    assert split_sentences(text) == [
        "kata purnawirawan Mayor Jenderal James A. “Spider” Marks, yang bergabung di acara CNN.",
        "Mereka harus berpikir…apa risiko yang saya ambil? kata Bauer.",
        "Itu benar...",
        "Lalu dia pergi.",
    ]


def test_sentence_final_dll_splits_before_a_capital() -> None:
    assert split_sentences("Ada sayur, buah, dll. Kemudian mereka makan.") == [
        "Ada sayur, buah, dll.",
        "Kemudian mereka makan.",
    ]


def test_paragraph_break_ends_a_sentence() -> None:
    assert split_sentences("Judul tanpa titik\n\nKalimat pertama.") == [
        "Judul tanpa titik",
        "Kalimat pertama.",
    ]


def test_overlong_sentence_is_cut_into_bounded_pieces() -> None:
    text = " ".join(f"kata{i}" for i in range(3000))
    pieces = split_sentences(text)
    assert all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert " ".join(pieces) == text  # nothing lost, nothing invented


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .?!\n"“”,1A')), max_size=300))
def test_spans_slice_back_in_order(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and collapse(piece)
        last = e
    # Every non-space character of the text lands in exactly one span.
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
