"""The same-fact decision: may two sentences of different articles be cited for one fact?

A citation promises that the cited sentence states the item's fact. Reports of one story
share names, places, dates, outlets and background, so sharing words is not enough; the
judge (`same_fact`) compares what each sentence carries (`Candidate`, read in `reading.py`)
and merges two sentences only when

- their *main clause* says the same thing: the same main verb (verbs news uses for one
  action, `reading._ACTIONS`, count as one: "menangkap"/"mengamankan"; active and passive,
  "menahan"/"ditahan", too), and not a verb in one where the other tells of no deed
  ("Polisi menahan empat WNI yang diduga ..." is not backed by "... empat WNI diduga
  melakukan kekerasan") unless both give the same two figures, at least
  `MIN_PREDICATE` shared words for what happened (not names, time words or outlets), and a
  similarity of `SAME_FACT` or more (`SAME_NUMBERS` when both give the same two numbers),
  where background clauses (karena/setelah/ketika/sementara..., ", yang ...,") count for
  `reading.BACKGROUND` of a main word, names for `reading.NAME_WEIGHT`, and attribution and
  outlets for nothing;
- nothing conflicts: the same polarity (tidak/belum/bukan), the same stance (a hedge or plan,
  "mungkin/dapat/akan", is not a report that it happened), a shared calendar day when both
  name one ("Selasa (14/11)" vs. "Rabu (22/11)": two alike events) and a shared month when both
  name one ("pada April 2018" vs. "Kamis (22/2/2018)"), a shared number when both give one,
  asides included ("(menit ke - 82)" vs. "(49')": two goals), the same day of writing, known,
  when both place their event only from it ("hari ini" in reports of 20 and 21 October), the same
  speaker when both quote someone ("kata X" vs. "ujar Y"), and shared actors when both name any.

Different figures for one counted noun do not block a merge: the item says "sources differ"
and cites each figure (`figures.py`); unless the reports were written on different days, when
they are two facts (a rate cut "menjadi 5%" in August, another "menjadi 4,75%" in September).
Candidates for the judge come from an inverted index
over each sentence's rarest predicate words (prefix filtering), which finds exactly the pairs
the exhaustive comparison would (tests/test_grouping_same_fact.py checks it); `similar_pairs`
gives every verdict of a story. Precision comes first: when in doubt, don't merge. Measured
on hand-labelled pairs by `scripts/eval_citations.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..lang.vectors import cosine
from .figures import rounded_alike
from .reading import Candidate

__all__ = ["SAME_FACT", "candidate_pairs", "figures_differ", "same_fact", "similar_pairs"]

SAME_FACT = 0.40  # main-clause cosine at or above which two sentences may state one fact
MIN_PREDICATE = 2  # ... and they share this many main-clause words for what happened
SAME_NUMBERS = 0.2  # the cosine that suffices when they also give the same two numbers (not years)


def same_fact(x: Candidate, y: Candidate) -> float | None:
    """How surely `x` and `y` state one fact (their main-clause cosine), or None if they don't."""
    if x.article.id == y.article.id:
        return None
    return _same_said(x, y)


def _same_said(x: Candidate, y: Candidate) -> float | None:
    """`same_fact` for two sentences of different articles: it reads only what they say."""
    if len(x.predicate & y.predicate) < MIN_PREDICATE:
        return None
    if x.question or y.question:
        return None  # a question asserts nothing
    if x.modal != y.modal or x.negated != y.negated:
        return None
    differ = figures_differ(x, y)
    if differ and _written_apart(x, y) and not _rounded(x, y):
        return None  # one noun's figures in reports of two days: two facts, not sources differing
    if x.numbers and y.numbers and not x.numbers & y.numbers and not differ:
        return None  # different numbers, and not different figures for one counted noun
    if x.days and y.days and not x.days & y.days:
        return None  # alike events on different days ("Selasa (14/11)" vs. "Rabu (22/11)")
    if x.months and y.months and not x.months & y.months:
        return None  # or in different months ("pada April 2018" vs. "Kamis (22/2/2018)")
    if x.relative and y.relative and not _written_same_day(x, y):
        # "hari ini" in reports of two days, or of a day unknown: it cannot be shown to be one day.
        return None
    if x.counts and y.counts and not x.counts & y.counts and not differ:
        return None  # no number in common, asides included ("(menit ke - 82)" vs. "(49')")
    if x.speaker and y.speaker and not x.speaker & y.speaker:
        return None  # two people's statements, however alike
    if x.actors and y.actors and not x.actors & y.actors:
        return None  # parallel sentences about different actors
    # Two reports that give the same two figures ("dari Rp 9 juta menjadi Rp 10 juta") state one fact.
    counted = {n for n in x.numbers & y.numbers if n[0] != "year"}
    # A main verb the other sentence's main clause lacks: the same people doing something else
    # ("menangkap" vs. "membebaskan"); or, where only one names a deed, one tells what was done
    # and the other only of whom ("Polisi menahan empat WNI yang diduga ..." backed by "...
    # empat WNI diduga melakukan kekerasan": no detention), unless the same two figures tell
    # it by themselves ("... sekarang jadi Rp 10 juta").
    lacking = (x.verb and not _has_verb(y, x.verb)) or (y.verb and not _has_verb(x, y.verb))
    if lacking and ((x.verb and y.verb) or len(counted) < 2):
        return None
    sim = cosine(x.main, y.main)
    return sim if sim >= (SAME_NUMBERS if len(counted) >= 2 else SAME_FACT) else None


