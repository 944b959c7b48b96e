"""Hand-built articles and digests for the HTML, email and browser tests.

One article is hostile: its title and sentences carry markup that must arrive as text.
"""

from __future__ import annotations

from summarize.values import (
    Article,
    Brief,
    Citation,
    Digest,
    DigestItem,
    ModelInfo,
    Selected,
    Sentence,
    Story,
)

SCRIPT = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.body.innerHTML='PWNED'\">"


def article(
    aid: str,
    title: str,
    sentences: list[str],
    *,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An article whose text is its sentences joined by spaces, with exact offsets."""
    spans: list[Sentence] = []
    pos = 0
    for i, text in enumerate(sentences):
        spans.append(Sentence(index=i, text=text, start=pos, end=pos + len(text)))
        pos += len(text) + 1
    return Article(
        id=aid,
        source=source or url or f"seeds/{aid}.txt",
        title=title,
        language="id",
        text=" ".join(sentences),
        sentences=tuple(spans),
        url=url,
    )


def articles() -> tuple[Article, ...]:
    return (
        article(
            "1",
            "Banjir melanda Jakarta",
            ["Banjir melanda Jakarta Selatan.", "Sebanyak 1.000 warga mengungsi.", "Hujan deras."],
            url="https://news.example.id/banjir-jakarta",
        ),
        article(
            "2",
            f"Evil {SCRIPT} title",
            [f"Warga panik {IMG} malam itu.", "Sebanyak 1.200 warga mengungsi.", SCRIPT],
            url="javascript:alert(1)",  # never becomes a link
        ),
        article(
            "3",
            "Harga beras naik",
            ["Harga beras naik 5 persen.", "Pedagang mengeluh."],
            source="seeds/003_beras.txt",
        ),
    )


def brief_of(a: Article, indices: list[int]) -> Brief:
    return Brief(
        article=a,
        sentences=tuple(
            Selected(
                index=i,
                source_text=a.sentences[i].text,
                text=f"EN {a.sentences[i].text}",
                score=1.0 - 0.1 * i,
            )
            for i in indices
        ),
    )


def digest(*, stories: bool = False, model: bool = True, subset: tuple[str, ...] = ()) -> Digest:
    """A digest over the sample articles (or the ids in `subset`), with briefs."""
    arts = tuple(a for a in articles() if not subset or a.id in subset)
    ids = {a.id for a in arts}
    flood = DigestItem(
        text="Floods hit South Jakarta.",
        source_text="Banjir melanda Jakarta Selatan.",
        citations=tuple(c for c in (Citation("1", 0), Citation("2", 0)) if c.article in ids),
        score=0.9,
        figures=(("1.000", (Citation("1", 1),)), ("1.200", (Citation("2", 1),))) if {"1", "2"} <= ids else (),
        publishers=tuple(name for aid, name in (("1", "news.example.id"), ("2", "Warta")) if aid in ids),
    )
    hostile = DigestItem(
        text=f"Residents panicked {IMG} {SCRIPT}",
        source_text=arts[0].sentences[0].text,
        citations=(Citation("2", 0),),
        score=0.5,
    )
    rice = DigestItem(
        text="Rice prices rose 5 percent.",
        source_text="Harga beras naik 5 persen.",
        citations=(Citation("3", 0),),
        score=0.8,
    )
    items = tuple(
        i for i in (flood, hostile, rice) if i.citations and {c.article for c in i.citations} <= ids
    )
    story_list: tuple[Story, ...] = ()
    if stories:
        story_list = (
            Story(
                title="Floods in Jakarta", articles=("1", "2"), items=tuple(i for i in items if i is not rice)
            ),
            Story(title=f"Rice {SCRIPT} prices", articles=("3",), items=(rice,)),
        )
    briefs = tuple(brief_of(a, [0, 1]) for a in arts)
    return Digest(
        articles=arts,
        items=items,
        stories=story_list,
        briefs=briefs,
        model=ModelInfo("Helsinki-NLP/opus-mt-id-en", "transformers") if model else None,
    )
