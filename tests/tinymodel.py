"""A tiny random-weight Marian model with a real SentencePiece tokenizer, built at test time.

The folder it writes has the files a published opus-mt model has (config.json, weights,
source.spm, target.spm, vocab.json, tokenizer_config.json), so tests load it through the
same `from_pretrained` path as the real model. Random weights make the English nonsense;
the tests check plumbing (order, counts, caps, caching), never quality.
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


def train_spm(spm_vocab_size: int, lines: Iterable[str] | None = None) -> bytes:
    """A unigram SentencePiece model trained on `lines` (default: the seed articles)."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines if lines is not None else _seed_lines()),
        model_writer=buf,
        vocab_size=spm_vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,  # the seeds are small; take what they support
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
        minloglevel=2,
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


TINY_CONFIG: dict[str, Any] = {
    "d_model": 32,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "share_encoder_decoder_embeddings": True,
    "static_position_embeddings": True,
    "scale_embedding": True,
    # Wide initial weights make the random output depend on the input, so tests can tell
    # sentences (and their order) apart; the default 0.02 gives one output for every input.
    "init_std": 0.5,
}


def build_tiny_model(dest: Path) -> Path:
    """A tiny (d_model 32, one layer each side, ~400-piece vocab) seeded Marian model."""
    return build_random_marian(dest, spm_vocab_size=400, config=TINY_CONFIG)


_built: dict[str, Path] = {}


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model's folder, built once per test session (even when several test
    modules import this fixture, each of which pytest would otherwise build anew)."""
    if "tiny" not in _built:
        # This runs before the function-scoped isolation fixtures, and huggingface_hub reads
        # HF_HUB_OFFLINE and HF_HOME once, on first import (which building triggers): set
        # them first, so no test can reach the hub or the user's own model cache.
        os.environ["HF_HUB_OFFLINE"] = os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ["HF_HOME"] = str(tmp_path_factory.mktemp("hf-home"))
        _built["tiny"] = build_tiny_model(tmp_path_factory.mktemp("tiny-model") / "opus-mt-tiny")
    return _built["tiny"]
