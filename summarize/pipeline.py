"""The library's front door: `brief` and `digest` over loaded articles.

Selection happens before translation: only the sentences a reader will see are sent to
the translator, each distinct sentence once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from .digest import group_facts
from .rank import features, get_ranker, select
from .translate.base import Translator
from .types import Article, Brief, Digest, DigestItem, ModelInfo, Selected

__all__ = ["DEFAULT_BRIEF_SENTENCES", "DEFAULT_DIGEST_ITEMS", "brief", "digest"]

log = logging.getLogger(__name__)

DEFAULT_BRIEF_SENTENCES = 3
DEFAULT_DIGEST_ITEMS = 10


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


def _selections(articles: Sequence[Article], n: int, ranker: str | None) -> list[list[tuple[int, float]]]:
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
    pairs = [(a, a.sentences[i].text) for a, chosen in zip(articles, picks, strict=True) for i, _ in chosen]
    texts, _ = _translate(pairs, translator)
    it = iter(texts)
    return [
        Brief(
            article=a,
            sentences=tuple(
                Selected(index=i, source_text=a.sentences[i].text, text=next(it), score=round(score, 4))
                for i, score in chosen
            ),
        )
        for a, chosen in zip(articles, picks, strict=True)
    ]


def digest(
    articles: Sequence[Article],
    *,
    n: int = DEFAULT_DIGEST_ITEMS,
    translator: Translator | None = None,
    ranker: str | None = None,
    with_briefs: bool = False,
    brief_sentences: int = DEFAULT_BRIEF_SENTENCES,
) -> Digest:
    """The key facts across `articles`, each once, citing every article that reports it.

    Items are ordered by importance (number of reporting articles, then salience).
    With `with_briefs`, per-article briefs are included (translated in the same batch).
    """
    facts = group_facts(articles, n=n, ranker=get_ranker(ranker))
    picks = _selections(articles, brief_sentences, ranker) if with_briefs else []
    pairs = [(f.article, f.source_text) for f in facts]
    pairs += [(a, a.sentences[i].text) for a, chosen in zip(articles, picks, strict=False) for i, _ in chosen]
    texts, notes = _translate(pairs, translator)
    items = tuple(
        DigestItem(text=t, source_text=f.source_text, citations=f.citations, score=f.score)
        for f, t in zip(facts, texts, strict=False)
    )
    rest = iter(texts[len(facts) :])
    briefs = tuple(
        Brief(
            article=a,
            sentences=tuple(
                Selected(index=i, source_text=a.sentences[i].text, text=next(rest), score=round(score, 4))
                for i, score in chosen
            ),
        )
        for a, chosen in zip(articles, picks, strict=False)
    )
    return Digest(
        articles=tuple(articles),
        items=items,
        briefs=briefs,
        model=_model(translator),
        notes=tuple(notes),
    )
