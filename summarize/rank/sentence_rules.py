"""Does a sentence stand alone, read by itself? The named rules, one sentence at a time.

A digest line or a brief sentence is read out of its article. This module decides, per
sentence, whether a reader who sees only that sentence can state its fact, using the labels
of scripts/data/standalone/GUIDELINES.md. Like the cleaning rules, every verdict other than
STANDALONE names the rule that decided it:

=====================  =============  ======================================================
rule                   label          what it sees
=====================  =============  ======================================================
furniture              FURNITURE      "Baca juga:", "Foto:", "Editor:" ...
fragment-start         FRAGMENT       starts lower case or with closing punctuation, also past a
                                      credited dateline ("Jakarta, CNN Indonesia - - kembali ...")
fragment-end           FRAGMENT       ends without sentence-final punctuation (a cut)
too-short              FRAGMENT       fewer than three words
verbless-list          FRAGMENT       "Mulai X hingga Y ...", "Dari X, Y, hingga Z ...": a list the
                                      sentence before announced, with no verb and no figure
heading                FRAGMENT       every word capitalised or a figure, no verb: a heading, a
                                      list's item or a cut tail ("Gashapon New Year Festival.",
                                      "Kiper: Donnarumma, Plizzari, Storari.", "Skor 1 - 0.")
question               TEASER         a question the article asks its reader
lead-in                TEASER         "Berikut ...", "simak", a line ending in ":"
hook                   TEASER         a stock opening formula: "Ada yang baru dari ...", "Kabar
                                      bahagia datang bagi ...", "X diselimuti kabar bahagia.",
                                      "Jelang ..., kabar duka menghampiri X.", "Kejadian
                                      menegangkan terjadi di ...", "Kejadian nahas menimpa ...",
                                      "Nasib sedih menimpa ...", "... kedatangan tamu besar pada
                                      Senin.", a scene set before
                                      "pemandangan tak biasa terlihat", "X bukan satu-satunya Y
                                      yang ditunggu", "Kabar asmara X kembali terguncang.",
                                      "Teka-teki ... terjawab sudah.", "Nasib X ... akhirnya
                                      terjawab.", "Sejumlah peristiwa mewarnai pemberitaan ...
                                      dalam sepekan." (a round-up announced)
vague-claim            TEASER         an evaluative phrase standing for what the next sentence
                                      tells: "... bukan tanpa usaha.", "fakta berkata lain",
                                      "... tak kalah heboh.", "berubah menjadi hal yang buruk"
                                      (checked after the NEEDS_CONTEXT rules)
hedged-guess           TEASER         "Nampaknya/Tampaknya ... sulit ...", no figure: a guess,
                                      no fact (checked last too)
generic-claim          TEASER         a generic evaluative claim, no figure: "... adalah saat yang
                                      istimewa", "X selalu punya cara ...", "X selalu menarik
                                      perhatian ..." (checked last too)
short-hook             TEASER         under `SHORT_HOOK` words, no figure, a stock phrase of a
                                      hook: "Juventus tengah dirundung duka." (checked last too)
reader-address         TEASER         "kamu", "Anda", "yuk" outside a quotation; "!"
no-actor               TEASER         an opening sentence naming nobody, with no figure
short-claim            TEASER         a lead under ten words, no figure, asserting with "memang":
                                      "Star Wars: The Last Jedi memang bertabur bintang."
vague-event            TEASER         a lead whose subject says only that something happened,
                                      with a verb of happening: "Insiden terjadi menjelang ...",
                                      "Kejutan kembali terjadi ..." (what happened comes next)
connective             NEEDS_CONTEXT  opens with "Namun", "Sementara itu", "Selain itu" ..., or
                                      "Kemudian," with its comma
back-reference         NEEDS_CONTEXT  opens with "Saat itu", "Dalam kesempatan tersebut" ...,
                                      or "Itulah", "Inilah", "Begitulah" ("Itulah mengapa ..."),
                                      or a phrase on "hal itu/ini/tersebut" and a comma
                                      ("Melihat hal itu, ...", "Untuk mewujudkan hal tersebut, ...")
riddle-answer          NEEDS_CONTEXT  "Siapa lagi kalau bukan X", "Tak lain dan tak bukan",
                                      "Jawabannya ...": answers a riddle set before
list-item              NEEDS_CONTEXT  "Pertama, ...", "Yang kedua, ...": an item of a list an
                                      earlier sentence announced (no further item in the sentence)
pronoun                NEEDS_CONTEXT  "Ia", "Dia", "Mereka", "Hal ini" ... before any name; a
                                      bare "Perusahaan" subject ("Perusahaan menargetkan ...")
bare-attribution       NEEDS_CONTEXT  "ujarnya", "katanya", "kata dia", "Dijelaskan bahwa ...",
                                      "Ditambahkan, ...": the speaker is unnamed
undefined-reference    NEEDS_CONTEXT  "kasus tersebut", "pertemuan itu": X is not defined here
emphatic-reference     NEEDS_CONTEXT  "Kondisi itulah yang ...", "Dari kontes itulah": the emphatic
                                      "-lah" on "itu"/"ini" among the first three words, read as
                                      "X itu" (X not defined here)
late-connective        NEEDS_CONTEXT  a connective that points back right after a subject of one
                                      or two words: "X di sisi lain ...", "X pun demikian"
quote-continued        NEEDS_CONTEXT  closes a quotation opened before, or quotes nobody
inside-quote           NEEDS_CONTEXT  inside a quotation an earlier sentence of its paragraph
                                      opened (`rank.words.inside_quotations`): a long quote the
                                      segmenter cut; its speaker is outside it (`rule_verdicts`)
bare-role              NEEDS_CONTEXT  "Korban", "Pelaku", "Tersangka" ... as the whole subject,
                                      no name: "Korban berhasil kabur ..." (who?)
example                NEEDS_CONTEXT  "misalnya", "contohnya" among the first words: "Hollywood
                                      misalnya, ..." (an example of a claim made before)
other-set              NEEDS_CONTEXT  "X lainnya" among the first three words, no comma after it:
                                      "Musisi lainnya yang ..." (other than whom?); an opening
                                      "X lain yang ...": "Hal lain yang perlu dicatat ..."
bare-event             NEEDS_CONTEXT  past the lead, an event named by its noun alone with a verb
                                      of happening: "Penggerebekan dilakukan tim ..." (which raid?)
like-before            NEEDS_CONTEXT  "Hal senada diungkapkan ...", "Situasi serupa terjadi ...",
                                      "Senada, ...", "Tidak demikian dengan X": the like of (or
                                      the contrary to) what an earlier sentence told
meant                  NEEDS_CONTEXT  "X yang dimaksud(nya)" outside a quotation: the X an earlier
                                      sentence spoke of ("Provinsi yang dimaksud adalah Jawa
                                      Barat."); not "yang dimaksud dengan X" (a definition)
same-one               NEEDS_CONTEXT  past the lead, "X yang sama" among the first words: "Dari
                                      sumber yang sama, ...", "Pada hari yang sama, ..." (the
                                      same as what?); not "yang sama dengan Y" (Y named)
dangling-clause        NEEDS_CONTEXT  past the lead, "Mengingat/Karena/Meskipun/Jika ..." with no
                                      comma: a reason or condition with no main clause, the
                                      cause of what the sentence before told
=====================  =============  ======================================================

`judge_text` runs them in this order: furniture and fragments (here), hooks (`rank.hooks`),
connectives (here, with what a digest may trim), references back (`rank.references`), then the
vague and generic claims (`rank.hooks` again). Besides its label, a sentence the rules pass may
carry a doubt read from its words alone (`doubt_text`: "short", "referring-word",
"vague-set"); `rank.standalone` adds the doubts that need the article, the learned sure tier,
and the sentence each one leans on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..lang.wordlists import (
    COMMA_CONNECTIVES,
    CONNECTIVES,
    DEICTIC_HEADS,
    PREDICATE_WORDS,
    STOPWORDS_ID,
)
from .hooks import teaser, vague
from .references import context
from .words import (
    REFERRING,
    SPAN_WORDS,
    is_name,
    opener,
    phrases,
    read,
    verb_like,
)

__all__ = [
    "FRAGMENT",
    "FURNITURE",
    "LABELS",
    "NEEDS_CONTEXT",
    "STANDALONE",
    "TEASER",
    "Judgement",
    "doubt_text",
    "judge_text",
]

STANDALONE = "STANDALONE"
NEEDS_CONTEXT = "NEEDS_CONTEXT"
TEASER = "TEASER"
FURNITURE = "FURNITURE"
FRAGMENT = "FRAGMENT"
LABELS = (STANDALONE, NEEDS_CONTEXT, TEASER, FURNITURE, FRAGMENT)


@dataclass(frozen=True, slots=True)
class Judgement:
    """One sentence's verdict: its label, the rule that decided it and, for a sentence that
    needs context, the earlier sentence it leans on (a guess: the nearest of the two before it
    that names what it refers to, else the one just before: `rank.standalone.NEAR_HOLDER`)."""

    label: str
    rule: str = ""  # "" for STANDALONE
    depends_on: int | None = None
    trim: int = 0  # leading words a digest may leave off so that the rest stands alone
    # For a sentence that passes (or passes once trimmed): the doubt rule that says it may
    # still lean on an earlier sentence ("" when none does); `depends_on` then names that one.
    doubt: str = ""
    # In the sure tier: the judgement is very sure that the sentence (or what is left once
    # trimmed) stands alone. Read alone (`judge_text`): the rules pass it with no doubt; in
    # its article (`judge`): the learned score (`rank.sure`) reaches the tier's threshold.
    sure: bool = False
    # The learned probability that it stands alone (`judge` only, for a sentence the rules
    # pass whole or trimmed: the others are never in the tier, and nothing reads theirs).
    score: float | None = None
    # The rules pass it with no doubt, or only one of `rank.standalone.OPEN_DESPITE`, and the learned score
    # is at least its opening cut (`Scorer.open_threshold`): a brief may open with it.
    opens: bool = False
    # The rules pass it, but the learned score is below `Scorer.lean_below`: a brief shows it
    # only after the sentence it may lean on (`depends_on`), as if it needed context.
    leans: bool = False
    # Earlier sentences one of which a brief shows before this one, or it leaves this one out
    # (`rank.ties.judge_for_brief`): it takes something from them that the rules and the score let pass
    # ("rambu itu" after a sentence on "rambu-rambu", "Pihak promotor turut ..."); `tie` names
    # the kind.
    ties: tuple[int, ...] = ()
    tie: str = ""
    # A lead in the sure tier that the lexical hook score (`rank.sure.Hook`) calls a likely
    # hook: the words and word pairs that pushed it most ("<s> mulai", "bukan satu-satunya").
    # A digest does not show it (`line`); a brief reads `sure`, `may_open` and `opens`, which
    # it leaves as they are.
    hook: tuple[str, ...] = ()
    # In the digest's own sure tier, where the scorer has one (`rank.sure.Scorer.digest`);
    # None: the digest reads `sure`, as briefs do.
    digest_sure: bool | None = None

    @property
    def stands_alone(self) -> bool:
        return self.label == STANDALONE

    @property
    def confident(self) -> bool:
        """Stands alone, in the sure tier: what a digest line or a brief's opening needs."""
        return self.label == STANDALONE and self.sure

    @property
    def may_open(self) -> bool:
        """May open a brief: in the sure tier, or passed by the rules with no doubt, or one of
        `rank.standalone.OPEN_DESPITE`, at a score of at least the opening cut (`opens`)."""
        return self.sure or self.opens

    @property
    def lines_tier(self) -> bool:
        """In the tier digest lines are drawn from: the digest's own (`digest_sure`), else `sure`."""
        return self.sure if self.digest_sure is None else self.digest_sure

    @property
    def line(self) -> bool:
        """May be shown out of its article: in the digest's tier (`lines_tier`), whole or
        trimmed, and not a likely hook (`hook`)."""
        return (self.label == STANDALONE or self.trim > 0) and self.lines_tier and not self.hook

    @property
    def states_fact(self) -> bool:
        """Standalone, or a fact once its earlier sentence is read: not a hook or a piece."""
        return self.label in (STANDALONE, NEEDS_CONTEXT)


