"""Named models (`--model nllb-600m`): hub id, family, pinned revision and licence.

A preset is a shorthand; any hub id or local folder still works as `--model`. Licences are
shown by `summarize model info`; a non-commercial one gets a warning there and on download.
Revisions follow "main" until a commit hash has been checked online (models/README.md says
how); the cache key and the conversion folder name use the commit actually downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .base import DEFAULT_MODEL

__all__ = ["PRESETS", "Preset", "preset_for", "resolve"]


@dataclass(frozen=True, slots=True)
class Preset:
    """A named translation model."""

    name: str
    model: str  # hub id
    family: str  # a key of families.FAMILIES
    licence: str
    commercial: bool  # whether the licence allows commercial use
    revision: str = "main"
    size: str = ""  # parameters, for the table `model info` prints


PRESETS = {
    p.name: p
    for p in (
        Preset("opus-mt", DEFAULT_MODEL, "bilingual", "CC-BY-4.0", True, size="74M"),
        Preset("nllb-600m", "facebook/nllb-200-distilled-600M", "nllb", "CC-BY-NC-4.0", False, size="600M"),
        Preset("nllb-3.3b", "facebook/nllb-200-3.3B", "nllb", "CC-BY-NC-4.0", False, size="3.3B"),
        Preset("m2m100-418m", "facebook/m2m100_418M", "m2m100", "MIT", True, size="418M"),
        Preset("madlad-3b", "google/madlad400-3b-mt", "madlad", "Apache-2.0", True, size="3B"),
    )
}


def resolve(model: str) -> str:
    """The hub id or folder `model` names: a preset's hub id, else `model` itself (a folder
    that happens to carry a preset's name wins: it is what the user pointed at)."""
    preset = PRESETS.get(model)
    return preset.model if preset and not Path(model).expanduser().exists() else model


def preset_for(model: str) -> Preset | None:
    """The preset of a preset name or of its hub id, if any."""
    return PRESETS.get(model) or next((p for p in PRESETS.values() if p.model == model), None)
