"""Model families: how each kind of model is told to translate Indonesian into English.

A bilingual model (opus-mt, Marian) only knows one direction. A many-to-many model must be
told both languages, or it translates into whatever language it likes:

- NLLB-200: the tokenizer's `src_lang` puts `ind_Latn` before the source; the first target
  token is forced to `eng_Latn` (transformers `forced_bos_token_id`, CTranslate2 `target_prefix`).
- M2M100: the same scheme with `__id__` and `__en__` (`src_lang = "id"`).
- MADLAD-400 (T5): the source starts with the tag `<2en>`, one piece; nothing is forced.

Both backends frame every source sentence the same way, with the ids built here rather than
left to a tokenizer's handling of special text (which moved between transformers releases:
5.x puts a "▁" piece before a leading `<2en>`): the family's lead token, the sentence's own
pieces, then `</s>` (`frame`).

Language tags are dropped from every output, so one English sentence comes back per source
sentence with no tag in it. The family is read from the model's own files, cheaply.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .base import DEFAULT_MODEL

__all__ = [
    "FAMILIES",
    "PRESETS",
    "Family",
    "Preset",
    "detect_family",
    "frame",
    "preset_for",
    "resolve",
    "source_ids",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Family:
    """The language settings of one model family (empty strings: not used by it)."""

    name: str
    source_lang: str = ""  # the tokenizer's src_lang (NLLB ind_Latn, M2M100 id)
    source_token: str = ""  # the token that setting puts first in the source
    target_token: str = ""  # the first target token, forced
    source_tag: str = ""  # a tag token put before every source sentence (MADLAD "<2en>")
    tag: str = ""  # a regular expression for this family's language tags

    def languages(self) -> str:
        """The language settings as one string, for the translation cache key."""
        return f"{self.name}:{self.source_token or '-'}>{self.target_token or self.source_tag or '-'}"

    @property
    def lead(self) -> tuple[str, ...]:
        """The tokens before every source sentence's own pieces (the language token or tag)."""
        return tuple(t for t in (self.source_token, self.source_tag) if t)

    def is_tag(self, token: str) -> bool:
        """Whether an output token is a language tag (never shown to a reader)."""
        return bool(self.tag) and re.fullmatch(self.tag, token.lstrip("▁")) is not None


BILINGUAL = Family("bilingual")
FAMILIES = {
    f.name: f
    for f in (
        BILINGUAL,
        Family(
            "nllb",
            source_lang="ind_Latn",
            source_token="ind_Latn",
            target_token="eng_Latn",
            tag=r"[a-z]{3}_[A-Z][a-z]{3}",
        ),
        Family(
            "m2m100",
            source_lang="id",
            source_token="__id__",
            target_token="__en__",
            tag=r"__[a-z]{2,3}__",
        ),
        Family("madlad", source_tag="<2en>", tag=r"<2[A-Za-z_-]+>"),
    )
}


def frame(rows: Sequence[Sequence[T]], lead: Sequence[T], end: T, *, limit: int) -> list[list[T]]:
    """Each source row as the model reads it: `lead` first, the row's own pieces (cut to fit
    `limit` in all), `end` last. Ids or pieces alike: both backends call this."""
    keep = max(limit - 1 - len(lead), 0)
    return [[*lead, *row[:keep], end] for row in rows]


def source_ids(tokenizer: Any, family: Family, sentences: Sequence[str], *, limit: int) -> list[list[int]]:
    """The input ids of each sentence: the family's lead token, the sentence, </s>.

    Built here, not by the tokenizer's own special-token handling, so the ids are the ones
    the CTranslate2 backend sends whatever the installed transformers does with a leading
    tag (tests/test_translate_families.py compares the two backends' ids).
    """
    body = tokenizer(list(sentences), add_special_tokens=False)["input_ids"]
    lead = [int(i) for i in tokenizer.convert_tokens_to_ids(list(family.lead))]
    return frame(body, lead, int(tokenizer.eos_token_id), limit=limit)


# Where each family's SentencePiece model sits in a published or converted folder.
SPM_FILES = {
    "nllb": ("sentencepiece.bpe.model",),
    "m2m100": ("sentencepiece.bpe.model",),
    "madlad": ("spiece.model", "sentencepiece.model"),
}
MARKER = "summarize.json"  # written beside a conversion: family, source model, revision


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _vocabulary_has(folder: Path, token: str) -> bool:
    """Whether a CTranslate2 vocabulary file in `folder` holds `token` (a plain text search:
    the file is at most a few MB and read once per model)."""
    for name in ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json"):
        path = folder / name
        if path.is_file():
            try:
                return token in path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return False
    return False


def detect_family(folder: Path) -> Family:
    """The family of the model in `folder` (transformers or CTranslate2 form).

    Order: our conversion marker, then config.json's model type and the tokenizer class,
    then the files themselves. Anything unrecognised is treated as bilingual, as before.
    """
    marked = _json(folder / MARKER).get("family")
    if isinstance(marked, str) and marked in FAMILIES:
        return FAMILIES[marked]
    model_type = str(_json(folder / "config.json").get("model_type", ""))
    tokenizer = str(_json(folder / "tokenizer_config.json").get("tokenizer_class", "")).lower()
    if model_type in ("t5", "mt5", "umt5") or tokenizer.startswith("t5"):
        return FAMILIES["madlad"]
    if tokenizer.startswith("nllb"):
        return FAMILIES["nllb"]
    if tokenizer.startswith("m2m100"):
        return FAMILIES["m2m100"]
    if model_type == "marian" or (folder / "source.spm").is_file():
        return BILINGUAL
    # A CTranslate2 folder from elsewhere (a hub repo already converted): look at its files.
    if (folder / "sentencepiece.bpe.model").is_file() or model_type == "m2m_100":
        return FAMILIES["nllb"] if _vocabulary_has(folder, "eng_Latn") else FAMILIES["m2m100"]
    if any((folder / name).is_file() for name in SPM_FILES["madlad"]):
        return FAMILIES["madlad"]
    return BILINGUAL


# Named presets: --model NAME ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Preset:
    """A named translation model."""

    name: str
    model: str  # hub id
    family: str  # a key of families.FAMILIES
    licence: str
    commercial: bool  # whether the licence allows commercial use
    revision: str = "main"
    size: str = ""  # parameters, for the table `model info` prints


PRESETS = {
    p.name: p
    for p in (
        Preset("opus-mt", DEFAULT_MODEL, "bilingual", "CC-BY-4.0", True, size="74M"),
        Preset("nllb-600m", "facebook/nllb-200-distilled-600M", "nllb", "CC-BY-NC-4.0", False, size="600M"),
        Preset("nllb-3.3b", "facebook/nllb-200-3.3B", "nllb", "CC-BY-NC-4.0", False, size="3.3B"),
        Preset("m2m100-418m", "facebook/m2m100_418M", "m2m100", "MIT", True, size="418M"),
        Preset("madlad-3b", "google/madlad400-3b-mt", "madlad", "Apache-2.0", True, size="3B"),
    )
}


def resolve(model: str) -> str:
    """The hub id or folder `model` names: a preset's hub id, else `model` itself (a folder
    that happens to carry a preset's name wins: it is what the user pointed at)."""
    preset = PRESETS.get(model)
    return preset.model if preset and not Path(model).expanduser().exists() else model


def preset_for(model: str) -> Preset | None:
    """The preset of a preset name or of its hub id, if any."""
    return PRESETS.get(model) or next((p for p in PRESETS.values() if p.model == model), None)
