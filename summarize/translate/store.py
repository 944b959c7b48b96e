"""Where translation models come from: download, CTranslate2 conversion, fingerprints, info.

A model is named by a preset (``nllb-600m``), a Hugging Face hub id
(``Helsinki-NLP/opus-mt-id-en``) or a local folder. Hub downloads live in the Hugging Face
cache; CTranslate2 conversions live in ``cache_dir()/ct2/<safe name>@<revision>``, so a
conversion of another revision (or of a changed folder) is never reused. Heavy libraries are
imported inside the functions using them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path
from typing import Any

from ..config import cache_dir
from ..errors import ModelError
from .base import DEFAULT_MODEL
from .families import FAMILIES, MARKER, PRESETS, Family, Preset, detect_family, preset_for, resolve

__all__ = [
    "DEFAULT_REVISION",
    "InstalledModel",
    "StoreInfo",
    "convert",
    "ct2_path",
    "download",
    "fingerprint",
    "info",
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
FINGERPRINT_FILES = ("config.json", "*.bin", "*.safetensors")
CT2_VOCABULARIES = (
    "shared_vocabulary.json",
    "shared_vocabulary.txt",
    "source_vocabulary.json",
    "source_vocabulary.txt",
)
INSTALL_HINT = "pip install torch==2.13.0 && pip install 'summarize[translate]'"
CONVERT_HINT = (
    "converting a model to CTranslate2 needs torch and transformers: "
    "pip install torch==2.13.0 && pip install 'summarize[fast]' (or pass --model with a folder or "
    "hub repo already in CTranslate2 form)"
)
FAST_HINT = "the ctranslate2 backend needs ctranslate2: pip install 'summarize[ct2]'"


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


def safe_name(model: str) -> str:
    """A folder name for `model`; local folders get a hash of their path so two folders
    with the same name never share a conversion."""
    folder = Path(model).expanduser()
    if folder.is_dir():
        tag = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:8]
        return f"{re.sub(r'[^A-Za-z0-9._-]+', '-', folder.resolve().name)}-{tag}"
    return re.sub(r"[^A-Za-z0-9._-]+", "--", model)


def ct2_path(model: str, *, revision: str | None = None) -> Path:
    """Where the automatic CTranslate2 conversion of `model` at its current revision lives:
    ``<safe name>@<commit>`` for a hub model, ``<name>-<path hash>@<files hash>`` for a
    folder, so a new revision or changed weights get a conversion of their own."""
    model = resolve(model)
    stamp = fingerprint(model, revision=revision).split(":", 1)[-1]
    return cache_dir() / "ct2" / f"{safe_name(model)}@{re.sub(r'[^A-Za-z0-9._-]+', '-', stamp)[:16]}"


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


def quiet_transformers() -> None:
    """No weight-loading progress bars: they would interleave with our own output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return
    hf_logging.disable_progress_bar()


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """A model found on disk."""

    name: str
    path: Path
    size: int  # bytes
    kind: str  # "hub cache" or "ctranslate2"
    revision: str = ""  # commit(s) in the hub cache; the source's revision for a conversion
    source: str = ""  # for a conversion: the model it was converted from


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """What `summarize model info` shows."""

    models: tuple[InstalledModel, ...]
    libraries: dict[str, str | None]  # name -> installed version, None when missing
    device: str
    presets: tuple[Preset, ...] = ()


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _device() -> str:
    """The accelerator a run would use, asking the lightest installed library."""
    if util.find_spec("ctranslate2") is not None:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    if util.find_spec("torch") is not None:
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    return "cpu"


def info() -> StoreInfo:
    """Installed models (hub cache and our CTranslate2 folder), libraries, and the device."""
    models: list[InstalledModel] = []
    if util.find_spec("huggingface_hub") is not None:
        from huggingface_hub import constants, scan_cache_dir
        from huggingface_hub.errors import CacheNotFound

        try:
            # The cache folder as set now (tests and HF_HOME may move it after import).
            scanned = scan_cache_dir(constants.HF_HUB_CACHE)
        except CacheNotFound:
            scanned = None
        for repo in scanned.repos if scanned else ():
            if repo.repo_type == "model":
                commits = ",".join(sorted(r.commit_hash for r in repo.revisions))
                models.append(
                    InstalledModel(repo.repo_id, repo.repo_path, repo.size_on_disk, "hub cache", commits)
                )
    ct2_root = cache_dir() / "ct2"
    if ct2_root.is_dir():
        for path in sorted(ct2_root.iterdir()):
            if path.is_dir() and not path.name.startswith("."):
                try:
                    marker = json.loads((path / MARKER).read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    marker = {}  # converted by an older version: no record of its source
                source = str(marker.get("source", "")) if isinstance(marker, dict) else ""
                revision = str(marker.get("revision", "")) if isinstance(marker, dict) else ""
                size = _folder_size(path)
                models.append(InstalledModel(path.name, path, size, "ctranslate2", revision, source))
    libraries = {
        name: _version(name)
        for name in ("torch", "transformers", "ctranslate2", "sentencepiece", "huggingface_hub")
    }
    return StoreInfo(tuple(models), libraries, _device(), tuple(PRESETS.values()))
