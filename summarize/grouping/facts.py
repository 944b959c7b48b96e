"""The same-fact decision: which sentences of different articles one digest item may cite.

A citation promises that the cited sentence states the item's fact. Reports of one story
share names, places, dates, outlets and background, so sharing words is not enough; the
judge (`same_fact`) reads what a news sentence carries and merges two sentences only when

- their *main clause* says the same thing: the same main verb (verbs news uses for one
  action, `_ACTIONS`, count as one: "menangkap"/"mengamankan"), at least `MIN_PREDICATE`
  shared words for what happened (not names, time words or outlets), and a similarity of
  `SAME_FACT` or more (`SAME_NUMBERS` when both give the same two numbers), where background
  clauses (karena/setelah/ketika/sementara..., ", yang ...,") count for `BACKGROUND` of a
  main word, names for `NAME_WEIGHT`, and attribution and outlets for nothing;
- nothing conflicts: the same polarity (tidak/belum/bukan), the same stance (a hedge or plan,
  "mungkin/dapat/akan", is not a report that it happened), a shared calendar day when both
  name one ("Selasa (14/11)" vs. "Rabu (22/11)": two alike events), the same speaker when both
  quote someone ("kata X" vs. "ujar Y"), and shared actors when both name any.

Different figures for one counted noun do not block a merge: the item says "sources differ"
and cites each figure (`figures.py`). Items must hold together: every member passes the
judge with every other member (no chains). Candidates for the judge come from an inverted
index over each sentence's rarest predicate words (prefix filtering), which finds exactly
the pairs the exhaustive comparison would (tests/test_grouping_facts.py checks it).
Precision comes first: when in doubt, don't merge. Measured on hand-labelled pairs by
`scripts/eval_citations.py`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..lang import TOKEN, Vector, centroid, content_terms, cosine, tfidf
from ..numerals import MONTHS, MONTHS_ID, WEEKDAYS_ID, quantities
from ..rank import Ranker, get_ranker
from ..rank.features import features
from ..rank.standalone import judge, shown_span
from ..segment import collapse
from ..values import Article, Citation
from .figures import differing_figures, figures

__all__ = [
    "REPEAT",
    "SAME_FACT",
    "Candidate",
    "Fact",
    "StoryTerms",
    "candidate_pairs",
    "candidates",
    "clauses",
    "figures_differ",
    "group_facts",
    "same_fact",
]

SAME_FACT = 0.40  # main-clause cosine at or above which two sentences may state one fact
MIN_PREDICATE = 2  # ... and they share this many main-clause words for what happened
SAME_NUMBERS = 0.2  # the cosine that suffices when they also give the same two numbers (not years)
BACKGROUND = 0.3  # weight of a background-clause word against a main-clause word
NAME_WEIGHT = 0.5  # weight of a name: every report of a story shares its names
REPEAT = 0.45  # cosine at or above which a candidate item repeats an item already chosen
SUPPORT_WEIGHT = 0.35  # what each additional backing article adds to an item's importance
CANDIDATES_PER_ARTICLE = 12  # an article's most salient sentences take part, and as many that stand alone
TRIMMED_DAMPING = 0.6  # salience kept by a sentence shown without its leading connective
CENTRAL_WEIGHT = 1.0  # what being typical of the whole story (cosine to its centroid) adds
TITLE_WEIGHT = 1.0  # what restating its article's headline (cosine to the title) adds


@dataclass(frozen=True, slots=True)
class Fact:
    """An item before translation: the representative sentence and every citation."""

    article: Article
    index: int  # the representative sentence in `article`
    citations: tuple[Citation, ...]  # representative first, then the others by similarity
    score: float
    figures: tuple[tuple[str, tuple[Citation, ...]], ...] = ()  # set when reports give different numbers

    @property
    def span(self) -> tuple[int, int]:
        """Offsets of what the line shows: the sentence, or its end after a leading connective."""
        return shown_span(self.article, self.index)

    @property
    def trimmed(self) -> bool:
        return self.span[0] != self.article.sentences[self.index].start

    @property
    def source_text(self) -> str:
        if not self.trimmed:
            return self.article.sentences[self.index].text
        start, end = self.span
        return collapse(self.article.text[start:end])

    @property
    def sources(self) -> int:
        return len({c.article for c in self.citations})


# What a sentence says, as the judge reads it ---------------------------------------------


# Words for when something happened: two reports of different events in one story share them.
_TIME_WORDS = frozenset(
    """
    detik menit jam hari pekan minggu bulan tahun abad pagi siang sore malam kemarin besok lusa
    wib wita wit pukul lalu kini
    """.split()
) | frozenset(WEEKDAYS_ID + MONTHS_ID)

# News outlets and agencies: a shared source is not a shared fact ("New York Times", "Antara").
_OUTLETS = re.compile(
    r"\b(?:The\s+)?(?:New\s+York\s+Times|Wall\s+Street\s+Journal|Washington\s+Post|Associated\s+Press|"
    r"CNN\s+Indonesia|CNNIndonesia\.com|CNN|BBC|Reuters|AFP|AP|ANTARA(?:\s+News)?|Antara|Yonhap|KCNA|"
    r"Bloomberg|Sputnik|TASS|Kompas(?:\.com)?|Detik(?:com|\.com)?|Tempo|Kumparan|Tribunnews|Okezone|"
    r"Liputan6|Republika|Merdeka(?:\.com)?|Suara\.com|Poskotanews\.com|Juara\.net|The\s+Guardian|NK\s+News)\b",
    re.IGNORECASE,
)
# "..., lapor Reuters", "seperti dilansir AP, Sabtu (14/10)", "merujuk laporan The New York Times"
_SOURCING = re.compile(
    r"(?:,\s*)?(?:seperti\s+|sebagaimana\s+)?(?:dilansir|dikutip|mengutip|lapor|melaporkan|dilaporkan|"
    r"merujuk(?:\s+laporan)?|menurut\s+laporan|diberitakan|memberitakan)\b[^,.;]*",
    re.IGNORECASE,
)
_SAY = (
    r"(?:kata|ujar|tutur|ucap|jelas|terang|tegas|ungkap|papar|imbuh|tambah|sebut|lanjut|pungkas|"
    r"kilah|aku|katanya|ujarnya|tuturnya|ucapnya|jelasnya|terangnya|tegasnya|ungkapnya|paparnya|"
    r"imbuhnya|tambahnya|sebutnya|lanjutnya|pungkasnya)"
)
# Attribution: '"...," kata X di Y.' / 'Menurut X, ...' / 'X mengatakan (bahwa) ...'
_SAID_TAIL = re.compile(rf"[,\"“”’]\s*{_SAY}\b(?P<who>[^.;]*)[.;]?\s*$", re.IGNORECASE)
_SAID_HEAD = re.compile(r"^\W*menurut\s+(?P<who>[^,]{2,80}),", re.IGNORECASE)
_SAID_VERB = re.compile(
    r"^\W*(?P<who>[^,\"“”]{2,80}?)\s+(?:mengatakan|menyatakan|mengungkapkan|menuturkan|menegaskan|"
    r"menjelaskan|menyebut(?:kan)?|membenarkan|menilai|mengaku|berkata|menambahkan|memastikan)"
    r"(?:\s+bahwa)?\b,?",
    re.IGNORECASE,
)
# Background: a reason, a time or a contrast set beside the main point, up to the next comma.
_BACKGROUND = re.compile(
    r"\b(?:karena|sebab|lantaran|setelah|sesudah|ketika|saat|sewaktu|sementara|sejak|sebelum|usai|"
    r"menyusul|seiring|meski(?:pun)?|walau(?:pun)?|padahal|sehingga)\b[^,;]*"
    r"|,\s*yang\b[^,;]*(?=,)"  # an appositive ", yang ..., " clause
    r"|\([^)]*\)"  # a parenthesis: a date, an abbreviation, an aside
    r"|\s[-–—]\s[^-–—]*\s[-–—]\s",  # a dash aside: "Premier League - kasta teratas Liga Inggris -"
    re.IGNORECASE,
)
# A hedge, forecast or plan is not a report that it happened ("may increase supply").
_MODAL = frozenset(
    """
    mungkin kemungkinan dapat bisa akan bakal diperkirakan perkiraan berencana rencana rencananya
    hendak ingin berharap diharapkan berpotensi dikhawatirkan khawatir ancam mengancam percaya
    menduga diyakini yakin berniat siap
    """.split()
)
# Two numbers joined by a dash are a score or a range ("6 - 2", "1-1"): compared as a whole.
_JOINED = re.compile(r"\s?-\s?")
# "Kala itu, ..." / "Saat itu, ...": the sentence happens at another time the reader can't see.
_THEN = re.compile(r"^\W*(?:kala|saat|ketika|waktu|pada\s+saat|pada\s+waktu)\s+itu\b", re.IGNORECASE)
# The main verb: the first affixed verb of the main clause ("menangkap", "dibakar", "bermain"),
# past words that only frame or hedge it ("diduga membakar", "merupakan").
_VERB = re.compile(r"^(?:me|ber|di|ter)[a-z]{3,}$")
_NOT_MAIN_VERBS = frozenset(
    """
    merupakan diduga disebut disebutkan dikabarkan dilaporkan diketahui dikatakan menjadi terjadi
    berada terdapat memiliki mempunyai berhasil mencoba bermaksud termasuk terhadap tersebut
    terkait berdasarkan bersama mengenai menurut menuju mendatang terakhir tertentu
    """.split()
)
_NEGATION = frozenset("tidak tak bukan belum tanpa enggak nggak gak".split())
# "Belum lagi ..." is "on top of that", not a negation.
_NOT_NEGATION = re.compile(r"\bbelum\s+lagi\b", re.IGNORECASE)

# One action, several verbs: news says "menangkap", "mengamankan" or "membekuk" for one arrest.
# Used by the judge only (not `lang.SYNONYMS`, which every stage reads), and keyed by the verb
# as written, so "keamanan" (security) does not become "diamankan" (arrested).
_ACTIONS = {
    word: action
    for action, words in {
        "tangkap": "menangkap ditangkap tertangkap mengamankan diamankan membekuk dibekuk menciduk diciduk "
        "meringkus diringkus",
        "tunjuk": "menunjuk ditunjuk memilih dipilih terpilih",
        "menang": "menang memenangi memenangkan mengalahkan dikalahkan menaklukkan ditaklukkan menekuk "
        "ditekuk membungkam dibungkam",
    }.items()
    for word in words.split()
}


# The judge's parts are public for the scripts that measure and retrain it
# (scripts/bench_facts.py, scripts/train_fact_judge.py): `candidates` of a story, what the
# judge reads of each (`Candidate`, made by `StoryTerms.candidate`), `same_fact` of two,
# and `candidate_pairs`, the pairs worth asking it about.


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the same-fact judge reads of one candidate sentence (`StoryTerms.candidate`)."""

    article: Article
    index: int
    terms: frozenset[str]  # every shared term: for the representative and repeats
    vector: Vector  # whole sentence, for repeats
    main: Vector  # main clause full weight, background less, names less, sources nothing
    predicate: frozenset[str]  # main-clause words for what happened (not names, times, outlets)
    actors: frozenset[str]  # names in the main clause
    verb: str  # the main verb's term ("" when none is found), or its action (`_ACTIONS`)
    speaker: frozenset[str]  # names of who is quoted, if anyone
    modal: bool
    negated: bool
    numbers: frozenset[tuple[str, str]]  # numbers in the main clause: (kind, value); dates and times aside
    figures: dict[str, tuple[float, str]]  # counted nouns in the main clause: {unit: (value, shown)}
    question: bool  # a question or a "then" sentence: asserts nothing a reader can place
    salience: float  # the ranker's score, scaled to [0, 1] within its article
    shown: bool = True  # stands alone (`rank.standalone`): may be the line an item shows
    sure: bool = True  # and no doubt (`Judgement.line`): the line an item shows when it can
    days: frozenset[tuple[int, int]] = frozenset()  # calendar days it names: (day, month)


