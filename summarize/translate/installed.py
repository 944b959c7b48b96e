"""What `summarize model info` shows: the models installed (the Hugging Face cache and our
CTranslate2 conversions), the translation libraries' versions, the device a run would use,
and the presets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

from .ct2_convert import ct2_root
from .families import MARKER, PRESETS, Preset

__all__ = ["InstalledModel", "StoreInfo", "info"]


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
    converted = ct2_root()
    if converted.is_dir():
        for path in sorted(converted.iterdir()):
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
