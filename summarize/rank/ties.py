"""Ties a brief keeps: what a sentence the stands-alone rules pass still takes from an earlier one.

A sentence the rules pass may still take something from an earlier one that a digest line
is spared (a digest shows only the sure tier) but a brief is not: a brief shows such a
sentence only after one of the sentences it takes from (`Judgement.ties`), or not at all.
Each kind has a name (`Judgement.tie`):

earlier-noun   "X itu", "X tersebut" or "X lainnya" whose X (or its stem) an earlier sentence
               holds: that sentence introduced it ("rambu itu" after "... rambu-rambu dalam
               menyusun APBN"; "Model lainnya ..." after "... model Honda ..."); any earlier
               sentence holding X will do, one the brief already shows included
this-matter    "hal itu/ini/tersebut" past the opening ("Panggah menyampaikan hal itu ..."):
               what the sentence before said
also           `lang.wordlists.ALSO_WORDS` right after the subject ("Pihak promotor turut
               menyampaikan ..."): in addition to what the sentence before told
story-start    `lang.wordlists.STORY_STARTS` ("Semua bermula ketika ..."): how what the
               sentence before told began
quote-goes-on  a speaker's own words without a speaker: "saya", "kami" outside quotation
               marks, or a quotation with no verb of saying, after a sentence that quotes
then           opens with a time counted from an event told before
               (`lang.wordlists.RELATIVE_TIMES`, "Tiga hari kemudian"): after the sentence before
look           opens with "Tengok saja", "Lihat saja": an example of what the sentence
               before claimed, so after it
no-holder      right after the lead, "X tersebut" whose X no earlier sentence holds ("acara
               tersebut" after a lead that said "konferensi pers"): the lead named it by
               another word, so after the lead
whose          "sang istri", "sang ayah" (`lang.wordlists.KIN_WORDS`) with no name before
               it: whose wife? the one the sentence before told of
connective     a leading connective a digest may trim ("Meski demikian, Rooney ..."): in a
               brief it is shown whole, so after the sentence it answers (`TIE_CONNECTIVES`)

`judge_for_brief` adds the ties to `standalone.judge`'s verdicts; `rank.select` reads them. A
digest needs none of this (it shows only the sure tier). One more thing only a brief needs:
which sentence may open it. Where the lead may not, a later sentence with an unheld "X ini/itu/
tersebut" may not either (`NO_OPENING`), however sure the score is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from ..lang.terms import stem
from ..lang.wordlists import ALSO_WORDS, DEICTIC_HEADS, KIN_WORDS, STOPWORDS_ID, STORY_STARTS, TIME_UNITS
from ..values import Article
from .sentence_rules import Judgement
from .standalone import JUDGED_ARTICLES, judge
from .sure import Scorer, load_scorer
from .words import (
    NOT_NAMES,
    NYA_ADVERBS,
    REFERRING,
    RELATIVE_TIME_OPENERS,
    SAY,
    SPAN_WORDS,
    Read,
    is_name,
    opener,
    read,
)

__all__ = ["NO_HOLDER", "NO_OPENING", "TIE_CONNECTIVES", "judge_for_brief", "no_opening"]

# "X tersebut" and the connective tie each cost the IndoSum gate about 0.3 R-L (IndoSum's
# summaries keep such sentences without the one before): at the floor before the cleaner cut
# IndoSum's spaced datelines, within it since. Each is a one-line switch: drop "tersebut" here,
# or set `TIE_CONNECTIVES` to False (a trimmable "Namun, X ..." then follows anything the brief
# shows before it); docs/standalone-rounds.md gives the gate's figures each way.
# Not "X ini": it cost the gate with no brief figure better.
_TIED_REFERRING = frozenset({"itu", "tersebut", "lainnya"})
TIE_CONNECTIVES = True
# "X tersebut" whose X no earlier sentence holds, in the sentence right after the lead ("orang-
# orang yang hadir di acara tersebut" after a lead that said "konferensi pers"): the lead named
# it by another word. A one-line switch; docs/standalone-rounds.md gives the gate's
# figures each way (any "X itu/tersebut/lainnya" anywhere with no holder cost 0.8 R-2).
NO_HOLDER = True
# Outside quotation marks, a speaker's own "I" / "we": the quotation goes on.
_FIRST_PERSON = frozenset({"saya", "aku", "kami"})
_QUOTE_CHARS = frozenset('"“”')
ALSO_AT = 5  # "also" counts among the first this many words: right after a short subject


def _word_stem(word: str) -> str:
    """The stem of a lower-case word, a reduplication read once ("rambu-rambu" -> "rambu")."""
    left, _, right = word.partition("-")
    return stem(left if left == right else word)


@lru_cache(maxsize=100_000)
def _stems(text: str) -> frozenset[str]:
    """The stems of a sentence's words."""
    return frozenset(_word_stem(w) for w in read(text).words if w)


