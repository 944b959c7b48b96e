"""How the stands-alone rules, the brief ties and the sure tier's score read a sentence's words.

One home, so that a rule (`rank.standalone`), a tie (`rank.ties`) and a feature (`rank.sure`)
never read a word differently: the characters a token sheds (`EDGE`), a name, the words that
point back ("ini", "itu", "tersebut"), the leading phrases of a word list, and which tokens lie
inside a quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import PRONOUNS, RELATIVE_TIMES, SAY_VERBS, STOPWORDS_ID

__all__ = [
    "EDGE",
    "NOT_NAMES",
    "NYA_ADVERBS",
    "REFERRING",
    "RELATIVE_TIME_OPENERS",
    "SAY",
    "SAY_SHORT",
    "SPAN_WORDS",
    "Phrases",
    "bare",
    "is_name",
    "opener",
    "outside_quotes",
    "phrases",
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
    khususnya umumnya harusnya nantinya awalnya mulanya intinya pokoknya hasilnya
    """.split()
)
# "selama ini", "hingga kini": not a reference to something said before.
SPAN_WORDS = frozenset({"selama", "sejauh", "hingga", "sampai", "seperti", "begini", "begitu"})

Phrases = dict[str, tuple[tuple[str, ...], ...]]


def phrases(entries: Sequence[str]) -> Phrases:
    """Phrases by their first word, longest first (so "oleh karena itu" wins over "oleh")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((tuple(e.split()) for e in entries), key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in out.items()}


RELATIVE_TIME_OPENERS = phrases(RELATIVE_TIMES)


def bare(token: str) -> str:
    """The token as a lower-case word, without its quotes and punctuation."""
    return token.strip(EDGE).lower()


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