_TERMINAL = frozenset(".!?…\"”’')]:")  # ":" ends a lead-in, a teaser rule's to name
_FURNITURE = re.compile(
    r"^\W*(?:baca\s+juga|lihat\s+juga|simak\s+juga|tonton\s+juga|foto|video|editor|penulis|reporter|"
    r"sumber|ilustrasi|advertisement|scroll\s+to)\s*[:|]",
    re.IGNORECASE,
)
# A credited dateline the cleaner leaves before a cut-off subject ("Jakarta, CNN Indonesia - -
# kembali membuka akses ..."): what follows starts mid-sentence.
_CREDIT_DATELINE = re.compile(r"^[A-Z][\w .]{1,30}, [\w .]{2,40}?\s*(?:--|[-–—]\s+[-–—])\s+(?=[a-z])")
# An outlet's own dateline ("Suara.com - ") before a lower-case word or a stray comma, slash or
# bracket: the scrape cut the sentence after it ("Suara.com - yang melahap ruangan ...)." /
# "Suara.com - / 2018) malam."). In IndoSum's five dev folds 447 such datelines come before a
# capital and 10 before anything else; of those, only an opening quote starts a sentence.
_OUTLET_CUT = re.compile(r"^[A-Z][\w.]{1,30}\.(?:com|id|net|co)\s*[-–—]+\s+(?=[a-z,/)])")


