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
from ..parallel import available_cores
from .base import (
    DEFAULT_BACKEND,
    DEFAULT_BATCH_SIZE,
    DEFAULT_BEAM,
    DEFAULT_COMPUTE_TYPE,
    DEFAULT_DEVICE,
    DEFAULT_MODEL,
    DEVICES,
    Progress,
    Translator,
    TranslatorBase,
    backend_factory,
    backend_names,
    register_backend,
)

__all__ = [
    "DEFAULT_MODEL",
    "IdentityTranslator",
    "Translator",
    "TranslatorBase",
    "backend_names",
    "load_translator",
    "register_backend",
    "translate_text",
]

log = logging.getLogger(__name__)


class IdentityTranslator(TranslatorBase):
    """Returns its input: a test double, and the translator behind `--no-translate`."""

    name = "identity"
    backend = "identity"

    def __init__(self, model: str = "identity", **_options: Any) -> None:
        pass  # takes (and ignores) what every backend factory is given

    def translate(self, sentences: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return list(sentences)


def _transformers(model: str, **options: Any) -> Translator:
    from .marian import MarianTranslator  # imported when asked for: the CLI lists backends early

    return MarianTranslator(model, **options)


def _ctranslate2(model: str, **options: Any) -> Translator:
    from .ct2 import Ct2Translator

    return Ct2Translator(model, **options)


register_backend("transformers", _transformers)
register_backend("ctranslate2", _ctranslate2)
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

    This is where translation settings are read: unset arguments come from
    `SUMMARIZE_MODEL`/`_BACKEND`/`_DEVICE`/`_BEAM`, the config file, then the defaults
    (`summarize config` shows them); the `batch_size`, `threads` and `compute_type` settings
    tune the model backends. `progress(done, total)` is called as batches finish.
    """
    model = str(setting("model", model, default=DEFAULT_MODEL))
    factory = backend_factory(str(setting("backend", backend, default=DEFAULT_BACKEND)))
    device = device_setting(device)
    beam = beam_setting(beam)
    inner = factory(
        model,
        device=device,
        beam=beam,
        batch_size=max(1, int_setting("batch_size", default=DEFAULT_BATCH_SIZE)),
        threads=max(1, int_setting("threads", default=available_cores())),
        compute_type=str(setting("compute_type", default=DEFAULT_COMPUTE_TYPE)),
        progress=None if cache else progress,
    )
    if not cache:
        return inner
    from .cache import CachingTranslator, TranslationCache  # sqlite3 and the checker, when used

    return CachingTranslator(inner, TranslationCache(), progress=progress)


def device_setting(explicit: str | None = None) -> str:
    """The `device` setting (`explicit`, else env, config file, default), checked."""
    device = str(setting("device", explicit, default=DEFAULT_DEVICE))
    if device not in DEVICES:
        raise ConfigError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    return device


def beam_setting(explicit: int | None = None) -> int:
    """The `beam` setting (`explicit`, else env, config file, default), checked."""
    beam = int_setting("beam", explicit, default=DEFAULT_BEAM)
    if beam < 1:
        raise ConfigError(f"beam must be at least 1, not {beam}")
    return beam


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
