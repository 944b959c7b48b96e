"""The CTranslate2 backend: int8 inference, the fast CPU path.

`model` is a converted CTranslate2 folder, or a transformers folder / hub id that is
converted once into ``cache_dir()/ct2/<safe name>`` and reused from then on. Marian
models are tokenized with SentencePiece directly, so this backend never imports torch.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import setting
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
from .store import FAST_HINT, convert, ct2_path, fingerprint, is_ct2_folder

log = logging.getLogger("summarize.translate")

SPECIAL_TOKENS = frozenset({"</s>", "<pad>", "<unk>", "<s>"})


def model_folder(model: str, *, revision: str | None = None) -> Path:
    """The CTranslate2 folder for `model`, converting it (once) when needed."""
    folder = Path(model).expanduser()
    if is_ct2_folder(folder):
        return folder
    target = ct2_path(model)
    if not is_ct2_folder(target):
        log.info("converting %s to CTranslate2 int8 in %s (once)", model, target)
        try:
            convert(model, target, quantization="int8", revision=revision)
        except OSError:
            # Another process may have renamed its conversion into place first.
            if not is_ct2_folder(target):
                raise
    return target


class _Tokenizer:
    """Source pieces in, target text out: SentencePiece for Marian, transformers otherwise."""

    def __init__(self, folder: Path) -> None:
        self.hf: Any = None
        if (folder / "source.spm").is_file() and (folder / "target.spm").is_file():
            import sentencepiece

            self.source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
            self.target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        else:
            try:
                from transformers import AutoTokenizer
            except ImportError:
                raise ModelError(
                    f"{folder} has no SentencePiece files; tokenizing it needs transformers"
                ) from None
            self.hf = AutoTokenizer.from_pretrained(str(folder))

    def encode(self, sentences: list[str]) -> list[list[str]]:
        if self.hf is not None:
            ids = self.hf(sentences, truncation=True, max_length=MAX_INPUT_TOKENS)["input_ids"]
            return [self.hf.convert_ids_to_tokens(row) for row in ids]
        rows = self.source.encode(sentences, out_type=str)
        # Marian appends </s> to every source sentence; keep the total within the limit.
        return [[*row[: MAX_INPUT_TOKENS - 1], "</s>"] for row in rows]

    def decode(self, tokens: list[str]) -> str:
        if self.hf is not None:
            ids = self.hf.convert_tokens_to_ids(tokens)
            return str(self.hf.decode(ids, skip_special_tokens=True)).strip()
        text: str = self.target.decode_pieces([t for t in tokens if t not in SPECIAL_TOKENS])
        return text.strip()


class Ct2Translator:
    """Translate with a CTranslate2 model (int8 on CPU, int8_float16 on CUDA)."""

    backend = "ctranslate2"

    def __init__(
        self,
        model: str,
        *,
        device: str = "auto",
        beam: int = 4,
        batch_size: int = DEFAULT_BATCH_SIZE,
        compute_type: str | None = None,
        revision: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.name = model
        self.requested_device = device
        self.device = device  # the device in use once loaded
        self.beam = beam
        self.batch_size = batch_size
        self.compute_type = setting("compute_type", compute_type, default="auto")
        self.revision = revision
        self.progress = progress
        self.model: Any = None  # a ctranslate2.Translator after the first translate()
        self.tokenizer: _Tokenizer | None = None

    def cache_identity(self) -> tuple[str, ...]:
        """The cache key's prefix: computed without importing ctranslate2 (warm-cache runs)."""
        rev = fingerprint(self.name, revision=self.revision)
        kind = f"{self.compute_type}@{self.requested_device}"
        return (self.name, rev, self.backend, kind, str(self.beam))

    def load(self) -> None:
        """Load the model now (otherwise the first translate() does)."""
        if self.model is not None:
            return
        try:
            import ctranslate2
        except ImportError:
            raise ModelError(FAST_HINT) from None
        device = self.requested_device
        cuda = ctranslate2.get_cuda_device_count() > 0
        if device == "auto":
            device = "cuda" if cuda else "cpu"
        elif device == "cuda" and not cuda:
            raise ModelError("--device cuda was asked for but CTranslate2 sees no GPU")
        compute = self.compute_type
        if compute == "auto":
            compute = "int8_float16" if device == "cuda" else "int8"
        folder = model_folder(self.name, revision=self.revision)
        self.tokenizer = _Tokenizer(folder)
        try:
            self.model = ctranslate2.Translator(
                str(folder),
                device=device,
                compute_type=compute,
                intra_threads=machine_threads(),
                inter_threads=1,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load CTranslate2 model {folder}: {exc}") from None
        self.device = device

    def repair(self, sentences: Sequence[str]) -> list[str]:
        """Translate again with settings that prevent loops (for the guard)."""
        return self.translate(sentences, strict=True)

    def translate(self, sentences: Sequence[str], *, strict: bool = False) -> list[str]:
        """English for each sentence, same length and order (`strict`: repair settings)."""
        if not sentences:
            return []
        self.load()
        beam = repair_beam(self.beam) if strict else self.beam
        settings = REPAIR_SETTINGS if strict else {}
        assert self.tokenizer is not None
        tokenizer = self.tokenizer
        tokens = tokenizer.encode(list(sentences))

        def batch(indices: list[int]) -> list[str]:
            rows = [tokens[i] for i in indices]
            cap = min(output_cap(max(len(r) for r in rows)), MAX_INPUT_TOKENS - 1)
            results = self.model.translate_batch(
                rows,
                beam_size=beam,
                max_decoding_length=cap,
                max_batch_size=self.batch_size,
                batch_type="examples",
                **settings,
            )
            return [tokenizer.decode(r.hypotheses[0]) for r in results]

        return run_batches(
            sentences,
            [len(r) for r in tokens],
            batch,
            batch_size=self.batch_size,
            progress=self.progress,
        )
