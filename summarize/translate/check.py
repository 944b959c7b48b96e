"""A translation checker: catches degenerate or unfaithful Indonesian->English output.

`check_translation(source, english)` returns the problems it finds (an empty list when
nothing is wrong). Each `Problem` has a machine-readable `kind` and a short `message`
that reads after "translation withheld: ". `review_translation` returns them with the notes
a reader may see beside English that passes: a conversion or gloss it adds ("the English adds
a conversion: 27 miles") is a note, never a problem. Kinds, one step each:

- ``repetition``: a word or n-gram (n=1..4) looping far beyond anything in the source, or
  a passage said twice back to back;
- ``numbers``: a number, date, money amount, percentage or quantity word differs, compared
  as values, with what newsroom English does faithfully let pass (`check_figures`);
- ``copy``: the output is (mostly) the untranslated source;
- ``language``: the output is not English;
- ``length``: the output/source length ratio is far outside faithful translations'.

Pure Python and stdlib only; every regex is compiled once, at import.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..lang.terms import TOKEN
from ..lang.wordlists import STOPWORDS_ID
from ..values import Problem
from .check_figures import check_figures

__all__ = ["KINDS", "Problem", "Review", "check_translation", "review_translation"]

KINDS = ("repetition", "numbers", "copy", "language", "length")


# Length bounds, English chars / Indonesian chars, from the tune splits of the two sets of
# good pairs with 30+ source characters (`python scripts/eval_guard.py --lengths`): literal
# (scripts/data/translations, 217) min 0.648, median 0.938, max 1.314; faithful newsroom
# English (scripts/data/faithful, 200) min 0.653, median 0.967, 99th pct 1.495, max 1.798
# (acronyms spelled out, conversions added). The bounds sit outside both with some room: a
# fragment lands below, an invented continuation beyond; a sentence said twice is a loop
# (`_check_passage`), whatever its length.
LENGTH_RATIO_MIN = 0.55
LENGTH_RATIO_MAX = 2.0
# Below this many source characters, ratios are noise (headlines, "Saturday."): no length check.
LENGTH_MIN_SOURCE_CHARS = 30
# Extra slack in characters, so that short sentences get some room on both sides.
LENGTH_SLACK_CHARS = 4

# Copy: share of the English's non-name words (English function words not counted as copied)
# that also occur in the source. Good pairs (tune split): max 0.29 (loanwords: "keyboard",
# "input", "roll-over").
COPY_SHARE_MAX = 0.5
COPY_MIN_WORDS = 3
# The same, names included: good pairs share names ("Kim Jong Un"), never most of the text
# (tune split max 0.59, a name-heavy line).
COPY_ALL_SHARE_MAX = 0.7
COPY_ALL_MIN_WORDS = 5
# ... and only where the shared words hold this many Indonesian function or affixed words
# (`_copies_indonesian`): a line of names and foreign words kept as it is has nothing to
# translate.
COPY_ID_MIN_WORDS = 1

# Language: share of English function words and word forms among the English's words that
# are not the source's names, for outputs of 6+ such words (good pairs, all splits: min 0.2;
# the tiny random model's outputs: max 0.05); flagged below this, or when non-English function
# words (Indonesian, other languages) are at least as many as the English ones.
LANGUAGE_MIN_WORDS = 6
LANGUAGE_EN_SHARE_MIN = 0.08

# Repetition: back-to-back repeats of one n-gram, and total counts of one content n-gram.
REPEAT_TANDEM_MIN = 3
REPEAT_COUNT_MIN = 4
# A passage of this many words said twice is a loop (no good pair repeats a 6-gram).
REPEAT_PASSAGE_WORDS = 6
# ... and its second copy starts at most this many words after the first ends.
REPEAT_PASSAGE_GAP = 2
# A letter repeated 8+ times, or a piece of 2-4 letters 6+ times, inside the text.
_LETTER_LOOP_RE = re.compile(r"([^\W\d_])\1{7,}")
_PIECE_LOOP_RE = re.compile(r"([^\W\d_]{2,4}?)\1{5,}")
_LONG_RUN_RE = re.compile(r"[^\W\d_]{12,}")

# ---------------------------------------------------------------------------- words

_HAS_DIGIT_RE = re.compile(r"\d")
# An Indonesian verb or derived word by its affixes: "Resmikan", "Tingkatkan", "diserang".
_AFFIXED_RE = re.compile(r"(?:me|di|ber|ter|per)[a-z]{4,}$|[a-z]{4,}(?:kan|nya)$")


def _indonesian_form(word: str) -> bool:
    """An Indonesian function word or affixed word (lower case): language, not a name."""
    return word in STOPWORDS_ID or bool(_AFFIXED_RE.match(word))


EN_FUNCTION = frozenset(
    """a an the of to in on at by for from with without into onto over under about after
    before and or but nor so if then than that this these those there here which who whom
    whose what when where why how is are was were be been being am has have had do does did
    will would shall should can could may might must not no it its it's he she they them
    their his her him we us our you your i me my as also only just even still very more
    most less such some any each every all both other another while although though because
    since until up down out off said says its through across against during among between
    within around toward towards upon whether despite""".split()
)
# English word forms no Indonesian word has: "-ed", "-ly", a possessive "'s". Evidence of
# English where a line has few function words (a list: "168 severely damaged houses, ...").
_ENGLISH_FORM_RE = re.compile(r"[a-z]{3,}(?:ed|ly)|[a-z]+'s")
ID_FUNCTION = frozenset(
    """yang dan di ke dari untuk dengan ini itu dalam pada tidak akan adalah juga oleh
    karena sebagai bahwa atau telah sudah bisa dapat kata ia dia mereka kami kita saya
    para tersebut namun tetapi tapi lebih saat secara sejak hingga sampai agar jika kalau
    masih belum harus sangat serta antara bagi seperti menurut ujar ucap yakni yaitu
    merupakan bukan hanya pun lagi kepada terhadap sedang sementara setelah sebelum ketika
    maka jadi nya ada""".split()
)

# Function words of other languages an MT model may slip into (es, fr, de, nl, pt, it, ms):
# counted against the output when the source does not have them (names like "de Gea").
OTHER_FUNCTION = frozenset(
    """de la el los las que y en del por para con una le les et des du est une dans qui
    pour pas o mais este disse der die das und ist nicht ein eine mit sich het een van ik niet op zijn
    os em não uma para il di che è per sono della bahawa daripada ialah kerana""".split()
)

# ---------------------------------------------------------------------------- repetition


def _tandem(words: list[str]) -> tuple[int, int, int]:
    """The longest back-to-back loop of one n-gram (n=1..4): (repeats, n, start index)."""
    best = (1, 1, 0)
    size = len(words)
    for n in range(1, 5):
        run = 0
        for i in range(size - n):
            if words[i] == words[i + n]:
                run += 1
                repeats = run // n + 1
                if repeats > best[0]:
                    best = (repeats, n, i - run + 1)
            else:
                run = 0
    return best


def _check_char_loop(source: str, english: str) -> Problem | None:
    """A character or short piece looping inside the text ("AAAAAAAA", "TATATATATATA")."""
    m = _LETTER_LOOP_RE.search(english)
    if m is None and _LONG_RUN_RE.search(english):
        m = _PIECE_LOOP_RE.search(english)
    if m and not (_LETTER_LOOP_RE.search(source) or _PIECE_LOOP_RE.search(source)):
        unit = m.group(1)
        times = len(m.group(0)) // len(unit)
        return Problem("repetition", f'repeated text: "{unit}" {times} times in a row')
    return None


def _check_repetition(src_words: list[str], en_words: list[str]) -> Problem | None:
    if len(en_words) < REPEAT_TANDEM_MIN:
        return None
    repeats, n, at = _tandem(en_words)
    if repeats >= REPEAT_TANDEM_MIN and repeats > _tandem(src_words)[0]:
        start = max(0, at)
        gram = " ".join(en_words[start : start + n])
        return Problem("repetition", f'repeated text: "{gram}" {repeats} times in a row')
    # A content word (and so any n-gram holding one) used far more often than any in the source.
    counts = Counter(w for w in en_words if w not in EN_FUNCTION)
    if counts:
        word, c = counts.most_common(1)[0]
        if c >= REPEAT_COUNT_MIN:
            src = Counter(w for w in src_words if w not in ID_FUNCTION)
            if c > 2 * max(src.values(), default=0) + 1:
                return Problem("repetition", f'repeated text: "{word}" {c} times')
    return _check_passage(src_words, en_words)


def _check_passage(src_words: list[str], en_words: list[str]) -> Problem | None:
    """A whole passage said twice back to back ("X. X."), where the source says it once.

    Back to back: the first copy runs on up to where the second starts. Long faithful
    sentences repeat a phrase at a distance ("deposits of Rp1 billion ..., deposits of Rp1
    billion to Rp5 billion"); a decoding loop repeats it in a row.
    """
    k = REPEAT_PASSAGE_WORDS
    if len(en_words) < 2 * k:
        return None
    first: dict[tuple[str, ...], int] = {}
    for i in range(len(en_words) - k + 1):
        passage = tuple(en_words[i : i + k])
        f = first.setdefault(passage, i)
        if f == i:
            continue
        run = k
        while i + run < len(en_words) and en_words[f + run] == en_words[i + run]:
            run += 1
        if f + run >= i - REPEAT_PASSAGE_GAP:
            src_grams = [tuple(src_words[j : j + k]) for j in range(len(src_words) - k + 1)]
            if len(set(src_grams)) == len(src_grams):
                return Problem("repetition", f'repeated text: "{" ".join(passage)}" twice')
            return None
    return None


# ---------------------------------------------------------------------------- copy, language, length


@dataclass(frozen=True, slots=True)
class _Pair:
    """A source and its English, with the words each step reads."""

    source: str
    english: str
    src_tokens: list[str]  # as written
    en_tokens: list[str]
    src_words: list[str]  # lower-cased, letters only
    en_words: list[str]

    @property
    def nothing_to_translate(self) -> bool:
        """A source of names and figures only (a lineup, a results row): its faithful English
        is mostly the same words, and need not have English function words."""
        lower = [t for t in self.src_tokens if t[:1].islower() and not _HAS_DIGIT_RE.search(t)]
        if len(lower) >= COPY_MIN_WORDS:
            return False
        # A Title Case headline is words, not names: "... Mungkin Sekutu Rusia Paling Berbahaya".
        return not any(_indonesian_form(w) for w in self.src_words)

    @classmethod
    def of(cls, source: str, english: str) -> _Pair:
        src_tokens, en_tokens = TOKEN.findall(source), TOKEN.findall(english)
        return cls(source, english, src_tokens, en_tokens, _letters(src_tokens), _letters(en_tokens))


def _letters(tokens: list[str]) -> list[str]:
    return [t.lower() for t in tokens if not _HAS_DIGIT_RE.search(t)]


def _check_loops(pair: _Pair) -> Problem | None:
    """A loop of letters, words or passages that the source does not have."""
    return _check_char_loop(pair.source, pair.english) or _check_repetition(
        [t.lower() for t in pair.src_tokens], [t.lower() for t in pair.en_tokens]
    )


def _check_copy(pair: _Pair) -> Problem | None:
    """The English's non-name words found among the source's: an untranslated line."""
    if pair.nothing_to_translate:
        return None
    src_set = set(pair.src_words)
    # Capitalised source words count as names (a Title Case headline copied is caught by
    # the names-included share below).
    names = {t.lower() for t in pair.src_tokens if t[:1].isupper()}
    plain = [w for w in pair.en_words if w not in names]
    copied = sum(1 for w in plain if w in src_set and w not in EN_FUNCTION)
    shared = sum(1 for w in pair.en_words if w in src_set)
    if (
        (copied >= COPY_MIN_WORDS and copied > COPY_SHARE_MAX * len(plain))
        or (shared >= COPY_ALL_MIN_WORDS and shared > COPY_ALL_SHARE_MAX * len(pair.en_words))
    ) and _copies_indonesian(pair, src_set):
        return Problem(
            "copy",
            f"looks untranslated: {max(copied, shared)} of {len(pair.en_words)} words are the source's",
        )
    return None


def _copies_indonesian(pair: _Pair, src_set: set[str]) -> bool:
    """Whether what the English shares with the source has Indonesian in it to translate: at
    least `COPY_ID_MIN_WORDS` of its function words or affixed words written in lower case.
    A line of names, titles, foreign words and figures (a line-up, a list of dishes) has
    none, and its faithful English keeps it as it is."""
    found = 0
    for token in pair.en_tokens:
        w = token.lower()
        if w in src_set and w not in EN_FUNCTION:
            found += w in ID_FUNCTION or (_indonesian_form(w) if token.islower() else w in STOPWORDS_ID)
            if found >= COPY_ID_MIN_WORDS:
                return True
    return False


def _check_language(pair: _Pair) -> Problem | None:
    """English function words present, and Indonesian or other languages' not dominant.

    The share of English is taken over the words that are not the source's names (a line
    of Indonesian names and titles is still English), with English word forms counted as
    English: good pairs' lowest share is 0.2, the tests' random model's highest 0.05."""
    words = pair.en_words
    if not words or pair.nothing_to_translate:
        return None
    src_set = set(pair.src_words)
    n_en = sum(1 for w in words if w in EN_FUNCTION)
    n_other = sum(1 for w in words if w in ID_FUNCTION and w not in EN_FUNCTION)
    n_other += sum(1 for w in words if w in OTHER_FUNCTION and w not in src_set)
    names = {t.lower() for t in pair.src_tokens if t[:1].isupper()}
    own = [w for w in words if w not in names]
    english = sum(1 for w in own if w in EN_FUNCTION or _ENGLISH_FORM_RE.fullmatch(w))
    if (n_other >= 2 and n_other >= n_en) or (
        len(own) >= LANGUAGE_MIN_WORDS and english < LANGUAGE_EN_SHARE_MIN * len(own)
    ):
        return Problem(
            "language",
            f"not English: {n_en} English and {n_other} non-English function words in {len(words)} words",
        )
    return None


