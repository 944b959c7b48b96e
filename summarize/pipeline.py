"""The library's front door: `brief` and `digest` over loaded articles.

The pipeline only orchestrates: select (rank, or group into stories and facts), translate
once, assemble. Selection happens before translation: only the sentences (and titles) a
reader will see are sent to the translator, in one batch, each distinct sentence once.
Every translation goes through the guard (`translate.guard`): English that fails the
check after one repair is withheld, and the value carries the source text and why.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import check_count
from .grouping import Fact, mark_copies, plan, publishers
from .rank import get_ranker, select
from .rank.features import features
from .rank.standalone import judge
from .values import (
    Article,
    Brief,
    Briefs,
    Digest,
    DigestItem,
    Loaded,
    ModelInfo,
    Problem,
    Selected,
    Story,
    checked_articles,
)

if TYPE_CHECKING:  # the translate package pulls in the backends; a type is all we need
    from .translate.base import Translator

English = tuple[str, tuple[Problem, ...]]  # final text, and the problems that withheld it

__all__ = [
    "DEFAULT_BRIEF_SENTENCES",
    "DEFAULT_DIGEST_ITEMS",
    "DEFAULT_ITEMS_PER_STORY",
    "brief",
    "digest",
]

log = logging.getLogger(__name__)

DEFAULT_BRIEF_SENTENCES = 3
DEFAULT_DIGEST_ITEMS = 20  # items in the whole digest, shared out among stories
DEFAULT_ITEMS_PER_STORY = 10


def _translate(
    pairs: Sequence[tuple[Article, str]], translator: Translator | None
) -> tuple[list[English], list[str]]:
    """Checked English for each (article, Indonesian sentence); English articles pass through.

    Returns (text, problems) per pair, where problems mean the text is the withheld
    source, and the notes to show the user.
    """
    if translator is None:
        return [(text, ()) for _, text in pairs], []
    from .translate.guard import translate_checked

    notes = []
    english = {a.id: a for a, _ in pairs if a.language == "en"}  # input order, one note each
    for a in english.values():
        notes.append(f"article {a.id} ({a.title[:60]}) is already in English; passed through untranslated")
    todo = sorted({text for a, text in pairs if a.language != "en"})
    done = dict(zip(todo, translate_checked(translator, todo), strict=True)) if todo else {}
    for note in notes:
        log.warning(note)
    withheld = sum(1 for c in done.values() if c.problems)
    if withheld:
        log.info("%d of %d translations withheld: they failed the check twice", withheld, len(done))
        notes.append(
            f"{withheld} of {len(done)} translations withheld (they failed the check twice); "
            "those lines show the source sentence"
        )
    return [
        (text, ()) if a.language == "en" else (done[text].text, done[text].problems) for a, text in pairs
    ], notes


def _item(fact: Fact, english: English, by_id: dict[str, Article]) -> DigestItem:
    text, problems = english
    return DigestItem(
        text=text,
        source_text=fact.source_text,
        citations=fact.citations,
        score=fact.score,
        figures=fact.figures,
        problems=problems,
        trimmed=fact.span if fact.trimmed else None,
        publishers=publishers(fact.citations, by_id),
    )


def _inputs(articles: Sequence[Article] | Loaded, call: str) -> tuple[list[Article], list[str]]:
    """The articles (checked: `checked_articles`), republished copies marked, and what
    loading noted (given a `Loaded`)."""
    notes = list(articles.notes) if isinstance(articles, Loaded) else []
    return mark_copies(list(checked_articles(articles, call))), notes


def _model(translator: Translator | None) -> ModelInfo | None:
    return ModelInfo(translator.name, translator.backend) if translator is not None else None


Picks = list[list[tuple[int, float]]]  # per article: (sentence index, score), in source order


def _selections(articles: Sequence[Article], n: int, ranker: str | None) -> Picks:
    r = get_ranker(ranker)
    out = []
    for article in articles:
        feats = features(article)
        scores = r.score(article, feats)
        picked = select(scores, [f.vector for f in feats], n, judgements=judge(article))
        out.append([(i, scores[i]) for i in picked])
    return out


def brief(
    articles: Sequence[Article] | Loaded,
    *,
    n: int = DEFAULT_BRIEF_SENTENCES,
    translator: Translator | None = None,
    ranker: str | None = None,
) -> Briefs:
    """One brief per article: its `n` most important sentences, in source order, translated.

    With `translator=None` the brief is extractive Indonesian (`text == source_text`).
    Titles and sentences of every article go to the translator in one batch. Given the
    `Loaded` that `load_articles` returned, its skipped sources and warnings become notes.
    A republished copy keeps its brief, with `duplicate_of` set on its article.
    """
    articles, notes = _inputs(articles, "brief")
    check_count("n", n)
    picks = _selections(articles, n, ranker)
    texts, more = _translate(_brief_pairs(articles, picks, titles=translator is not None), translator)
    return Briefs(
        briefs=tuple(_briefs(articles, picks, iter(texts), titles=translator is not None)),
        model=_model(translator),
        notes=tuple(notes + more),
    )


def _brief_pairs(articles: Sequence[Article], picks: Picks, *, titles: bool) -> list[tuple[Article, str]]:
    """What to translate for briefs, in brief order: each title (if wanted), then its picks."""
    pairs = []
    for a, chosen in zip(articles, picks, strict=True):
        if titles:
            pairs.append((a, a.title))
        pairs.extend((a, a.sentences[i].text) for i, _ in chosen)
    return pairs


def _briefs(
    articles: Sequence[Article], picks: Picks, english: Iterator[English], *, titles: bool
) -> Iterator[Brief]:
    """Briefs from picks, taking the English of titles and sentences from `english` in order."""
    for a, chosen in zip(articles, picks, strict=True):
        title, title_problems = next(english) if titles else (None, ())
        sentences = []
        for i, score in chosen:
            text, problems = next(english)
            sentences.append(
                Selected(
                    index=i,
                    source_text=a.sentences[i].text,
                    text=text,
                    score=round(score, 4),
                    problems=problems,
                )
            )
        yield Brief(article=a, title=title, sentences=tuple(sentences), title_problems=title_problems)


def digest(
    articles: Sequence[Article] | Loaded,
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

    Articles are grouped into stories and facts (`summarize.grouping.plan`, which also
    decides the order and how many facts each story shows); each story becomes a section
    headed by the headline of its most central article (none when that article has no
    title, or when its title only repeats the story's one line). Republished copies are
    found first (`duplicate_of`) and shown once, as the article they copy; an item's
    `sources` counts independent publishers. `Digest.items` holds every item in display
    order. With `with_briefs`, per-article briefs are included. Titles, items and briefs go
    to the translator in one batch. Given the `Loaded` that `load_articles` returned, its
    skipped sources and warnings become notes.
    """
    articles, notes = _inputs(articles, "digest")
    for name, count in (("n", n), ("items_per_story", items_per_story), ("brief_sentences", brief_sentences)):
        check_count(name, count)
    check_count("max_stories", max_stories, allow_none=True)
    by_id = {a.id: a for a in articles}
    shown = plan(
        articles, n=n, items_per_story=items_per_story, max_stories=max_stories, ranker=get_ranker(ranker)
    )
    facts = [f for section in shown for f in section.facts]
    picks = _selections(articles, brief_sentences, ranker) if with_briefs else [[] for _ in articles]
    headings = [section.heading for section in shown]
    pairs = [(s.story.central, h) for s, h in zip(shown, headings, strict=True) if h is not None]
    pairs += [(f.article, f.source_text) for f in facts]
    pairs += _brief_pairs(articles, picks, titles=with_briefs and translator is not None)
    if translator is not None:  # the Sources list shows every title in English too
        pairs += [(a, a.title) for a in articles]
    texts, more = _translate(pairs, translator)
    notes += more
    it = iter(texts)
    titles: list[English | None] = [next(it) if h is not None else None for h in headings]
    stories = tuple(
        Story(
            title=title[0] if title else None,
            articles=tuple(a.id for a in section.story.articles),
            items=tuple(_item(f, next(it), by_id) for f in section.facts),
            title_problems=title[1] if title else (),
        )
        for title, section in zip(titles, shown, strict=True)
    )
    briefs = tuple(_briefs(articles, picks, it, titles=translator is not None)) if with_briefs else ()
    titled = zip(articles, it, strict=True) if translator is not None else ()
    english_titles = tuple((a.id, text) for a, (text, problems) in titled if not problems and text != a.title)
    return Digest(
        articles=tuple(articles),
        items=tuple(item for s in stories for item in s.items),
        stories=stories,
        briefs=briefs,
        model=_model(translator),
        notes=tuple(notes),
        english_titles=english_titles,
    )
