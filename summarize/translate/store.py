"""Where translation models come from, and what identifies one without loading it.

A model is named by a preset (``nllb-600m``), a Hugging Face hub id
(``Helsinki-NLP/opus-mt-id-en``) or a local folder. `local_folder` finds the folder that holds
it: the folder itself, or its snapshot in the Hugging Face cache (downloaded only when online
and not cached); `download` fetches a hub model. A model's fingerprint, its family and whether
its folder is already in CTranslate2 form are read from its files, never by loading the
weights. Heavy libraries are imported inside the functions using them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from ..errors import ModelError
from .base import DEFAULT_MODEL
from .families import FAMILIES, PRESETS, Family, detect_family, preset_for, resolve

__all__ = [
    "DEFAULT_REVISION",
    "download",
    "fingerprint",
    "is_ct2_folder",
    "local_folder",
    "model_family",
    "unavailable",
]

log = logging.getLogger("summarize.translate")

# The hub revision `summarize model download` fetches for the default model. It should be
# the commit hash of Helsinki-NLP/opus-mt-id-en that the project was checked against; the
# hash could not be looked up on the offline build machines, so it follows "main" until a
# maintainer pins it (see models/README.md). Every preset carries its own revision.
DEFAULT_REVISION = PRESETS["opus-mt"].revision
REVISIONS = {p.model: p.revision for p in PRESETS.values()}

# What a model folder may hold that a run needs: configs, tokenizers, and weights in one of
# three forms. Other frameworks' weights (TensorFlow, Flax, ONNX, GGUF) are never fetched.
CONFIG_PATTERNS = ("*.json", "*.spm", "*.model", "*.txt")
WEIGHT_FORMS = (
    ("safetensors", ("*.safetensors",)),  # one file or shards + model.safetensors.index.json
    ("ctranslate2", ("model.bin",)),  # a repo already converted to CTranslate2
    ("pytorch", ("pytorch_model*.bin",)),  # older repos: one file or shards
)
# Used when the repo's file list cannot be asked for (offline: only the cache is read).
MODEL_FILES = [*CONFIG_PATTERNS, "*.safetensors", "model.bin", "pytorch_model*.bin"]
FINGERPRINT_FILES = ("config.json", "*.bin", "*.safetensors")
CT2_VOCABULARIES = (
    "shared_vocabulary.json",
    "shared_vocabulary.txt",
    "source_vocabulary.json",
    "source_vocabulary.txt",
)


class HubUnreachable(ModelError):
    """The hub could not be reached and the model is not in the local cache."""


class ModelUnavailable(ModelError):
    """The model is neither a local folder nor in the hub cache. The message ends with the way
    around it (skip translation), which a command that only translates leaves out."""

    SKIP = "; or skip translation (--no-translate; translator=None in Python)"

    def __init__(self, problem: str) -> None:
        super().__init__(problem + self.SKIP)
        self.problem = problem


def unavailable(model: str) -> ModelUnavailable:
    """The one-line error for a model that is neither a local folder nor in the hub cache."""
    if looks_like_path(model):
        return ModelUnavailable(
            f"model folder '{model}' does not exist or holds no model; give a model folder or a hub "
            f"id such as {DEFAULT_MODEL} (--model DIR|ID; model= in Python)"
        )
    return ModelUnavailable(
        f"model '{model}' is not available offline; download it while online (`summarize model "
        f"download {model}`), or use a local model folder (--model DIR; model= in Python)"
    )


def hub_offline() -> bool:
    """HF_HUB_OFFLINE as set now (huggingface_hub itself reads it only once, at import).

    Read here, not passed in: it is the hub library's own switch, not one of ours, and the
    hub obeys it in every call whatever we pass; this only keeps our messages in step."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def looks_like_path(model: str) -> bool:
    """A hub id is 'name' or 'org/name'; anything else (./x, /x, ~/x, a/b/c) is a path."""
    return (
        model.startswith((".", "/", "~"))
        or model.count("/") > 1
        or "\\" in model
        or Path(model).expanduser().exists()
    )


def is_ct2_folder(path: Path) -> bool:
    """A converted CTranslate2 model folder: model.bin beside a CTranslate2 vocabulary."""
    return (path / "model.bin").is_file() and any((path / v).is_file() for v in CT2_VOCABULARIES)


def choose_files(names: list[str]) -> list[str]:
    """The files of a hub repo to download: configs and tokenizers at its top level, and the
    weights in the first form it has (safetensors, CTranslate2 `model.bin`, PyTorch `.bin`),
    shards included; never two copies of the same weights."""
    from fnmatch import fnmatch

    top = [n for n in names if "/" not in n]
    wanted = [n for n in top if any(fnmatch(n, p) for p in CONFIG_PATTERNS)]
    for _form, patterns in WEIGHT_FORMS:
        weights = [n for n in top if any(fnmatch(n, p) for p in patterns)]
        if weights:
            return sorted({*wanted, *weights})
    return sorted(wanted)


