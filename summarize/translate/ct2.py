"""The CTranslate2 backend: int8 inference, the fast CPU path, and the torch-free one.

`model` is a converted CTranslate2 folder, a hub repo already in CTranslate2 form, or a
transformers folder / hub id that is converted once into ``cache_dir()/ct2/<name>@<revision>``
(conversion needs torch and transformers) and reused from then on. Every supported family is
tokenized with SentencePiece directly, so translating never imports torch or transformers;
a folder without SentencePiece files falls back to a transformers tokenizer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .backend import ModelTranslator
from .base import MAX_INPUT_TOKENS, output_cap
from .ct2_convert import FAST_HINT, convert, ct2_path
from .families import SPM_FILES, Family, detect_family, frame, resolve, source_ids
from .store import is_ct2_folder, local_folder, looks_like_path

log = logging.getLogger("summarize.translate")

SPECIAL_TOKENS = frozenset({"</s>", "<pad>", "<unk>", "<s>"})


def model_folder(model: str, *, revision: str | None = None) -> Path:
    """The CTranslate2 folder for `model`, converting it (once) when needed."""
    model = resolve(model)
    folder = Path(model).expanduser()
    if is_ct2_folder(folder):
        return folder
    if not folder.is_dir() and not looks_like_path(model):
        # A hub repo already in CTranslate2 form is used as it is (downloaded if needed).
        snapshot = local_folder(model, revision=revision)
        if is_ct2_folder(snapshot):
            return snapshot
    target = ct2_path(model, revision=revision)
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
    """Source pieces in, target text out, in the model family's way: SentencePiece for every
    supported family (no torch, no transformers), a transformers tokenizer otherwise."""

    def __init__(self, folder: Path, family: Family) -> None:
        self.family = family
        self.hf: Any = None
        spm_files = [folder / n for n in SPM_FILES.get(family.name, ()) if (folder / n).is_file()]
        if (folder / "source.spm").is_file() and (folder / "target.spm").is_file():
            self.source = self._spm(folder / "source.spm")
            self.target = self._spm(folder / "target.spm")
        elif spm_files:
            self.source = self.target = self._spm(spm_files[0])
        else:
            try:
                from transformers import AutoTokenizer
            except ImportError:
                raise ModelError(
                    f"{folder} has no SentencePiece files; tokenizing it needs transformers: "
                    "pip install torch==2.13.0 && pip install 'summarize[fast]'"
                ) from None
            self.hf = AutoTokenizer.from_pretrained(str(folder))
            if family.source_lang:
                self.hf.src_lang = family.source_lang

    @staticmethod
    def _spm(path: Path) -> Any:
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=str(path))

    def encode(self, sentences: list[str]) -> list[list[str]]:
        family = self.family
        if self.hf is not None:
            ids = source_ids(self.hf, family, sentences, limit=MAX_INPUT_TOKENS)
            return [self.hf.convert_ids_to_tokens(row) for row in ids]
        # The family's lead token or tag first (one piece, never "▁" + tag), </s> last.
        rows = self.source.encode(list(sentences), out_type=str)
        return frame(rows, list(family.lead), "</s>", limit=MAX_INPUT_TOKENS)

    def target_prefix(self, n: int) -> list[list[str]] | None:
        """The forced first target token of each of `n` sentences, if the family has one."""
        token = self.family.target_token
        return [[token] for _ in range(n)] if token else None

    def decode(self, tokens: list[str]) -> str:
        family = self.family
        if family.target_token and tokens[:1] == [family.target_token]:
            tokens = tokens[1:]  # CTranslate2 returns the target prefix with the output
        tokens = [t for t in tokens if not family.is_tag(t)]
        if self.hf is not None:
            ids = self.hf.convert_tokens_to_ids(tokens)
            return str(self.hf.decode(ids, skip_special_tokens=True)).strip()
        sp = self.target
        unk = sp.unk_id()
        # Pieces the SentencePiece model does not know are special tokens of the model's
        # vocabulary (language codes, <mask>, fillers): transformers would skip them too.
        kept = [
            t
            for t in tokens
            if t not in SPECIAL_TOKENS and (family.name == "bilingual" or sp.piece_to_id(t) != unk)
        ]
        text: str = sp.decode_pieces(kept)
        return text.strip()


class Ct2Translator(ModelTranslator):
    """Translate with a CTranslate2 model (int8 on CPU, int8_float16 on CUDA)."""

    backend = "ctranslate2"
    tokenizer: _Tokenizer | None = None

    def _setup(self) -> str:
        return f"{self.compute_type}@{self.requested_device}"

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
        folder = model_folder(self.source, revision=self.revision)
        self.tokenizer = _Tokenizer(folder, detect_family(folder))
        try:
            self.model = ctranslate2.Translator(
                str(folder),
                device=device,
                compute_type=compute,
                intra_threads=self.threads,
                inter_threads=1,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load CTranslate2 model {folder}: {exc}") from None
        self.device = device

    def _translator(
        self, sentences: Sequence[str], beam: int, settings: dict[str, float | int]
    ) -> tuple[list[int], Callable[[list[int]], list[str]]]:
        assert self.tokenizer is not None
        tokenizer = self.tokenizer
        tokens = tokenizer.encode(list(sentences))

        def batch(indices: list[int]) -> list[str]:
            rows = [tokens[i] for i in indices]
            prefix = tokenizer.target_prefix(len(rows))
            # The forced language token counts towards the decoding length.
            cap = min(output_cap(max(len(r) for r in rows)) + bool(prefix), MAX_INPUT_TOKENS - 1)
            results = self.model.translate_batch(
                rows,
                target_prefix=prefix,
                beam_size=beam,
                max_decoding_length=cap,
                max_batch_size=self.batch_size,
                batch_type="examples",
                **settings,
            )
            return [tokenizer.decode(r.hypotheses[0]) for r in results]

        return [len(r) for r in tokens], batch
