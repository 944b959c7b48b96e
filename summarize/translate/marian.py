"""The transformers backend: any seq2seq model (MarianMT, NLLB, M2M100, T5) through `from_pretrained`.

Nothing heavy is imported or loaded until the first `translate` call; the model is then
loaded once per process and shared by every translator that names it. Many-to-many models
are steered by their family (families.py): source language set on the tokenizer, target
token forced, or a tag put before the text; tags are dropped from the output.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from ..errors import ModelError
from .backend import ModelTranslator
from .base import MAX_INPUT_TOKENS, output_cap
from .families import Family, detect_family, source_ids
from .store import is_ct2_folder, local_folder, unavailable

INSTALL_HINT = "pip install torch==2.13.0 && pip install 'summarize[translate]'"


def quiet_transformers() -> None:
    """No weight-loading progress bars: they would interleave with our own output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return
    hf_logging.disable_progress_bar()


@lru_cache(maxsize=2)
def load_model(
    model: str, device: str, revision: str | None = None, threads: int = 1
) -> tuple[Any, Any, str, Family]:
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
    torch.set_num_threads(threads)
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


class MarianTranslator(ModelTranslator):
    """Translate with a transformers seq2seq model (fp32 on CPU)."""

    backend = "transformers"
    tokenizer: Any = None
    family: Family | None = None

    def _setup(self) -> str:
        return "float32"  # the weights as stored (`compute_type` is CTranslate2's setting)

    def load(self) -> None:
        """Load the model now (otherwise the first translate() does)."""
        if self.model is None:
            self.model, self.tokenizer, self.device, self.family = load_model(
                self.source, self.requested_device, self.revision, self.threads
            )

    def _translator(
        self, sentences: Sequence[str], beam: int, settings: dict[str, float | int]
    ) -> tuple[list[int], Callable[[list[int]], list[str]]]:
        family = self.family
        assert family is not None
        tokenizer = self.tokenizer
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

        return [len(r) for r in ids], batch

    def _decode(self, row: list[int]) -> str:
        """Text of one output: special tokens and language tags dropped, whatever the
        tokenizer counts as special (M2M100's language tokens, MADLAD's <2xx>)."""
        family = self.family
        assert family is not None
        if family.tag:
            tokens = self.tokenizer.convert_ids_to_tokens(row)
            row = [i for i, t in zip(row, tokens, strict=True) if not family.is_tag(str(t))]
        return str(self.tokenizer.decode(row, skip_special_tokens=True)).strip()
