"""Does a sentence stand alone in its article? The judgement of every sentence of one article.

The named rules read each sentence by itself (`rank.sentence_rules`, where the table of rules
lives); this module reads them in place: the rules that need the sentence's position ("no-actor",
"vague-event", "short-claim" at the lead; "bare-event" past it), the doubts that need the
article, the earlier sentence a dependent one leans on, and the learned sure tier.

A sentence the rules pass may still lean on an earlier one (a third of them do, on the
labelled set). Digest lines are drawn from the *sure* tier (`Judgement.sure`,
`Judgement.confident`, `Judgement.line`): of the sentences the rules pass, those a learned
score over named features (`rank.sure`) rates at or above its threshold, chosen by
article-grouped cross-validation, on the one-sided 95% lower bound (Wilson) of the precision
rather than the point estimate: for an article's lead, where that bound of the tier's
precision reaches 98% (and, lower, for a lead the news score of `rank.news` calls FACT, where
that bound of those leads' precision does: `Scorer.in_tier`); for a later sentence (which the
rules pass standing alone only about 65% of the time), where that bound of the share of the
digest's lines standing alone reaches 97%. A lead in the tier that a lexical hook score
(`rank.sure.Hook`: logistic weights over its words and word pairs, learned from the leads
labelled TEASER) calls a likely hook is no digest line either (`Judgement.hook` names the
terms that pushed it); briefs read the tier as if it were not there. The digest's tier and hook
score may come from a scorer of its own (`Scorer.digest`, `Judgement.digest_sure`: the same
features re-fitted on more labels), so that briefs keep the one the IndoSum gate was held with.
A brief opens with a sentence of the tier, or one the rules pass with no doubt that matters to
a reader with the headline and a score of at least `Scorer.open_threshold`; one the rules pass
but that scores below `Scorer.lean_below` comes only after the sentence it may lean on
(`Judgement.leans`). A sentence left out of the tier keeps its label (the learned ranker reads
labels) and names its doubt: one of these rules, else the feature that pushed its score down most:

=====================  ==================================================================
doubt                  what it sees
=====================  ==================================================================
short                  fewer than `sentence_rules.SHORT` words ("Enough is enough.")
referring-word         "X ini/itu/tersebut" early or before any name, defined in the sentence or not;
                       not "saat ini", "tahun 2018 ini" (now); "kali ini" counts (this time)
vague-set              "kedua", "keduanya", "masing-masing", "lainnya", "di sana", "yang sama"
deep                   a sentence from the `DEEP`-th on: it mostly builds on what came before
habit-lead             a first sentence telling a habit, no figure, no name ("Album biasanya ...")
body                   not the lead: the score would put a lead in the tier, not a later sentence
                       (a later sentence's cut is higher)
=====================  ==================================================================

The word lists live in `summarize.lang.wordlists`. A sentence that needs context only because
of a leading connective carries `trim`: the number of words a digest may leave off so that
the rest stands alone ("Namun, Presiden Jokowi ..." -> "Presiden Jokowi ..."); `shown_span`
gives the source offsets of what is left. Measured against the labelled set by
`scripts/eval_standalone.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..values import Article
from .hooks import habit, no_actor, short_claim, vague_event
from .references import bare_event, undefined_reference
from .sentence_rules import (
    NEEDS_CONTEXT,
    TEASER,
    Judgement,
    doubt_text,
    judge_text,
)
from .sure import Scorer, load_scorer
from .sure_features import features
from .words import inside_quotations, read

__all__ = ["JUDGED_ARTICLES", "SOFT_TEASERS", "judge", "rule_verdicts", "shown_span", "text_doubts"]

# Doubts that keep a sentence from a digest line but not from opening a brief, whose reader
# has the article's headline: holding these back from a brief's opening changed no opening for
# the better on the tune split, and cost IndoSum quality (R-1 on the gate's 150 fold-03
# articles: 69.89 with none held back, 69.28 with all; opening only with the learned sure
# tier: 68.03, below the gate). The learned score's own opening cut: `Scorer.open_threshold`.
OPEN_DESPITE = frozenset({"referring-word", "vague-set", "short"})
# Past this many sentences a report mostly builds on what it set up: on the labelled set's
# tune split, 90% of the sentences the rules pass in the first three stand alone, 75% from
# the sixth on. A sentence from here on is "deep" and taken after the one before it.
DEEP = 5


def _antecedent(article: Article, i: int, verdict: Judgement) -> int | None:
    """The earlier sentence a dependent sentence leans on: for "X tersebut", a near one that
    names X (`_holder`); otherwise the one just before."""
    if i == 0:
        return None
    if verdict.rule == "undefined-reference":
        seen = read(article.sentences[i].text)
        return _holder(article, i, undefined_reference(seen.words, seen.tokens, seen.outside))
    return i - 1


# Teaser rules that doubt more than they decide: "no-actor" is right on about two thirds of
# the leads it fires on (`scripts/eval_standalone.py --split tuning`), where the named hook,
# question and lead-in rules are right on nearly all. A brief's last fallback
# (`rank.select`) may still open with such a lead.
SOFT_TEASERS = frozenset({"no-actor"})


def judge(article: Article, *, scorer: Scorer | None = None) -> list[Judgement]:
    """The verdict on every sentence of `article`, in order.

    Besides `judge_text`'s rules, those that need the sentence's place (`rule_verdicts`):
    "inside-quote" (NEEDS_CONTEXT), a sentence inside a quotation an earlier sentence of its
    paragraph opened (`rank.words.inside_quotations`); "bare-event" past the lead,
    "vague-event" at it, and "no-actor" (TEASER), an opening
    sentence that names nobody and gives no figure ("Bekerja merupakan salah satu upaya manusia
    ..."), where a capitalised first word is a name only if the article never writes it in
    lower case. Only the first sentence: that is where a hook stands; later, such a sentence
    is as often a plain fact ("Tidak ada korban jiwa.") as a lead-in.

    And the doubts that need the article (`Judgement.doubt`; `judge_text` names the others):
    "deep", a sentence from the `DEEP`-th on, and "habit-lead", a first sentence that tells
    a habit with no figure or name. The first sentence is otherwise doubted only as "short":
    the lead is where a report introduces what it tells (on the tune split 92% of those the
    rules pass stand alone). A doubted sentence's `depends_on` is the nearest of the
    `NEAR_HOLDER` sentences before it holding the word it doubts ("X" of "X tersebut"), else
    the one just before.

    Then the sure tier (`Judgement.sure`): of the sentences the rules pass (whole or
    trimmed), those the learned score (`rank.sure`, from `scorer` or the shipped one) puts at
    or above its threshold. One the score leaves out with no doubt named gets as its doubt the
    name of the feature that pushed its score down most ("opens-common", "log-index" ...).
    """
    return list(_judged(article, scorer or load_scorer()))


# One article is judged by the learned ranker, the digest's facts and a brief's selection:
# judged once (a digest of 200 articles would otherwise judge each three times). Keyed by
# the article and the scorer's identity (`Scorer` hashes by identity).
JUDGED_ARTICLES = 2048


@lru_cache(maxsize=JUDGED_ARTICLES)
def _judged(article: Article, scorer: Scorer) -> tuple[Judgement, ...]:
    verdicts = rule_verdicts(article)
    passed = [v.stands_alone or v.trim > 0 for v in verdicts]
    rows = features(article, verdicts, text_doubts(article), scored=passed)
    out: list[Judgement] = []
    for i, (v, row) in enumerate(zip(verdicts, rows, strict=True)):
        text = article.sentences[i].text
        out.append(_tier(i, v, scorer, row, text=text, hooked=bool(out) and not out[0].may_open))
    lines = scorer.digest or scorer  # whose hook score keeps a lead of its tier from the digest
    if out and out[0].lines_tier and lines.hook is not None:
        out[0] = replace(out[0], hook=lines.hook.reasons(article.sentences[0].text))
    return tuple(out)


def _tier(
    i: int, verdict: Judgement, scorer: Scorer, row: dict[str, float], *, text: str, hooked: bool
) -> Judgement:
    """The verdict on the sentence at `i` (`text`) with its learned score, tier, opening and
    leaning (`hooked`: the article's lead may not open a brief, so a later sentence needs
    `Scorer.open_after_hook` to); and, where the scorer has a digest's own
    (`Scorer.digest`), whether that one puts it in its tier."""
    if not (verdict.stands_alone or verdict.trim):
        return replace(verdict, sure=False) if verdict.sure else verdict  # not scored: never in the tier
    score = scorer.probability(row)
    digest = scorer.digest
    line = None if digest is None else digest.in_tier(i, digest.probability(row), text)
    if scorer.in_tier(i, score, text):
        return replace(verdict, sure=True, score=score, digest_sure=line)
    opens = verdict.stands_alone and (not verdict.doubt or verdict.doubt in OPEN_DESPITE)
    opens = opens and score >= scorer.open_threshold(i, hooked=hooked)
    doubt = verdict.doubt or ("body" if i and score >= scorer.threshold(0) else "")
    doubt = doubt or next(iter(scorer.reasons(row, 1)), "unsure")
    before = verdict.depends_on if verdict.depends_on is not None else (i - 1 if i else None)
    leans = before is not None and score < scorer.lean_below
    return replace(
        verdict,
        sure=False,
        score=score,
        doubt=doubt,
        depends_on=before,
        opens=opens,
        leans=leans,
        digest_sure=line,
    )


def rule_verdicts(article: Article) -> list[Judgement]:
    """The named rules' verdicts on every sentence of `article` (`judge` without the learned
    score: `Judgement.sure` is the rules' own, no doubt)."""
    out = []
    quoted = inside_quotations(article.sentences)
    for i, s in enumerate(article.sentences):
        verdict = judge_text(s.text, lead=not i)
        if i in quoted and (verdict.stands_alone or verdict.trim):
            verdict = Judgement(NEEDS_CONTEXT, "inside-quote")
        elif i and verdict.stands_alone and bare_event(read(s.text).words):
            verdict = Judgement(NEEDS_CONTEXT, "bare-event")
        elif not i and verdict.stands_alone and vague_event(s.text):
            verdict = Judgement(TEASER, "vague-event")
        elif not i and verdict.stands_alone and short_claim(s.text):
            verdict = Judgement(TEASER, "short-claim")
        if verdict.label == NEEDS_CONTEXT:
            verdict = replace(verdict, depends_on=_antecedent(article, i, verdict))
        elif i == 0 and verdict.stands_alone and no_actor(s.text, article):
            verdict = Judgement(TEASER, "no-actor")
        if i == 0 and verdict.stands_alone and verdict.doubt != "short":
            habitual = habit(s.text)
            verdict = replace(verdict, doubt="habit-lead" if habitual else "", sure=not habitual)
        elif verdict.line and i >= DEEP:
            before = i - 1 if verdict.stands_alone else verdict.depends_on
            verdict = replace(verdict, doubt="deep", depends_on=before, sure=False)
        elif verdict.doubt and verdict.stands_alone:
            seen = read(s.text)
            head = doubt_text(seen.tokens, seen.words)[1]
            verdict = replace(verdict, depends_on=_holder(article, i, head))
        out.append(verdict)
    return out


def text_doubts(article: Article) -> list[str]:
    """Each sentence's doubt read alone (`judge_text`, the first read as the lead): what the
    learned score's features take beside `rule_verdicts`."""
    return [judge_text(s.text, lead=not i).doubt for i, s in enumerate(article.sentences)]


# How far back the sentence naming the X of "X tersebut" may lie and still be the one it leans
# on. Further back, the report has moved on and its readers mostly name the sentence just
# before: on the tuning labels, of the sentences whose nearest X lies 3 or more sentences back,
# 212 lean on the one just before and 111 on that nearest X (at 2 back: 154 and 129, too close
# to call; at 1 back the two are one). Round 36: briefs of three show 158 -> 151 tuning
# sentences without the one they lean on, of five 255 -> 240; openings and the digest unchanged.
NEAR_HOLDER = 2


def _holder(article: Article, i: int, word: str) -> int | None:
    """The nearest of the `NEAR_HOLDER` sentences before `i` that holds `word`, else the one
    just before (None for the first sentence)."""
    for j in range(i - 1, max(i - 1 - NEAR_HOLDER, -1), -1):
        if word and word in read(article.sentences[j].text).word_set:
            return j
    return i - 1 if i else None


_WORDS = re.compile(r"\S+")


def shown_span(article: Article, index: int) -> tuple[int, int]:
    """Source offsets of what a digest shows of sentence `index`: all of it, or the part after
    a leading connective when that connective is all that keeps it from standing alone.

    Either way the span slices `article.text` to the shown words (whitespace collapsed).
    """
    s = article.sentences[index]
    k = judge_text(s.text, lead=not index).trim  # read as `rule_verdicts` reads it
    if not k:
        return s.start, s.end
    for n, m in enumerate(_WORDS.finditer(article.text, s.start, s.end)):
        if n == k:
            return m.start(), s.end
    return s.start, s.end
