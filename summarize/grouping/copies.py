"""Republished copies and independent publishers: what a count of sources may count.

Indonesian outlets republish wire copy (Antara above all) nearly word for word, under their
own headline, dateline and page furniture. Three sites carrying one report are one source.

- `find_copies`: articles whose kept text is nearly the same. Each article's text (its kept
  sentences: cleaning has already taken off furniture and dateline) gets trafilatura's
  Simhash (`trafilatura.deduplication`: 64 bits from its bag of words, so a swapped word or
  sentence moves few bits). Pairs are found by banding: two hashes at most `MAX_BITS` apart
  agree exactly on one of `MAX_BITS + 1` bands, so only articles sharing a band are compared,
  and the cost stays linear. A pair is a copy when the hashes are at most `MAX_BITS` apart
  and the two texts share most of their words, the longer one's too (`MIN_SHARED_WORDS`): two
  reports of one event share names and topic, not most words, and a follow-up that holds a
  short report whole adds news of its own. Measured on IndoSum (scripts/bench_scale.py's
  altered copies: synonyms swapped, a number changed, two sentences swapped): copies lie 0-8
  bits apart, most within 3; different articles 9 or more, reports of one event 14-25.
- `mark_copies`: every copy gets `duplicate_of`, the id of the earliest published article of
  its group (input order breaks ties): the one the digest shows.
- `publishers`: the independent publishers of a fact's citations, for `DigestItem.sources`;
  `spell_publishers_alike`: one publisher shown under one spelling across a run.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from hashlib import blake2b

from ..ingest.dates import WIB
from ..ingest.publisher import FOLDER, publisher_key
from ..values import Article, Citation
from .partition import Partition

__all__ = [
    "MAX_BITS",
    "MIN_SHARED_WORDS",
    "find_copies",
    "mark_copies",
    "publisher_key",
    "publishers",
    "shared_words",
    "simhash",
    "spell_publishers_alike",
]

MAX_BITS = 5  # Simhash bits (of 64) two copies may differ in
# Of the longer article's distinct words, for a pair to be a copy. Of the shorter's, as it was
# until round 41, a short report was a "copy" of a longer follow-up that held all its words
# and news of its own (detik.com: "KPK OTT di Sultra" and, later, the one naming the Bupati:
# 2 sentences of 7 and 11 alike), and so was one day's templated rupiah report of another's
# (no sentence alike): the digest hid the second of each.
MIN_SHARED_WORDS = 0.6
_BITS = 64
_BANDS = tuple((k * _BITS // (MAX_BITS + 1), (k + 1) * _BITS // (MAX_BITS + 1)) for k in range(MAX_BITS + 1))


@lru_cache(maxsize=2**16)
def _token_bytes(token: str) -> bytes:
    # trafilatura's token hash (`_vector_to_add`): 8 bytes of blake2b.
    return blake2b(token.encode(), digest_size=8).digest()


_masks: list[int] = []
_capacity = 0


def _position_masks(tokens: int) -> list[int]:
    """For each bit position, a mask selecting that bit of every token's 64 (see `simhash`)."""
    global _masks, _capacity
    if tokens > _capacity:
        _capacity = max(tokens, 2 * _capacity, 1024)
        # bit 0 of every token's 64, built as bytes: summing shifted ints is quadratic, and
        # a 1.6 MB file (over 200,000 tokens) spent 9 s here
        unit = int.from_bytes((bytes(_BITS // 8 - 1) + b"\x01") * _capacity, "big")
        _masks = [unit << i for i in range(_BITS)]
    return _masks


def _tokens(text: str) -> list[str]:
    """trafilatura's `sample_tokens(text, 64)`: the words, punctuation stripped, longest kept."""
    tokens = [t for token in text.split() if (t := token.strip(string.punctuation)).isalnum()]
    if not tokens:  # punctuation outside ASCII, such as "。", separates the words
        spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
        tokens = [t for t in spaced.split() if t.isalnum()]
    for shortest in range(4, 0, -1):
        sample = [t for t in tokens if len(t) > shortest]
        if len(sample) >= _BITS / 2:
            return sample
    return tokens


def simhash(text: str) -> int:
    """trafilatura's `Simhash(text).hash` (`trafilatura.deduplication`), faster, same value.

    trafilatura adds a ±1 vector per token in Python (about 1 ms an article); here the tokens'
    hashes are laid end to end in one integer, and each bit position's votes are one AND and a
    popcount. Its tokenizer is restated above rather than imported: importing trafilatura costs
    as much as the rest of a 200-article digest's imports, for ten lines of code.
    tests/test_grouping_copies.py checks the values against trafilatura's own.
    """
    tokens = _tokens(text)
    if not tokens:
        return (1 << _BITS) - 1  # no votes: every bit's sum is 0, and trafilatura sets it
    joined = int.from_bytes(b"".join(map(_token_bytes, tokens)), "big")
    n, value = len(tokens), 0
    for i, mask in enumerate(_position_masks(n)):
        if 2 * (joined & mask).bit_count() >= n:  # trafilatura: the bit is set when votes >= 0
            value |= 1 << i
    return value


def _body(article: Article) -> str:
    return " ".join(s.text for s in article.sentences)


_WORD = re.compile(r"\w+")


def _words(article: Article) -> set[str]:
    return set(_WORD.findall(_body(article).lower()))


def _candidates(hashes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) worth comparing: every pair within MAX_BITS is linked through them.

    Articles with the same hash are paired with the first of them (a thousand copies of one
    story cost a thousand pairs, not half a million); the first of each hash is paired with
    the firsts of other hashes that agree with it on a band, once per band they agree on.
    """
    first: dict[int, int] = {}
    for k, h in enumerate(hashes):
        if h in first:
            yield first[h], k
        else:
            first[h] = k
    for lo, hi in _BANDS:
        mask = ((1 << (hi - lo)) - 1) << lo
        buckets: dict[int, list[int]] = {}
        for h, k in first.items():
            buckets.setdefault(h & mask, []).append(k)
        for members in buckets.values():
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    yield i, j


def shared_words(x: set[str], y: set[str]) -> float:
    """The share of the longer text's distinct words the two texts share (`MIN_SHARED_WORDS`)."""
    return len(x & y) / max(1, len(x), len(y))


def find_copies(articles: Sequence[Article]) -> dict[str, str]:
    """{copy id: id of the article it republishes}, for every near-identical article.

    The article kept is its group's earliest published: by day (undated ones after dated),
    then by the time of day a page or feed gives (`Article.published_at`; none after one),
    then in input order; every other member of the group points to it.
    """
    hashes = [simhash(_body(a)) for a in articles]
    groups = Partition(len(articles))

    # Word sets only for articles in a close pair, and only a few at a time: pairs come
    # bucket by bucket, and a day's worth of word sets would cost more memory than the digest.
    words = lru_cache(maxsize=256)(lambda k: _words(articles[k]))

    for i, j in _candidates(hashes):
        close = (hashes[i] ^ hashes[j]).bit_count() <= MAX_BITS
        if (
            close
            and groups.root(i) != groups.root(j)
            and shared_words(words(i), words(j)) >= MIN_SHARED_WORDS
        ):
            groups.join(j, i)
    copies: dict[str, str] = {}
    for members in groups.groups():
        if len(members) > 1:
            first = min(members, key=lambda k: (articles[k].published or "9999", _instant(articles[k]), k))
            copies.update({articles[k].id: articles[first].id for k in members if k != first})
    return copies


def _instant(article: Article) -> dt.datetime:
    """When `article` came out, to order copies of one day: its time in UTC (one with no offset
    read in WIB, `ingest.dates.WIB`); one with no time after every timed one."""
    try:
        when = dt.datetime.fromisoformat(article.published_at or "")
    except ValueError:
        return dt.datetime.max.replace(tzinfo=dt.UTC)
    return (when if when.tzinfo else when.replace(tzinfo=WIB)).astimezone(dt.UTC)


def mark_copies(articles: Sequence[Article]) -> list[Article]:
    """`articles` with `duplicate_of` set on each republished copy (see `find_copies`)."""
    copies = find_copies(articles)
    return [replace(a, duplicate_of=copies[a.id]) if a.id in copies else a for a in articles]


def publishers(citations: Iterable[Citation], by_id: dict[str, Article]) -> tuple[str, ...]:
    """The independent publishers of `citations`' articles, each once, in citation order.

    A republished copy and the article it copies are one voice, whichever of the two was
    taken for the original (`find_copies`: the earliest published, input order within a day):
    a line citing an outlet's copy of a wire report and another report of the wire's own
    counts one source, named for the publisher most of those articles have (on a tie, the
    original's). Where the original surely came first (an earlier day, or an earlier time of
    its day; `_surely_first`), the voice is its publisher's alone: a line citing a detikcom
    report that Kabar Nusantara republished 40 minutes later, and Kabar Nusantara's own report,
    counts two sources (it showed no count). Articles of one
    publisher count once; an article whose publisher nothing names counts for none: three
    texts of unknown origin may be one outlet's (a library user's three detik.com reports,
    given as strings, read "(3 sources)"), and a count must name publishers it can show are
    different.
    """
    groups: dict[str, list[Article]] = {}  # each copy group's articles, by its original's id
    for a in by_id.values():
        groups.setdefault(_original(a, by_id), []).append(a)
    voices: list[dict[str, set[str]]] = []  # in citation order: {publisher key: article ids}
    order: dict[str, str] = {}  # each key's spelling, in the order first cited
    for c in citations:
        article = by_id.get(c.article)
        if article is None:
            continue
        # The original's publisher first (a tie names it), then the cited article's.
        root = _original(article, by_id)
        group = sorted(groups.get(root, [article]), key=lambda a: (a.id != root, a.id != article.id))
        if _surely_first(group[0], group):
            group = group[:1]  # its copies' publishers are not its voice
        voice: dict[str, set[str]] = {}
        for a in group:
            if a.publisher:
                voice.setdefault(publisher_key(a), set()).add(a.id)
                order.setdefault(publisher_key(a), a.publisher)
        if not voice:
            continue
        joined = [k for k, v in enumerate(voices) if v.keys() & voice.keys()]
        for k in joined:
            for key, ids in voices[k].items():
                voice.setdefault(key, set()).update(ids)
        at = joined[0] if joined else len(voices)
        voices = [v for k, v in enumerate(voices) if k not in joined]
        voices.insert(min(at, len(voices)), voice)
    rank = {key: k for k, key in enumerate(order)}
    return tuple(order[min(v, key=lambda key: (-len(v[key]), rank[key]))] for v in voices)


def _surely_first(original: Article, group: Sequence[Article]) -> bool:
    """Whether `original` was published before every article of its copy `group` that another
    publisher put out: on an earlier day, or earlier on the same day by the times both give.
    Input order, or the same time, tells nothing."""
    if not original.publisher or original.published is None:
        return False
    key = publisher_key(original)
    for a in group:
        if a is original or not a.publisher or publisher_key(a) == key:
            continue  # no other voice
        if a.published is None or a.published < original.published:
            return False
        if a.published == original.published and not (
            a.published_at and original.published_at and _instant(original) < _instant(a)
        ):
            return False
    return True


def _original(article: Article, by_id: dict[str, Article]) -> str:
    """The id of the article `article` republishes, else its own."""
    copied = article.duplicate_of
    return copied if copied is not None and copied in by_id else article.id


def spell_publishers_alike(articles: Sequence[Article]) -> list[Article]:
    """`articles` with each publisher (as `publisher_key` compares them) spelled one way.

    Datelines spell one outlet "JUARA.net" and "JUARA.NET"; Sources showed both. The spelling
    most of its articles use wins; on a tie, one not in capitals (a dateline's typography, not
    the outlet's name), then the one read first. A name only a folder gives is left as it is:
    it is shown as a folder's, never as an outlet's.
    """
    spellings: dict[str, Counter[str]] = {}
    for a in articles:
        if a.publisher and a.publisher_from != FOLDER:
            spellings.setdefault(publisher_key(a), Counter())[a.publisher] += 1
    chosen = {
        key: max(counts, key=lambda name: (counts[name], not name.isupper()))
        for key, counts in spellings.items()
    }
    out = []
    for a in articles:
        name = chosen.get(publisher_key(a)) if a.publisher_from != FOLDER else None
        out.append(replace(a, publisher=name) if name and name != a.publisher else a)
    return out
