"""Test isolation: no test touches the user's cache, state or config, or a model hub."""

from __future__ import annotations

import os
from pathlib import Path

# huggingface_hub reads these once, when first imported: set them before any test can.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import pytest

from summarize import load_articles
from summarize.values import Article
from tests.tinymodel import tiny_model  # noqa: F401  (session fixture: a tiny random Marian model)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("SUMMARIZE_STATE_DIR", str(home / "state"))
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    for name in (
        "SUMMARIZE_MODEL",
        "SUMMARIZE_BACKEND",
        "SUMMARIZE_DEVICE",
        "SUMMARIZE_BEAM",
        "SUMMARIZE_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="module")
def seed_articles(seeds: Path) -> tuple[Article, ...]:
    return load_articles([seeds]).articles


@pytest.fixture(scope="module")
def mixed(seeds: Path) -> tuple[Article, ...]:
    """Seeds first (ids 1-5), then the four unrelated IndoSum articles of tests/data (ids 6-9)."""
    return load_articles([seeds, *sorted((ROOT / "tests" / "data").glob("*.txt"))]).articles