_CONNECTIVES = phrases(CONNECTIVES)


def _fragment(text: str, tokens: Sequence[str]) -> str:
    first = _CREDIT_DATELINE.sub("", text).lstrip("\"'“‘([ ")
    if (
        not first
        or _OUTLET_CUT.match(text)
        or first[0] in "”’),;:."
        or (first[0].islower() and not first[1:2].isupper())
    ):
        return "fragment-start"
    if text.rstrip()[-1] not in _TERMINAL and not _unstopped(text, tokens):
        return "fragment-end"
    return ""


# A page may leave out a paragraph's last stop ("... di Stadion Patriot, Bekasi, besok malam"):
# a sentence of this many words or more that ends on a figure or a word of four letters or
# more, not on a word that carries it on ("dan", "karena", "dari", "dilansir") nor after
# "yang", is whole, for the other rules to judge. A word cut short ("... nusantara yang den"),
# a line-up ("...; Salomon Rondon Pelatih: Tony Pulis") or a list cut off stays a fragment.
# On the tuning labels, 88.0% of the sentences "fragment-end" then still fires on are not
# STANDALONE, against 80.5% of those it fired on before.
WHOLE_WITHOUT_STOP = 12
_CARRY_ON = STOPWORDS_ID | {"dilansir", "dikutip", "seperti", "sebagaimana", "dkk", "antara"}


