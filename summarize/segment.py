"""Indonesian sentence segmentation with character offsets.

A boundary is sentence-final punctuation followed by whitespace and something that can
start a sentence, or a full stop with the space after it lost ("U - 15.Wasit Sirnas ...",
read narrowly: see `_GLUED`). It is *not* a boundary after a known abbreviation (dkk., Jl.,
Prof., S.H., M.Si., 35.Pid.; in capitals only those written so, "KH.", "PT.": "digagaskan HP.
Keunikan ..." ends at the company's name), after a single capital (an initial), after a list
item's number that opens a sentence ("3. Rusia ..."), or inside a short quotation.
Numbers such as "1.000", "1,5" and "16/9/2023" never contain whitespace, so they are
never split. Overlong sentences (no punctuation for hundreds of words) are cut into
pieces at commas or spaces so that no unit exceeds what a translator can take.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Iterator

__all__ = ["MAX_WORDS", "iter_sentence_spans", "sentence_spans", "split_sentences"]

# Lower-cased, without the final period. Titles, degrees, address parts, Latin and
# Indonesian abbreviations that are almost always followed by more of the sentence ("Kombes
# Pol. Erwanto Kurniadi": a police rank's "Pol."; "Nomor Sprin. Lidik/73/...": a warrant's;
# "35.Pid. Sus", "Pdt. G": a court case number's; "Mr. Liu Qihu", "Mrs. May": English titles
# before a name; "drg. Djamilah", "drh. Wiwiek": a dentist's and a vet's title, like "dr.";
# "Capt. Hasudungan": a sea captain's, the English spelling of "Kapt."; "Letjen TNI (Purn.)
# Sutiyoso": retired; "Letkol.", "Laksma.", "Marsma.", "Marsdya.": officers' ranks, and
# "Letkol Inf.", "Czi.", "Arh.", "Cpm.": their corps (infantry, engineers, air defence,
# military police); "Jl. Jend. Sudirman Kav. 52", "Gd. Sate Lt. 3", "Komp. Polri", "Kp.
# Melayu", "Dsn. Krajan", "Blk. M": an address's lot, building, floor, housing estate,
# village, hamlet and block); "GP Rep. Ceko": a republic's name (heldout54's readers).
ABBREVIATIONS = frozenset(
    """
    dkk dsb dst dll tsb yth ybs sdr sdri bpk tn ny nn hj kh drs dra dr prof ir st sth
    sag spd skom se sh mh mm msi msc ma mba phd ssos sp spog ak apt amd jl jln gg no kec kab
    kel prov rt rw tlp telp hp fax kol jend brigjen mayjen letjen laksda laksdya marsda
    mayor kapt lettu letda serda kompol akbp kombes irjen komjen ipda iptu aiptu bripka
    brigpol tbk pt cv ltd inc co corp vs etc cf ca approx op a.n u.p s.d sd d.a jan feb mar
    apr jun jul agu agt ags sep sept okt nov des min maks hlm hal vol ed cet plt plh pj pjs
    rp pol sprin pid pdt mr mrs ms drg drh capt purn letkol laksma marsma marsdya kav gd lt komp
    kp dsn blk inf czi arh cpm rep
    """.split()
)
# These can end a sentence ("... sayur, dll. Kemudian ..."): split when a capital follows.
MAYBE_FINAL = frozenset({"dll", "dsb", "dst", "etc", "tbk", "inc", "ltd", "corp"})
# A page ("hal. 5", "hlm. 12") before a number; before a capital, the word "hal" (a matter)
# ending its sentence: "... menguraikan beberapa hal. Pertama, ...".
BEFORE_A_NUMBER = frozenset({"hal", "hlm"})
# The abbreviations above that are also written in capitals and go on with their sentence there:
# titles before a name ("KH. Ma'ruf Amin", "bin HJ. Saari", "DR. Dr. Soehartati", "Jalan IR. H.
# Juanda", "YTH. Bapak"), degrees that follow one another ("SH. MH."), companies ("PT. Liga
# Indonesia Baru", "CV."), address parts ("JL. Sudirman", "RT. 05"), ranks and corps ("AKBP.",
# "KOMBES POL."), case numbers' parts and acting officials' titles. Any other word of capitals
# that the list holds is an acronym there, and ends its sentence before a capitalised word:
# "digagaskan HP. Keunikan ..." (the company, not "hp", handphone), "putusan MA. Putusan ..."
# (Mahkamah Agung, not a Master of Arts), "kelas 6 SD. Pemerintah ..." (a primary school),
# "temuan BPK. Padahal ..." (the audit board, not "Bpk.", Bapak), "arsitektur terbaru AMD. ...".
WRITTEN_IN_CAPITALS = frozenset(
    """
    yth sdr sdri hj kh drs dra dr drg drh prof ir mr mrs st sth sag spd skom se sh mh mm msi msc
    mba phd ssos sp spog ak apt jl jln gg no kec kab kel prov rt rw kav gd lt komp kp dsn blk pt
    cv vs kol jend brigjen mayjen letjen laksda laksdya marsda mayor kapt capt lettu letda serda
    letkol laksma marsma marsdya kompol akbp kombes irjen komjen ipda iptu aiptu bripka brigpol
    pol purn inf czi arh cpm sprin pid pdt plt plh pj pjs rp
    """.split()
)

MAX_WORDS = 80  # a longer "sentence" is cut into pieces (translation quality falls apart past this)
MAX_QUOTE_CHARS = 400  # a quotation longer than this is split inside

# Sentence-final punctuation (".", "...", "…", "!", "?", any run of them) and closing quotes,
# before whitespace. One character class, possessive, starting only where a run starts:
# the former alternation `(?:\.{3}|…|[.!?])+` backtracked exponentially on a long run of
# dots that is not followed by a space (40 dots took seconds, 50 would take hours).
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")
# Two sentences run together, the space after the full stop lost in the source ("... U -
# 15.Wasit Sirnas ...", "... kawasan ASEAN.Melanjutkan ..."): a full stop after a word of three
# letters or more (or two digits or more) and before a capitalised word of four letters or
# more that ends there. Shorter pieces are names, case numbers and domains ("ID.Connect",
# "35.Pid. Sus", "2017/PA.Jks", "Detik.Com"); the word before is read as below (an
# abbreviation such as "Prof.Budi" or "Jln.Sudirman" ends nothing) and must not be an address.
# A figure's percent sign, a closing bracket or a closing quotation mark may stand before the
# stop too, on scraped pages: "... naik 20%.Ketiga, ...", "... Kamis (18/9/2025).Powell ...",
# "... tidak putus".Sejak ..." (detik.com's list items and datelines run together).
_GLUED = re.compile(
    r"(?:(?<=[A-Za-z]{3})|(?<=[0-9]{2})|(?<=[0-9]%)|(?<=[A-Za-z0-9]\))|(?<=[A-Za-z.!?][\"”]))"
    r"\.(?=[A-Z][a-z]{3,}(?:[\s,;:]|$))"
)
_ADDRESS = re.compile(r"[/@:]|^www\.", re.IGNORECASE)
_BRACKETED_DATE = re.compile(r"\([0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\)\.?$")
_STARTER = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ]")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD = re.compile(r"\S+")
_DOTTED = re.compile(r"(?:[a-z]{1,3}\.)*[a-z]{1,3}")
_NUMBERED = re.compile(r"[0-9]{1,6}\.[a-z]{1,6}")
_CAPITAL_NEXT = re.compile(r"\s*[\"'“‘(\[]*[A-ZÀ-ÖØ-Þ]")  # a capitalised word comes next
_LIST_NUMBER = re.compile(r"[0-9]{1,2}\.")  # "3." opening a sentence: a list item's number
_OPEN_QUOTES = '“"'
# How far back to look for the word before a full stop. Abbreviations are a few letters, so a
# longer word is never one; a bounded look-back keeps segmentation linear in the paragraph
# (searching from the paragraph start made a 3 MB one-paragraph file take minutes).
_LOOKBACK = 64
_CLOSE_QUOTES = '”"'


def _is_abbreviation(token: str, *, capital_next: bool = False) -> bool:
    bare = token.rstrip(".").lstrip("\"'“‘([")
    word = bare.lower()
    if not word:
        return False
    if word in MAYBE_FINAL or (word in BEFORE_A_NUMBER and capital_next):
        return False
    if word in ABBREVIATIONS:
        # "HP. Keunikan", "MA. Putusan": an acronym in capitals, not the abbreviation it spells
        acronym = capital_next and len(bare) > 1 and bare.isupper() and word not in WRITTEN_IN_CAPITALS
        return not acronym
    # A number glued to an abbreviation: "35.Pid. Sus" (a case number's "pidana"). Short, so the
    # bounded look-back of `_word_before` always sees it whole.
    if _NUMBERED.fullmatch(word) and word.rsplit(".", 1)[1] in ABBREVIATIONS:
        return True
    # Initials and dotted degrees: "A.", "S.H.", "M.Si.", "a.n."
    if "." in word and _DOTTED.fullmatch(word):
        return True
    # A single capital is an initial ("James A. Marks").
    return len(word) == 1 and "a" <= word <= "z" and token[0].isupper()


def _quote_open(text: str, start: int, end: int) -> bool:
    """Whether a double quotation opened within text[start:end] is still open at end."""
    piece = text[start:end]
    if "“" not in piece and '"' not in piece:
        return False  # most sentences quote nobody: no need to walk them
    depth = 0
    straight = 0
    for ch in piece:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1


def _closing_follows(text: str, pos: int, limit: int) -> bool:
    """Whether the open quotation closes within `limit` characters after pos."""
    window = text[pos : pos + limit]
    return "”" in window or '"' in window


def _word_before(text: str, end: int) -> str:
    """The word ending at `end`; "" when there is none or it is longer than _LOOKBACK."""
    lo = max(0, end - _LOOKBACK)
    before = _WORD_BEFORE.search(text, lo, end)
    if before is None or (before.start() == lo and lo > 0 and not text[lo - 1].isspace()):
        return ""  # no word, or one too long to be an abbreviation
    return before.group(1)


def _after_opening_quote(text: str, pos: int) -> bool:
    """Whether the punctuation at `pos` comes right after a quotation mark that opens (one at
    the paragraph's start or after a space): nothing has been said in the quotation yet. Read
    for an ellipsis only: IndoSum spaces its closing quotes too ("tindakan ' gila '. Coombe"),
    and a full stop there ends the sentence."""
    return pos > 0 and text[pos - 1] in "'\"“‘" and (pos == 1 or text[pos - 2].isspace())


def _boundaries(text: str) -> Iterator[int]:
    """Yield end offsets of sentences within one paragraph."""
    sentence_start = 0
    for m in heapq.merge(_CANDIDATE.finditer(text), _GLUED.finditer(text), key=lambda m: m.start()):
        end = m.end()
        punct = m.group(0)
        glued = m.re is _GLUED
        if not glued and not _STARTER.match(text, end):
            continue
        if punct.startswith(("...", "…")) and _after_opening_quote(text, m.start()):
            continue  # "terbarunya '... Ready for It?'": a quotation that opens with an ellipsis
        token = _word_before(text, m.start() + (1 if punct.startswith(".") else 0))
        if glued and _ADDRESS.search(token) and not _BRACKETED_DATE.search(token):
            continue  # "www.Example.Com", "nama@Kantor", "https://Situs"; not "(18/9/2025)"
        if (
            punct.startswith(".")
            and not punct.startswith("...")
            and _is_abbreviation(token, capital_next=bool(_CAPITAL_NEXT.match(text, end)))
        ):
            continue
        if (
            punct == "."
            and _LIST_NUMBER.fullmatch(token)
            and not text[sentence_start : m.start() + 1 - len(token)].strip()  # it opens the sentence
        ):
            continue  # "3. Rusia pamerkan ...": the number belongs to its item, never a sentence alone
        # Inside a short quotation that closes soon: the quotation is one sentence.
        span = end - sentence_start
        if (
            span < MAX_QUOTE_CHARS
            and _quote_open(text, sentence_start, end)
            and _closing_follows(text, end, MAX_QUOTE_CHARS - span)
        ):
            continue
        yield end
        sentence_start = end


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an overlong span into pieces of at most MAX_WORDS words, preferring commas."""
    if len(text[start:end].split()) <= MAX_WORDS:  # the usual case: `split` counts what `_WORD` finds
        yield start, end  # the span is stripped, so it runs from its first word to its last
        return
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    first = 0  # an index, not slicing the list: slicing per piece is quadratic in the words
    while len(words) - first > MAX_WORDS:
        cut = MAX_WORDS
        for i in range(MAX_WORDS - 1, MAX_WORDS // 2, -1):
            if text[words[first + i][1] - 1] in ",;:":
                cut = i + 1
                break
        yield words[first][0], words[first + cut - 1][1]
        first += cut
    if first < len(words):
        yield words[first][0], words[-1][1]


def iter_sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Like `sentence_spans`, lazily: a caller that needs only the first sentences stops early."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    prev = 0
    for b in itertools.chain(_boundaries(chunk), (len(chunk),)):
        piece = chunk[prev:b]
        lead = len(piece) - len(piece.lstrip())
        s, e = start + prev + lead, start + prev + len(piece.rstrip())
        if e > s:
            yield from _cut_long(text, s, e)
        prev = b


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets (start, end) of the sentences in text[start:end], stripped of outer whitespace."""
    return list(iter_sentence_spans(text, start, end))


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces: how a span's text is stored."""
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Split Indonesian text into sentences (paragraph breaks always end a sentence)."""
    out: list[str] = []
    for para in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        out.extend(collapse(text[s:e]) for s, e in sentence_spans(text, para.start(), para.end()))
    return out
