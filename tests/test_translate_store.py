"""Model store: fingerprints, hub-cache lookup, offline errors, conversion and info."""

from __future__ import annotations

import os
from pathlib import Path

import huggingface_hub.constants
import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.errors import ModelError
from summarize.translate import ct2_convert, installed
from summarize.translate import store as modelstore


@pytest.fixture
def hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugging Face cache of our own (huggingface_hub fixes its path at import)."""
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    return tmp_path / "hub"


def _fake_snapshot(hub: Path, repo: str, commit: str) -> Path:
    root = hub / ("models--" + repo.replace("/", "--"))
    (root / "refs").mkdir(parents=True)
    (root / "refs" / "main").write_text(commit)
    snapshot = root / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}")
    return snapshot


def test_fingerprint_of_a_hub_model(hub_cache: Path) -> None:
    assert modelstore.fingerprint("org/model") == "rev:main"  # not downloaded yet
    assert modelstore.fingerprint("org/model", revision="v2") == "rev:v2"
    snapshot = _fake_snapshot(hub_cache, "org/model", "0123abcd")
    assert modelstore.fingerprint("org/model") == "commit:0123abcd"
    assert modelstore.local_folder("org/model") == snapshot


def test_fingerprint_of_a_folder_follows_its_weights(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "model.safetensors").write_bytes(b"x" * 10)
    first = modelstore.fingerprint(str(tmp_path))
    assert first.startswith("files:")
    assert modelstore.fingerprint(str(tmp_path)) == first
    (tmp_path / "model.safetensors").write_bytes(b"y" * 11)
    assert modelstore.fingerprint(str(tmp_path)) != first


@pytest.mark.parametrize(
    ("model", "hint"),
    [
        ("Helsinki-NLP/opus-mt-xx-yy", "summarize model download Helsinki-NLP/opus-mt-xx-yy"),
        ("./models/missing", "does not exist"),
    ],
)
def test_unavailable_models_are_one_line_errors(hub_cache: Path, model: str, hint: str) -> None:
    with pytest.raises(ModelError) as err:
        modelstore.local_folder(model)
    assert hint in str(err.value)
    assert "--model DIR" in str(err.value)
    assert "\n" not in str(err.value)


def test_download_offline_is_a_one_line_error(hub_cache: Path) -> None:
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    with pytest.raises(ModelError) as err:
        modelstore.download("Helsinki-NLP/opus-mt-id-en")
    assert str(err.value).startswith("cannot download 'Helsinki-NLP/opus-mt-id-en'")
    assert "\n" not in str(err.value)
    result = CliRunner().invoke(app, ["model", "download"])
    assert result.exit_code == 1
    assert result.stderr.startswith("summarize: error: cannot download")


def test_convert_copies_the_tokenizer(tiny_model: Path, tmp_path: Path) -> None:
    out = ct2_convert.convert(str(tiny_model), tmp_path / "ct2", quantization="int8")
    assert modelstore.is_ct2_folder(out)
    assert not modelstore.is_ct2_folder(tiny_model)
    names = {p.name for p in out.iterdir()}
    assert {"model.bin", "source.spm", "target.spm", "vocab.json"} <= names
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_model_info_lists_conversions_and_libraries(tiny_model: Path, hub_cache: Path) -> None:
    runner = CliRunner()
    converted = runner.invoke(app, ["model", "convert", str(tiny_model)])
    assert converted.exit_code == 0, converted.output
    store = installed.info()
    assert [m.kind for m in store.models] == ["ctranslate2"]
    assert store.models[0].path == ct2_convert.ct2_path(str(tiny_model))
    assert store.libraries["ctranslate2"] and store.libraries["torch"]
    assert store.device in ("cpu", "cuda")
    shown = runner.invoke(app, ["model", "info"])
    assert shown.exit_code == 0
    assert "[ctranslate2]" in shown.stdout and "device:" in shown.stdout