def _referred(
    words: Sequence[str],
    tokens: Sequence[str],
    outside: Sequence[bool],
    pointing: frozenset[str] = _TIED_REFERRING,
    *,
    named_defines: bool = False,
) -> set[str]:
    """Stems of the common words of every "X itu" phrase (or "X tersebut", "X lainnya":
    `pointing`) where `outside` (outside quotation marks: "rambu itu": "rambu"; "warga asli
    Jakarta itu": "warga", "asli") whose X the sentence does not
    say before it: not a time ("saat itu"), not a function word, not a figure; a name in the
    phrase (past the sentence's first word) is left to the names the score reads, or, with
    `named_defines`, defines X: the phrase is left out."""
    out: set[str] = set()
    for k in range(1, len(words)):
        head = words[k - 1]
        if words[k] not in pointing or not outside[k] or not head or head[0].isdigit():
            continue
        if head in DEICTIC_HEADS or head in STOPWORDS_ID or head in SPAN_WORDS or head in words[: k - 1]:
            continue
        start = k - 1  # back over the phrase's words, at most three, to a function word or comma
        while start > 0 and k - start < 4 and words[start - 1] not in STOPWORDS_ID:
            if not words[start - 1] or tokens[start - 1].endswith(","):
                break
            start -= 1
        if named_defines and any(tokens[m][:1].isupper() for m in range(max(start, 1), k)):
            continue  # "penyanyi yang kerap dipanggil KD tersebut": the name says who
        # The first word is capitalised as any sentence's is: a common word ("Model lainnya ...").
        out.update(
            _word_stem(words[m]) for m in range(start, k) if words[m] and not (m and is_name(tokens[m]))
        )
    return out


def _no_holder(words: Sequence[str], outside: Sequence[bool], i: int) -> bool:
    """The sentence right after the lead says "X tersebut" outside quotation marks (whose X no
    earlier sentence holds: the caller checks): the lead named it by another word."""
    return i == 1 and any(w == "tersebut" and out for w, out in zip(words, outside, strict=True))


def _tie(words: Sequence[str], tokens: Sequence[str], outside: Sequence[bool], quoted_before: bool) -> str:
    """The kind of tie to the sentence just before ("this-matter", "also", "story-start",
    "then", "look", "whose", "quote-goes-on"), or "" when there is none (`quoted_before`:
    that sentence quotes)."""
    if any(a == "hal" and b in REFERRING and outside[k + 1] for k, (a, b) in enumerate(pairwise(words))):
        return "this-matter"
    early = [w for w, out in zip(words[:ALSO_AT], outside, strict=False) if out]
    if not ALSO_WORDS.isdisjoint(early[1:]):
        return "also"
    if " ".join(words[:2]) in STORY_STARTS:
        return "story-start"
    if opener(words, RELATIVE_TIME_OPENERS) or _counted_time(words):
        return "then"
    if tuple(words[:2]) in _LOOK:
        return "look"
    if _whose(words, tokens, outside):
        return "whose"
    if quoted_before:
        if any(w in _FIRST_PERSON and out for w, out in zip(words, outside, strict=True)):
            return "quote-goes-on"
        said = any(w in SAY for w, out in zip(words, outside, strict=True) if out)
        if tokens[0][:1] in _QUOTE_CHARS and not said:
            return "quote-goes-on"
    return ""


# "Tengok saja ...", "Lihat saja ...": an example of what the sentence before claimed. Not
# "Di tempat yang sama" nor "malam itu" / "hari tersebut" (a time told before): as ties,
# neither moved a figure on the tuning data.
_LOOK = frozenset({("tengok", "saja"), ("lihat", "saja"), ("simak", "saja")})


# "Tiga hari kemudian", "Sepekan setelahnya": a count of `lang.wordlists.TIME_UNITS`, then "later".
_LATER = frozenset({"kemudian", "setelahnya", "sesudahnya", "berikutnya"})


def _counted_time(words: Sequence[str]) -> bool:
    """Opens with "<how many> <unit> kemudian" ("Tiga hari kemudian") or "se<unit> kemudian"
    ("Sehari kemudian")."""
    if len(words) > 2 and words[1] in TIME_UNITS and words[2] in _LATER:
        return True
    return len(words) > 1 and words[0][:2] == "se" and words[0][2:] in TIME_UNITS and words[1] in _LATER


