"""JSON, following the contract in the README's JSON section (field names are a public interface)."""

from __future__ import annotations

import json
from typing import Any

from ..values import Article, Brief, Briefs, Citation, Digest, DigestItem, ModelInfo, Problem, inert_json
from .layout import no_line_note


def article_dict(a: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "language": a.language,
        "published": a.published,
        "publisher": a.publisher,
        "publisher_from": a.publisher_from,
        "duplicate_of": a.duplicate_of,
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end} for s in a.sentences
        ],
    }
    for key in ("url", "site"):
        if getattr(a, key):
            out[key] = getattr(a, key)
    return out


def _problems(problems: tuple[Problem, ...]) -> list[dict[str, str]]:
    return [{"kind": p.kind, "message": p.message} for p in problems]


def _withheld(problems: tuple[Problem, ...], prefix: str = "") -> dict[str, Any]:
    """`withheld` and `problems` (or `title_withheld`, `title_problems`): why the text is the source."""
    return {f"{prefix}withheld": bool(problems), f"{prefix}problems": _problems(problems)}


def brief_dict(b: Brief) -> dict[str, Any]:
    return {
        "article": b.article.id,
        "title": b.heading,
        **_withheld(b.title_problems, "title_"),
        "sentences": [
            {
                "index": s.index,
                "source_text": s.source_text,
                "text": s.text,
                "score": s.score,
                **_withheld(s.problems),
                "check_notes": list(s.check_notes),
                "after": list(s.after),
            }
            for s in b.sentences
        ],
    }


def _cite(c: Citation) -> dict[str, Any]:
    return {"article": c.article, "index": c.index}


def item_dict(i: DigestItem) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": i.text,
        "source_text": i.source_text,
        "citations": [_cite(c) for c in i.citations],
        "sources": i.sources,
        "publishers": list(i.publishers),
        "score": i.score,
        **_withheld(i.problems),
        "check_notes": list(i.check_notes),
        "trimmed": i.trimmed is not None,
    }
    if i.trimmed is not None:  # the shown part of the sentence: a leading connective left off
        out["start"], out["end"] = i.trimmed
    if i.figures:
        out["figures"] = [{"value": v, "citations": [_cite(c) for c in cs]} for v, cs in i.figures]
    return out


def _model(model: ModelInfo | None) -> dict[str, str] | None:
    return {"name": model.name, "backend": model.backend} if model else None


def _dump(obj: dict[str, Any]) -> str:
    """Indented JSON, except that each article (its sentences with it) is one line.

    The articles are most of the document (every sentence of every input, so that each
    citation can be checked), and one line each keeps it readable and greppable; it also
    lets the C encoder write them, which indenting every sentence's fields would not
    (a fifth of a 2,146-article digest's time went into indenting them).
    """
    fields = []
    for key, value in obj.items():
        if key == "articles" and value:
            lines = ",\n".join("    " + json.dumps(a, ensure_ascii=False) for a in value)
            body = f"[\n{lines}\n  ]"
        else:
            body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        fields.append(f"  {json.dumps(key)}: {body}")
    return inert_json("{\n" + ",\n".join(fields) + "\n}\n")


def briefs_json(result: Briefs) -> str:
    return _dump(
        {
            "articles": [article_dict(b.article) for b in result],
            "briefs": [brief_dict(b) for b in result],
            "model": _model(result.model),
            "notes": list(result.notes),
        }
    )


def digest_json(digest: Digest) -> str:
    body: dict[str, Any] = {"articles": [article_dict(a) for a in digest.articles]}
    for entry in body["articles"]:
        english = digest.english_title(entry["id"])
        if english:
            entry["title_english"] = english
    if digest.briefs:
        body["briefs"] = [brief_dict(b) for b in digest.briefs]
    body["digest"] = {"items": [item_dict(i) for i in digest.items]}
    if digest.stories:
        briefed = {b.article.id for b in digest.briefs}
        body["digest"]["stories"] = [
            {
                "title": s.title,
                **_withheld(s.title_problems, "title_"),
                "articles": list(s.articles),
                "items": [item_dict(i) for i in s.items],
                **({} if s.items else {"note": no_line_note(s, briefs=not briefed.isdisjoint(s.articles))}),
            }
            for s in digest.stories
        ]
    body["digest"]["stories_left_out"] = digest.stories_left_out  # by --max-stories or -n
    body["model"] = _model(digest.model)
    body["notes"] = list(digest.notes)
    return _dump(body)
