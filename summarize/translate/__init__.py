"""Translation: Indonesian sentences in, English sentences out, one for one, in order.

`load_translator()` picks a backend by name (transformers, ctranslate2, identity), wraps
it in the persistent cache, and loads nothing: the model loads on the first cache miss.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from ..config import int_setting, setting
from ..errors import ConfigError
from .base import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MODEL,
    Progress,
    Translator,
    backend_factory,
    register_backend,
)
from .cache import CachingTranslator, TranslationCache
from .ct2 import Ct2Translator
from .marian import MarianTranslator

__all__ = [
    "DEFAULT_MODEL",
    "IdentityTranslator",
    "Translator",
    "load_translator",
    "register_backend",
    "translate_text",
]

log = logging.getLogger(__name__)

DEVICES = ("auto", "cpu", "cuda")


class IdentityTranslator:
    """Returns its input: a test double, and the translator behind `--no-translate`."""

    name = "identity"
    backend = "identity"

    def __init__(self, model: str = "identity", **_options: Any) -> None:
        pass  # takes (and ignores) what every backend factory is given

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return list(sentences)


register_backend("transformers", MarianTranslator)
register_backend("ctranslate2", Ct2Translator)
register_backend("identity", IdentityTranslator)


def load_translator(
    model: str | None = None,
    *,
    backend: str | None = None,
    device: str | None = None,
    beam: int | None = None,
    cache: bool = True,
    progress: Progress | None = None,
) -> Translator:
    """A translator for `model` (hub id or folder) on `backend`; nothing is loaded yet.

    Unset arguments come from `SUMMARIZE_MODEL`/`_BACKEND`/`_DEVICE`/`_BEAM`, the config
    file, then the defaults (the opus-mt model, transformers, auto, beam 4); the
    `batch_size` (16) and `threads` (all cores) settings tune the model backends.
    `progress(done, total)` is called as batches finish.
    """
    model = str(setting("model", model, default=DEFAULT_MODEL))
    factory = backend_factory(str(setting("backend", backend, default="transformers")))
    device = str(setting("device", device, default="auto"))
    if device not in DEVICES:
        raise ConfigError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    beam = int_setting("beam", beam, default=4)
    if beam < 1:
        raise ConfigError(f"beam must be at least 1, not {beam}")
    batch_size = int_setting("batch_size", default=DEFAULT_BATCH_SIZE)
    inner = factory(
        model,
        device=device,
        beam=beam,
        batch_size=max(1, batch_size),
        progress=None if cache else progress,
    )
    if not cache:
        return inner
    return CachingTranslator(inner, TranslationCache(), progress=progress)


def translate_text(text: str, translator: Translator) -> str:
    """Translate running text: paragraphs kept, each split into sentences first.

    A sentence whose translation is withheld (it failed the check twice) stays in
    Indonesian, with a warning that says why.
    """
    from ..segment import split_sentences
    from .guard import translate_checked

    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    split = [split_sentences(p) for p in paragraphs]
    sentences = [s for sents in split for s in sents]
    checked = translate_checked(translator, sentences)
    for source, result in zip(sentences, checked, strict=True):
        if result.problems:
            why = "; ".join(p.message for p in result.problems)
            log.warning("kept in Indonesian, translation withheld (%s): %s", why, source[:80])
    english = iter(c.text for c in checked)
    return "\n\n".join(" ".join(next(english) for _ in sents) for sents in split)