def _weights(term_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """Unsmoothed IDF: a term in most sentences weighs almost nothing."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists)
    return {t: max(math.log(n / c), 0.05) for t, c in df.items()}


def _names(articles: Sequence[Article]) -> frozenset[str]:
    """Terms the input mostly writes capitalised inside a sentence: people, places, bodies.

    "Mostly", because common words also appear inside capitalised names ("Badan Intelijen").
    """
    written: Counter[str] = Counter()  # each word as written; a story repeats its words
    for a in articles:
        for s in a.sentences:
            written.update(TOKEN.findall(s.text)[1:])  # the first word is capitalised anyway
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for w, count in written.items():
        counts = upper if w[0].isupper() else lower
        for t in content_terms(w.lower()):
            counts[t] += count
    return frozenset(t for t, c in upper.items() if c > lower[t])


def clauses(text: str) -> tuple[str, str, str]:
    """(main clause, background, speaker) of a sentence; outlets and sourcing removed."""
    speaker = ""
    body = _SOURCING.sub(" ", text)
    m = _SAID_TAIL.search(body)
    if m and m.start() > 0:
        speaker, body = m.group("who"), body[: m.start()]
    else:
        m = _SAID_HEAD.match(body) or _SAID_VERB.match(body)
        if m:
            speaker, body = m.group("who"), body[m.end() :]
    body = _OUTLETS.sub(" ", body)
    background = " ".join(b.group(0) for b in _BACKGROUND.finditer(body))
    main = _BACKGROUND.sub(" ", body)
    return main, background, _OUTLETS.sub(" ", speaker)


class StoryTerms:
    """What the judge needs to know about the whole story: names, term weights."""

    def __init__(self, articles: Sequence[Article]) -> None:
        # A story of one article has no pair for the judge (it never pairs an article with
        # itself), so what only the judge reads is left out: most stories of a big day are
        # one article, and reading each sentence's clauses was most of their cost.
        self.judged = len({a.id for a in articles}) > 1
        self.names = _names(articles) if self.judged else frozenset()
        self.time = frozenset(content_terms(" ".join(_TIME_WORDS)))
        self.terms = [[content_terms(s.text) for s in a.sentences] for a in articles]
        # Only terms that occur in two or more articles can make two reports match; a term
        # of one article alone is that article's detail and would only dilute similarity.
        self.article_freq: Counter[str] = Counter(
            t for per_article in self.terms for t in {x for s in per_article for x in s}
        )
        self.weights = _weights([s for per_article in self.terms for s in per_article])

    def candidate(
        self, k: int, article: Article, i: int, salience: float, *, shown: bool = True, sure: bool = True
    ) -> Candidate:
        """What the judge reads of sentence `i` of `article` (the story's `k`-th article);
        `shown` and `sure` as `Candidate` has them."""
        text = article.sentences[i].text
        shared = [t for t in self.terms[k][i] if self.article_freq[t] >= 2]
        plain = Candidate(
            article=article,
            index=i,
            terms=frozenset(shared),
            vector=tfidf(shared, self.weights) if shared else {},  # none in a one-article story
            main={},
            predicate=frozenset(),
            actors=frozenset(),
            verb="",
            speaker=frozenset(),
            modal=False,
            negated=False,
            numbers=frozenset(),
            figures={},
            question=False,
            salience=salience,
            shown=shown,
            sure=sure,
        )
        return self._judged(plain, text) if self.judged else plain

    def _judged(self, plain: Candidate, text: str) -> Candidate:
        """`plain` with what only the judge reads: the main clause's terms, actors and verb."""
        main_text, background_text, speaker_text = clauses(text)
        words = [w.lower() for w in TOKEN.findall(main_text)]
        main_words = set(words)
        # The verbs of one action count as one term ("~tangkap"): in the predicate, the main
        # vector and the main-verb gate alike.
        acting = {t: "~" + _ACTIONS[w] for w in main_words & _ACTIONS.keys() for t in content_terms(w)}
        main_terms = content_terms(main_text)
        main_set = frozenset(t for t in main_terms if self.article_freq[t] >= 2 and t not in acting)
        return replace(
            plain,
            main=self._main_vector(main_terms, content_terms(background_text), acting),
            predicate=(main_set - self.names - self.time) | frozenset(acting.values()),
            actors=main_set & self.names,
            verb=_main_verb(words),
            speaker=frozenset(content_terms(speaker_text)) & self.names,
            modal=bool(main_words & _MODAL),
            negated=bool(main_words & _NEGATION) and _negated(main_text),
            numbers=_numbers(main_text),
            figures=figures(main_text),
            question=text.rstrip(' "”’').endswith("?") or bool(_THEN.match(text)),
            days=calendar_days(text),
        )

    def _main_vector(
        self, main_terms: list[str], back_terms: list[str], acting: dict[str, str]
    ) -> dict[str, float]:
        """The unit vector the judge compares: main-clause terms, background ones damped.

        All words count here, those of one article too: a detail only one report has is a
        sign that the two sentences say different things.
        """
        vec: dict[str, float] = {}
        for terms, scale in ((main_terms, 1.0), (back_terms, BACKGROUND)):
            for t, w in tfidf(terms, self.weights).items():
                w *= scale * (NAME_WEIGHT if t in self.names else 1.0)
                t = acting.get(t, t) if scale == 1.0 else t
                vec[t] = max(vec.get(t, 0.0), w)
        length = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / length for t, w in vec.items()}


def _main_verb(words: Sequence[str]) -> str:
    """The main clause's verb as a term: its action ("~tangkap"), else its stem when the stem
    differs from the word, else ""."""
    verb = next(
        (
            w
            for w in words
            if (_VERB.match(w) or w in _ACTIONS) and w not in _NOT_MAIN_VERBS and w not in _MODAL
        ),
        "",
    )
    if verb in _ACTIONS:
        return "~" + _ACTIONS[verb]
    verb_terms = content_terms(verb) if verb else []
    return verb_terms[0] if verb_terms and verb_terms[0] != verb else ""


def _numbers(text: str) -> frozenset[tuple[str, str]]:
    """The numbers, amounts and years of `text` as (kind, value), a score or range as one
    ("6 - 2"); day numbers of dates, times and spelled-out numbers aside."""
    out: list[tuple[str, str]] = []
    last_end, last = -1, ""
    for q in quantities(text, "id"):
        if q.kind not in ("number", "money", "year", "ordinal") or q.value is None:
            continue  # a year inside a date ("13/10/2023") is the date's
        value = f"{q.value:.12g}"
        if last and _JOINED.fullmatch(text, last_end, q.start):
            out[-1] = ("score", f"{last}-{value}")
            last = ""
        else:
            out.append((q.kind if q.kind == "year" else "number", value))
            last = value
        last_end = q.end
    return frozenset(out)


# A calendar day as Indonesian news writes it: "(14/11)", "( 14 / 11 )", "(13/10/2023)", "22 Juni".
_DAY_MONTH = re.compile(r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*\d{2,4})?\s*\)")
_DAY_NAMED = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\b")


