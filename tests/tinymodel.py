"""Tiny random-weight translation models with real SentencePiece tokenizers, built at test time.

One per model family `summarize` supports: Marian (opus-mt), NLLB-200 and M2M100 (both
M2M100ForConditionalGeneration, with NllbTokenizer / M2M100Tokenizer) and T5 (MADLAD-400).
Each folder has the files its published model has (config.json, weights, the SentencePiece
model and tokenizer files), so tests load it through the same `from_pretrained` path as the
real model. Random weights make the English nonsense; the tests check plumbing (order,
counts, caps, caching, language steering), never quality.
"""

from __future__ import annotations

import io
import json
import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).parents[1] / "seeds"
# Marian's layout: </s> is id 0, <unk> id 1, <pad> the last id (also the decoder start).
SPECIALS = ("</s>", "<unk>")


def _seed_lines() -> Iterator[str]:
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield line.strip()


def train_spm(spm_vocab_size: int, lines: Iterable[str] | None = None, **options: Any) -> bytes:
    """A SentencePiece model trained on `lines` (default: the seed articles); Marian's
    special ids unless `options` (model_type, unk_id, ...) say otherwise."""
    import sentencepiece as spm

    settings: dict[str, Any] = {"model_type": "unigram", "unk_id": 1, "eos_id": 0, "bos_id": -1, "pad_id": -1}
    settings.update(options)
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines if lines is not None else _seed_lines()),
        model_writer=buf,
        vocab_size=spm_vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,  # the seeds are small; take what they support
        minloglevel=2,
        **settings,
    )
    return buf.getvalue()


def build_random_marian(
    dest: Path,
    *,
    spm_vocab_size: int,
    config: dict[str, Any],
    vocab_size: int | None = None,
    seed: int = 0,
    lines: Iterable[str] | None = None,
) -> Path:
    """Write a random-weight MarianMTModel and its MarianTokenizer files to `dest`.

    `vocab_size` pads vocab.json with never-produced-by-spm dummy pieces up to that size,
    so the embedding and output projection cost what the real model's do.
    """
    import sentencepiece as spm
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    dest.mkdir(parents=True, exist_ok=True)
    proto = train_spm(spm_vocab_size, lines)
    for name in ("source.spm", "target.spm"):
        (dest / name).write_bytes(proto)
    sp = spm.SentencePieceProcessor(model_proto=proto)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = list(SPECIALS) + [p for p in pieces if p not in SPECIALS]
    if vocab_size is not None:
        vocab += [f"<dummy{i}>" for i in range(vocab_size - 1 - len(vocab))]
    vocab.append("<pad>")
    (dest / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(vocab)}), "utf-8")

    pad = len(vocab) - 1
    fields = {k: v for k, v in config.items() if not k.startswith("_")}
    fields.update(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        bos_token_id=0,
        forced_eos_token_id=0,
    )
    # Generation settings live in generation_config.json in transformers 5, not config.json.
    gen = {k: fields.pop(k) for k in ("bad_words_ids", "num_beams", "max_length") if k in fields}
    torch.manual_seed(seed)
    model = MarianMTModel(MarianConfig(**fields)).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad,
        eos_token_id=0,
        pad_token_id=pad,
        forced_eos_token_id=0,
        bad_words_ids=gen.get("bad_words_ids", [[pad]]),
        num_beams=gen.get("num_beams", 4),
        max_length=gen.get("max_length", 512),
    )
    model.save_pretrained(dest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Recommended: pip install sacremoses."
        tokenizer = MarianTokenizer(
            source_spm=str(dest / "source.spm"),
            target_spm=str(dest / "target.spm"),
            vocab=str(dest / "vocab.json"),
            source_lang="id",
            target_lang="en",
        )
    tokenizer.save_pretrained(dest)
    return dest


# The tiny encoder-decoder shape every test model shares (Marian, M2M100, NLLB).
_TINY_SHAPE: dict[str, Any] = {
    "d_model": 32,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "max_position_embeddings": 512,
    "scale_embedding": True,
    # Wide initial weights make the random output depend on the input, so tests can tell
    # sentences (and their order) apart; the default 0.02 gives one output for every input.
    "init_std": 0.5,
}

TINY_CONFIG: dict[str, Any] = {
    **_TINY_SHAPE,
    "activation_function": "swish",
    "share_encoder_decoder_embeddings": True,
    "static_position_embeddings": True,
}


def build_tiny_model(dest: Path) -> Path:
    """A tiny (d_model 32, one layer each side, ~400-piece vocab) seeded Marian model."""
    return build_random_marian(dest, spm_vocab_size=400, config=TINY_CONFIG)


# The encoder-decoder shape shared by the tiny M2M100 and NLLB models (both are
# M2M100ForConditionalGeneration; only the tokenizer differs).
TINY_M2M100: dict[str, Any] = dict(_TINY_SHAPE)


def _save_m2m100(dest: Path, tokenizer: Any, seed: int, vocab_size: int) -> Path:
    import torch
    from transformers import GenerationConfig, M2M100Config, M2M100ForConditionalGeneration

    # fairseq's layout, as both published models have it: <s> 0, <pad> 1, </s> 2, <unk> 3.
    ids = {"pad_token_id": 1, "bos_token_id": 0, "eos_token_id": 2, "decoder_start_token_id": 2}
    torch.manual_seed(seed)
    config = M2M100Config(vocab_size=vocab_size, **TINY_M2M100, **ids)
    model = M2M100ForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(**ids, num_beams=4, max_length=200)
    model.save_pretrained(dest)
    tokenizer.save_pretrained(dest)
    return dest


def build_tiny_nllb(dest: Path, *, seed: int = 0) -> Path:
    """A tiny NLLB-200-shaped model: M2M100 weights, NllbTokenizer with the 200 language
    codes, and the BPE `sentencepiece.bpe.model` the published repo ships."""
    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    dest.mkdir(parents=True, exist_ok=True)
    spm_model = train_spm(400, model_type="bpe", unk_id=0, bos_id=1, eos_id=2)
    (dest / "sentencepiece.bpe.model").write_bytes(spm_model)
    tokenizer = NllbTokenizer.from_pretrained(
        str(dest), extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES), src_lang="ind_Latn"
    )
    return _save_m2m100(dest, tokenizer, seed, len(tokenizer))


