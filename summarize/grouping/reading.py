"""What the same-fact judge reads of a sentence: the parts two reports of one fact share.

A news sentence carries more than its fact: who said it ("kata X", "Menurut X, ..."), the
outlet it comes from ("dilansir Reuters"), background set beside the main point (karena,
setelah, ketika, sementara ..., ", yang ...,", a parenthesis, a dash aside). `clauses` takes
those apart. `StoryTerms` knows the story (its names, its term weights, the terms two or more
articles share) and reads each candidate sentence into a `Candidate`: the main clause as a
vector (background words at `BACKGROUND` of a main word, names at `NAME_WEIGHT`, attribution
and outlets at nothing), its words for what happened, its actors, its main verb (the verbs
news uses for one action, `_ACTIONS`, as one), who is quoted, its stance (a hedge or plan,
a negation), its numbers, counted figures and calendar days. Whether two such readings
state one fact is decided in `same_fact.py`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..ingest.dates import needs_writing_day
from ..lang.terms import TOKEN, content_terms
from ..lang.vectors import Vector, tfidf
from ..lang.wordlists import SAY_VERBS
from ..numerals import quantities
from ..numerals.names import MONTHS, MONTHS_ID, WEEKDAYS_ID
from ..values import Article
from .figures import figures

__all__ = ["Candidate", "StoryTerms", "clauses"]

BACKGROUND = 0.3  # weight of a background-clause word against a main-clause word
NAME_WEIGHT = 0.5  # weight of a name: every report of a story shares its names


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
# A verb of saying after a quote, bare or with "-nya": the package's one list (`SAY_VERBS`).
_SAY = r"(?:(?:" + "|".join(SAY_VERBS) + r")(?:nya)?)"
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
# Used by the judge only (not `lang.terms.SYNONYMS`, which every stage reads), and keyed by the verb
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
# (scripts/bench_facts.py, scripts/train_fact_judge.py): what the judge reads of each
# sentence (`Candidate`, made by `StoryTerms.candidate`) is here; `candidates` of a story
# is in facts.py; `same_fact` of two, and `candidate_pairs`, the pairs worth asking it
# about, are in same_fact.py.


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
    likely: float = 1.0  # the judgement's probability that it stands alone (`Judgement.score`)
    days: frozenset[tuple[int, int]] = frozenset()  # calendar days it names: (day, month)
    months: frozenset[int] = frozenset()  # the months it names, with a day or without ("April 2018")
    # It places its event only from the day it was written ("hari ini", "kemarin", "pada Senin"),
    # with no calendar day beside it ("Senin (14/8)" is read by `days`).
    relative: bool = False
    # Counts and amounts anywhere in it, asides too ("(menit ke - 82)"); not years, dates or times.
    counts: frozenset[tuple[str, str]] = frozenset()
    # The whole sentence over its own article's terms, as a brief reads it (`rank.features`):
    # `vector` holds only the terms other articles share, none in a one-article story.
    own: Vector | None = None

    @property
    def text(self) -> str:
        """The sentence as its article has it."""
        return self.article.sentences[self.index].text


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
        self,
        k: int,
        article: Article,
        i: int,
        salience: float,
        *,
        shown: bool = True,
        sure: bool = True,
        likely: float = 1.0,
        own: Vector | None = None,
    ) -> Candidate:
        """What the judge reads of sentence `i` of `article` (the story's `k`-th article);
        `shown`, `sure`, `likely` and `own` as `Candidate` has them."""
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
            likely=likely,
            own=own,
        )
        return self._judged(plain, text) if self.judged else plain

    def _judged(self, plain: Candidate, text: str) -> Candidate:
        """`plain` with what only the judge reads: the main clause's terms, actors and verb."""
        main_text, background_text, speaker_text = clauses(text)
        days = calendar_days(text)
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
            days=days,
            months=calendar_months(text),
            # Read only where it can matter: `same_fact` compares it between dated articles.
            relative=needs_writing_day(text) and not days,
            counts=frozenset(n for n in _numbers(main_text) | _numbers(background_text) if n[0] != "year"),
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
    """The main clause's verb as a term: its action ("~tangkap"), else the stem of the first
    word shaped like an affixed verb whose stem differs from it, else "". A word the stemmer
    leaves whole is no affixed verb but a noun of that shape ("Dinas", "Menteri", "berita"),
    and the verb after it is the one ("Dinas Pendidikan mencopot ...": it read none)."""
    for w in words:
        if not (_VERB.match(w) or w in _ACTIONS) or w in _NOT_MAIN_VERBS or w in _MODAL:
            continue
        if w in _ACTIONS:
            return "~" + _ACTIONS[w]
        terms = content_terms(w)
        if terms and terms[0] != w:
            return terms[0]
    return ""


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


# A month's Indonesian name as a word ("April 2018", "pada Februari lalu").
_MONTH_NAMED = re.compile(r"\b(" + "|".join(MONTHS_ID) + r")\b", re.IGNORECASE)


def calendar_months(text: str) -> frozenset[int]:
    """The months `text` names: those of its calendar days, and a month's name with no day
    ("operasi ... pada April 2018")."""
    named = {MONTHS[m.lower()] for m in _MONTH_NAMED.findall(text)}
    return frozenset(named | {m for _, m in calendar_days(text)})


def _negated(text: str) -> bool:
    """Whether `text` denies what it says ("tidak", "belum"), idioms aside ("belum lagi")."""
    return bool({w.lower() for w in TOKEN.findall(_NOT_NEGATION.sub(" ", text))} & _NEGATION)
