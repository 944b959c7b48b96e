"""The library's front door: `brief` and `digest` over loaded articles.

Selection happens before translation: only the sentences (and story titles) a reader
will see are sent to the translator, in one batch, each distinct sentence once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .digest import group_facts
from .rank import features, get_ranker, select
from .stories import group_stories
from .types import Article, Brief, Digest, DigestItem, ModelInfo, Selected, Story

if TYPE_CHECKING:  # the translate package pulls in the backends; a type is all we need
    from .translate.base import Translator

__all__ = [
    "DEFAULT_BRIEF_SENTENCES",
    "DEFAULT_DIGEST_ITEMS",
    "DEFAULT_ITEMS_PER_STORY",
    "SINGLE_ARTICLE_ITEMS",
    "brief",
    "digest",
]

log = logging.getLogger(__name__)

DEFAULT_BRIEF_SENTENCES = 3
DEFAULT_DIGEST_ITEMS = 20  # items in the whole digest, shared out among stories
DEFAULT_ITEMS_PER_STORY = 10
SINGLE_ARTICLE_ITEMS = 3  # a story only one article covers is shown shorter, like a brief


def _translate(
    pairs: Sequence[tuple[Article, str]], translator: Translator | None
) -> tuple[list[str], list[str]]:
    """English for each (article, Indonesian sentence); English articles pass through.

    Returns the texts and the notes to show the user.
    """
    if translator is None:
        return [text for _, text in pairs], []
    notes = []
    english = sorted({a.id for a, _ in pairs if a.language == "en"}, key=int)
    for aid in english:
        title = next(a.title for a, _ in pairs if a.id == aid)
        notes.append(f"article {aid} ({title[:60]}) is already in English; passed through untranslated")
    todo = sorted({text for a, text in pairs if a.language != "en"})
    done = dict(zip(todo, translator.translate(todo), strict=True)) if todo else {}
    for note in notes:
        log.warning(note)
    return [text if a.language == "en" else done[text] for a, text in pairs], notes


def _model(translator: Translator | None) -> ModelInfo | None:
    return ModelInfo(translator.name, translator.backend) if translator is not None else None


Picks = list[list[tuple[int, float]]]  # per article: (sentence index, score), in source order


def _selections(articles: Sequence[Article], n: int, ranker: str | None) -> Picks:
    r = get_ranker(ranker)
    out = []
    for article in articles:
        feats = features(article)
        scores = r.score(article, feats)
        picked = select(scores, [f.vector for f in feats], n)
        out.append([(i, scores[i]) for i in picked])
    return out


def brief(
    articles: Sequence[Article],
    *,
    n: int = DEFAULT_BRIEF_SENTENCES,
    translator: Translator | None = None,
    ranker: str | None = None,
) -> list[Brief]:
    """One brief per article: its `n` most important sentences, in source order, translated.

    With `translator=None` the brief is extractive Indonesian (`text == source_text`).
    """
    picks = _selections(articles, n, ranker)
    texts, _ = _translate(_brief_pairs(articles, picks, titles=translator is not None), translator)
    return list(_briefs(articles, picks, iter(texts), titles=translator is not None))


def _brief_pairs(articles: Sequence[Article], picks: Picks, *, titles: bool) -> list[tuple[Article, str]]:
    """What to translate for briefs, in brief order: each title (if wanted), then its picks."""
    pairs = []
    for a, chosen in zip(articles, picks, strict=True):
        if titles:
            pairs.append((a, a.title))
        pairs.extend((a, a.sentences[i].text) for i, _ in chosen)
    return pairs


def _briefs(
    articles: Sequence[Article], picks: Picks, english: Iterator[str], *, titles: bool
) -> Iterator[Brief]:
    """Briefs from picks, taking the English of titles and sentences from `english` in order."""
    for a, chosen in zip(articles, picks, strict=True):
        title = next(english) if titles else None
        yield Brief(
            article=a,
            title=title,
            sentences=tuple(
                Selected(index=i, source_text=a.sentences[i].text, text=next(english), score=round(score, 4))
                for i, score in chosen
            ),
        )


def _allot(available: Sequence[int], weights: Sequence[int], total: int) -> list[int]:
    """How many items each story shows, out of `total`, in story order.

    First one item per story, so that a small total still covers as many stories as it
    can; then round by round, each story taking as many more as it has articles, so that
    widely covered stories get more lines than stories one article reports.
    """
    counts = [0] * len(available)
    left = total
    first = True
    while left > 0:
        progressed = False
        for k, have in enumerate(available):
            take = min(1 if first else weights[k], have - counts[k], left)
            if take > 0:
                counts[k] += take
                left -= take
                progressed = True
        first = False
        if not progressed:
            break
    return counts


def digest(
    articles: Sequence[Article],
    *,
    n: int = DEFAULT_DIGEST_ITEMS,
    translator: Translator | None = None,
    ranker: str | None = None,
    with_briefs: bool = False,
    brief_sentences: int = DEFAULT_BRIEF_SENTENCES,
    max_stories: int | None = None,
    items_per_story: int = DEFAULT_ITEMS_PER_STORY,
) -> Digest:
    """The key facts across `articles`, grouped by story, each fact once, citing every report.

    Articles are first grouped into stories (`summarize.stories`); each story becomes a
    section headed by the title of its most central article, with its own items. Stories
    are ordered by how many articles cover them; items within a story by the number of
    articles reporting them, then salience. A story of one article gets at most
    `SINGLE_ARTICLE_ITEMS` items. `n` caps the items of the whole digest (first one per
    story, then more to stories with more articles), `items_per_story` those of each
    story, `max_stories` the sections.
    `Digest.items` holds every item in display order. With `with_briefs`, per-article
    briefs are included. Titles, items and briefs go to the translator in one batch.
    """
    r = get_ranker(ranker)
    groups = group_stories(articles)
    per_story = []
    for g in groups:
        cap = items_per_story if len(g.articles) > 1 else min(items_per_story, SINGLE_ARTICLE_ITEMS)
        per_story.append(group_facts(g.articles, n=cap, ranker=r))
    # Most-covered story first; among equals, the one whose top fact is strongest.
    order = sorted(
        range(len(groups)),
        key=lambda k: (-len(groups[k].articles), -(per_story[k][0].score if per_story[k] else 0.0), k),
    )
    if max_stories is not None:
        order = order[: max(max_stories, 0)]
    groups = [groups[k] for k in order]
    per_story = [per_story[k] for k in order]
    counts = _allot([len(f) for f in per_story], [len(g.articles) for g in groups], n)
    shown = [(g, facts[:k]) for g, facts, k in zip(groups, per_story, counts, strict=True) if k]
    facts = [f for _, fs in shown for f in fs]

    picks = _selections(articles, brief_sentences, ranker) if with_briefs else [[] for _ in articles]
    pairs = [(g.central, g.central.title) for g, _ in shown]
    pairs += [(f.article, f.source_text) for f in facts]
    pairs += _brief_pairs(articles, picks, titles=with_briefs and translator is not None)
    texts, notes = _translate(pairs, translator)
    it = iter(texts)
    titles = [next(it) for _ in shown]
    stories = tuple(
        Story(
            title=title,
            articles=tuple(a.id for a in g.articles),
            items=tuple(
                DigestItem(
                    text=next(it),
                    source_text=f.source_text,
                    citations=f.citations,
                    score=f.score,
                    figures=f.figures,
                )
                for f in fs
            ),
        )
        for title, (g, fs) in zip(titles, shown, strict=True)
    )
    briefs = tuple(_briefs(articles, picks, it, titles=translator is not None)) if with_briefs else ()
    return Digest(
        articles=tuple(articles),
        items=tuple(item for s in stories for item in s.items),
        stories=stories,
        briefs=briefs,
        model=_model(translator),
        notes=tuple(notes),
    )