def build_tiny_m2m100(dest: Path, *, seed: int = 0) -> Path:
    """A tiny M2M100-shaped model: M2M100Tokenizer (vocab.json + sentencepiece.bpe.model,
    language tokens such as __id__ and __en__ after the vocabulary)."""
    import sentencepiece as spm
    from transformers import M2M100Tokenizer

    dest.mkdir(parents=True, exist_ok=True)
    spm_model = train_spm(400, model_type="bpe", unk_id=0, bos_id=1, eos_id=2)
    (dest / "sentencepiece.bpe.model").write_bytes(spm_model)
    sp = spm.SentencePieceProcessor(model_proto=spm_model)
    vocab = ["<s>", "<pad>", "</s>", "<unk>"]
    vocab += [p for p in (sp.id_to_piece(i) for i in range(sp.get_piece_size())) if p not in vocab]
    (dest / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(vocab)}), "utf-8")
    tokenizer = M2M100Tokenizer(
        vocab_file=str(dest / "vocab.json"),
        spm_file=str(dest / "sentencepiece.bpe.model"),
        src_lang="id",
        tgt_lang="en",
    )
    # As in the published tokenizer_config.json: the language tokens are special tokens.
    tokenizer.add_special_tokens(
        {"additional_special_tokens": list(tokenizer.lang_token_to_id)}, replace_extra_special_tokens=False
    )
    # The language tokens and fairseq's "madeupword" fillers come after the vocabulary.
    size = len(vocab) + len(tokenizer.lang_token_to_id) + tokenizer.num_madeup_words
    return _save_m2m100(dest, tokenizer, seed, size)


def build_tiny_t5(dest: Path, *, seed: int = 0) -> Path:
    """A tiny MADLAD-400-shaped model: T5ForConditionalGeneration and a T5 SentencePiece
    model (`spiece.model`) holding the target tags <2en> and <2id> as single pieces."""
    import torch
    from transformers import GenerationConfig, T5Config, T5ForConditionalGeneration, T5Tokenizer

    dest.mkdir(parents=True, exist_ok=True)
    spm_model = train_spm(
        400, unk_id=2, eos_id=1, pad_id=0, bos_id=-1, user_defined_symbols=["<2en>", "<2id>"]
    )
    (dest / "spiece.model").write_bytes(spm_model)
    tokenizer = T5Tokenizer.from_pretrained(str(dest), extra_ids=0)
    ids = {"pad_token_id": 0, "eos_token_id": 1, "decoder_start_token_id": 0}
    torch.manual_seed(seed)
    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=32,
        d_kv=16,
        d_ff=64,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        feed_forward_proj="gated-gelu",  # MADLAD-400's feed-forward
        tie_word_embeddings=False,
        initializer_factor=8.0,  # wide weights: outputs that depend on the input
        **ids,
    )
    model = T5ForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(**ids, num_beams=4, max_length=200)
    model.save_pretrained(dest)
    tokenizer.save_pretrained(dest)
    return dest


BUILDERS = {
    "marian": build_tiny_model,
    "nllb": build_tiny_nllb,
    "m2m100": build_tiny_m2m100,
    "madlad": build_tiny_t5,
}
_built: dict[str, Path] = {}


def tiny(family: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model of `family`, built once per test session (even when several test
    modules ask for it, each of which pytest would otherwise build anew)."""
    if family not in _built:
        # This runs before the function-scoped isolation fixtures, and huggingface_hub reads
        # HF_HUB_OFFLINE and HF_HOME once, on first import (which building triggers): set
        # them first, so no test can reach the hub or the user's own model cache.
        os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HOME", str(tmp_path_factory.mktemp("hf-home")))
        folder = tmp_path_factory.mktemp(f"tiny-{family}") / f"{family}-tiny"
        _built[family] = BUILDERS[family](folder)
    return _built[family]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny Marian (opus-mt-shaped) model's folder."""
    return tiny("marian", tmp_path_factory)