def _unstopped(text: str, tokens: Sequence[str]) -> bool:
    last = tokens[-1]
    return (
        len(tokens) >= WHOLE_WITHOUT_STOP
        and text.rstrip()[-1].isalnum()
        and (last.isdigit() or len(last) >= 4)
        and last.lower() not in _CARRY_ON
        and tokens[-2].lower() != "yang"
        and ";" not in text
        and ":" not in text
    )


# "Mulai X hingga Y.", "Dari X, Y, hingga Z.": the items of a list an earlier sentence announced,
# with no verb of its own. On the tuning labels none of these stands alone; with a verb
# ("Dari Menlu Inggris hingga Menlu Belanda, memberi dukungan.") or a figure ("Mulai pukul 06.00
# hingga 10.00 WIB, ...") it is left to the other rules.
_LIST_OPENERS = frozenset({"mulai", "dari"})
_LIST_ENDS = frozenset({"hingga", "sampai"})


def _verbless_list(text: str, words: Sequence[str], tokens: Sequence[str]) -> bool:
    """A verbless list: it opens with "Mulai"/"Dari", runs from its last "hingga"/"sampai" to
    the end with no comma (no clause follows the list: not "Dari Jakarta hingga Surabaya, harga
    ... naik"), holds no figure, no auxiliary (`PREDICATE_WORDS`) and no verb but in a "yang"
    clause (a word with a verb's prefix that is not a noun in "-an": "pertunjukan" is a thing,
    "menjalankan" is done)."""
    if words[0] not in _LIST_OPENERS or any(ch.isdigit() for ch in text):
        return False
    last = max((k for k, w in enumerate(words) if w in _LIST_ENDS), default=0)
    if not last or any(t.endswith(",") for t in tokens[last:]):
        return False
    return not any(
        before != "yang" and w != "yang" and (w in PREDICATE_WORDS or verb_like(w))
        for before, w in pairwise(["", *words])
    )


def _heading(bare: Sequence[str], words: Sequence[str]) -> bool:
    """Every word capitalised or a figure, and no verb (`PREDICATE_WORDS`, `verb_like`): a
    heading, a list's item or a cut tail, not a sentence ("Gashapon New Year Festival.")."""
    if any(b[:1].isalpha() and not b[:1].isupper() for b in bare):
        return False
    return not any(w in PREDICATE_WORDS or verb_like(w) for w in words)


