"""summarize: Indonesian news in, English briefs and a cited cross-article digest out.

>>> from summarize import load_articles, digest, render
>>> loaded = load_articles(["seeds/"])
>>> result = digest(loaded.articles)          # Indonesian (no translator given)
>>> result.items[0].citations                  # doctest: +SKIP
>>> print(render(result, "markdown"))          # doctest: +SKIP

`import summarize` loads no model library, no HTML extractor and no template engine:
translation backends load with `load_translator`, each format's renderer with `render`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, DeliveryError, InputError, ModelError, SummarizeError
from .ingest import load_articles
from .ingest.article import article_from_text
from .pipeline import brief, digest
from .renderers import render
from .values import Article, Brief, Briefs, Citation, Digest, DigestItem, Loaded, Sentence, Story

if TYPE_CHECKING:
    from .translate import Translator, load_translator
    from .translate.check import Problem, check_translation

# The library never configures logging; the application (or our CLI) does.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Brief",
    "Briefs",
    "Citation",
    "ConfigError",
    "DeliveryError",
    "Digest",
    "DigestItem",
    "InputError",
    "Loaded",
    "ModelError",
    "Problem",
    "Sentence",
    "Story",
    "SummarizeError",
    "Translator",
    "__version__",
    "article_from_text",
    "brief",
    "check_translation",
    "digest",
    "load_articles",
    "load_translator",
    "render",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Read from the installed metadata when asked: importlib.metadata (and the email
        # package it reads with) is a tenth of the CLI's start-up, and only --version needs it.
        from .config import version

        globals()["__version__"] = found = version()
        return found
    # The translate package is light, but keep `import summarize` minimal all the same.
    if name in ("load_translator", "Translator"):
        from . import translate

        return getattr(translate, name)
    if name in ("check_translation", "Problem"):
        from .translate import check

        return getattr(check, name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")


def __dir__() -> list[str]:
    # What `__getattr__` loads when asked is listed too (`dir(summarize)` missed `load_translator`).
    return sorted({*globals(), *__all__})