def _check_length(pair: _Pair) -> Problem | None:
    """Characters, against the bounds faithful translations show."""
    s_len, e_len = len(pair.source.strip()), len(pair.english.strip())
    if s_len < LENGTH_MIN_SOURCE_CHARS:
        return None
    if e_len < LENGTH_RATIO_MIN * s_len - LENGTH_SLACK_CHARS:
        return Problem("length", f"too short: {e_len} characters for a {s_len}-character source")
    if e_len > LENGTH_RATIO_MAX * s_len + LENGTH_SLACK_CHARS:
        return Problem("length", f"too long: {e_len} characters for a {s_len}-character source")
    return None


# ---------------------------------------------------------------------------- the check


@dataclass(frozen=True, slots=True)
class Review:
    """What the check found in one translation: the `problems` that withhold it, and
    `notes` a reader may see beside English that passes (a conversion or gloss it adds)."""

    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


def review_translation(source: str, english: str) -> Review:
    """The problems found in `english` as a translation of the Indonesian `source`, one
    step per kind in `KINDS` order, and, when there are none, the notes on what it adds."""
    pair = _Pair.of(str(source), str(english))
    figures, notes = check_figures(pair.source, pair.english)
    found = (_check_loops(pair), figures, _check_copy(pair), _check_language(pair), _check_length(pair))
    problems = tuple(p for p in found if p is not None)
    return Review(problems, () if problems else notes)


def check_translation(source: str, english: str) -> list[Problem]:
    """The problems found in `english` as a translation of the Indonesian `source`."""
    return list(review_translation(source, english).problems)
