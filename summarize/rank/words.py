"""How the stands-alone rules, the brief ties and the sure tier's score read a sentence's words.

One home, so that a rule (`rank.sentence_rules`), a tie (`rank.ties`) and a feature (`rank.sure_features`)
never read a word differently: the characters a token sheds (`EDGE`), a name, the words that
point back ("ini", "itu", "tersebut"), the leading phrases of a word list, which tokens lie
inside a quotation, and which sentences of an article lie inside one a sentence before them
opened (`inside_quotations`). A sentence's words are read once (`read`) and shared by all three.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang.wordlists import (
    HAPPEN_VERBS,
    HOOK_PHRASES,
    PRONOUNS,
    RELATIVE_TIMES,
    SAY_VERBS,
    STOPWORDS_ID,
    VERB_PREFIXES,
)
from ..values import Sentence

__all__ = [
    "EDGE",
    "HOOK_PHRASE",
    "NOT_NAMES",
    "NYA_ADVERBS",
    "REFERRING",
    "RELATIVE_TIME_OPENERS",
    "SAY",
    "SAY_SHORT",
    "SPAN_WORDS",
    "Phrases",
    "Read",
    "inside_quotations",
    "is_name",
    "opener",
    "outside_quotes",
    "phrases",
    "read",
]

# What a token sheds to be read as a word: quotes, brackets, punctuation, dashes.
EDGE = "\"'“”‘’()[]{}«»,.;:!?…-–—*"
# The words that point back to something: "X tersebut", "X itu", "X ini".
REFERRING = frozenset({"tersebut", "itu", "ini"})
# Capitalised but not a name: a stopword or a pronoun that opens a sentence.
NOT_NAMES = STOPWORDS_ID | PRONOUNS
SAY_SHORT = frozenset(SAY_VERBS) | {"menurut", "tanya"}  # "kata dia": the speaker follows
SAY = SAY_SHORT | {"mengatakan", "menyatakan", "katanya"}
# Words ending in "-nya" that open a sentence as an adverb, not "his/her/its X".
NYA_ADVERBS = frozenset(
    """
    sebelumnya selanjutnya akhirnya rencananya biasanya sayangnya untungnya rupanya nampaknya
    tampaknya agaknya padahalnya sepertinya seharusnya sebenarnya sesungguhnya terutamanya
    khususnya umumnya harusnya nantinya awalnya mulanya intinya pokoknya hasilnya sejatinya
    """.split()
)
# "selama ini", "hingga kini": not a reference to something said before.
SPAN_WORDS = frozenset({"selama", "sejauh", "hingga", "sampai", "seperti", "begini", "begitu"})
# A dateline left in a sentence's text ("Jakarta, CNN Indonesia - - "): not an actor of it, for
# the hook rules and the score's features alike.
LEFT_DATELINE = re.compile(r"^[A-Z][\w .]{1,30}, [\w .]{2,40}?\s*[-–—](?:\s*-)?\s+")
# A stock phrase of a hook, searched in the lower-cased words (a rule and a feature ask it).
HOOK_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, HOOK_PHRASES)) + r")\b")

Phrases = dict[str, tuple[tuple[str, ...], ...]]


def phrases(entries: Sequence[str]) -> Phrases:
    """Phrases by their first word, longest first (so "oleh karena itu" wins over "oleh")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((tuple(e.split()) for e in entries), key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in out.items()}


RELATIVE_TIME_OPENERS = phrases(RELATIVE_TIMES)


def is_name(token: str) -> bool:
    """Capitalised and not all capitals: a name, or a sentence's first word."""
    word = token.strip(EDGE)
    return word[:1].isupper() and not word.isupper()


def opener(words: Sequence[str], table: Phrases) -> int:
    """How many leading words form one of `table`'s phrases (0 when none does); the last word
    may carry the particle "-lah" or "-pun" ("Untuk itulah", "Oleh karena itupun")."""
    first = words[0]
    for phrase in table.get(first, ()) or table.get(first[:-3], ()):
        k = len(phrase)
        if len(words) > k and tuple(words[: k - 1]) == phrase[:-1]:
            last = words[k - 1]
            if last == phrase[-1] or (last[:-3] == phrase[-1] and last[-3:] in ("lah", "pun")):
                return k
    return 0


