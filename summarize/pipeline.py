"""The library's front door: `brief` and `digest` over loaded articles.

The pipeline only orchestrates: select (rank, or group into stories and facts), translate
once, assemble. Selection happens before translation: only the sentences (and titles) a
reader will see are sent to the translator, in one batch, each distinct sentence once.
Every translation goes through the guard (`translate.guard`): English that fails the
check after one repair is withheld, and the value carries the source text and why.

What to translate is gathered as keyed requests (`Requests`): each names what it is for
(a story's title, a fact, a brief's sentence), and its English comes back under that key,
so the order in which a result is assembled can never put a line under the wrong source.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence

from .errors import check_count
from .grouping import Fact, Plan, Section, mark_copies, plan, publishers, spell_publishers_alike
from .rank import follows, get_ranker, select
from .rank.features import features
from .rank.ties import judge_for_brief
from .translate.base import Translator  # at run time, so get_type_hints(digest) resolves it
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
    plural,
)

# Final text, the problems that withheld it, and what the check noted in English that passed.
English = tuple[str, tuple[Problem, ...], tuple[str, ...]]

__all__ = [
    "DEFAULT_BRIEF_SENTENCES",
    "DEFAULT_DIGEST_ITEMS",
    "DEFAULT_ITEMS_PER_STORY",
    "Requests",
    "brief",
    "digest",
]

log = logging.getLogger(__name__)

DEFAULT_BRIEF_SENTENCES = 3
DEFAULT_DIGEST_ITEMS = 20  # items in the whole digest, shared out among stories
DEFAULT_ITEMS_PER_STORY = 10


class Requests:
    """Texts to translate, each under the key of what it is for; the English comes back by key.

    `add(key, article, text)` asks for `text` (a sentence or title of `article`);
    `translate(translator)` translates every distinct Indonesian text once, in one batch, and
    returns {key: (text, problems, notes)}. An English article's text passes through untranslated
    (`_language_notes` tells the user).
    """

    def __init__(self) -> None:
        self._wanted: dict[Hashable, tuple[Article, str]] = {}

    def add(self, key: Hashable, article: Article, text: str) -> None:
        if key in self._wanted:
            raise ValueError(f"translation request {key!r} made twice")
        self._wanted[key] = (article, text)

    def translate(self, translator: Translator | None) -> tuple[dict[Hashable, English], list[str]]:
        """Checked English for each request, and the notes to show the user.

        Without a translator every text comes back as it is. Problems mean the text is the
        withheld source.
        """
        if translator is None:
            return {key: (text, (), ()) for key, (_, text) in self._wanted.items()}, []
        from .translate.guard import translate_checked

        pairs = self._wanted.values()
        notes: list[str] = []
        todo = sorted({text for a, text in pairs if a.language != "en"})
        done = dict(zip(todo, translate_checked(translator, todo), strict=True)) if todo else {}
        withheld = sum(1 for c in done.values() if c.problems)
        if withheld:
            of = f"{withheld} of {plural(len(done), 'translation')}"
            log.info("%s withheld: they failed the check twice", of)
            notes.append(f"{of} withheld (they failed the check twice); those lines show the source sentence")
        return {
            key: (text, (), ())
            if a.language == "en"
            else (done[text].text, done[text].problems, done[text].notes)
            for key, (a, text) in self._wanted.items()
        }, notes


def _item(fact: Fact, english: English, by_id: dict[str, Article]) -> DigestItem:
    text, problems, notes = english
    return DigestItem(
        text=text,
        source_text=fact.source_text,
        citations=fact.citations,
        score=fact.score,
        figures=fact.figures,
        problems=problems,
        trimmed=fact.span if fact.trimmed else None,
        publishers=publishers(fact.citations, by_id),
        check_notes=notes,
    )


def _inputs(
    articles: Sequence[Article] | Loaded, call: str, *, translated: bool
) -> tuple[list[Article], list[str]]:
    """The articles (checked: `checked_articles`), republished copies marked, each publisher
    spelled one way, and what loading noted (given a `Loaded`), then a note for each article
    in English."""
    notes = list(articles.notes) if isinstance(articles, Loaded) else []
    checked = spell_publishers_alike(mark_copies(list(checked_articles(articles, call))))
    return checked, notes + _language_notes(checked, translated=translated)


def _language_notes(articles: Sequence[Article], *, translated: bool) -> list[str]:
    """A note for each article that reads as English, logged too (the CLI shows it on stderr):
    its text is shown as it is, whether the run translates or not."""
    shown = "its sentences are shown as they are" + (", untranslated" if translated else "")
    notes = [
        f"article {a.id} ({a.source}) reads as English, not Indonesian: {shown}"
        for a in articles
        if a.language == "en"
    ]
    for note in notes:
        log.warning(note)
    return notes


def _model(translator: Translator | None) -> ModelInfo | None:
    return ModelInfo(translator.name, translator.backend) if translator is not None else None


# Per article: (sentence index, score, the earlier picks it is read after), in source order.
Picks = list[list[tuple[int, float, tuple[int, ...]]]]


def _selections(articles: Sequence[Article], n: int, ranker: str | None) -> Picks:
    r = get_ranker(ranker)
    out = []
    for article in articles:
        feats = features(article)
        scores = r.score(article, feats)
        judgements = judge_for_brief(article)
        picked = select(scores, [f.vector for f in feats], n, judgements=judgements)
        after = follows(judgements, picked)
        out.append([(i, scores[i], after[i]) for i in picked])
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
    articles, notes = _inputs(articles, "brief", translated=translator is not None)
    check_count("n", n)
    picks = _selections(articles, n, ranker)
    requests = Requests()
    _ask_briefs(requests, articles, picks, titles=translator is not None)
    english, more = requests.translate(translator)
    return Briefs(
        briefs=tuple(_briefs(articles, picks, english, titles=translator is not None)),
        model=_model(translator),
        notes=tuple(notes + more),
    )


def _ask_briefs(requests: Requests, articles: Sequence[Article], picks: Picks, *, titles: bool) -> None:
    """Ask for each brief's title (if wanted) and picked sentences."""
    for position, (a, chosen) in enumerate(zip(articles, picks, strict=True)):
        if titles:
            requests.add(("brief title", position), a, a.title)
        for i, _, _ in chosen:
            requests.add(("brief sentence", position, i), a, a.sentences[i].text)