def calendar_days(text: str) -> frozenset[tuple[int, int]]:
    """The calendar days `text` names, as (day, month): a parenthesised "(14/11)" or a day
    before a month's name ("22 Juni", "3 Okt"); days out of range are not read."""
    days = {(int(d), int(m)) for d, m in _DAY_MONTH.findall(text)}
    days |= {(int(d), MONTHS[w.lower()]) for d, w in _DAY_NAMED.findall(text) if w.lower() in MONTHS}
    return frozenset((d, m) for d, m in days if 1 <= d <= 31 and 1 <= m <= 12)


def _negated(text: str) -> bool:
    """Whether `text` denies what it says ("tidak", "belum"), idioms aside ("belum lagi")."""
    return bool({w.lower() for w in TOKEN.findall(_NOT_NEGATION.sub(" ", text))} & _NEGATION)


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
    if x.numbers and y.numbers and not x.numbers & y.numbers and not figures_differ(x, y):
        return None  # different numbers, and not different figures for one counted noun
    if x.days and y.days and not x.days & y.days:
        return None  # alike events on different days ("Selasa (14/11)" vs. "Rabu (22/11)")
    if x.speaker and y.speaker and not x.speaker & y.speaker:
        return None  # two people's statements, however alike
    if x.actors and y.actors and not x.actors & y.actors:
        return None  # parallel sentences about different actors
    if x.verb and y.verb and (x.verb not in y.main or y.verb not in x.main):
        return None  # the same people doing something else ("menangkap" vs. "membebaskan")
    sim = cosine(x.main, y.main)
    # Two reports that give the same two figures ("dari Rp 9 juta menjadi Rp 10 juta") state one fact.
    counted = {n for n in x.numbers & y.numbers if n[0] != "year"}
    return sim if sim >= (SAME_NUMBERS if len(counted) >= 2 else SAME_FACT) else None


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