# meN- drops a root's first t, p, k or s ("menahan" from "tahan", "memukul" from "pukul"); the
# stemmer leaves it dropped ("ahan") where the passive keeps it ("ditahan": "tahan").
_NASAL_DROPPED = "tpks"


def _has_verb(x: Candidate, verb: str) -> bool:
    """Whether `x`'s main clause holds the main verb `verb` of another sentence, in its active
    or its passive form ("menahan" and "ditahan" are one verb)."""
    if verb in x.main:
        return True
    if verb[:1] in _NASAL_DROPPED and verb[1:] in x.main:
        return True
    return any(c + verb in x.main for c in _NASAL_DROPPED)


def _written_same_day(x: Candidate, y: Candidate) -> bool:
    """Both articles are dated, on the same day."""
    return x.article.published is not None and x.article.published == y.article.published


def _written_apart(x: Candidate, y: Candidate) -> bool:
    """Both articles are dated, on different days."""
    first, second = x.article.published, y.article.published
    return first is not None and second is not None and first != second


def _rounded(x: Candidate, y: Candidate) -> bool:
    """Every counted noun both give has one figure, rounded or not ("Rp 31,54 triliun", "Rp
    31,542 triliun" a day later: one total, not two days' figures)."""
    return all(rounded_alike(x.figures[u], y.figures[u]) for u in x.figures.keys() & y.figures.keys())


def figures_differ(x: Candidate, y: Candidate) -> bool:
    """Both count the same noun, with different values: "sources differ", not a different fact."""
    return any(x.figures[u][0] != y.figures[u][0] for u in x.figures.keys() & y.figures.keys())


# Finding candidate pairs -------------------------------------------------------------------


def candidate_pairs(nodes: Sequence[Candidate]) -> Iterable[tuple[int, int]]:
    """Pairs that share one of their rarest predicate words: all that can pass the judge.

    Prefix filtering: with the predicate words of every sentence in one global order, rarest
    first, two sentences sharing at least `MIN_PREDICATE` words share one among the first
    `len - MIN_PREDICATE + 1` words of each. So only those prefixes go into the index, and
    the common words of a story (which would pair everything with everything) never do.
    """
    df: Counter[str] = Counter(t for node in nodes for t in node.predicate)
    index: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for j, node in enumerate(nodes):
        words = sorted(node.predicate, key=lambda t: (df[t], t))
        prefix = words[: max(len(words) - MIN_PREDICATE + 1, 0)]
        for t in prefix:
            for i in index.get(t, ()):
                pairs.add((i, j))
            index.setdefault(t, []).append(j)
    return sorted(pairs)


def similar_pairs(nodes: Sequence[Candidate]) -> dict[int, dict[int, float]]:
    """For each node, the nodes of *other* articles that state the same fact, with similarity.

    The judge reads only what two sentences say (`_same_said`) and the days their articles
    were written, so near-copies of one report, which repeat most sentences word for word, are
    judged once per pair of texts of one day: candidates are found among the distinct (text,
    day) pairs, and each verdict is given to every pair of their sentences in different
    articles (in the order `same_fact` would be asked).
    """
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault((node.text, node.article.published), []).append(i)
    texts = list(groups.values())
    reps = [nodes[g[0]] for g in texts]
    verdicts: dict[tuple[int, int], float | None] = {}

    def said(p: int, q: int) -> float | None:
        if (p, q) not in verdicts:
            verdicts[p, q] = _same_said(reps[p], reps[q])
        return verdicts[p, q]

    sims: dict[int, dict[int, float]] = {i: {} for i in range(len(nodes))}
    pairs = [(p, p) for p, g in enumerate(texts) if len(g) > 1] + list(candidate_pairs(reps))
    for p, q in pairs:
        if said(p, q) is None and said(q, p) is None:
            continue
        for i in texts[p]:
            for j in texts[q]:
                if i < j and nodes[i].article.id != nodes[j].article.id:
                    sim = said(p, q)
                elif j < i and nodes[i].article.id != nodes[j].article.id and p != q:
                    sim = said(q, p)
                else:
                    continue
                if sim is not None:
                    sims[i][j] = sims[j][i] = sim
    return sims
