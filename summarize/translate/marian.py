"""The transformers backend: any seq2seq model (MarianMT, NLLB, M2M100, T5) through `from_pretrained`.

Nothing heavy is imported or loaded until the first `translate` call; the model is then
loaded once per process and shared by every translator that names it. Many-to-many models
are steered by their family (families.py): source language set on the tokenizer, target
token forced, or a tag put before the text; tags are dropped from the output.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..errors import ModelError
from .base import (
    DEFAULT_BATCH_SIZE,
    MAX_INPUT_TOKENS,
    REPAIR_SETTINGS,
    Progress,
    machine_threads,
    output_cap,
    repair_beam,
    run_batches,
)
from .families import Family, detect_family, resolve, source_ids
from .store import (
    INSTALL_HINT,
    fingerprint,
    is_ct2_folder,
    local_folder,
    model_family,
    quiet_transformers,
    unavailable,
)


@lru_cache(maxsize=2)
def load_model(model: str, device: str, revision: str | None = None) -> tuple[Any, Any, str, Family]:
    """Load (model, tokenizer, device, family) once per process. Raises ModelError."""
    # A folder, or the hub cache's snapshot: from_pretrained then never touches the network
    # (offline it would otherwise retry for most of a minute before failing), and a missing
    # model is reported before the slow torch import.
    folder = local_folder(model, revision=revision)
    if is_ct2_folder(folder):
        raise ModelError(f"'{model}' is a CTranslate2 model: translate with --backend ctranslate2")
    try:
        import torch
        import transformers
    except ImportError:
        raise ModelError(f"the transformers backend needs torch and transformers: {INSTALL_HINT}") from None
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    elif device == "cuda" and not torch.cuda.is_available():
        raise ModelError("--device cuda was asked for but torch sees no GPU; use --device cpu")
    torch.set_num_threads(machine_threads())
    quiet_transformers()
    try:
        with warnings.catch_warnings():
            # MarianTokenizer recommends sacremoses for punctuation normalisation; opus-mt
            # works without it, and a warning on every run helps no one.
            warnings.simplefilter("ignore", UserWarning)
            tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
        net = transformers.AutoModelForSeq2SeqLM.from_pretrained(folder)
    except (OSError, ValueError):
        raise unavailable(model) from None
    net.to(device).eval()
    # Our per-batch cap (max_new_tokens) replaces the config's global max_length.
    net.generation_config.max_length = None
    family = detect_family(folder)
    if family.source_lang:
        tokenizer.src_lang = family.source_lang  # puts ind_Latn / __id__ before each sentence
    return net, tokenizer, device, family


class MarianTranslator:
    """Translate with a transformers seq2seq model (fp32 on CPU)."""

    backend = "transformers"
    compute_type = "float32"

    def __init__(
        self,
        model: str,
        *,
        device: str = "auto",
        beam: int = 4,
        batch_size: int = DEFAULT_BATCH_SIZE,
        revision: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.name = model
        self.source = resolve(model)  # a preset's hub id
        self.device = device
        self.beam = beam
        self.batch_size = batch_size
        self.revision = revision
        self.progress = progress
        self.model: Any = None  # loaded on the first translate() call
        self.tokenizer: Any = None
        self.family: Family | None = None

    def cache_identity(self) -> tuple[str, ...]:
        """What makes two translations of one sentence differ (the cache key's prefix)."""
        rev = fingerprint(self.source, revision=self.revision)
        family = model_family(self.source, revision=self.revision)
        langs = family.languages() if family else "family?"
        return (self.source, rev, self.backend, self.compute_type, str(self.beam), langs)

    def load(self) -> None:
        """Load the model now (otherwise the first translate() does)."""
        if self.model is None:
            self.model, self.tokenizer, self.device, self.family = load_model(
                self.source, self.device, self.revision
            )

    def repair(self, sentences: Sequence[str]) -> list[str]:
        """Translate again with settings that prevent loops (for the guard)."""
        return self.translate(sentences, strict=True)

    def translate(self, sentences: Sequence[str], *, strict: bool = False) -> list[str]:
        """English for each sentence, same length and order (`strict`: repair settings)."""
        if not sentences:
            return []
        self.load()
        family = self.family
        assert family is not None
        tokenizer = self.tokenizer
        beam = repair_beam(self.beam) if strict else self.beam
        settings = REPAIR_SETTINGS if strict else {}
        ids = source_ids(tokenizer, family, sentences, limit=MAX_INPUT_TOKENS)
        # The decoder start token takes a position too. T5 has relative positions and no
        # table: there the input cap bounds the output as well.
        positions = getattr(self.model.config, "max_position_embeddings", None) or MAX_INPUT_TOKENS
        limit = int(positions) - 1
        forced: dict[str, int] = {}
        if family.target_token:
            # The forced token is one more step before the English starts (see the cap below).
            forced["forced_bos_token_id"] = int(tokenizer.convert_tokens_to_ids(family.target_token))

        def batch(indices: list[int]) -> list[str]:
            import torch

            rows = [ids[i] for i in indices]
            # Never decode past the position table, whatever the cap says.
            cap = min(output_cap(max(len(r) for r in rows)) + len(forced), limit)
            enc = tokenizer.pad({"input_ids": rows}, return_tensors="pt").to(self.device)
            with torch.inference_mode():
                out = self.model.generate(**enc, num_beams=beam, max_new_tokens=cap, **forced, **settings)
            return [self._decode(row) for row in out.tolist()]

        return run_batches(
            list(sentences),
            [len(r) for r in ids],
            batch,
            batch_size=self.batch_size,
            progress=self.progress,
        )

    def _decode(self, row: list[int]) -> str:
        """Text of one output: special tokens and language tags dropped, whatever the
        tokenizer counts as special (M2M100's language tokens, MADLAD's <2xx>)."""
        family = self.family
        assert family is not None
        if family.tag:
            tokens = self.tokenizer.convert_ids_to_tokens(row)
            row = [i for i, t in zip(row, tokens, strict=True) if not family.is_tag(str(t))]
        return str(self.tokenizer.decode(row, skip_special_tokens=True)).strip()
