"""summarize: Indonesian news in, English briefs and a cited cross-article digest out.

>>> from summarize import load_articles, digest
>>> loaded = load_articles(["seeds/"])
>>> result = digest(loaded.articles)          # Indonesian (no translator given)
>>> result.items[0].citations                  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import DeliveryError, InputError, ModelError, SummarizeError
from .ingest import load_articles
from .pipeline import brief, digest
from .types import Article, Brief, Citation, Digest, DigestItem, Sentence

if TYPE_CHECKING:
    from .translate import Translator, load_translator

__all__ = [
    "Article",
    "Brief",
    "Citation",
    "DeliveryError",
    "Digest",
    "DigestItem",
    "InputError",
    "ModelError",
    "Sentence",
    "SummarizeError",
    "Translator",
    "brief",
    "digest",
    "load_articles",
    "load_translator",
]


def __getattr__(name: str) -> Any:
    # The translate package is light, but keep `import summarize` minimal all the same.
    if name in ("load_translator", "Translator"):
        from . import translate

        return getattr(translate, name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
