"""CTranslate2 conversions: where the conversion of a model lives, and making one.

A transformers model (hub id or folder) is converted once into
``cache_dir()/ct2/<safe name>@<revision>``, so a conversion of another revision (or of a
changed folder) is never reused; a marker beside it records its family and its source model
and revision. Converting needs torch and transformers, imported inside the functions using them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

from ..config import cache_dir
from ..errors import ModelError
from .families import MARKER, detect_family, resolve
from .marian import quiet_transformers
from .store import fingerprint, is_ct2_folder, local_folder

__all__ = ["convert", "ct2_path"]

# Copied from the source beside a conversion, so it stands alone.
TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "target_vocab.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "tokenizer.json",
    "sentencepiece.bpe.model",
    "sentencepiece.model",
    "spiece.model",
    "added_tokens.json",
    "vocab.txt",
)
CONVERT_HINT = (
    "converting a model to CTranslate2 needs torch and transformers: "
    "pip install torch==2.13.0 && pip install 'summarize[fast]' (or pass --model with a folder or "
    "hub repo already in CTranslate2 form)"
)
FAST_HINT = "the ctranslate2 backend needs ctranslate2: pip install 'summarize[ct2]'"


def safe_name(model: str) -> str:
    """A folder name for `model`; local folders get a hash of their path so two folders
    with the same name never share a conversion."""
    folder = Path(model).expanduser()
    if folder.is_dir():
        tag = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]
        return f"{re.sub(r'[^A-Za-z0-9._-]+', '-', folder.resolve().name)}-{tag}"
    return re.sub(r"[^A-Za-z0-9._-]+", "--", model)


def ct2_root() -> Path:
    """The folder every automatic CTranslate2 conversion lives in, one folder each."""
    return cache_dir() / "ct2"


def ct2_path(model: str, *, revision: str | None = None) -> Path:
    """Where the automatic CTranslate2 conversion of `model` at its current revision lives:
    ``<safe name>@<commit>`` for a hub model, ``<name>-<path hash>@<files hash>`` for a
    folder, so a new revision or changed weights get a conversion of their own."""
    model = resolve(model)
    stamp = fingerprint(model, revision=revision).split(":", 1)[-1]
    return ct2_root() / f"{safe_name(model)}@{re.sub(r'[^A-Za-z0-9._-]+', '-', stamp)[:16]}"


def _converter() -> Any:
    """CTranslate2's TransformersConverter, or a ModelError saying what to install."""
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelError(FAST_HINT) from None
    try:
        # Asked for here: without them the converter fails later with a NameError.
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        raise ModelError(CONVERT_HINT) from None
    return TransformersConverter


def _mark(folder: Path, source: Path, model: str, revision: str | None, quantization: str) -> None:
    """What a converted folder is, for the ctranslate2 backend and `model info`: its family
    (the CTranslate2 files do not say) and the source model and revision."""
    marker = {
        "family": detect_family(source).name,
        "source": model,
        "revision": fingerprint(model, revision=revision),
        "quantization": quantization,
    }
    (folder / MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")


def convert(
    model: str,
    output: Path | None = None,
    *,
    quantization: str = "int8",
    revision: str | None = None,
) -> Path:
    """Convert a transformers model (hub id or folder) into a CTranslate2 folder.

    Writes into a temporary sibling and renames it into place, so a concurrent run never
    sees half a model; the tokenizer files are copied alongside so the result stands alone.
    """
    converter = _converter()
    model = resolve(model)
    source = local_folder(model, revision=revision)
    if is_ct2_folder(source):
        raise ModelError(
            f"'{model}' is already a CTranslate2 model; use it as --model with --backend ctranslate2"
        )
    quiet_transformers()
    output = (output or ct2_path(model, revision=revision)).expanduser()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # "pip install sacremoses"
                converter(str(source)).convert(str(tmp / "model"), quantization=quantization, force=True)
        except ImportError:
            raise ModelError(CONVERT_HINT) from None
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot convert '{model}': {str(exc).splitlines()[0]}") from None
        for name in TOKENIZER_FILES:
            if (source / name).is_file():
                shutil.copyfile(source / name, tmp / "model" / name)
        _mark(tmp / "model", source, model, revision, quantization)
        if output.exists():
            shutil.rmtree(output)
        os.replace(tmp / "model", output)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return output
