"""What the learned stands-alone score reads of a sentence: its named, explainable features.

The score of `rank.sure` weighs, for each sentence the rules of `rank.sentence_rules` pass,
features that each have a name (`FEATURES`, computed by `features`): the rule verdict and its
doubts, where the sentence stands, how it opens (a name, a role and a name, a common noun, a
figure, a quotation), whether it names its speaker, how many words point back, its length, how
much it shares with the sentence before it; and what it takes from the sentences before it (the
antecedent signal): whether its opening noun phrase names no one and repeats a word written
before, a descriptor ("para", "korban", "pihak" ...) with no name, names it introduces or
only ones introduced before, a quotation with or without its speaker. The lexical hook score of
a lead (`rank.sure.Hook`) reads its words and word pairs instead (`hook_terms`).

`scripts/train_standalone.py` learns the weights from these very functions, which the
judgement runs.

This module reads only words and verdict names, so that `rank.standalone` can call it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from ..lang.terms import content_terms
from ..lang.wordlists import (
    DEICTIC_HEADS,
    DESCRIPTORS,
    HEDGES,
    PREDICATE_WORDS,
    ROLE_WORDS,
    SAY_VERBS,
    STOPWORDS_ID,
)
from ..numerals.names import MONTHS_ID, WEEKDAYS_ID
from ..values import Article
from .words import EDGE, LEFT_DATELINE, NOT_NAMES, REFERRING, SPAN_WORDS, Read, read, verb_prefixed

__all__ = ["FEATURES", "Verdict", "features", "hook_terms"]

FEATURES: tuple[str, ...] = (
    "rules-pass",  # the named rules pass it (STANDALONE)
    "trimmed",  # it passes once a leading connective is left off
    "referring-word",  # the doubts of rank.standalone, by name
    "vague-set",
    "short",
    "habit-lead",
    "first",  # the first sentence of the article
    "second",
    "third",
    "log-index",
    "dateline",  # opens with a dateline ("Jakarta, CNN Indonesia - -"): a report's lead
    "opens-name",  # opens with a name the article never writes in lower case
    "opens-role",  # opens with a role ("Presiden", "Ketua", "Menteri" ...)
    "opens-common",  # opens with a common word (the article writes it in lower case too)
    "opens-function-word",  # opens with a function word: "Saat ...", "Meski ...", "Hanya, ..."
    "opens-number",
    "opens-quote",
    "named-speaker",  # a verb of saying and a name in the sentence
    "says",  # a verb of saying
    "pointing-words",  # "ini", "itu", "tersebut" after a word that is not a time
    "late-pointing",  # of those, the ones in the second half past a name ("... Rusia ... negara itu")
    "pronouns",  # "ia", "dia", "mereka", "beliau", "dirinya" ... anywhere in the sentence
    "early-comma",  # a clause before the subject: a comma among the first five words
    "comma-opener",  # a first word set off by a comma ("Terakhir,", "Hanya,"): it goes on from before
    "pronoun-after-comma",  # ", ia ...", ", mereka ...": a clause whose subject was named before
    "his-before-name",  # a "-nya" word before any name ("Kemampuan musiknya ..."): whose?
    "first-common-opening",  # the first sentence opens with a common or function word, no dateline
    "possessives",  # "-nya" words: his, her or its X
    "log-words",
    "names",  # names past the first word
    "known-names",  # of those, how many an earlier sentence already wrote
    "number",
    "quote",
    "previous-overlap",  # share of its content terms the sentence before it holds
    "lead-overlap",  # share of its content terms the first sentence holds (0 for the first)
    # What an earlier sentence set up (the antecedent signal surface cues miss):
    "subject-seen",  # the opening noun phrase (before the verb) names no one, and its head
    # word was written before: "Suasana semakin ...", "Pemain Belgia itu ..."
    "subject-new",  # it names no one, and its head is new to the article
    "descriptor-no-name",  # "para X", "kedua X", "pihak X", "korban", "pelaku" ... and no name
    "new-names",  # names this sentence introduces
    "all-names-known",  # it names someone, every one of them introduced before
    "no-names",  # it names no one at all (a dateline aside)
    "quote-named-speaker",  # a quotation whose speaker the sentence names
    "quote-no-speaker",  # a quotation, no named speaker in the sentence
    "opens-known-name",  # opens with a name an earlier sentence wrote
    "this-matter",  # "hal ini/itu/tersebut" anywhere: what was said before
    # A hook's signs (a lead that promises its news instead of telling it):
    "hook-phrase",  # a stock phrase of `lang.wordlists.HOOK_PHRASES`: "mencatat sejarah", "rencana besar"
    "hedge",  # a word of `lang.wordlists.HEDGES`: "nampaknya", "konon"
    "promise",  # "akan" / "bakal" with no figure: what will be, not what is
    "when",  # a time: a weekday, a month, a date, "kemarin", "pekan lalu" (a report says when)
)

_QUOTES = '"“”'
_SAY = (
    frozenset(SAY_VERBS) | {f"{v}nya" for v in SAY_VERBS} | {"mengatakan", "menyatakan", "menurut", "katanya"}
)
# "saat ini", "selama ini", "selain itu": now, or a connective the rules weigh, not a reference.
_NOT_POINTING = DEICTIC_HEADS | SPAN_WORDS | {"selain"}
_DIGIT = re.compile(r"\d")
_FUTURE = frozenset({"akan", "bakal"})
# A weekday, a month (their one home: `summarize.numerals.names`) or a word placing a time.
_WHEN_WORDS = [*WEEKDAYS_ID, "jum'at", "kemarin", "semalam", "tadi", "lalu", *MONTHS_ID]
# The lookahead on the first characters a match can start with lets the search pass most
# positions without trying each word: it takes a third of the time on 200 IndoSum articles.
_WHEN = re.compile(
    "(?=[(" + "".join(sorted({w[0] for w in _WHEN_WORDS})) + "])"
    r"(?:\b(?:" + "|".join(map(re.escape, _WHEN_WORDS)) + r")\b|\(\d{1,2}/\d{1,2})",
    re.I,
)
_QUOTE_MARK = re.compile(f"[{_QUOTES}]")
_PRONOUNS = frozenset({"ia", "dia", "mereka", "beliau", "dirinya", "pihaknya", "keduanya", "ketiganya"})
SUBJECT_WORDS = 6  # an opening noun phrase longer than this is read as its first words


class Verdict(Protocol):
    """What the score reads of a rule verdict (`rank.sentence_rules.Judgement`)."""

    @property
    def label(self) -> str: ...
    @property
    def doubt(self) -> str: ...
    @property
    def trim(self) -> int: ...


def _bare(token: str) -> str:
    return token.strip(EDGE)


def _lower_words(article: Article) -> frozenset[str]:
    """Words the article writes in lower case somewhere: common words, not names."""
    return frozenset(w for s in article.sentences for w in read(s.text).bare if w and w[0].islower())


def _names(bare: Sequence[str], lower: frozenset[str]) -> list[str]:
    """Capitalised words past the first that are not common words: names, places, bodies
    (`bare`: the sentence's words without their punctuation)."""
    return [w for w in bare[1:] if w[:1].isupper() and (k := w.lower()) not in NOT_NAMES and k not in lower]


def _opening(tokens: Sequence[str], lower: frozenset[str]) -> str:
    """How the sentence opens: "opens-name", "-role", "-common", "-number" or "-quote"."""
    if tokens[0][:1] in _QUOTES:
        return "opens-quote"
    first = _bare(tokens[0])
    if first[:1].isdigit():
        return "opens-number"
    if first.lower() in ROLE_WORDS:
        return "opens-role"
    if first.lower() in STOPWORDS_ID:
        return "opens-function-word"
    if first[:1].isupper() and first.lower() not in NOT_NAMES and first.lower() not in lower:
        return "opens-name"
    return "opens-common"


def _subject(tokens: Sequence[str], words: Sequence[str]) -> list[int]:
    """Positions of the opening noun phrase: the words before the first that starts the
    predicate (an auxiliary, "yang", a verb of saying, a word with a verb's prefix)."""
    out = []
    for k, w in enumerate(words[:SUBJECT_WORDS]):
        verb = verb_prefixed(w) and not tokens[k][:1].isupper()
        if k and (w in PREDICATE_WORDS or w in _SAY or verb or tokens[k - 1].endswith(",")):
            break
        out.append(k)
    return out


def _context_row(
    tokens: Sequence[str], words: Sequence[str], names: Sequence[str], lower: frozenset[str], earlier: Earlier
) -> dict[str, float]:
    """The antecedent signal: what the sentence takes from what the article said before."""
    subject = _subject(tokens, words)
    head = next((words[k] for k in subject if words[k] and words[k] not in STOPWORDS_ID), "")
    opening_name = _opening(tokens, lower) == "opens-name"
    nameless = not names and not opening_name
    said = _QUOTE_MARK.search(" ".join(tokens)) is not None
    speaker = bool(names) and not _SAY.isdisjoint(words)
    new = [n for n in names if n not in earlier.names]
    return {
        "subject-seen": float(nameless and bool(head) and head in earlier.words),
        "subject-new": float(nameless and bool(head) and head not in earlier.words),
        "descriptor-no-name": float(nameless and not DESCRIPTORS.isdisjoint(words)),
        "new-names": float(min(len(new), 5)),
        "all-names-known": float(bool(names) and not new),
        "no-names": float(nameless),
        "quote-named-speaker": float(said and speaker),
        "quote-no-speaker": float(said and not speaker),
        "opens-known-name": float(opening_name and _bare(tokens[0]) in earlier.names),
        "this-matter": float(any(a == "hal" and b in REFERRING for a, b in pairwise(words))),
    }


@dataclass(slots=True)
class Earlier:
    """What the sentences before the one scored wrote: its names, and its words in lower case."""

    names: set[str]
    words: set[str]
    terms: list[frozenset[str]]  # every sentence's content terms, by index
    datelines: set[int]  # where a dateline that cleaning cut ends (`_cut_datelines`)
    # The last sentence's names (`names_of`): a sentence with no dateline is read for them
    # twice, as it is scored and as it becomes an earlier one.
    _last: tuple[Read | None, list[str]] = (None, [])

    def names_of(self, seen: Read, lower: frozenset[str]) -> list[str]:
        """`_names` of a sentence's words, kept for the next call on the same words."""
        if self._last[0] is not seen:
            self._last = (seen, _names(seen.bare, lower))
        return self._last[1]


def _undated(text: str) -> Read:
    """The sentence's words past a dateline left in it (all of them when nothing is left)."""
    undated = read(LEFT_DATELINE.sub("", text))
    return undated if undated.tokens else read(text)


def _row(
    article: Article, i: int, verdict: Verdict, text_doubt: str, lower: frozenset[str], earlier: Earlier
) -> dict[str, float]:
    text = article.sentences[i].text
    seen = _undated(text)
    tokens, bare, words = seen.tokens, seen.bare, seen.words
    names = earlier.names_of(seen, lower)
    opening = _opening(tokens, lower)
    pointing = [
        k for k in range(1, len(words)) if words[k] in REFERRING and words[k - 1] not in _NOT_POINTING
    ]
    # "... ke Rusia untuk mendukung negara itu": late, past a name, it points within the sentence.
    named_set = set(names)
    named = [k for k, w in enumerate(bare) if k and w in named_set]
    late = sum(1 for k in pointing if 2 * k > len(words) and named and named[0] < k - 1)
    terms = earlier.terms[i]
    before = earlier.terms[i - 1] if i else frozenset()
    lead = earlier.terms[0] if i else frozenset()
    row = {
        "rules-pass": float(verdict.label == "STANDALONE"),
        "trimmed": float(verdict.trim > 0),
        text_doubt: 1.0,
        "habit-lead": float(verdict.doubt == "habit-lead"),
        "first": float(i == 0),
        "second": float(i == 1),
        "third": float(i == 2),
        "log-index": math.log1p(i),
        "dateline": float(
            LEFT_DATELINE.match(text) is not None or article.sentences[i].start in earlier.datelines
        ),
        opening: 1.0,
        "named-speaker": float(bool(names) and not _SAY.isdisjoint(words)),
        "says": float(not _SAY.isdisjoint(words)),
        "pointing-words": float(len(pointing) - late),
        "late-pointing": float(late),
        "possessives": float(
            sum(1 for w in words if len(w) > 5 and w.endswith("nya") and w not in STOPWORDS_ID)
        ),
        "log-words": math.log(len(tokens)),
        "names": float(min(len(names), 5)),
        "known-names": float(min(sum(1 for n in names if n in earlier.names), 5)),
        "number": float(_DIGIT.search(text) is not None),
        "quote": float(_QUOTE_MARK.search(text) is not None),
        "previous-overlap": len(terms & before) / len(terms) if terms else 0.0,
        "lead-overlap": len(terms & lead) / len(terms) if terms else 0.0,
        "pronouns": float(sum(1 for w in words if w in _PRONOUNS)),
        "early-comma": float(any(t.endswith(",") for t in tokens[:5])),
        "hook-phrase": float(seen.hook_phrase),
        "hedge": float(not HEDGES.isdisjoint(words)),
    }
    row["promise"] = float(not row["number"] and not _FUTURE.isdisjoint(words))
    row["when"] = float(_WHEN.search(text) is not None)
    row.update(_clause_row(i, tokens, words, named, opening, bool(row["dateline"])))
    row.update(_context_row(tokens, words, names, lower, earlier))
    row.pop("", None)  # no text doubt
    return row


def _clause_row(
    i: int, tokens: Sequence[str], words: Sequence[str], named: Sequence[int], opening: str, dateline: bool
) -> dict[str, float]:
    """How the sentence's clauses begin: a comma after the first word, a pronoun after a
    comma, a "-nya" before any name, a lead opening with a common word (`named`: where the
    names stand)."""
    nya = next(
        (k for k, w in enumerate(words) if len(w) > 5 and w.endswith("nya") and w not in STOPWORDS_ID), None
    )
    named_at = named[0] if named else len(tokens)
    return {
        "comma-opener": float(tokens[0].endswith(",")),
        "pronoun-after-comma": float(
            any(words[k] in _PRONOUNS and tokens[k - 1].endswith(",") for k in range(1, len(words)))
        ),
        "his-before-name": float(nya is not None and nya < named_at and opening != "opens-name"),
        "first-common-opening": float(
            i == 0 and opening in ("opens-common", "opens-function-word") and not dateline
        ),
    }


def _cut_datelines(article: Article) -> set[int]:
    """Where a sentence starts right after a dateline of `LEFT_DATELINE`'s shape that cleaning cut
    ("Jakarta, CNN Indonesia - -", cut since IndoSum's spaced dashes are read): such a sentence
    opens with its dateline as much as one that still holds it, and the scorer learned so."""
    cut = (d for d in article.dropped if d.rule == "dateline")
    return {d.end for d in cut if LEFT_DATELINE.match(d.text.rstrip() + " ")}


def features(
    article: Article,
    verdicts: Sequence[Verdict],
    text_doubts: Sequence[str],
    *,
    scored: Sequence[bool] | None = None,
) -> list[dict[str, float]]:
    """Each sentence's named features (absent means 0): what the scorer and its training read.

    `verdicts` are the rules' verdicts on the article's sentences; `text_doubts` the doubts
    the rules name from the sentence alone (before the article's own, "deep" aside); `scored`
    which sentences need a row (all when None; the others get an empty one, though what they
    write still counts as written before the next)."""
    lower = _lower_words(article)
    terms = [frozenset(content_terms(s.text)) for s in article.sentences]
    earlier = Earlier(set(), set(), terms, _cut_datelines(article))
    rows = []
    for i, s in enumerate(article.sentences):
        wanted = scored is None or scored[i]
        rows.append(_row(article, i, verdicts[i], text_doubts[i], lower, earlier) if wanted else {})
        seen = read(s.text)
        earlier.names.update(earlier.names_of(seen, lower))
        earlier.names.add(seen.bare[0] if seen.bare else "")
        earlier.words.update(seen.words)
    return rows


def hook_terms(text: str) -> frozenset[str]:
    """What the lexical hook score (`Hook`) reads of a lead: its words in lower case (a word
    with a digit as "<n>") and each pair of neighbours, the first word paired with "<s>"
    ("<s> mulai", "bukan satu-satunya"); a dateline left in the text is not read."""
    words = ["<n>" if _DIGIT.search(w) else w for w in _undated(text).words if w]
    return frozenset([*words, *(f"{a} {b}" for a, b in zip(["<s>", *words], words, strict=False))])
