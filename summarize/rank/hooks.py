"""Hooks and lead-ins: the TEASER rules of the stands-alone judgement, a sentence that promises a
fact the next ones give ("Ada yang baru dari ...", "... bukan tanpa usaha.", "Nampaknya ...
sulit ..."). `rank.sentence_rules` runs them in its order and names them in its table of rules;
the rules that read a lead only ("vague-event", "short-claim", "no-actor", "habit-lead") are
applied by `rank.standalone`, which knows a sentence's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.wordlists import (
    READER_WORDS,
    ROLE_WORDS,
    STOPWORDS_ID,
    VAGUE_EVENTS,
)
from ..values import Article
from .words import (
    EDGE,
    LEFT_DATELINE,
    happens,
    is_name,
    read,
)

__all__ = ["SHORT_HOOK", "habit", "no_actor", "short_claim", "teaser", "vague", "vague_event"]


# Bodies that act in a lead as a name does ("Pemerintah telah menyepakati ...").
_BODIES = frozenset(
    "pemerintah kepolisian polisi pengadilan kementerian parlemen kejaksaan".split()
)  # "hal" only with "ini/itu/tersebut" ("Hal ini")


# The lookahead on a match's first letters (here and in `_VAGUE_CLAIM`, `_GENERIC_CLAIM`) lets
# the search pass most positions without trying each alternative: these patterns are searched
# in every sentence judged, and it takes half their time.
_LEAD_IN = re.compile(
    r"(?=[bs])\b(?:berikut(?:\s+ini|\s+adalah|\s+beberapa|\s+daftar)|sebagai\s+berikut)\b", re.I
)


# The mood of a "kabar X" or "berita X" (X news) a hook announces: "Kabar bahagia datang bagi
# ...", "... kembali diselimuti kabar bahagia." (round 16: the four such tuning sentences are
# teasers), "Berita duka datang dari keluarga pesinetron Natalie Sarah." (heldout54's lead).
_NEWS_MOODS = "|".join(
    """baru gembira baik buruk duka mengejutkan menarik bahagia menggembirakan sedih menyedihkan
    mengharukan""".split()
)


# Stock formulas Indonesian news opens a story with before its fact: what they announce is in
# the next sentences ("Ada yang baru dari Google Calendar versi web." / "Kejadian menegangkan
# terjadi di Bandara ...", "Kebahagiaan tengah dirasakan pasangan X." with the wedding next,
# unless the sentence gives the cause: "... setelah listrik masuk desa"). Anchored at the start,
# after an optional dateline.
_HOOK = re.compile(
    r"^(?:[^.]{0,60}?\s[-–—]+\s+)?(?:"
    r"ada\s+(?:yang\s+|kabar\s+|cerita\s+|kisah\s+)?(?:baru|menarik|berbeda|unik|spesial|istimewa|lain)\b"
    rf"|(?:[^.,]{{0,160}},\s+)?(?:ada\s+)?(?:kabar|berita)\s+(?:{_NEWS_MOODS})\s+(?:datang|dari|menghampiri|menyelimuti|menerpa)\b"
    rf"|[^.]{{0,120}}\b(?:kabar|berita)\s+(?:{_NEWS_MOODS})\s*\.$"
    r"|(?:[^.,]{0,120},\s+)?(?:kejadia+n|peristiwa|insiden|momen|pemandangan|nasib)\s+(?:menegangkan|mengejutkan|unik|langka|"
    r"memilukan|mengharukan|lucu|menarik|tak\s+biasa|tidak\s+biasa|nahas|naas|tragis|sedih|malang|pilu|apes|sial)\s+"
    r"(?:terjadi|terlihat|tersaji|menimpa)\b"
    r"|(?:kebahagiaan|kegembiraan|keceriaan|kesedihan|duka(?:\s+mendalam)?|suka\s*cita|rasa\s+(?:bahagia|syukur|haru|sedih))"
    r"\s+(?:tengah|sedang)\s+(?:dirasakan|menyelimuti|menghampiri|melanda|dialami)\b"
    r"(?![^.]*\b(?:setelah|usai|seusai|karena|berkat|atas)\b)"
    r"|[^.]{0,80}\bbukan\s+satu-satunya\b[^.]{0,80}\byang\s+(?:di)?(?:tunggu|nanti)"
    r"|kabar\s+\w+(?:\s+\S+){0,3}\s+kembali\s+\w+\s*\.$"
    r"|(?:teka\s*-\s*teki|misteri)\b[^.]{0,120}\b(?:terjawab|terungkap|terpecahkan)(?:\s+sudah)?\s*\.$"
    r"|[^.]{0,160}\bterjawab(?:\s+sudah)?\s*\.$"
    r"|.{0,60}\b(?:lagi-lagi\s+)?kedatangan\s+tamu\s+(?:spesial|istimewa|penting|besar|agung|kehormatan)"
    r"(?:\s+(?:pada|sejak)\s+[^.]{0,50})?\s*\.?$"
    # A week's round-up announced: "Berbagai peristiwa dan kasus kriminal menarik terjadi dalam
    # sepekan terakhir di wilayah Sumatera Utara (Sumut).", "Sejumlah peristiwa mewarnai
    # pemberitaan di wilayah Priangan dalam sepekan." (detik.com's regional desks; the stories
    # come after "Berikut rangkumannya:"). Not with a figure: "Sejumlah peristiwa banjir terjadi
    # di Bekasi dalam sepekan, merendam 300 rumah." is news.
    r"|(?![^.]*\d)(?:berbagai|sejumlah|sederet|deretan|beragam|rentetan|serangkaian)\s+(?:peristiwa|kejadian|kabar|berita)\b"
    r"[^.]{0,80}\b(?:terjadi|mewarnai|menghiasi|mengisi)\b[^.]{0,80}\b(?:sepekan|seminggu|pekan\s+ini)\b"
    r")",
    re.I,
)


# An evaluative phrase standing for what the next sentence tells, closing the sentence or
# opening it: "Vero juga bukan tanpa usaha." (the effort comes next), "Sayangnya, fakta berkata
# lain.", "Peretas tak kalah heboh." (as what, told before or after?).
_VAGUE_CLAIM = re.compile(
    r"(?=[bftknhm])(?:\bbukan\s+tanpa\s+\w+\s*\.$|^bukan\s+tanpa\s+alasan\b"
    r"|\b(?:fakta|takdir|kenyataan|nasib|hasil)\s+berkata\s+lain\b"
    r"|\bt(?:ak|idak)\s+kalah\s+\w+\s*\.$"
    r"|\b(?:berubah\s+menjadi|mengalami|melakukan)\s+(?:hal|sesuatu)\s+yang\s+(?:sangat\s+)?(?:buruk|menarik|"
    r"unik|lucu|aneh|mengejutkan|menyenangkan|menyedihkan|memalukan|mengerikan|menegangkan)\b)",
    re.I,
)


# A generic evaluative claim a feature story opens with, no figure: what it is said of comes
# next ("Malam perayaan Tahun Baru adalah saat yang istimewa, tak terkecuali untuk ...",
# "Katy Perry selalu punya cara untuk mempersiapkan albumnya.").
_GENERIC_CLAIM = re.compile(
    r"(?=[ams])(?:\b(?:adalah|merupakan|menjadi)\s+(?:saat|waktu|momen|hal|sesuatu|bulan|hari|malam)\s+(?:yang\s+)?"
    r"(?:paling\s+|sangat\s+|amat\s+|penuh\s+)?(?:istimewa|spesial|tepat|membanggakan|berkah|dinanti|"
    r"ditunggu|menyenangkan|membahagiakan|berharga)\b"
    r"|\bselalu\s+(?:punya|memiliki|mempunyai)\s+cara\b"
    r"|\bselalu\s+(?:berhasil\s+)?menarik\s+perhatian\b)",
    re.I,
)


# A hedged guess with no fact: "Nampaknya akan sangat sulit bagi seseorang untuk mengontak X."
_HEDGED_GUESS = re.compile(
    r"^(?:nampaknya|tampaknya|sepertinya|kelihatannya)\b[^.]{0,80}\b(?:sulit|susah|mustahil|t(?:ak|idak)\s+mudah)\b",
    re.I,
)


# A short sentence with a stock phrase of a hook and no figure ("Juventus tengah dirundung
# duka.", "Negara tetangga, Singapura, akan mencatat sejarah."): the news is in what follows.
SHORT_HOOK = 10


def teaser(text: str, words: Sequence[str], outside: Sequence[bool]) -> str:
    """'question', 'reader-address', 'lead-in' or 'hook' for a sentence that asks its reader,
    announces what follows, or opens with a stock formula (`_HOOK`); "" for none (`words`,
    `outside`: the sentence's words and which lie outside a quotation, as `words.read` gives)."""
    if text.rstrip(" \"'”’)]").endswith(("?", "!")) and outside[-1] and outside[0]:
        return "question" if "?" in text[-4:] else "reader-address"
    if "?" in text and any("?" in t and out for t, out in zip(words[:-1], outside, strict=False)):
        return "question"
    if text.rstrip().endswith(":") or words[0] == "berikut" or _LEAD_IN.search(text):
        return "lead-in"
    if _HOOK.search(text):
        return "hook"
    if not READER_WORDS.isdisjoint(words) and any(
        w in READER_WORDS and out for w, out in zip(words, outside, strict=True)
    ):
        return "reader-address"
    return ""


def vague(text: str) -> str:
    """'vague-claim', 'hedged-guess', 'generic-claim' or 'short-hook' for a sentence the other
    rules pass that only promises its fact (`_VAGUE_CLAIM`, `_HEDGED_GUESS`, `_GENERIC_CLAIM`,
    `SHORT_HOOK`); checked last, so a
    sentence that needs context keeps that label and the earlier sentence it leans on."""
    if _VAGUE_CLAIM.search(text):
        return "vague-claim"
    if _HEDGED_GUESS.search(text) and not any(c.isdigit() for c in text):
        return "hedged-guess"
    if _GENERIC_CLAIM.search(text) and not any(c.isdigit() for c in text):
        return "generic-claim"
    seen = read(text)  # its hook phrase is asked by the features too
    if len(seen.words) < SHORT_HOOK and not any(c.isdigit() for c in text) and seen.hook_phrase:
        return "short-hook"
    return ""


def vague_event(text: str) -> bool:
    """ "Insiden terjadi menjelang ...": a lead (past its dateline) whose subject says only that
    something happened (`lang.wordlists.VAGUE_EVENTS`), told by a verb of happening."""
    words = read(LEFT_DATELINE.sub("", text)).words
    return bool(words) and words[0] in VAGUE_EVENTS and happens(words)


def short_claim(text: str) -> bool:
    """ "Star Wars: The Last Jedi memang bertabur bintang.": a lead under `SHORT_HOOK` words, no
    figure, that asserts with "memang" (indeed) what the next sentences bear out. Round 21: the
    three tuning leads of that shape are teasers; past the lead, such sentences mostly stand
    alone ("Lilipaly memang memiliki kedekatan emosional dengan Jakarta.")."""
    words = read(LEFT_DATELINE.sub("", text)).words
    return "memang" in words and len(words) < SHORT_HOOK and not any(c.isdigit() for c in text)


def no_actor(text: str, article: Article) -> bool:
    """No name (a capitalised word that is not a common word) and no figure: "a hook with no
    concrete actor or figure" ("Bekerja merupakan salah satu upaya manusia ...")."""
    tokens = LEFT_DATELINE.sub("", text).split()
    if any(ch.isdigit() for ch in text) or any(t.lstrip("\"'“‘([")[:1].isupper() for t in tokens[1:]):
        return False
    first = tokens[0].strip(EDGE)
    if not first[:1].isupper() or first.lower() in STOPWORDS_ID:
        return True
    # A capitalised first word is a name unless the article writes it in lower case somewhere;
    # a role or a body ("Pemerintah telah menyepakati ...") is an actor all the same.
    lower = first.lower()
    if lower in ROLE_WORDS or lower in _BODIES:
        return False
    return any(lower in read(s.text).tokens for s in article.sentences)


# A habit, not an event: with no figure, a lead that says what usually is ("Album biasanya
# dirilis ...", "Berbelanja merupakan sebuah kegiatan rutin ...") is a hook. Not "merupakan"
# alone ("X is Y"): it opens too many plain facts.
_HABIT = frozenset("biasanya umumnya seringkali sering kerap selalu rutin terkadang kadang".split())


def habit(text: str) -> bool:
    """A lead that tells a habit, not an event: a word of habit ("biasanya", "rutin"), no
    figure and no name past the first word ("Berbelanja merupakan sebuah kegiatan rutin
    ..."; not "Xavi Hernandez kerap menyuarakan dukungan untuk Barcelona": an actor)."""
    if _HABIT.isdisjoint(read(text).words) or any(ch.isdigit() for ch in text):
        return False
    return not any(is_name(t) for t in LEFT_DATELINE.sub("", text).split()[1:])