def _briefs(
    articles: Sequence[Article], picks: Picks, english: dict[Hashable, English], *, titles: bool
) -> list[Brief]:
    """Briefs from picks, with the English that `_ask_briefs` asked for."""
    out = []
    for position, (a, chosen) in enumerate(zip(articles, picks, strict=True)):
        title, title_problems, _ = english[("brief title", position)] if titles else (None, (), ())
        sentences = []
        for i, score, after in chosen:
            text, problems, notes = english[("brief sentence", position, i)]
            sentences.append(
                Selected(
                    index=i,
                    source_text=a.sentences[i].text,
                    text=text,
                    score=round(score, 4),
                    problems=problems,
                    check_notes=notes,
                    after=after,
                )
            )
        out.append(Brief(article=a, title=title, sentences=tuple(sentences), title_problems=title_problems))
    return out


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
    workers: int | None = None,
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
    skipped sources and warnings become notes. Grouping spreads its work over up to
    `workers` processes (None: every core); the result is the same however many.
    """
    articles, notes = _inputs(articles, "digest", translated=translator is not None)
    check_count("brief_sentences", brief_sentences)
    planned = _plan(articles, n, items_per_story, max_stories, ranker=ranker, workers=workers)
    shown, left_out = planned.sections, planned.stories - len(planned.sections)
    notes += _left_out_note(left_out, n=n, max_stories=max_stories)
    picks = _selections(articles, brief_sentences, ranker) if with_briefs else [[] for _ in articles]
    translated = translator is not None
    requests = Requests()
    _ask_stories(requests, shown)
    _ask_briefs(requests, articles, picks, titles=with_briefs and translated)
    if translated:  # the Sources list shows every title in English too
        for position, a in enumerate(articles):
            requests.add(("source title", position), a, a.title)
    english, more = requests.translate(translator)
    stories = _stories(shown, english, {a.id: a for a in articles})
    briefs = tuple(_briefs(articles, picks, english, titles=translated)) if with_briefs else ()
    titled = [(a, english[("source title", k)]) for k, a in enumerate(articles)] if translated else []
    return Digest(
        articles=tuple(articles),
        items=tuple(item for s in stories for item in s.items),
        stories=stories,
        briefs=briefs,
        model=_model(translator),
        notes=tuple(notes + more),
        english_titles=tuple(
            (a.id, text) for a, (text, problems, _) in titled if not problems and text != a.title
        ),
        stories_left_out=left_out,
    )


def _plan(
    articles: Sequence[Article],
    n: int,
    items_per_story: int,
    max_stories: int | None,
    *,
    ranker: str | None,
    workers: int | None,
) -> Plan:
    """The digest's caps checked at the door, then its sections planned."""
    for name, count in (("n", n), ("items_per_story", items_per_story)):
        check_count(name, count)
    check_count("max_stories", max_stories, allow_none=True)
    return plan(
        articles,
        n=n,
        items_per_story=items_per_story,
        max_stories=max_stories,
        ranker=get_ranker(ranker),
        workers=workers,
    )


def _left_out_note(left_out: int, *, n: int, max_stories: int | None) -> list[str]:
    """Never silently: a note counting the stories a cap (or `n`) left out, naming the cap."""
    if not left_out:
        return []
    # Worded for whoever reads the digest (an email's reader ran no command), not in the CLI's
    # flags (--max-stories, -n) or the library's arguments (max_stories=, n=).
    if max_stories is not None and max_stories <= n:
        cap = plural(max_stories, "story", "stories")
    else:
        cap = plural(n, "item")
    return [f"{plural(left_out, 'more story', 'more stories')} not shown (the digest is capped at {cap})"]


def _ask_stories(requests: Requests, shown: Sequence[Section]) -> None:
    """Ask for each story's headline (when it has one) and each of its facts."""
    for k, section in enumerate(shown):
        if (heading := section.heading_of) is not None:
            requests.add(("story title", k), *heading)
        for j, f in enumerate(section.facts):
            requests.add(("fact", k, j), f.article, f.source_text)


def _stories(
    shown: Sequence[Section], english: dict[Hashable, English], by_id: dict[str, Article]
) -> tuple[Story, ...]:
    """The digest's story sections, with the English that `_ask_stories` asked for."""
    stories = []
    for k, section in enumerate(shown):
        title, title_problems, _ = (
            english[("story title", k)] if section.heading is not None else (None, (), ())
        )
        stories.append(
            Story(
                title=title,
                articles=tuple(a.id for a in section.story.articles),
                items=tuple(_item(f, english[("fact", k, j)], by_id) for j, f in enumerate(section.facts)),
                title_problems=title_problems,
            )
        )
    return tuple(stories)
