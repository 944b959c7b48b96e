"""Does a line tell news? How the digest puts facts first across its stories.

The digest lists stories by how many articles cover them; among stories of the same size it
used to follow the ranker's score of each story's line, but the ranker scores a sentence
within its own article, and every article's lead scores near the top: across stories the
score says nothing, and a line that only sets a scene, describes or judges ("Pantai ini
menawarkan pemandangan yang indah ...") came above a match result or an arrest as often as
not. This score reads what a reader skims for: who (the names a line writes), what they did
or said (verbs, a verb of saying), how much and when (a figure, an amount, a date); and what
marks a line that tells no event (a stock hook phrase, "X ini" describing a thing).

A logistic regression over those named features (`FEATURES`); the weights
(`summarize/data/news.json`) are written by `scripts/train_news.py` from the story leads
labelled FACT or SOFT in scripts/data/news/ (IndoSum folds 01 and 02; fold 03 is held out,
`scripts/eval_news.py`). Every score can be explained (`reasons`). Pure Python: no numpy.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError
from ..lang.wordlists import SAY_VERBS, VERB_PREFIXES
from ..numerals.names import MONTHS_ID, SCALES, WEEKDAYS_ID
from .words import Read, read

__all__ = ["FEATURES", "features", "news_score", "reasons"]

FEATURES: tuple[str, ...] = (
    "names",  # log(1 + capitalised words after the first): who, where, which organisation
    "acts",  # log(1 + words built as verbs, me-/di-/ber-/ter-/per- and six letters or more)
    "says",  # a verb of saying
    "figure",  # a digit
    "time",  # a month, a weekday or a year
    "amount",  # rupiah, per cent or a scale word ("juta", "miliar")
    "hook",  # a stock hook phrase (`lang.wordlists.HOOK_PHRASES`)
    "this",  # "ini" after the first word: "Pantai ini ...", a thing described
)
_SAY = frozenset(SAY_VERBS)
_TIME = frozenset(MONTHS_ID) | frozenset(WEEKDAYS_ID)
_AMOUNT = frozenset(SCALES) | {"rp", "persen", "%"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_VERB_LENGTH = 6


def features(text: str) -> dict[str, float]:
    """The named features of one line (`FEATURES`)."""
    words: Read = read(text)
    verbs = sum(1 for w in words.words if len(w) >= _VERB_LENGTH and w.startswith(VERB_PREFIXES))
    return {
        "names": math.log1p(sum(1 for w in words.bare[1:] if w[:1].isupper())),
        "acts": math.log1p(verbs),
        "says": float(not _SAY.isdisjoint(words.word_set)),
        "figure": float(any(c.isdigit() for c in text)),
        "time": float(not _TIME.isdisjoint(words.word_set) or _YEAR.search(text) is not None),
        "amount": float(not _AMOUNT.isdisjoint(words.word_set) or "%" in text),
        "hook": float(words.hook_phrase),
        "this": float("ini" in words.words[1:]),
    }


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict[str, float]
    bias: float


@lru_cache(maxsize=1)
def _model() -> _Model:
    try:
        data = json.loads(resources.files("summarize").joinpath("data/news.json").read_text("utf-8"))
        return _Model({name: float(data["weights"][name]) for name in FEATURES}, float(data["bias"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        where = "summarize/data/news.json"
        raise ConfigError(f"the news score's weights ({where}) cannot be read: {exc}") from exc


def _terms(text: str) -> dict[str, float]:
    weights = _model().weights
    return {name: weights[name] * value for name, value in features(text).items()}


def news_score(text: str) -> float:
    """How likely a reader is to take `text` as news (a fact: who did, said or decided what,
    how much, when) rather than a line that sets a scene, describes or judges: 0 to 1."""
    return 1 / (1 + math.exp(-(_model().bias + sum(_terms(text).values()))))


def reasons(text: str, k: int = 2) -> list[str]:
    """The `k` features that pushed `text`'s score down most (none when none did)."""
    terms = sorted((v, name) for name, v in _terms(text).items() if v < 0)
    return [name for _, name in terms[:k]]