def _similar_pairs(nodes: Sequence[Candidate]) -> dict[int, dict[int, float]]:
    """For each node, the nodes of *other* articles that state the same fact, with similarity.

    The judge reads only what two sentences say (`_same_said`), so near-copies of one
    report, which repeat most sentences word for word, are judged once per pair of texts:
    candidates are found among the distinct texts, and each verdict is given to every pair
    of their sentences in different articles (in the order `same_fact` would be asked).
    """
    groups: dict[str, list[int]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault(_text(node), []).append(i)
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


# Items -----------------------------------------------------------------------------------


def candidates(articles: Sequence[Article], ranker: Ranker) -> list[Candidate]:
    """The candidates of every article, with their salience within the story.

    A digest line stands alone: only a sentence the stands-alone judgement (`rank.standalone`)
    passes is `shown`, or one it passes once a leading connective is left off ("Namun, ..."),
    which weighs less (`TRIMMED_DAMPING`): the connective often meant something. The others
    (needing an earlier sentence, a hook, a fragment, furniture) may back an item as citations
    but never are its line, so never lead a story. Of those shown, one the judgement has a
    doubt about (`Judgement.doubt`) is not `sure`: it is a line only of a fact another
    report backs (`_lines`).

    Salience is the ranker's score (scaled within the article), plus how typical the sentence
    is of the whole story (cosine to the centroid of all candidates), plus how closely it
    restates its article's headline: every article's lead scores high with the ranker, and
    the sentence that states what the story is about, the fact the editors put in the
    headline, should lead.
    """
    story = StoryTerms(articles)
    nodes = []
    for k, article in enumerate(articles):
        scores = ranker.score(article, features(article))
        title = tfidf(content_terms(article.title), story.weights)
        top = max(scores, default=0.0) or 1.0
        verdicts = judge(article)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        # The most salient sentences that may be lines, and those that may only back one.
        lines = [i for i in ranked if verdicts[i].stands_alone or verdicts[i].trim][:CANDIDATES_PER_ARTICLE]
        for i in sorted({*lines, *ranked[:CANDIDATES_PER_ARTICLE]}):
            salience = scores[i] / top
            if verdicts[i].trim:
                salience *= TRIMMED_DAMPING
            salience += TITLE_WEIGHT * cosine(tfidf(story.terms[k][i], story.weights), title)
            shown = verdicts[i].stands_alone or verdicts[i].trim > 0
            nodes.append(story.candidate(k, article, i, salience, shown=shown, sure=verdicts[i].line))
    middle = centroid(node.vector for node in nodes)
    if not middle:
        # No vector has a term (a story of one article shares none with another): every
        # cosine to the centroid is 0, and each salience stays as it is.
        return nodes
    return [
        replace(node, salience=node.salience + CENTRAL_WEIGHT * cosine(node.vector, middle)) for node in nodes
    ]


def _members(
    i: int,
    sims: dict[int, dict[int, float]],
    free: set[int],
    nodes: Sequence[Candidate],
    masks: Sequence[int],
) -> list[int]:
    """`i` and, from each other article, its closest report that states the same fact.

    Candidates are taken closest first; each must pass the judge with every member taken
    so far, so a sentence that matches `i` on one side never joins a fact the others state.
    (`masks[m]` has bit j set when m and j pass the judge: one AND keeps what every member
    passes with, however many near-copies a fact has.)
    """
    members = [i]
    seen = {nodes[i].article.id}
    agreed = -1  # every bit: the nodes all members after `i` pass the judge with
    for j, _ in sorted(((j, s) for j, s in sims[i].items() if j in free), key=lambda js: (-js[1], js[0])):
        if nodes[j].article.id not in seen and agreed >> j & 1:
            members.append(j)
            seen.add(nodes[j].article.id)
            agreed &= masks[j]
    return members


def _lines(members: Sequence[int], nodes: Sequence[Candidate]) -> list[int]:
    """The members that may be the item's line: those the judgement is sure of; failing
    them, when another report backs the fact, those that stand alone all the same (a fact two
    articles state is kept, one article's doubted sentence is left out); else none."""
    sure = [m for m in members if nodes[m].sure]
    if sure or len(members) < 2:
        return sure
    return [m for m in members if nodes[m].shown]


def _representative(members: Sequence[int], nodes: Sequence[Candidate]) -> int:
    """The most informative member that stands alone: the one stating most of what the
    reports share.

    Terms that two or more members use are the fact itself; the member holding most of
    them says it most fully. Salience breaks ties.
    """
    shown = _lines(members, nodes)
    if len(shown) == 1:
        return shown[0]
    counts = Counter(t for m in members for t in nodes[m].terms)
    shared = {t for t, c in counts.items() if c >= 2}
    return max(shown, key=lambda m: (len(nodes[m].terms & shared), nodes[m].salience))


def _text(node: Candidate) -> str:
    return node.article.sentences[node.index].text


def _alike(x: Candidate, y: Candidate, known: dict[tuple[str, str], bool]) -> bool:
    """Whether `x` repeats `y` (whole-sentence cosine of `REPEAT` or more), memoised by text."""
    key = (_text(x), _text(y))
    if key not in known:
        known[key] = cosine(x.vector, y.vector) >= REPEAT
    return known[key]


def _fact(score: float, members: Sequence[int], nodes: Sequence[Candidate]) -> Fact:
    """An item as a Fact: its representative sentence first, then the other citations."""
    rep = _representative(members, nodes)
    ordered = [rep] + [m for m in members if m != rep]
    citations = tuple(Citation(nodes[m].article.id, nodes[m].index) for m in ordered)
    texts = [_text(nodes[m]) for m in ordered]
    return Fact(
        article=nodes[rep].article,
        index=nodes[rep].index,
        citations=citations,
        score=round(score, 4),
        figures=differing_figures(texts, citations),
    )


def group_facts(articles: Sequence[Article], *, n: int = 10, ranker: Ranker | None = None) -> list[Fact]:
    """The `n` most important facts across `articles`, each citing every article stating it.

    Importance is the ranker's salience of the item's best sentence plus `SUPPORT_WEIGHT`
    for each other article backing it; facts come most important first, so a story's key
    fact leads even when fewer reports repeat it than repeat its background.
    """
    if n <= 0 or not articles:
        return []
    nodes = candidates(articles, ranker or get_ranker())
    sims = _similar_pairs(nodes)
    free = set(range(len(nodes)))
    masks = [sum(1 << j for j in sims[i]) for i in range(len(nodes))]

    def item(i: int) -> tuple[float, list[int]]:
        members = _members(i, sims, free, nodes, masks)
        lines = _lines(members, nodes)
        if not lines:
            return -math.inf, members  # nothing a reader could take alone: never a line
        score = max(nodes[m].salience for m in lines)
        return score + SUPPORT_WEIGHT * (len(members) - 1), members

    chosen: list[tuple[float, list[int]]] = []
    # Near-copies repeat sentences word for word: each text is compared once with each chosen one.
    shown_texts: dict[str, Candidate] = {}
    alike: dict[tuple[str, str], bool] = {}
    # An item changes only when a sentence it could take is taken: recompute just those.
    items = {i: item(i) for i in free}
    while free and len(chosen) < n:
        best = max(sorted(free), key=lambda i: items[i][0])
        score, members = items[best]
        if score == -math.inf:
            break
        free.difference_update(members)
        taken = set(members)
        for i in free:
            if taken & sims[i].keys():
                items[i] = item(i)
        said = {_text(nodes[m]): nodes[m] for m in members}
        if not any(_alike(x, y, alike) for y in shown_texts.values() for x in said.values()):
            chosen.append((score, members))
            shown_texts.update(said)

    facts = [_fact(score, members, nodes) for score, members in chosen]
    # Later rounds can outscore earlier ones once members are taken: most important first.
    facts.sort(key=lambda f: -f.score)
    return facts