def _revision(model: str, revision: str | None) -> str:
    """The revision asked for, else the pinned one for a preset model, else main."""
    return revision or REVISIONS.get(model) or "main"


def _hub_snapshot(model: str, revision: str | None) -> Path | None:
    """The locally cached snapshot folder of a hub model, without any network access."""
    from huggingface_hub.constants import HF_HUB_CACHE

    repo = Path(HF_HUB_CACHE) / ("models--" + model.replace("/", "--"))
    ref = _revision(model, revision)
    commit = ref  # a commit hash is its own snapshot folder name
    ref_file = repo / "refs" / ref
    if ref_file.is_file():
        commit = ref_file.read_text(encoding="utf-8").strip()
    snapshot = repo / "snapshots" / commit
    return snapshot if snapshot.is_dir() else None


def fingerprint(model: str, *, revision: str | None = None) -> str:
    """What identifies the model's weights, cheaply and without loading them.

    A local folder: names, sizes and modification times of its config and weight files.
    A hub id: the cached snapshot's commit hash (or the requested revision before download).
    """
    model = resolve(model)
    folder = Path(model).expanduser()
    if not folder.is_dir():
        snapshot = _hub_snapshot(model, revision)
        if snapshot is None:
            return f"rev:{_revision(model, revision)}"
        # Snapshot folders are named by commit: that alone identifies the weights.
        return f"commit:{snapshot.name}"
    digest = hashlib.sha256()
    for pattern in FINGERPRINT_FILES:
        for path in sorted(folder.glob(pattern)):
            st = path.stat()
            digest.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return "files:" + digest.hexdigest()[:16]


def local_folder(model: str, *, revision: str | None = None) -> Path:
    """A local folder holding `model`: the folder itself, or its hub snapshot (downloading
    it only when online and not cached). Raises ModelError when it cannot be had."""
    model = resolve(model)
    folder = Path(model).expanduser()
    if folder.is_dir():
        return folder
    if looks_like_path(model):
        raise unavailable(model)
    snapshot = _hub_snapshot(model, revision)
    if snapshot is not None:
        return snapshot
    if hub_offline():
        raise unavailable(model)
    try:
        return download(model, revision=revision)
    except HubUnreachable:
        raise unavailable(model) from None


def download(model: str, *, revision: str | None = None) -> Path:
    """Download a hub model (weights, config, tokenizer) into the Hugging Face cache."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    model = resolve(model)
    revision = _revision(model, revision)
    try:
        patterns = MODEL_FILES
        if not hub_offline():
            # Ask what the repo holds, so shards come with their index and only one form of
            # the weights is fetched (a repo may carry safetensors and .bin copies).
            patterns = choose_files(_repo_files(model, revision)) or MODEL_FILES
        path = snapshot_download(
            model, revision=revision, allow_patterns=patterns, local_files_only=hub_offline()
        )
        return Path(str(path))
    except LocalEntryNotFoundError:
        # Raised when the hub cannot be reached (or HF_HUB_OFFLINE=1) and nothing is cached.
        raise HubUnreachable(
            f"cannot download '{model}': the Hugging Face hub cannot be reached (offline, or "
            "HF_HUB_OFFLINE=1); run this again while online, or copy a model folder here "
            "and pass --model DIR"
        ) from None
    except (OSError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(
            f"cannot download '{model}' (revision {revision}): {detail}; "
            "check the network, or copy a model folder here and pass --model DIR"
        ) from None


def _repo_files(model: str, revision: str) -> list[str]:
    """The file names of a hub repo at `revision` (needs the network).

    From the model's info, one request: `list_repo_files` pages through the repo tree with
    retries, which offline meant six logged tracebacks and half a minute before the one-line
    error (seen in a fresh venv, following the README as a new user)."""
    from huggingface_hub import HfApi

    try:
        return [s.rfilename for s in HfApi().model_info(model, revision=revision).siblings or ()]
    except Exception as exc:  # httpx and hub errors share no narrower base class
        # The download below meets the same trouble and reports it in one line.
        log.debug("cannot list the files of %s: %s", model, exc)
        return []


def model_family(model: str, *, revision: str | None = None) -> Family | None:
    """The family of `model` read from its files when they are on disk, else from its preset;
    None when neither tells (a hub model not downloaded yet). Never downloads."""
    model = resolve(model)
    folder = Path(model).expanduser()
    if not folder.is_dir() and not looks_like_path(model):
        folder = _hub_snapshot(model, revision) or folder
    if folder.is_dir():
        return detect_family(folder)
    preset = preset_for(model)
    return FAMILIES[preset.family] if preset else None