def _whose(words: Sequence[str], tokens: Sequence[str], outside: Sequence[bool]) -> bool:
    """ "sang istri" (`lang.wordlists.KIN_WORDS`) outside quotation marks with no name before it: the
    kin of someone told of before ("Sebelumnya sang istri, Tiwi, ..."; not "Harry ... kepada
    sang kekasih")."""
    for k in range(len(words) - 1):
        if words[k] == "sang" and words[k + 1] in KIN_WORDS and outside[k]:
            first = words[0] not in NOT_NAMES and words[0] not in NYA_ADVERBS and k > 0 and is_name(tokens[0])
            return not first and not any(is_name(t) for t in tokens[1:k])
    return False


def _ties(article: Article, i: int) -> tuple[tuple[int, ...], str]:
    """The earlier sentences that sentence `i` takes from, and the kind (see above)."""
    if i == 0:
        return (), ""
    seen = read(article.sentences[i].text)
    tokens, words, outside = seen.tokens, seen.words, seen.outside
    referred = _referred(words, tokens, outside)
    if referred:
        holders = tuple(j for j in range(i) if not referred.isdisjoint(_stems(article.sentences[j].text)))
        if holders:
            return holders, "earlier-noun"
        if NO_HOLDER and _no_holder(words, outside, i):
            return (i - 1,), "no-holder"
    quoted_before = not _QUOTE_CHARS.isdisjoint(article.sentences[i - 1].text)
    kind = _tie(words, tokens, outside, quoted_before)
    return ((i - 1,), kind) if kind else ((), "")


# A brief opens with a sentence the judgement is sure of. Where the lead may not open, a later
# sentence of these kinds is not one, whatever its score: it may follow, never open. Not a tie,
# and not where the lead may open (the brief picks the same sentences there). Each kind is a
# switch (drop it from the set); docs/standalone-rounds.md gives the figures.
#   unheld  "X ini/itu/tersebut" whose X no earlier sentence holds and the sentence does not
#           define ("Kepada DailySocial ... mengungkapkan, kegiatan ini nantinya ...": which
#           event?); with the lead too, it cost the gate 1.0 R-1
#   quote   opens with a quotation: a speaker's words explaining what was told before
#           ("\"Mungkin saja beberapa pendaki ...,\" ujar Ang ...": the climbers the sentence
#           before counted; Ang, named in full there)
# Not "X pun" ("Indonesia pun tidak hanya ..."): it changed two tuning briefs, neither's
# opening better.
NO_OPENING = frozenset({"unheld", "quote"})


def no_opening(article: Article, i: int) -> str:
    """The kind (`NO_OPENING`) that keeps sentence `i` from opening a brief where the article's
    lead may not open, or "" (`judge_for_brief` applies it)."""
    seen = read(article.sentences[i].text)
    if "quote" in NO_OPENING and seen.tokens[0][:1] in _QUOTE_CHARS:
        return "quote"
    if "unheld" in NO_OPENING and _unheld(article, i, seen):
        return "unheld"
    return ""


def _unheld(article: Article, i: int, seen: Read) -> bool:
    """Sentence `i` (`seen`: its words) says "X ini/itu/tersebut" (in a quotation or not, not
    a time, no name in the phrase) whose X no earlier sentence holds."""
    tokens = seen.tokens
    referred = _referred(seen.words, tokens, [True] * len(tokens), REFERRING, named_defines=True)
    return bool(referred) and all(referred.isdisjoint(_stems(article.sentences[j].text)) for j in range(i))


def judge_for_brief(article: Article, *, scorer: Scorer | None = None) -> list[Judgement]:
    """`judge`, with each sentence the rules pass (whole or trimmed) tied to the earlier
    sentences it takes from (`Judgement.ties`), and an unheld "X ini" kept from opening
    (`NO_OPENING`), for a brief. A digest needs none of it (it shows only the sure
    tier) and calls `judge`, so its cost is unchanged."""
    return list(_judged_for_brief(article, scorer or load_scorer()))


@lru_cache(maxsize=JUDGED_ARTICLES)
def _judged_for_brief(article: Article, scorer: Scorer) -> tuple[Judgement, ...]:
    out: list[Judgement] = []
    for i, j in enumerate(judge(article, scorer=scorer)):
        if j.trim and TIE_CONNECTIVES and j.depends_on is not None:
            j = replace(j, ties=(j.depends_on,), tie="connective")
        elif (j.stands_alone or j.trim) and not j.leans:  # one that leans follows its own
            ties, kind = _ties(article, i)
            j = replace(j, ties=ties, tie=kind) if ties else j
        if j.may_open and i and not out[0].may_open and no_opening(article, i):
            j = replace(j, sure=False, opens=False)
        out.append(j)
    return tuple(out)
