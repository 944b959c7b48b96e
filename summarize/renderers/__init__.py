"""Renderers: briefs and digests as markdown, text, json or html.

`render(result, fmt)` is the one entry point: `result` is what `brief` or `digest` returned.
Each format is a module with `briefs_<fmt>(Briefs)` and `digest_<fmt>(Digest)`; the module
of a format is imported only when that format is asked for (html needs jinja2).
"""

from __future__ import annotations

import importlib

from ..errors import ConfigError
from ..values import Briefs, Digest

__all__ = ["FORMATS", "render"]

FORMATS = ("markdown", "text", "json", "html")
_MODULES = {"markdown": "markdown", "text": "text", "json": "jsondoc", "html": "htmlpage"}


def render(result: Briefs | Digest, fmt: str = "markdown") -> str:
    """`result` (from `summarize.brief` or `summarize.digest`) in format `fmt`."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module = importlib.import_module(f".{_MODULES[fmt]}", __name__)
    kind = "digest" if isinstance(result, Digest) else "briefs"
    return str(getattr(module, f"{kind}_{fmt}")(result))
