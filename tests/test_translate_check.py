"""The translation checker: each rule both ways, the eval gate, and a no-crash property."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.numerals import quantities
from summarize.translate.check import KINDS, Problem, check_translation, review_translation
from summarize.translate.glosses import gloss_lists
from tests import guard_eval

ROOT = Path(__file__).resolve().parents[1]

BASELINE = json.loads((ROOT / "tests" / "guard_baseline.json").read_text("utf-8"))


def kinds(source: str, english: str) -> set[str]:
    return {p.kind for p in check_translation(source, english)}


def test_problem_is_a_frozen_dataclass() -> None:
    p = Problem("numbers", "numbers differ: source has 1.000; English has 100")
    with pytest.raises(AttributeError):
        p.kind = "copy"  # type: ignore[misc]
    assert set(KINDS) == {"repetition", "numbers", "copy", "language", "length"}


def test_a_good_translation_passes() -> None:
    src = (
        "Liputan6.com, Washington - Gedung Putih pada Jumat (13/10/2023) mengatakan, Korea Utara "
        "telah mengirimkan lebih dari 1.000 kontainer peralatan militer dan amunisi ke Rusia."
    )
    en = (
        "Liputan6.com, Washington - The White House said on Friday (13/10/2023) that North Korea "
        "has sent more than 1,000 containers of military equipment and munitions to Russia."
    )
    assert check_translation(src, en) == []


# ------------------------------------------------------------------ numbers: must not flag

SAME = [
    ("Ada 1.000 kontainer di pelabuhan itu.", "There are 1,000 containers at the port."),
    ("Inflasi naik 2,5 persen tahun ini.", "Inflation rose 2.5 percent this year."),
    ("Inflasi naik 2,5 persen tahun ini.", "Inflation rose 2.5% this year."),
    ("Proyek itu bernilai Rp 2 triliun.", "The project is worth IDR 2 trillion."),
    ("Proyek itu bernilai Rp 2 triliun.", "The project is worth Rp 2 trillion."),
    ("Proyek itu bernilai Rp 2 triliun.", "The project is worth 2 trillion rupiah."),
    ("Dendanya Rp2,5 miliar.", "The fine is Rp2.5 billion."),
    ("Bantuan senilai US$ 1 juta.", "Aid worth $1 million."),
    ("Pada Jumat (13/10/2023) ia tiba.", "He arrived on Friday (13/10/2023)."),
    ("Pada Jumat (13/10/2023) ia tiba.", "He arrived on Friday, October 13, 2023."),
    ("Ia lahir 13 Oktober 2023 di sana.", "She was born there on 13 October 2023."),
    ("Ia lahir 13 Oktober 2023 di sana.", "She was born there on October 13, 2023."),
    ("Puluhan orang terluka.", "Tens of people were injured."),
    ("Puluhan orang terluka.", "Dozens of people were injured."),
    ("Ratusan warga mengungsi.", "Hundreds of residents fled."),
    ("Ribuan penonton datang.", "Thousands of spectators came."),
    ("Jutaan peluru dikirim.", "Millions of shells were sent."),
    ("Puluhan ribu pengguna bergabung.", "Tens of thousands of users joined."),
    ("Dua orang ditangkap.", "Two people were arrested."),
    ("Dua orang ditangkap.", "2 people were arrested."),
    ("Sepuluh rumah terbakar.", "Ten houses burned down."),
    ("Seratus orang hadir.", "A hundred people attended."),
    ("Tiga belas ribu kilometer.", "Thirteen thousand kilometres."),
    ("Ia finis di urutan ke-3.", "He finished third."),
    ("Ia finis di urutan ke-3.", "He finished in 3rd place."),
    ("Rapat dimulai pukul 10.30 WIB.", "The meeting began at 10:30 WIB."),
    ("Rapat dimulai pukul 10.30 WIB.", "The meeting began at 10.30 WIB."),
    ("Pesawat berangkat pukul 22.00 WITA.", "The plane leaves at 10 pm WITA."),
    ("Ia pensiun pada 2013.", "He retired in 2013."),
    ("Skor imbang 4-4 hingga menit ke-90.", "The score was 4-4 until the 90th minute."),
    ("Kedua negara sepakat.", "The two countries agreed."),
    ("Kedua negara sepakat.", "Both countries agreed."),
    ("Salah satu masalah utama adalah biaya.", "One of the main problems is cost."),
    ("Dia lahir dengan berat 3,204 gram.", "She was born weighing 3,204 grams."),
    ("Catatan waktunya 1 menit 36,447 detik.", "His time was 1 minute 36.447 seconds."),
    ("Ia mencetak gol dua kali.", "He scored twice."),
    ("Pasukan naik 180 ribu menjadi 1,5 juta.", "Troops rise by 180,000 to 1.5 million."),
    ("Harganya USD 12 ribu.", "It costs USD 12 thousand."),
]


@pytest.mark.parametrize(("source", "english"), SAME)
def test_numbers_same_values_pass(source: str, english: str) -> None:
    assert "numbers" not in kinds(source, english)


# ------------------------------------------------------------------ numbers: must flag

DIFFERENT = [
    ("Ada 1.000 kontainer di pelabuhan itu.", "There are 100 containers at the port."),
    ("Ada 1.000 kontainer di pelabuhan itu.", "There are containers at the port."),
    ("Inflasi naik 2,5 persen tahun ini.", "Inflation rose 25 percent this year."),
    ("Inflasi naik 2,5 persen tahun ini.", "Inflation rose 3.5% this year."),
    ("Proyek itu bernilai Rp 2 triliun.", "The project is worth IDR 2 billion."),
    ("Bantuan senilai US$ 1 juta.", "Aid worth $1 billion."),
    ("Pada Jumat (13/10/2023) ia tiba.", "He arrived on Friday (14/10/2023)."),
    ("Pada Jumat (13/10/2023) ia tiba.", "He arrived on Friday, November 13, 2023."),
    ("Ia lahir 13 Oktober 2023 di sana.", "She was born there on 13 October 2022."),
    ("Ratusan warga mengungsi.", "Thousands of residents fled."),
    ("Dua orang ditangkap.", "Three people were arrested."),
    ("Ia pensiun pada 2013.", "He retired in 2013 after 12 years."),
    ("Rapat dimulai pukul 10.30 WIB.", "The meeting began at 11:30 WIB."),
    ("Tiga orang tewas.", "Two people died."),
]


@pytest.mark.parametrize(("source", "english"), DIFFERENT)
def test_numbers_different_values_flag(source: str, english: str) -> None:
    problems = [p for p in check_translation(source, english) if p.kind == "numbers"]
    assert problems, english
    assert problems[0].message.startswith("numbers differ: ")


def test_numbers_message_names_both_sides() -> None:
    (p,) = [p for p in check_translation("Ada 1.000 kontainer.", "There are 100 containers.")]
    assert p.message == "numbers differ: source has 1.000; English has 100"


# ------------------------------------------------------------------ faithful newsroom English

FAITHFUL = [
    # scale words after digits
    ("Jumlah penduduknya 380 juta jiwa.", "Its population is 380 million."),
    ("Pendapatan naik menjadi 608,4 juta dolar.", "Revenue rose to $608.4 million."),
    ("Nilai proyek Rp1,35 triliun.", "The project is worth Rp1.35 trillion."),
    ("Utang mencapai 13,6 triliun rupiah.", "The debt reached 13.6 trillion rupiah."),
    ("Harganya sekitar Rp 2 jutaan.", "It sells for around Rp2 million."),
    # dates rendered naturally
    ("Harga minyak naik tajam pada 2008.", "Oil prices rose sharply this year."),
    ("Film itu dirilis pada 1996.", "The film came out in '96."),
    (
        "Ekonomi tumbuh 6 persen pada triwulan IV/2006.",
        "The economy grew 6 percent in the fourth quarter of 2006.",
    ),
    (
        "Ekonomi tumbuh 6 persen pada triwulan IV/2006.",
        "The economy grew 6 percent in the last three months of 2006.",
    ),
    ("Ia ditangkap pada Oktober.", "He was arrested last month."),
    ("Ia tiba Sabtu (16/9/2023).", "He arrived on Saturday, Sept. 16, 2023."),
    ("Ia lahir 13 Oktober 2023.", "She was born on Oct. 13, 2023."),
    # conversions and glosses
    ("Jaraknya 5.268 km.", "The distance is 3,274 miles (5,268 km)."),
    ("Jaraknya 5.268 km.", "The distance is 3,274 miles."),
    ("Jembatan itu sepanjang 25 meter.", "The bridge is 25 meters (82 feet) long."),
    ("Dendanya Rp10 miliar.", "The fine is Rp10 billion (about $700,000)."),
    ("Vaksin untuk anak balita.", "Vaccines for children under five."),
    # number words in names and idioms
    ("Restoran Nusa Dua berada di London.", "The Nusa Dua restaurant is in London."),
    ("Timnas lolos ke Piala Dunia.", "The national team qualified for the World Cup."),
    ("Ia satu-satunya saksi.", "He is the only witness."),
    ("Dua-duanya ditahan polisi.", "Both were held by police."),
    # spelled-out numbers
    ("Enam partai mendukung.", "Six parties gave their support."),
    ("Dua puluh orang hadir.", "20 people attended."),
    ("Ia juara ketiga.", "She came third."),
    ("Ia dihukum 4,5 tahun penjara.", "He was sentenced to four and a half years in prison."),
    ("Kongres XVII dibuka.", "The 17th Congress opened."),
    # dates newsroom English leaves implied, names with digits, seasons, multiples
    ("Polisi menangkap dua orang pada Senin (2/10).", "Police arrested two people on Monday."),
    ("Ia tiba di Jakarta, Sabtu (16/9/2023).", "He arrived in Jakarta on Saturday."),
    ("Polisi menangkap dua orang pada 13 Oktober 2023.", "Police arrested two people on Oct. 13."),
    ("Pertemuan G20 digelar di Bali.", "The G-20 meeting was held in Bali."),
    ("Pelatih timnas U - 19 puas.", "The Under-19 coach was satisfied."),
    ("Ia bermain di musim 2017/2018.", "He played in the 2017/18 season."),
    ("Harganya naik dua kali lipat.", "Its price doubled."),
    ("Ia divonis 1 tahun 6 bulan penjara.", "He was sentenced to a year and six months in prison."),
    # found by the one held-out scoring (scripts/data/faithful/README.md): ranges sharing a scale
    # word, multiples, speeds with a conversion, rows of names, an idiom of magnitude
    (
        "Harganya 40 - 55 juta, tergantung warna.",
        "It costs 40 million to 55 million, depending on the colour.",
    ),
    ("Ongkosnya antara Rp 2 hingga 4 juta.", "It costs between Rp2 million and Rp4 million."),
    ("Labanya ditargetkan naik 3 kali lipat.", "Its profit is set to triple."),
    ("Labanya ditargetkan naik 4 kali lipat.", "Its profit is set to quadruple."),
    ("Kereta itu melaju hingga 320 km / jam.", "The train runs at up to 320 km/h (199 mph)."),
    (
        "Persib: Made Wirawan; Supardi Nasir, Vladimir Vujovic, Achmad Jufriyanto (Tantan 70 ').",
        "Persib: Made Wirawan; Supardi Nasir, Vladimir Vujovic, Achmad Jufriyanto (Tantan 70').",
    ),
    ("Aku tak akan melupakanmu bahkan dalam ribuan tahun.", "I wouldn't forget you in a thousand years."),
    ("Ia tiba Sabtu (16/9).", "He arrived on Saturday, Sept. 16, 2023."),
    ("Polisi menangkap dua orang, Senin (2/10) kemarin.", "Police arrested two people yesterday."),
    ("Ratusan warga mengungsi.", "Several hundred residents fled."),
    ("Proyek itu bernilai Rp 3,5 M.", "The project is worth Rp3.5 billion."),
    ("Puluhan warga mengungsi.", "Scores of residents fled."),
    (
        "Suhu di kota itu mencapai 30 derajat Celsius.",
        "Temperatures in the city reached 30 degrees Celsius (86 degrees Fahrenheit).",
    ),
]


# Kinds found by the first scoring of heldout3, each in sentences of its own.
GLOSS_KINDS_PASS = [
    # a range glossed by a range, end by end
    (
        "Tiket dijual Rp 150 ribu hingga Rp 300 ribu.",
        "Tickets sell for Rp150,000 to Rp300,000 (about $10 to $20).",
    ),
    ("Jaraknya 5 hingga 10 km.", "The distance is 5 to 10 km (3 to 6 miles)."),
    # a compound unit converted, past its abbreviation
    (
        "Lapangan itu menghasilkan 120 juta kaki kubik gas per hari.",
        "The field produces 120 million standard cubic feet of gas per day (MMSCFD), or about 3.4 million cubic meters.",
    ),
    (
        "Produksi minyak mencapai 50 ribu barel per hari.",
        "Oil output reached 50,000 barrels (7,950 cubic meters) a day.",
    ),
    # number idioms of sport
    ("Striker itu mencetak dua gol ke gawang tuan rumah.", "The striker scored a brace against the hosts."),
    ("Striker itu mencetak tiga gol di laga itu.", "The striker scored a hat-trick in the match."),
    # a word number glossed by digits
    ("Ponsel itu memakai prosesor octa core.", "The phone runs on an octa-core (8-core) processor."),
    ("Laptop itu memakai prosesor empat inti.", "The laptop uses a quad-core processor."),
    # two dollar glosses at one rate
    (
        "Denda Rp 1 juta dan ganti rugi Rp 3 miliar.",
        "A fine of Rp1 million (about $70) and damages of Rp3 billion (about $210,000).",
    ),
]
GLOSS_KINDS_FLAG = [
    (
        "Tiket dijual Rp 150 ribu hingga Rp 300 ribu.",
        "Tickets sell for Rp150,000 to Rp300,000 (about $10 to $200).",
    ),
    (
        "Tiket dijual Rp 150 ribu hingga Rp 300 ribu.",
        "Tickets sell for Rp150,000 to Rp300,000 (about $10 to ).",
    ),
    (
        "Lapangan itu menghasilkan 120 juta kaki kubik gas per hari.",
        "The field produces 120 million standard cubic feet of gas per day (MMSCFD), or about 5.4 million cubic meters.",
    ),
    ("Striker itu mencetak tiga gol di laga itu.", "The striker scored a brace in the match."),
    ("Ponsel itu memakai prosesor octa core.", "The phone runs on an octa-core (6-core) processor."),
    ("Gempa terjadi di kedalaman 10 km.", "The quake struck at a depth of km (6 miles)."),
    # two dollar glosses in one line whose rates differ by more than rounding allows
    (
        "Denda Rp 1 juta dan ganti rugi Rp 3 miliar.",
        "A fine of Rp1 million (about $70) and damages of Rp3 billion (about $300,000).",
    ),
]


@pytest.mark.parametrize(("source", "english"), FAITHFUL + GLOSS_KINDS_PASS)
def test_faithful_newsroom_english_passes(source: str, english: str) -> None:
    assert check_translation(source, english) == []


def test_natural_repetition_in_a_long_sentence_passes() -> None:
    src = (
        "Nasabah dengan simpanan Rp1 miliar mendapat bunga 5 persen, sedangkan nasabah dengan "
        "simpanan Rp1 miliar hingga Rp5 miliar mendapat bunga 6 persen."
    )
    en = (
        "Customers with deposits of Rp1 billion get 5 percent interest, while customers with "
        "deposits of Rp1 billion to Rp5 billion get 6 percent."
    )
    assert check_translation(src, en) == []


def test_a_long_faithful_translation_passes() -> None:
    src = "Jika jumlah maksimal pemilih per TPS dikurangi, KPU prediksi ada tambahan TPS hingga 780 ribu."
    en = (
        "If the maximum number of voters per polling station is reduced, the General Elections "
        "Commission (KPU) predicts there could be up to 780,000 additional polling stations."
    )
    assert len(en) / len(src) > 1.75
    assert check_translation(src, en) == []


UNFAITHFUL = [
    ("Jumlah penduduknya 380 juta jiwa.", "Its population is 380 billion."),
    ("Jumlah penduduknya 380 juta jiwa.", "Its population is 38 million."),
    (
        "Ekonomi tumbuh 6 persen pada triwulan IV/2006.",
        "The economy grew 6 percent in the fourth quarter of 2007.",
    ),
    ("Film itu dirilis pada 1996.", "The film came out in '97."),
    (
        "Inflasi tahun ini 3,1 persen, dibanding tahun 2015 yang 3,35 persen.",
        "Inflation this year is 3.1 percent, against 3.35 percent in.",
    ),
    ("Jembatan itu sepanjang 25 meter.", "The bridge is 25 meters (182 feet) long."),
    ("Jaraknya 5.268 km.", "The distance is 3,874 miles."),
    ("Kongres XVII dibuka.", "The Congress opened."),
    ("Polisi menangkap dua orang pada Jumat (13/10/2023).", "Police arrested two people on Thursday."),
    ("Polisi menangkap dua orang pada Jumat (13/10/2023).", "Police arrested two people on Friday (Aug. )."),
    ("Pelatih timnas U-16 puas.", "The U-19 coach was satisfied."),
    (
        "Harganya 40 - 55 juta, tergantung warna.",
        "It costs 40 million to 65 million, depending on the colour.",
    ),
    ("Kereta itu melaju hingga 320 km / jam.", "The train runs at up to 220 km/h (199 mph)."),
    ("Jembatan itu sepanjang 25 meter.", "The bridge is 25 meters (about 182 feet) long."),
]


@pytest.mark.parametrize(("source", "english"), UNFAITHFUL + GLOSS_KINDS_FLAG)
def test_a_changed_or_dropped_figure_still_flags(source: str, english: str) -> None:
    assert "numbers" in kinds(source, english)


# ------------------------------------------------------------------ kinds newsroom English shows

# Each kind with sentences of its own: a season or fiscal year, a slip in a scale word, a
# conversion in either order, a number word as an adjective, a line full of names or a list.
NEWSROOM_KINDS = [
    ("Ia mencetak 9 gol pada musim 18/19.", "He scored nine goals in the 2018/19 season."),
    ("Ia mencetak 9 gol pada musim 18/19.", "He scored nine goals in the 2018-2019 season."),
    ("Anggaran tahun anggaran 2020/2021 naik.", "The budget for fiscal 2020-21 went up."),
    ("Kontraknya berlaku pada musim 11/12.", "His contract ran for the 2011/12 season."),
    ("Nilai ekspornya mencapai US$ 7 trilyun.", "Its exports reached $7 trillion."),
    ("Nilai ekspornya mencapai US$ 7 trilun.", "Its exports reached $7 trillion."),
    ("Dana desa Rp 12 miliyar cair.", "Village funds of Rp12 billion were paid out."),
    ("Gajinya 4 jt per bulan.", "His salary is 4 million a month."),
    ("Tiketnya 25 rb per orang.", "Tickets cost 25,000 per person."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is 35 miles, or 56 kilometers, long."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is 56 km (35 miles) long."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is 35 miles (56 km) long."),
    ("Kapal itu digerakkan dua mesin diesel.", "The ship is driven by twin diesel engines."),
    ("Ia membawa pulang tiga trofi musim itu.", "He took home a treble that season."),
    ("Ini penerbangan pertama pesawat baru itu.", "It was the new plane's maiden flight."),
    ("Ia mencetak 31 poin di gim keempatnya.", "He scored 31 points in Game 4."),
    (
        "Adapun, Jepang meraih satu medali lewat pegulat Yui Susaki.",
        "Japan, meanwhile, took one medal through wrestler Yui Susaki.",
    ),
    (
        "Kebakaran menghanguskan 12 rumah kayu, 3 rumah bata, 2 kios, dan 1 musala.",
        "The fire gutted 12 wooden houses, three brick houses, two small kiosks and one prayer room.",
    ),
    ("Proyek itu bernilai Rp 30 miliar.", "The project is worth Rp30 billion (about $2.1 million)."),
    ("Rumahnya sekitar 3 km dari pasar.", "His house is about 2 miles (3 km) from the market."),
    ("Ia divonis 4 tahun 6 bulan penjara.", "He was sentenced to four and a half years in prison."),
    ("Perbaikan jalan selesai dalam dua pekan.", "The road repairs took a fortnight."),
]


@pytest.mark.parametrize(("source", "english"), NEWSROOM_KINDS)
def test_newsroom_kinds_pass(source: str, english: str) -> None:
    assert check_translation(source, english) == []


# The same kinds, wrong: a figure changed, or a figure's place left empty.
NEWSROOM_KINDS_WRONG = [
    ("Ia mencetak 9 gol pada musim 18/19.", "He scored nine goals in the 2018/20 season."),
    ("Nilai ekspornya mencapai US$ 7 trilun.", "Its exports reached $7 billion."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is 50 miles, or 56 kilometers, long."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is 35 miles, or kilometers, long."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is -kilometer (35-mile) long."),
    ("Jalan tol itu sepanjang 56 kilometer.", "The toll road is up to km (35 miles) long."),
    ("Proyek itu bernilai Rp 30 miliar.", "The project is worth Rp30 billion (about $9.1 million)."),
    ("Proyek itu bernilai Rp 30 miliar.", "The project is worth Rp30 billion (about $ million)."),
    ("Beratnya 12 kilogram.", "It weighs 12 kilograms (about pounds)."),
    ("Laptop seberat 2 kg itu dijual.", "The -kg (4.4-pound) laptop is on sale."),
    ("Ia tiba pada 3 Maret 2019 di Jakarta.", "He arrived in Jakarta on March 3, ."),
    ("Ia petenis nomor 7 dunia.", "She is the world No. tennis player."),
    ("3. Jangan lupa minum air.", ". Do not forget to drink water."),
    ("Rumahnya sekitar 3 km dari pasar.", "His house is about 4 miles (3 km) from the market."),
    ("Ia divonis 4 tahun 6 bulan penjara.", "He was sentenced to four years in prison."),
]


@pytest.mark.parametrize(("source", "english"), NEWSROOM_KINDS_WRONG)
def test_newsroom_kinds_still_flag_a_wrong_or_missing_figure(source: str, english: str) -> None:
    assert "numbers" in kinds(source, english)


def test_indonesian_without_function_words_is_still_not_english() -> None:
    src = "Presiden meninjau lokasi banjir di Bekasi pada Senin."
    assert "language" in kinds(src, "Rombongan menteri meninjau lokasi banjir Bekasi bersama warga setempat.")


def test_a_conversion_or_gloss_passes_with_a_note() -> None:
    src = "Jalan tol itu sepanjang 56 kilometer dan bernilai Rp 30 miliar."
    en = "The toll road is 35 miles, or 56 kilometers, long and worth Rp30 billion (about $2.1 million)."
    review = review_translation(src, en)
    assert review.problems == ()
    assert review.notes == (
        "the English adds a conversion: 35 miles",
        "the English adds a conversion: $2.1 million",
    )
    only_miles = review_translation("Jaraknya 5.268 km.", "The distance is 3,274 miles.")
    assert only_miles.notes == ("the English gives 5.268 km as 3,274 miles",)
    assert review_translation("Ada 12 orang.", "There are 12 people.").notes == ()
    withheld = review_translation("Ada 12 orang dan 5 km.", "There are 13 people and 3 miles.")
    assert withheld.problems and withheld.notes == ()


def test_a_range_gloss_gives_a_note_for_each_end() -> None:
    review = review_translation(*GLOSS_KINDS_PASS[0])
    assert review.notes == ("the English adds a conversion: $10", "the English adds a conversion: $20")


# A list of glosses right after a list of figures of one kind glosses them in order, pair by
# pair; each pair is held as a single gloss, and the glosses of one list to one rate.
LIST_SOURCE = (
    "Tiket dijual Rp 75.000 untuk kelas ekonomi, Rp 150.000 untuk kelas bisnis dan Rp 300.000 untuk VIP."
)
LIST_ENGLISH = "Tickets cost Rp75,000 for economy, Rp150,000 for business and Rp300,000 for VIP{}."


@pytest.mark.parametrize(
    "gloss",
    [
        " (about $5.60, $11.20 and $22.40)",
        " \u2014 roughly $5.60, $11.20 and $22.40",
        ", or about $5.60, $11.20, and $22.40",
    ],
)
def test_a_list_of_glosses_passes_in_order(gloss: str) -> None:
    english = LIST_ENGLISH.format(gloss)
    review = review_translation(LIST_SOURCE, english)
    assert review.problems == ()
    assert review.notes == tuple(f"the English adds a conversion: ${d}" for d in ("5.60", "11.20", "22.40"))
    figures = quantities(english, "en")
    (pairs,) = gloss_lists(english, figures[:3], figures[3:])
    assert [(m.text, g.text) for m, g in pairs] == [
        ("Rp75,000", "$5.60"),
        ("Rp150,000", "$11.20"),
        ("Rp300,000", "$22.40"),
    ]


@pytest.mark.parametrize(
    "gloss",
    [
        " (about $5.60, $1.20 and $22.40)",  # a rate the rupiah never had
        " (about $5.60, $10.50 and $22.40)",  # a rate 7% off the list's own
        " \u2014 roughly $22.40, $11.20 and $5.60",  # the list in the wrong order
    ],
)
def test_a_list_of_glosses_with_a_wrong_figure_flags(gloss: str) -> None:
    assert "numbers" in kinds(LIST_SOURCE, LIST_ENGLISH.format(gloss))


def test_a_list_of_glosses_of_another_length_is_not_paired_in_order() -> None:
    english = LIST_ENGLISH.format(" (about $5.60, $11.20, $22.40 and $30)")
    figures = quantities(english, "en")
    assert gloss_lists(english, figures[:3], figures[3:]) == []
    assert "numbers" in kinds(LIST_SOURCE, english)


# ------------------------------------------------------------------ the principle: asides and relative dates
# A figure the source does not state, in a parenthesis or an appositive ("or about ...") just after
# a source figure, is a gloss: held to its figure where the units allow, else passed with a note.
# The same figure standing alone in the running text is invented. A date given relative to the
# article passes where what the English does state of it agrees. (Made-up sentences.)

ASIDES_PASS = [
    # a unit the checker does not know: passes, unverified, with a note
    ("Kapal itu berangkat pukul 14.00 WIB.", "The ship left at 2 p.m. Western Indonesia Time (0700 GMT)."),
    ("Pemain setinggi 193 sentimeter itu dikontrak.", "The 193-centimeter (6-foot-4) player was signed."),
    ("Poster ukuran A3 itu dijual.", "The A3-size poster (roughly 12 by 17 inches) was sold."),
    # several source figures glossed together, or a range glossing several prices
    (
        "Tiket dijual Rp 150 ribu dan Rp 400 ribu.",
        "Tickets sell for Rp150,000 and Rp400,000 (about 10 and 27 dollars respectively).",
    ),
    (
        "Harga kamar Rp 800 ribu, Rp 1,2 juta, hingga Rp 3 juta per malam.",
        "Rooms cost Rp800,000, Rp1.2 million and up to Rp3 million a night, or roughly US$55 to US$210.",
    ),
    # a rate that comes out of two source figures
    (
        "Untuk jarak 100 km, motor itu hanya butuh 2 liter bensin.",
        "To cover 100 kilometers the motorbike needs only 2 liters of petrol, or about 118 miles per gallon.",
    ),
    # compound forms read as what they are
    ("Layarnya beresolusi 1,04 juta dot.", "It has a 1.04-million-dot screen."),
    ("Emisi CO2 di G20 turun 3 persen.", "CO2 emissions in the G20 fell 3 percent."),
    ("Tiket dijual Rp 2 juta 500 ribu.", "Tickets sell for Rp2.5 million."),
    ("Mereka lolos ke empat besar.", "They reached the semifinals."),
]
ASIDES_FLAG = [
    # the same figures standing alone in the running text are invented
    (
        "Kapal itu berangkat pukul 14.00 WIB.",
        "The ship left at 2 p.m. Western Indonesia Time, with 700 passengers.",
    ),
    ("Tiket dijual Rp 150 ribu.", "Tickets sell for Rp150,000, and 27 dollars at the door."),
    # a gloss in a unit of the figure's own dimension must convert to it
    ("Pemain setinggi 193 sentimeter itu dikontrak.", "The 193-centimeter (5-foot-4) player was signed."),
    ("Tembok itu setinggi 3 meter.", "The wall is 3 meters (about 19 feet) high."),
    # a dollar gloss at a rate the rupiah has never had
    ("Tiket dijual Rp 150 ribu.", "Tickets sell for Rp150,000 (about US$150)."),
    # a rate that does not come out of its figures
    (
        "Untuk jarak 100 km, motor itu hanya butuh 2 liter bensin.",
        "To cover 100 kilometers the motorbike needs only 2 liters of petrol, or about 60 miles per gallon.",
    ),
    # a year in an aside is no gloss; a stated part that disagrees is no relative date
    ("Harganya Rp 5 juta.", "It costs Rp5 million (2019)."),
    ("Survei itu digelar pada Maret 2021.", "The survey was held in April."),
    ("Ia tiba di Jakarta (14/3).", "He arrived in Jakarta on March 15."),
    # an aside that restates a source date holds no gloss: its changed year is a changed year
    (
        "Ia tiba Minggu (20/8/2017) pukul 16.00 WIB.",
        "He arrived at 4 p.m. Western Indonesia Time on Sunday (Aug. 20, 2917).",
    ),
    # a figure's place left empty
    ("Survei itu digelar pada Maret 2021.", "The survey was held in March ."),
    ("Tingginya lebih dari 3 meter.", "It is more than meters (10 feet) high."),
    ("Kapal itu berangkat pukul 14.00 atau 15.00 WIB.", "The ship left at 2 or 3 p.m. (0700 or GMT)."),
]
RELATIVE_DATES_PASS = [
    ("Survei itu digelar pada Maret 2021.", "The survey was held in March."),
    ("Kesepakatan tercapai pada akhir Agustus 2019 lalu.", "The deal was struck in late August."),
    (
        "Jumlah pengguna hingga September 2020 mencapai 2 juta.",
        "Users reached 2 million as of September this year.",
    ),
    ("Ia mengatakan hal itu di kantornya (14/3).", "He said so at his office last Tuesday."),
]


@pytest.mark.parametrize(("source", "english"), ASIDES_PASS + RELATIVE_DATES_PASS)
def test_asides_and_relative_dates_pass(source: str, english: str) -> None:
    assert check_translation(source, english) == []


@pytest.mark.parametrize(("source", "english"), ASIDES_FLAG)
def test_invented_changed_or_emptied_figures_still_flag(source: str, english: str) -> None:
    assert [p.kind for p in check_translation(source, english)] == ["numbers"]


def test_an_unverified_gloss_and_a_relative_date_are_shown_as_notes() -> None:
    assert review_translation(*ASIDES_PASS[0]).notes == ("the English adds a gloss: 0700 gmt",)
    assert review_translation(*RELATIVE_DATES_PASS[0]).notes == (
        "the English gives Maret relative to the article's date",
        "the English gives 2021 relative to the article's date",
    )


# ------------------------------------------------------------------ the policy: what a translator adds
# The checker withholds only on evidence of what machine translation does wrong. A figure the
# English adds that nothing in the source explains is a note where it sits in an aside (a
# parenthesis, a dash, ", or about", a date after the day it makes explicit) and a withholding
# where it stands in the running text. A unit restated in another of its dimension, the "1" of a
# rate, a span of months given as its length, and a number word beside another number (a slip)
# pass with a note. (Made-up sentences.)

ADDED_PASS = [
    # a date made explicit beside the day the source names
    ("Ia tiba di Bandung Selasa lalu.", "He arrived in Bandung last Tuesday, Oct. 10."),
    ("Pameran itu dibuka Minggu.", "The exhibition opened on Sunday (Feb. 4)."),
    ("Rapat digelar kemarin.", "The meeting was held yesterday, March 2."),
    ("Rapat berlangsung Selasa malam.", "The meeting took place on Tuesday night, Dec. 12."),
    # glosses after a dash, or after an appositive hedge, in whatever unit
    (
        "Tiket pertunjukan itu dijual seharga 20, 25 dan 30 ringgit di loket.",
        "Tickets for the show sell for 20, 25 and 30 ringgit at the box office — roughly $4, $5 and $6.",
    ),
    ("Panjang jembatan itu 2 km.", "The bridge is 2 km long, roughly the length of 20 football pitches."),
    # a unit restated in another of its dimension
    ("Botol itu berisi 1500ml air.", "The bottle holds 1.5 liters of water."),
    ("Tablet itu mengandung 2500 mg vitamin C.", "Each tablet contains 2.5 grams of vitamin C."),
    ("Hujan turun setinggi 40 mm.", "Rain fell to a depth of 4 centimeters."),
    # the "1" of a rate, zero as a word, a span of months as its length
    ("Dosisnya 500 mg / 1 tablet.", "The dose is 500 mg per tablet."),
    ("Inflasi bulan ini nol persen.", "Inflation this month was zero percent."),
    ("Penjualan Maret - Juni 2019 naik 4 persen.", "Sales in the four months to June rose 4 percent."),
    # a number word beside another number, every figure in digits stated
    (
        "Pabrik itu membuka tiga lima lini baru senilai Rp 2 miliar.",
        "The plant opened five new lines worth Rp2 billion.",
    ),
    # a relay written either way
    ("Ia menang di nomor 4 x 100 meter.", "She won the 4x100 meters."),
]
ADDED_FLAG = [
    # the same figures standing in the running text are invented
    ("Ia tiba di Bandung Selasa lalu.", "He arrived in Bandung last Tuesday and left on Oct. 10."),
    ("Tiket dijual 20 ringgit.", "Tickets sell for 20 ringgit, and 45 people bought them."),
    # a date the source states, changed in an aside; an added date with no day to make explicit
    ("Pameran itu dibuka Minggu (4/2).", "The exhibition opened on Sunday (Feb. 5)."),
    ("Pameran itu dibuka di Jakarta.", "The exhibition opened in Jakarta on Sunday (Feb. 4)."),
    # a day no month has; an aside that changes a number word
    ("Pameran itu dibuka Minggu.", "The exhibition opened on Sunday (Feb. 41)."),
    ("Mobil itu bermesin enam silinder.", "The car has a six-cylinder (8-cylinder) engine."),
    ("Ponsel itu memakai prosesor octa core.", "The phone runs on an octa-core (6-core) processor."),
    # a unit restated wrongly, a gloss in an aside that does not convert
    ("Botol itu berisi 1500ml air.", "The bottle holds 15 liters of water."),
    ("Panjang jembatan itu 2 km.", "The bridge is 2 km long — about 5 miles."),
    # the "1" of a rate that is not 1; a span of another length; a slip where a digit figure is gone
    ("Dosisnya 500 mg / 2 tablet.", "The dose is 500 mg per tablet."),
    ("Penjualan Maret - Juni 2019 naik 4 persen.", "Sales in the four months to July rose 4 percent."),
    ("Pabrik itu membuka tiga lima lini baru senilai Rp 2 miliar.", "The plant opened five new lines."),
]


@pytest.mark.parametrize(("source", "english"), ADDED_PASS)
def test_what_a_translator_adds_passes(source: str, english: str) -> None:
    assert check_translation(source, english) == []


@pytest.mark.parametrize(("source", "english"), ADDED_FLAG)
def test_an_invented_changed_or_unexplained_figure_still_flags(source: str, english: str) -> None:
    assert [p.kind for p in check_translation(source, english)] == ["numbers"]


def test_what_a_translator_adds_is_shown_as_a_note() -> None:
    assert review_translation(*ADDED_PASS[0]).notes == (
        "the English adds Oct, 10, which the source does not state",
    )
    assert review_translation(*ADDED_PASS[6]).notes == ("the English gives 1500 ml as 1.5 liters",)
    assert review_translation(*ADDED_PASS[9]).notes == ("the English gives 1 as a rate",)
    assert review_translation(*ADDED_PASS[12]).notes == (
        "the English leaves out tiga, beside another number in the source",
    )


# Round i23-last: what the English adds without a figure, and a source number word that is no
# count (sentences made up for the test).
ROUGH_AND_IDIOM_PASS = [
    # a rough quantity in words the English adds, anywhere in the running text
    (
        "Antrean di pelabuhan memuncak pada 3 April.",
        "Queues at the port, where thousands wait for ferries each holiday, peaked on April 3.",
    ),
    ("Warga menonton pawai itu.", "Residents, dozens of them, watched the parade."),
    # a number word in a set phrase the English renders without it, every digit figure stated
    ("Keduanya berbicara empat mata selama 20 menit.", "The two spoke privately for 20 minutes."),
    ("Ia menerima tawaran itu dengan setengah hati.", "He accepted the offer half-heartedly."),
    ("Toko itu menjual seribu satu macam barang.", "The shop sells all manner of goods."),
]
ROUGH_AND_IDIOM_FLAG = [
    # a source figure the rough quantity stands for instead; a rough quantity with digits
    ("Ratusan warga menonton pawai itu.", "Thousands of residents watched the parade."),
    ("380 juta orang menonton pawai itu.", "Millions of people watched the parade."),
    ("Warga menonton pawai itu.", "Some 40 thousands of residents watched the parade."),
    # a number word the English changes, or a measure's number word it drops
    ("Keduanya berbicara empat mata.", "The two spoke for seven hours."),
    ("Saham perusahaan itu turun empat persen.", "The company's shares fell percent."),
    ("Tinggi air mencapai dua meter.", "The water rose to meters."),
    # the empty places a dropped figure leaves
    ("Ia kini berada di peringkat dua dunia.", "She is now ranked world No. ."),
    ("Kongres ke-34 itu dibuka Senin.", "The th congress opened on Monday."),
    ("Rapat dimulai pukul empat sore.", "The meeting began in the afternoon."),
    ("Rapat dimulai pukul 4 sore.", "The meeting began at p.m."),
]


@pytest.mark.parametrize(("source", "english"), ROUGH_AND_IDIOM_PASS)
def test_a_rough_quantity_or_a_number_word_in_a_set_phrase_passes(source: str, english: str) -> None:
    assert check_translation(source, english) == []


@pytest.mark.parametrize(("source", "english"), ROUGH_AND_IDIOM_FLAG)
def test_a_changed_or_dropped_count_still_flags(source: str, english: str) -> None:
    assert [p.kind for p in check_translation(source, english)] == ["numbers"]


def test_a_rough_quantity_and_a_set_phrase_are_shown_as_notes() -> None:
    assert review_translation(*ROUGH_AND_IDIOM_PASS[0]).notes == (
        "the English adds thousands, a rough quantity the source does not state",
    )
    assert review_translation(*ROUGH_AND_IDIOM_PASS[2]).notes == (
        "the English leaves out empat, a number word perhaps in a set phrase",
    )


@pytest.mark.parametrize(
    ("policy", "flags"), [("withhold", True), ("aside", False), ("dates", False), ("note", False)]
)
def test_each_added_figure_policy_does_what_it_says(
    monkeypatch: pytest.MonkeyPatch, policy: str, flags: bool
) -> None:
    """The policies `scripts/eval_guard.py --added-figures` measures: an aside date withholds
    only under "withhold"; a date in the running text is a note under "dates" and "note"."""
    from summarize.translate import check_figures

    monkeypatch.setattr(check_figures, "ADDED_FIGURES", policy)
    assert bool(check_translation(*ADDED_PASS[0])) is flags
    assert bool(check_translation(*ADDED_FLAG[0])) is (policy in ("aside", "withhold"))
    assert bool(check_translation(*ADDED_FLAG[1])) is (policy != "note")


# ------------------------------------------------------------------ repetition

REPEATED = [
    (
        "Kunjungan Kim Jong Un ke Rusia baru-baru ini dikhawatirkan oleh AS.",
        "baru baru baru baru baru baru baru baru",
    ),
    (
        "Pasukan Ukraina terus bergerak maju meski lambat.",
        "Ukrainian troops keep advancing advancing advancing advancing advancing slowly.",
    ),
    (
        "Pasukan Ukraina terus bergerak maju meski lambat di medan perang.",
        "Ukrainian troops keep moving forward, keep moving forward, keep moving forward, keep moving",
    ),
    (
        "NATO bertemu di Norwegia pada Sabtu untuk membahas Ukraina.",
        "NATO met in Norway on Saturday to discuss Ukraine. NATO met in Norway on Saturday to "
        "discuss Ukraine.",
    ),
    (
        "Rusia membeli peluru dari Korea Utara.",
        "Russia bought shells, shells from Korea, shells for Russia, and shells, shells.",
    ),
]


@pytest.mark.parametrize(("source", "english"), REPEATED)
def test_repetition_flags_loops(source: str, english: str) -> None:
    assert "repetition" in kinds(source, english)


NOT_REPEATED = [
    (
        "Rusia, Rusia, dan Rusia lagi: itulah yang ia sebut.",
        "Russia, Russia and Russia again: that is what he named.",
    ),
    (
        "Ia sangat, sangat, sangat senang.",
        "He was very, very, very happy.",
    ),
    (
        "Bola itu ditendang ke gawang, lalu ke tiang, lalu ke luar lapangan.",
        "The ball was kicked at the goal, then at the post, then out of the field of play.",
    ),
]


@pytest.mark.parametrize(("source", "english"), NOT_REPEATED)
def test_repetition_allows_what_the_source_repeats(source: str, english: str) -> None:
    assert "repetition" not in kinds(source, english)


# ------------------------------------------------------------------ copy and language

SRC = "Pyongyang diduga akan memasok persenjataan kepada Rusia guna melanjutkan perangnya."


def test_copy_flags_the_source_itself() -> None:
    assert "copy" in kinds(SRC, SRC)


def test_copy_flags_the_source_with_a_few_english_words() -> None:
    assert "copy" in kinds(SRC, "Pyongyang diduga the akan memasok persenjataan and kepada Rusia said.")


@pytest.mark.parametrize(
    "headline",
    [
        "Kepala Intelijen Ukraina: Korea Utara Mungkin Sekutu Rusia Paling Berbahaya",
        "Jokowi Resmikan Tol Trans Jawa Sepanjang Tiga Ratus Kilometer",
    ],
)
def test_copy_flags_a_title_case_headline(headline: str) -> None:
    assert "copy" in kinds(headline, headline)


NOTHING_TO_TRANSLATE = [
    # a line-up and a menu: names, foreign words and figures the English keeps as they are
    (
        "Persita: Dedi Permana; Raka Berlian, Yosef Tua (Ardi 71 '), Marco Silva, Taufik Hidayat, Jonas Berg.",
        "Persita: Dedi Permana; Raka Berlian, Yosef Tua (Ardi 71'), Marco Silva, Taufik Hidayat, Jonas Berg.",
    ),
    (
        "Dua menu andalan adalah fish and chips, beef wellington, sticky toffee pudding dan apple crumble.",
        "Two signature dishes are fish and chips, beef wellington, sticky toffee pudding and apple crumble.",
    ),
]


@pytest.mark.parametrize(("source", "english"), NOTHING_TO_TRANSLATE)
def test_copy_allows_a_line_with_nothing_to_translate(source: str, english: str) -> None:
    assert check_translation(source, english) == []


@pytest.mark.parametrize(
    "source",
    [
        "Tiket konser dijual mulai Rp 75 ribu.",  # one affixed word is Indonesian enough
        "Menu andalan: fish and chips, beef wellington dan apple crumble.",  # one function word
        "Persita: Dedi Permana, Raka Berlian dan Yosef Tua dicoret dari skuad.",
    ],
)
def test_copy_still_flags_untranslated_indonesian_among_names(source: str) -> None:
    assert "copy" in kinds(source, source)


def test_copy_allows_shared_names() -> None:
    src = "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Vladivostok."
    en = "Russian President Vladimir Putin met Kim Jong Un in Vladivostok."
    assert check_translation(src, en) == []


def test_language_flags_indonesian_paraphrase() -> None:
    en = "Pyongyang dituduh bakal mengirim senjata untuk Rusia agar bisa meneruskan perang itu."
    assert "language" in kinds(SRC, en)


@pytest.mark.parametrize(
    "english",
    [
        "El gobierno anunció que las conversaciones continuarán la próxima semana en la capital.",
        "Die Regierung teilte mit, dass die Gespräche in der nächsten Woche fortgesetzt werden.",
    ],
)
def test_language_flags_other_languages(english: str) -> None:
    assert "language" in kinds(SRC, english)


def test_language_allows_an_english_headline() -> None:
    src = "Putin Perintahkan Rusia Tingkatkan Jumlah Pasukan Sebanyak 180 Ribu Menjadi 1,5 Juta"
    en = "Putin Orders Russia to Increase Troop Numbers by 180,000 to 1.5 Million"
    assert check_translation(src, en) == []


# ------------------------------------------------------------------ length

LONG_SRC = (
    "Spekulasi mengenai kemungkinan Korea Utara mengisi ulang gudang amunisi Rusia yang "
    "terkuras akibat perang berkepanjangan menguat bulan lalu."
)
LONG_EN = (
    "Speculation that North Korea might replenish Russia's ammunition depots, drained by "
    "the protracted war, grew last month."
)


def test_length_flags_a_fragment() -> None:
    assert "length" in kinds(LONG_SRC, "Speculation that North Korea")


def test_length_flags_padding() -> None:
    # Faithful English runs to 1.8 times its source; an invented continuation runs further.
    padded = (
        LONG_EN + " He said this when he arrived for a meeting with the other defence chiefs"
        " and ministers of the alliance, who are expected to discuss support for Ukraine and"
        " the supply of shells to its army in the coming months."
    )
    assert len(padded) > 2 * len(LONG_SRC)
    assert "length" in kinds(LONG_SRC, padded)


def test_length_allows_a_short_source() -> None:
    assert check_translation("Tapi hal itu belum pasti.", "But that is not yet certain.") == []
    assert check_translation(LONG_SRC, LONG_EN) == []


# ------------------------------------------------------------------ the gate


# The corruptions the issue names, each to be caught at least this often: loops, a changed stated
# figure, a dropped figure, a copy, a truncation.
CATCH_TARGET = 0.95
TARGET_HOWS = (
    "repetition/word loop",
    "repetition/phrase loop",
    "repetition/tail loop",
    "repetition/source word loop",
    "numbers/change a digit (stated)",
    "numbers/drop a number",
    "copy/source as is",
    "length/truncated",
)
GATED = [(split, name) for split, sets in BASELINE.items() if not split.startswith("_") for name in sets]


@pytest.mark.parametrize(("split", "name"), GATED)
def test_gate_on_heldout_pairs_and_their_corruptions(split: str, name: str) -> None:
    """Floors from tests/guard_baseline.json, measured by scripts/eval_guard.py; a split
    added to the data later is scored by the script and gated once its floors are written."""
    t0 = time.perf_counter()
    floors = BASELINE[split][name]
    pairs = guard_eval.load_set(name, split)
    assert len(pairs) >= floors["pairs_min"]
    result = guard_eval.evaluate(pairs)
    assert result["false_alarm_rate"] <= floors["false_alarm_rate_max"], result["false_alarm_examples"]
    for kind, floor in floors["catch_min"].items():
        assert result["catch"][kind]["rate"] >= floor, (kind, result["misses"][:3])
    for how in TARGET_HOWS:  # the targets, per corruption, on every split
        assert result["catch_by_how"][how]["rate"] >= CATCH_TARGET, (how, result["catch_by_how"][how])
    assert time.perf_counter() - t0 < 20


def test_faithful_set_was_read_twice_and_keeps_its_split() -> None:
    pairs = guard_eval.load_faithful("all")
    assert len(pairs) >= 300
    assert {p["split"] for p in pairs} >= {"tune", "heldout", "heldout2"}  # and any drawn later
    assert len(guard_eval.load_faithful("heldout")) >= 100
    assert len(guard_eval.load_faithful("heldout2")) >= 100  # drawn after heldout was scored
    # FIXED: the second reader found the first translation unfaithful and wrote the one kept
    assert all(p["second_reading"]["verdict"] in ("FAITHFUL", "MINOR", "FIXED") for p in pairs)
    assert len({p["id"] for p in pairs}) == len(pairs)


def test_a_split_added_later_is_loaded_and_evaluated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later = [
        {**p, "id": f"later{k}", "split": "later"} for k, p in enumerate(guard_eval.load_faithful("tune")[:5])
    ]
    data = tmp_path / "pairs.jsonl"
    lines = guard_eval.FAITHFUL.read_text("utf-8").splitlines() + [json.dumps(p) for p in later]
    data.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr(guard_eval, "FAITHFUL", data)
    assert guard_eval.splits("faithful")[-1] == "later"
    assert guard_eval.load_set("faithful", "later") == later and guard_eval.load_set("literal", "later") == []
    result = guard_eval.evaluate(guard_eval.load_set("faithful", "later"))
    assert result["good_pairs"] == 5 and result["catch"]["numbers"]["total"] > 0


def test_split_is_fixed_by_id() -> None:
    assert guard_eval.split_of("seed-000-L5s1") == guard_eval.split_of("seed-000-L5s1")
    share = len(guard_eval.load_pairs("heldout")) / len(guard_eval.load_pairs("all"))
    assert 0.3 < share < 0.5


def test_tiny_model_outputs_are_flagged(tiny_model: Path) -> None:
    """Real degenerate output: the tests' random-weight model on a few seed sentences."""
    from summarize.translate import load_translator

    pairs = [p for p in guard_eval.load_pairs("all") if p["id"].startswith("seed-")][:4]
    translator = load_translator(str(tiny_model), backend="transformers", device="cpu", cache=False)
    outputs = translator.translate([p["source"] for p in pairs])
    flagged = sum(bool(check_translation(p["source"], o)) for p, o in zip(pairs, outputs, strict=True))
    assert flagged == len(pairs), outputs


# ------------------------------------------------------------------ robustness


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_never_raises_on_arbitrary_text(source: str, english: str) -> None:
    problems = check_translation(source, english)
    assert all(isinstance(p, Problem) and p.kind in KINDS and p.message for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(), min_size=0, max_size=300))
def test_never_raises_against_a_good_english(source: str) -> None:
    check_translation(source, LONG_EN)
    check_translation(LONG_SRC, source)


_SOUP = st.text(alphabet="0123456789.,/:-' RpMTjutabillionfeet(about)%", max_size=80)


@settings(max_examples=300, deadline=None)
@given(_SOUP, _SOUP)
def test_never_raises_on_digit_soup(source: str, english: str) -> None:
    assert all(p.kind in KINDS for p in check_translation(source, english))