def outside_quotes(tokens: Sequence[str]) -> list[bool]:
    """For each token, whether it lies outside a quotation (straight quotes alternate)."""
    if not any('"' in t or "“" in t or "”" in t for t in tokens):
        return [True] * len(tokens)  # most sentences quote nobody
    out = []
    inside = False
    for tok in tokens:
        opens = tok[:1] in '"“' and not inside
        if opens:
            inside = True
        out.append(not inside)
        closes = ("”" in tok or tok.count('"') % 2 == (0 if opens else 1)) and inside
        if closes and not (opens and tok.count('"') == 1 and "”" not in tok):
            inside = False
    return out


def inside_quotations(sentences: Sequence[Sentence]) -> frozenset[int]:
    """The indices of the sentences that lie inside a quotation an earlier sentence of their
    paragraph opened and that closes in them or after them, in the same paragraph: a long quote
    the segmenter cut ("“Perancis biasanya tidak menang ... / Ketika nama saya disebut, saya
    sangat terkejut. / ... / Semua itu momen luar biasa.”"). Their speaker is outside them. A
    quotation left open to the paragraph's end is not counted (a source's missing closing mark
    would otherwise carry on over the paragraphs after it)."""
    inside: set[int] = set()
    for _, part in itertools.groupby(sentences, key=lambda s: s.paragraph):
        run = list(part)
        opened: int | None = None  # where the open quotation began, within the paragraph
        for k, sentence in enumerate(run):
            for mark in _QUOTE_MARKS.findall(sentence.text):
                if opened is None:
                    opened = k if mark != "”" else None
                elif mark == "“":
                    opened = k  # opened again before it closed: the first had no closing mark
                else:
                    inside.update(s.index for s in run[opened + 1 : k + 1])
                    opened = None
    return frozenset(inside)


_QUOTE_MARKS = re.compile('[“”"]')


@dataclass(frozen=True, slots=True, eq=False)
class Read:
    """A sentence's words as the rules, the ties and the features read them, made once."""

    tokens: tuple[str, ...]  # split on whitespace
    bare: tuple[str, ...]  # each token without its quotes and punctuation (`EDGE`), case kept
    words: tuple[str, ...]  # those in lower case: how the rules compare words
    outside: tuple[bool, ...]  # whether each token lies outside a quotation (`outside_quotes`)
    word_set: frozenset[str]  # `words` as a set
    hook_phrase: bool  # `HOOK_PHRASE` is among the words


# Sentences kept read: an article is judged all at once (its rules, features and ties read
# each sentence a few times), so a few thousand suffice, and a `Read` holds about 4 KB (the 200
# IndoSum articles of scripts/bench_scale.py: 3,132 sentences, all kept).
READ_SENTENCES = 4096


@lru_cache(maxsize=READ_SENTENCES)
def read(text: str) -> Read:
    """`text`'s words, read once: a sentence is asked about by many rules and features."""
    tokens = text.split()
    stripped = [t.strip(EDGE) for t in tokens]
    words = [w.lower() for w in stripped]
    return Read(
        tokens=tuple(tokens),
        bare=tuple(stripped),
        words=tuple(words),
        outside=tuple(outside_quotes(tokens)),
        word_set=frozenset(words),
        hook_phrase=HOOK_PHRASE.search(" ".join(words)) is not None,
    )


def prefixed_noun(word: str) -> bool:
    """A word of a verb's prefix that is a noun: "per-...-an" ("pertunjukan", "perusahaan"), or
    "-an" but not "-kan" ("pendaratan"); not "menjalankan", "diberikan"."""
    return word.endswith("an") and (word.startswith("per") or not word.endswith("kan"))


def verb_prefixed(word: str) -> bool:
    """Longer than four letters and opening with a verb's prefix (`lang.wordlists.VERB_PREFIXES`: "me-",
    "di-", "ber-" ...), noun or verb: "mengatakan", "dituduh", "pertahanan"."""
    return word.startswith(VERB_PREFIXES) and len(word) > 4


def verb_like(word: str) -> bool:
    """A word of a verb's prefix that is no noun ("mengatakan", "dituduh"; not "pertahanan")."""
    return verb_prefixed(word) and not prefixed_noun(word)


# Between an event's noun and its verb: "Acara akan berlangsung", "Sidang kembali digelar".
AUXILIARIES = frozenset({"akan", "telah", "sudah", "sempat", "pun", "juga", "kembali", "baru", "bakal"})


def happens(words: Sequence[str]) -> bool:
    """The verb after the subject word says it happened (`lang.wordlists.HAPPEN_VERBS`), at most one
    auxiliary between."""
    if len(words) < 3:
        return False
    verb = words[2] if words[1] in AUXILIARIES else words[1]
    return verb in HAPPEN_VERBS
