"""A text's words as ranking and grouping compare them: tokens, stems, content terms, and
a small language check (Indonesian or English) by stopword counts.

`content_terms` gives a text's stemmed non-stopword tokens, with news abbreviations expanded
(`ALIASES`) and stems that news uses for one idea merged (`SYNONYMS`); every stage reads the
same sentences, so a text's terms are cached. The stopwords are `lang.wordlists`'.

Stemming uses snowballstemmer's Indonesian stemmer (BSD licence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from .wordlists import STOPWORDS_EN, STOPWORDS_ID

__all__ = [
    "ALIASES",
    "SYNONYMS",
    "TOKEN",
    "content_terms",
    "detect_language",
    "stem",
    "tokens",
]

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# The one word pattern (letters and digits, joined by a hyphen or an apostrophe), for
# modules that need words as written rather than `tokens`' lower-cased list.
TOKEN = _TOKEN

# Words both lists share would blur the language check.
_ID_ONLY = STOPWORDS_ID - STOPWORDS_EN
_EN_ONLY = STOPWORDS_EN - STOPWORDS_ID


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; hyphenated words kept whole)."""
    return [t.lower() for t in _TOKEN.findall(text)]


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("indonesian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Indonesian stem of a lower-case word (cached: news reuses its vocabulary)."""
    return str(_stemmer().stemWord(word))


# Common Indonesian news abbreviations, expanded so "Korut" and "Korea Utara" match.
ALIASES = {
    "korut": ("korea", "utara"),
    "korsel": ("korea", "selatan"),
    "as": ("amerika", "serikat"),
    "ri": ("indonesia",),
    "jabar": ("jawa", "barat"),
    "jateng": ("jawa", "tengah"),
    "jatim": ("jawa", "timur"),
    # The Czech Republic: "Republik Ceska" (its own name) and "Ceko" are both written.
    "ceska": ("ceko",),
}


# Stems that news uses interchangeably for one idea, mapped to one term, so that
# "memasok amunisi" and "mengirim peluru" can be recognised as the same report.
SYNONYMS = {
    "paso": "pasok",
    "irim": "pasok",
    "kirim": "pasok",
    "suplai": "pasok",
    "luru": "amunisi",
    "munisi": "amunisi",
    "bunuh": "tewas",
    "mati": "tewas",
    "ninggal": "tewas",
    "tangkap": "tahan",
}


def content_terms(text: str) -> list[str]:
    """Stemmed non-stopword tokens (aliases expanded): what similarity is computed on."""
    # Every stage reads the same sentences (stories, ranking features, facts), so the terms
    # of each text are computed once; callers get their own list to change as they like.
    return list(_content_terms(text) if len(text) <= _CACHED_TEXT else _terms_of(text))


# Bounded, so memory stays linear: about 16 sentences per article plus the vocabulary, with
# room for the 10,000-article benchmark; long texts (whole documents) are never kept.
# What the two caches save (the 3,271 sentences and titles of 200 IndoSum dev articles, read
# three times as stories, features and facts do; 2-core Xeon, shared): 0.63 s with both,
# 1.59 s with the token memo alone, 2.17 s stemming token by token. tests/test_scale.py
# compares them with the plain token-by-token terms.
_CACHED_TEXT = 2_000


@lru_cache(maxsize=400_000)
def _content_terms(text: str) -> tuple[str, ...]:
    return _terms_of(text)


def _terms_of(text: str) -> tuple[str, ...]:
    # Each token's terms come from a memo, so the loop over a sentence's tokens runs in C.
    return tuple(chain.from_iterable(map(_TOKEN_TERMS.__getitem__, map(str.lower, _TOKEN.findall(text)))))


class _TokenTerms(dict[str, tuple[str, ...]]):
    """{lower-case token: its content terms}: an alias's expansion, nothing for a stopword or
    a single character, else its stem (or the stem news uses for it). Filled as tokens are
    met, up to `_MEMO_TOKENS` of them (a vocabulary; beyond that, computed and not kept)."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        if token in ALIASES:
            terms = ALIASES[token]
        elif token in STOPWORDS_ID or len(token) <= 1:
            terms = ()
        else:
            st = stem(token)
            terms = (SYNONYMS.get(st, st),)
        if len(self) < _MEMO_TOKENS:
            self[token] = terms
        return terms


_MEMO_TOKENS = 500_000
_TOKEN_TERMS = _TokenTerms()


def detect_language(text: str) -> str:
    """'id' or 'en' by which language's function words dominate; 'id' when unsure."""
    window = text[:20_000]
    # Lowering the whole window splits no token and leaves every ASCII one (the stopwords)
    # as tokens() gives it, except "İ", which lowers to two characters: then token by token.
    toks = tokens(window) if "İ" in window else _TOKEN.findall(window.lower())
    id_hits = sum(map(_ID_ONLY.__contains__, toks))
    en_hits = sum(map(_EN_ONLY.__contains__, toks))
    if en_hits >= 5 and en_hits > 2 * id_hits:
        return "en"
    return "id"
