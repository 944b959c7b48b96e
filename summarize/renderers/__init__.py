"""Renderers: briefs and digests as markdown, text, json or html.

`render(result, fmt)` is the one entry point: `result` is what `brief` or `digest` returned.
Each format is a module with `briefs_<fmt>(Briefs)` and `digest_<fmt>(Digest)`, named in
`RENDERERS` below; the module of a format is imported only when that format is asked for
(html needs jinja2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from ..errors import ConfigError
from ..values import Briefs, Digest

__all__ = ["ALIASES", "FORMATS", "RENDERERS", "SUFFIXES", "format_for", "render"]

Result = Briefs | Digest


def _markdown(result: Result) -> str:
    from .markdown import briefs_markdown, digest_markdown

    return digest_markdown(result) if isinstance(result, Digest) else briefs_markdown(result)


def _text(result: Result) -> str:
    from .text import briefs_text, digest_text

    return digest_text(result) if isinstance(result, Digest) else briefs_text(result)


def _json(result: Result) -> str:
    from .jsondoc import briefs_json, digest_json

    return digest_json(result) if isinstance(result, Digest) else briefs_json(result)


def _html(result: Result) -> str:
    from .htmlpage import briefs_html, digest_html

    return digest_html(result) if isinstance(result, Digest) else briefs_html(result)


RENDERERS: dict[str, Callable[[Result], str]] = {
    "markdown": _markdown,
    "text": _text,
    "json": _json,
    "html": _html,
}
FORMATS = tuple(RENDERERS)
# The format a file's extension names (`-o digest.html` with no -f).
SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


# Another name of a format: each extension -o takes as naming it (`-f md`, as `-o digest.md`).
ALIASES = {suffix[1:]: fmt for suffix, fmt in SUFFIXES.items() if suffix[1:] not in RENDERERS}


def format_for(path: str | PurePath) -> str | None:
    """The format `path`'s extension names ("digest.html": html), or None for any other."""
    return SUFFIXES.get(PurePath(path).suffix.lower())


def render(result: Result, fmt: str = "markdown") -> str:
    """`result` (from `summarize.brief` or `summarize.digest`) in format `fmt` (or one of
    its `ALIASES`: "md" is markdown), in any case ("JSON", as the CLI's `-f` takes it)."""
    name = fmt.strip().lower() if isinstance(fmt, str) else fmt
    name = ALIASES.get(name, name)
    if name not in RENDERERS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if not isinstance(result, Digest | Briefs):
        raise ConfigError(
            f"render() takes what brief() or digest() returns (Briefs or Digest), not "
            f"{type(result).__name__}: render(brief(articles), {fmt!r})"
        )
    return RENDERERS[name](result)
