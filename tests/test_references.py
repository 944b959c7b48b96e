"""The NEEDS_CONTEXT rules (`summarize.rank.references`), read through `judge_text`: what leans on an
earlier sentence, and the look-alikes that name what they refer to."""

from __future__ import annotations

import pytest

from summarize.rank.sentence_rules import (
    NEEDS_CONTEXT,
    STANDALONE,
    Judgement,
    judge_text,
)


def test_a_name_in_the_sentence_resolves_its_pronoun_and_reference() -> None:
    # The guidelines: a pronoun whose referent the sentence names stands alone.
    assert judge_text("Presiden Jokowi mengatakan ia akan meresmikan jalan tol itu pekan depan.").stands_alone
    assert judge_text("Pertemuan Vladimir Putin dan Kim Jong Un itu membahas pasokan senjata.").stands_alone
    assert judge_text(
        "Bek Inter sempat protes, namun Patrick Cutrone tetap merayakan gol tersebut."
    ).stands_alone
    # Time words point at the date of writing, not at an earlier sentence.
    assert judge_text("Harga beras naik 5 persen pada pekan ini di Jakarta.").stands_alone


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


def test_a_likeness_that_names_what_it_is_like_stands_alone() -> None:
    # "serupa X" names what it is like; "senada dengan" a named speaker's words is left to the
    # other rules; "tidak demikian" inside a sentence is no opener.
    for text in (
        "Fungsinya serupa baju zirah Iron Man, yaitu melindungi para pemain dari serangan.",
        "Masih serupa INA 3.0, seri INA 4.0 dibuka dengan rangkaian lokakarya di Jakarta.",
        "Gedung baru itu serupa dengan gedung lama di Jalan Sudirman, Jakarta.",
        "Presiden Joko Widodo menyebut kondisi ekonomi tidak demikian buruk pada 2017.",
    ):
        assert judge_text(text).rule != "like-before", text


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
        # Round 38, read as a user: the like of (or the contrary to) what an earlier sentence told.
        ("Tidak demikian untuk SSD eksternal terbaru dari Silicon Power.", "like-before"),
        ("Bukan demikian dengan Persib Bandung yang kalah 0 - 2 di Bekasi.", "like-before"),
        ("Harapan senada diungkapkan Bupati Ogan Ilir Ilyas Panji Alam di Indralaya.", "like-before"),
        ("Situasi serupa juga terjadi di Stasiun Pasar Senen pada Minggu malam.", "like-before"),
        ("Senada, Direktur PT Transjakarta Budi Kaliwono juga mendukung larangan itu.", "like-before"),
        ("Senada dengan itu, Wali Kota Bogor Bima Arya meminta warga tetap tenang.", "like-before"),
    ],
)
def test_pointing_openers_and_bare_roles_need_context(text: str, rule: str) -> None:
    assert judge_text(text) == Judgement(NEEDS_CONTEXT, rule)


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


def test_an_example_word_late_in_the_sentence_is_no_opener() -> None:
    assert judge_text(
        "Presiden Joko Widodo meresmikan tiga bendungan baru, misalnya Bendungan Karian."
    ).stands_alone


def test_a_clause_with_its_main_clause_or_as_a_lead_is_no_dangling_clause() -> None:
    assert judge_text(
        "Mengingat kuota dibatasi, Pemkot Bogor menjual tiket Monas secara daring."
    ).stands_alone
    assert judge_text("Karena hujan deras, KRL Bogor terlambat 30 menit pada Senin.").stands_alone
    assert judge_text(
        "Karena Pemkot Bogor yakin warga lebih suka membayar secara daring.", lead=True
    ).rule != ("dangling-clause")


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