# Doubts ----------------------------------------------------------------------------------
# On the labelled set about a quarter of the sentences the rules above pass still lean on an
# earlier one, mostly through a noun phrase the article introduced before. A digest line or a
# brief's opening must not be one of them: these rules name the signs, and a doubted sentence
# is shown only after the sentence it may lean on.

# "saat ini", "tahun ini": now; but "kali ini" (this time) is the event told before.
_NOW = DEICTIC_HEADS - {"kali"}
# A set or a place the reader was told of before: "kedua tim", "keduanya", "masing-masing
# pihak", "dua pelaku lainnya", "di sana".
_VAGUE = frozenset({"kedua", "keduanya", "masing-masing", "lainnya", "sana", "tadi"})
# Fewer words than this rarely carry a fact of their own (the centrality ranker damps them too).
SHORT = 6


def doubt_text(tokens: Sequence[str], words: Sequence[str]) -> tuple[str, str]:
    """('short', "") for a sentence of a few words ("Enough is enough."), ('referring-word',
    X) for an "X ini/itu/tersebut" in the first half of the sentence or before any name past
    its first word (defined in the sentence or not: the stricter reading of
    `undefined-reference`), ('vague-set', "") for
    "kedua", "lainnya", "yang sama", "di sana" ...; ("", "") when none is there."""
    if len(words) < SHORT:
        return "short", ""
    for k in range(1, len(words)):
        head = words[k - 1]
        if words[k] not in REFERRING or not head or head in SPAN_WORDS:
            continue
        if 2 * k > len(words) and any(is_name(t) for t in tokens[1 : k - 1]):
            break  # late, past a name: "... ke Rusia untuk mendukung negara itu dalam perang"
        # "saat ini", "tahun 2018 ini" are now; "tahun itu", "musim 2017 - 2018 itu" are then
        if words[k] != "ini" or not (head[0].isdigit() or head in _NOW):
            return "referring-word", head
    if not _VAGUE.isdisjoint(words) or any(pair == ("yang", "sama") for pair in pairwise(words)):
        return "vague-set", ""
    return "", ""


@lru_cache(maxsize=100_000)
def judge_text(text: str, *, lead: bool = False) -> Judgement:
    """The verdict on one sentence read alone (`depends_on` unset: that needs the article);
    `lead`: read as an article's first sentence, which nothing precedes (`_pronoun`)."""
    seen = read(text)
    tokens, words, outside = seen.tokens, seen.words, seen.outside
    if not tokens:
        return Judgement(FRAGMENT, "too-short")
    if _FURNITURE.match(text):
        return Judgement(FURNITURE, "furniture")
    rule = _fragment(text, tokens)
    if rule:
        return Judgement(FRAGMENT, rule)
    rule = teaser(text, words, outside)
    if rule:
        return Judgement(TEASER, rule)
    if len(tokens) < 3:
        return Judgement(FRAGMENT, "too-short")
    if _verbless_list(text, words, tokens):
        return Judgement(FRAGMENT, "verbless-list")
    if _heading(seen.bare, words):
        return Judgement(FRAGMENT, "heading")
    k = opener(words, _CONNECTIVES) or int(words[0] in COMMA_CONNECTIVES and tokens[0].endswith(","))
    if k:
        # Trimmed, the line starts where the rest starts: only a name or a capitalised subject
        # reads as a sentence ("Namun, Presiden Jokowi ..."), not "Namun, masih ada ...".
        rest = tokens[k:]
        clean = (
            len(rest) >= 3
            and rest[0][:1].isupper()
            and words[k] not in STOPWORDS_ID
            and not context(rest, words[k:], outside[k:], lead=lead)
            and not vague(" ".join(rest))
        )
        if not clean:
            return Judgement(NEEDS_CONTEXT, "connective")
        doubt = doubt_text(rest, words[k:])[0]
        return Judgement(NEEDS_CONTEXT, "connective", trim=k, doubt=doubt, sure=not doubt)
    rule = context(tokens, words, outside, lead=lead)
    if rule:
        return Judgement(NEEDS_CONTEXT, rule)
    rule = vague(text)
    if rule:
        return Judgement(TEASER, rule)
    doubt = doubt_text(tokens, words)[0]
    return Judgement(STANDALONE, doubt=doubt, sure=not doubt)
