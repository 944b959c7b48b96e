"""Renderers: briefs and digests as markdown, text, json or html.

Each format is a module with `briefs_<fmt>(briefs, *, model)` and `digest_<fmt>(digest)`;
`render_briefs` and `render_digest` pick one by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from ..errors import ConfigError
from ..types import Brief, Digest, ModelInfo

__all__ = ["FORMATS", "render_briefs", "render_digest"]

FORMATS = ("markdown", "text", "json", "html")


def _module(fmt: str):  # type: ignore[no-untyped-def]
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return importlib.import_module(f".{fmt}", __name__)


def render_briefs(briefs: Sequence[Brief], fmt: str = "markdown", *, model: ModelInfo | None = None) -> str:
    """Briefs in format `fmt`."""
    return str(getattr(_module(fmt), f"briefs_{fmt}")(briefs, model=model))


def render_digest(digest: Digest, fmt: str = "markdown") -> str:
    """A digest in format `fmt`."""
    return str(getattr(_module(fmt), f"digest_{fmt}")(digest))
