"""Many-to-many models (NLLB, M2M100, MADLAD/T5) on both backends, presets, and the
platform paths of translation, on tiny random-weight models built at test time."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import huggingface_hub.constants
import pytest
from typer.testing import CliRunner

from summarize import parallel
from summarize.cli import app
from summarize.errors import ModelError
from summarize.translate import ct2 as ct2_backend
from summarize.translate import ct2_convert, installed, load_translator
from summarize.translate import store as modelstore
from summarize.translate.families import FAMILIES, MARKER, PRESETS, detect_family, frame, resolve
from tests.tinymodel import tiny

SENTENCES = [
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.",
    "Banjir melanda Jakarta.",
    "Harga beras naik menjelang hari raya, kata pedagang di pasar induk.",
    "Polisi menangkap dua tersangka.",
]
# Every family's language tags, whichever model produced the text.
ANY_TAG = re.compile(r"[a-z]{3}_[A-Z][a-z]{3}|__[a-z]{2,3}__|<2[A-Za-z_-]+>")
BACKENDS = ["transformers", "ctranslate2"]


@pytest.fixture(autouse=True)
def _one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_THREADS", "1")


@pytest.fixture(scope="session", params=["nllb", "m2m100", "madlad"])
def tiny_many(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """(family, folder) of each tiny many-to-many model in turn, built once per session."""
    family = str(request.param)
    return family, tiny(family, tmp_path_factory)


_converted: dict[str, Path] = {}


@pytest.fixture
def converted(tiny_many: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The int8 CTranslate2 conversion of the tiny model of this family (once per session)."""
    family, folder = tiny_many
    if family not in _converted:
        out = tmp_path_factory.mktemp(f"ct2-{family}") / f"{family}-ct2"
        _converted[family] = ct2_convert.convert(str(folder), out, quantization="int8")
    return _converted[family]


def test_the_family_is_read_from_the_model_files(tiny_many: tuple[str, Path], converted: Path) -> None:
    family, folder = tiny_many
    assert detect_family(folder).name == family
    assert detect_family(converted).name == family  # from the marker conversion writes
    marker = json.loads((converted / MARKER).read_text())
    assert marker["family"] == family and marker["source"] == str(folder)
    assert marker["revision"].startswith("files:")
    # A CTranslate2 folder converted elsewhere (no marker) is still recognised by its files.
    (converted / MARKER).rename(converted.with_name("marker.json"))
    try:
        assert detect_family(converted).name == family
    finally:
        converted.with_name("marker.json").rename(converted / MARKER)


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_english_sentence_per_source_sentence_and_no_tags(
    tiny_many: tuple[str, Path], converted: Path, backend: str
) -> None:
    _family, folder = tiny_many
    model = str(converted if backend == "ctranslate2" else folder)
    tr = load_translator(model, backend=backend, cache=False, beam=2)
    tr.batch_size = 2  # type: ignore[attr-defined]
    out = tr.translate(SENTENCES)
    assert len(out) == len(SENTENCES)
    assert len(set(out)) > 1  # the output depends on the input
    assert not [s for s in out if ANY_TAG.search(s)]  # no language tag reaches the reader
    order = [3, 0, 2, 1]
    assert tr.translate([SENTENCES[i] for i in order]) == [out[i] for i in order]


def test_transformers_forces_the_target_language(tiny_many: tuple[str, Path]) -> None:
    family_name, folder = tiny_many
    family = FAMILIES[family_name]
    tr: Any = load_translator(str(folder), cache=False, beam=2)
    tr.load()
    seen: list[tuple[list[str], list[int], dict[str, Any]]] = []
    generate = tr.model.generate

    def spy(**kwargs: Any) -> Any:
        out = generate(**kwargs)
        first_source = tr.tokenizer.convert_ids_to_tokens(kwargs["input_ids"][0].tolist())
        seen.append((first_source, out[:, 1].tolist(), kwargs))
        return out

    tr.model.generate = spy
    try:
        out = tr.translate(SENTENCES)
    finally:
        del tr.model.generate
    assert seen
    for source, second, kwargs in seen:
        if family.target_token:
            target = tr.tokenizer.convert_tokens_to_ids(family.target_token)
            assert kwargs["forced_bos_token_id"] == target
            assert set(second) == {target}  # every output's first real token is the target language
            assert source[0] == family.source_token  # the source language leads the input
        else:
            assert "forced_bos_token_id" not in kwargs
            assert source[0] == "<2en>"  # MADLAD: the tag leads the input
    assert not [s for s in out if ANY_TAG.search(s)]


def test_ctranslate2_forces_the_target_language_and_strips_it(
    tiny_many: tuple[str, Path], converted: Path
) -> None:
    family = FAMILIES[tiny_many[0]]
    tr: Any = load_translator(str(converted), backend="ctranslate2", cache=False, beam=2)
    tr.load()
    calls: list[tuple[list[list[str]], Any, Any]] = []
    real = tr.model

    class Spy:
        def translate_batch(self, rows: list[list[str]], **kwargs: Any) -> Any:
            results = real.translate_batch(rows, **kwargs)
            calls.append((rows, kwargs.get("target_prefix"), [r.hypotheses[0] for r in results]))
            return results

    tr.model = Spy()
    out = tr.translate(SENTENCES)
    assert calls
    for rows, prefix, hypotheses in calls:
        lead = family.source_token or "<2en>"
        assert all(r[0] == lead and r[-1] == "</s>" for r in rows)
        if family.target_token:
            assert prefix == [[family.target_token]] * len(rows)
            assert all(h[0] == family.target_token for h in hypotheses)  # forced, returned ...
        else:
            assert prefix is None
    assert not [s for s in out if ANY_TAG.search(s)]  # ... and stripped


def _sent_by_transformers(folder: Path, sentence: str) -> list[str]:
    """The source pieces the transformers backend hands to generate() for one sentence."""
    tr: Any = load_translator(str(folder), cache=False, beam=1)
    tr.load()
    seen: list[list[int]] = []
    generate = tr.model.generate

    def spy(**kwargs: Any) -> Any:
        seen.extend(kwargs["input_ids"].tolist())
        return generate(**kwargs)

    tr.model.generate = spy
    try:
        tr.translate([sentence])
    finally:
        del tr.model.generate
    (row,) = seen
    return [str(t) for t in tr.tokenizer.convert_ids_to_tokens(row)]


def _sent_by_ctranslate2(converted: Path, sentence: str) -> list[str]:
    """The source pieces the CTranslate2 backend hands to translate_batch() for one sentence."""
    tr: Any = load_translator(str(converted), backend="ctranslate2", cache=False, beam=1)
    tr.load()
    seen: list[list[str]] = []
    real = tr.model

    class Spy:
        def translate_batch(self, rows: list[list[str]], **kwargs: Any) -> Any:
            seen.extend(rows)
            return real.translate_batch(rows, **kwargs)

    tr.model = Spy()
    tr.translate([sentence])
    (row,) = seen
    return row


def test_both_backends_send_the_model_the_same_input(tiny_many: tuple[str, Path], converted: Path) -> None:
    """Whatever the installed transformers does with a leading tag, the transformers backend
    feeds the model what the torch-free CTranslate2 backend does: lead token, pieces, </s>."""
    import transformers

    family = FAMILIES[tiny_many[0]]
    ours = ct2_backend._Tokenizer(converted, family)
    assert ours.hf is None  # SentencePiece, no transformers
    for sentence in SENTENCES:
        sent = _sent_by_transformers(tiny_many[1], sentence)
        assert sent == _sent_by_ctranslate2(converted, sentence), transformers.__version__
        # The lead is one piece, first (transformers 5.x alone would send "▁", "<2en>").
        assert sent[0] == family.lead[0] and sent[-1] == "</s>"


def test_frame_cuts_long_input_to_the_limit() -> None:
    rows = frame([list(range(10)), [1]], [-1], -2, limit=5)
    assert rows == [[-1, 0, 1, 2, -2], [-1, 1, -2]]


def test_converted_models_translate_without_torch_or_transformers(converted: Path) -> None:
    script = (
        "import json, sys\n"
        "sys.modules['torch'] = sys.modules['transformers'] = None  # as in a .[ct2] install\n"
        "from summarize.translate import load_translator\n"
        "tr = load_translator(sys.argv[1], backend='ctranslate2', cache=False, beam=2)\n"
        "print(json.dumps(tr.translate(json.loads(sys.argv[2]))))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(converted), json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert len(out) == len(SENTENCES) and not [s for s in out if ANY_TAG.search(s)]


def test_the_cache_key_carries_the_languages(tiny_model: Path, tiny_many: tuple[str, Path]) -> None:
    family = FAMILIES[tiny_many[0]]
    for backend in BACKENDS:
        many: Any = load_translator(str(tiny_many[1]), backend=backend, cache=False)
        one: Any = load_translator(str(tiny_model), backend=backend, cache=False)
        assert many.cache_identity()[-1] == family.languages()
        assert one.cache_identity()[-1] == FAMILIES["bilingual"].languages()
    assert len({f.languages() for f in FAMILIES.values()}) == len(FAMILIES)


# ---- presets and licences -------------------------------------------------------------


def test_presets_name_hub_models_with_their_families() -> None:
    assert resolve("nllb-600m") == "facebook/nllb-200-distilled-600M"
    assert resolve("opus-mt") == "Helsinki-NLP/opus-mt-id-en"
    assert resolve("org/other") == "org/other"
    assert {"opus-mt", "nllb-600m", "m2m100-418m", "madlad-3b"} <= set(PRESETS)
    assert {p.family for p in PRESETS.values()} <= set(FAMILIES)
    assert not PRESETS["nllb-600m"].commercial and PRESETS["m2m100-418m"].commercial


def test_a_preset_offline_says_what_to_download(hub_cache: Path) -> None:
    tr = load_translator("nllb-600m", cache=False)
    with pytest.raises(ModelError) as err:
        tr.translate(["Halo."])
    assert "summarize model download facebook/nllb-200-distilled-600M" in str(err.value)
    assert "\n" not in str(err.value)


def test_model_info_prints_licences_and_warns_for_non_commercial(hub_cache: Path) -> None:
    shown = CliRunner().invoke(app, ["model", "info"])
    assert shown.exit_code == 0, shown.output
    for preset in PRESETS.values():
        line = next(x for x in shown.stdout.splitlines() if x.split()[:1] == [preset.name])
        assert preset.model in line and preset.licence in line
        assert ("non-commercial" in line) == (not preset.commercial)
    assert "summarize: warning: nllb-600m" in shown.stderr  # the one message channel ...
    quiet = CliRunner().invoke(app, ["-q", "model", "info"])
    assert quiet.exit_code == 0 and "nllb-600m" in quiet.stdout
    assert quiet.stderr == ""  # ... which -q silences


# ---- the model store --------------------------------------------------------------------


@pytest.fixture
def hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    return tmp_path / "hub"


def _snapshot(hub: Path, repo: str, commit: str, source: Path) -> Path:
    root = hub / ("models--" + repo.replace("/", "--"))
    (root / "refs").mkdir(parents=True)
    (root / "refs" / "main").write_text(commit)
    shutil.copytree(source, root / "snapshots" / commit)
    return root / "snapshots" / commit


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # sharded safetensors beside a PyTorch copy: the safetensors shards and their index
            [
                "config.json",
                "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors",
                "model.safetensors.index.json",
                "pytorch_model.bin",
                "spiece.model",
                "tf_model.h5",
                "onnx/encoder.onnx",
                "README.md",
            ],
            [
                "config.json",
                "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors",
                "model.safetensors.index.json",
                "spiece.model",
            ],
        ),
        (  # a repo already in CTranslate2 form
            ["config.json", "model.bin", "shared_vocabulary.json", "sentencepiece.bpe.model"],
            ["config.json", "model.bin", "sentencepiece.bpe.model", "shared_vocabulary.json"],
        ),
        (  # older PyTorch shards
            ["config.json", "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin",
             "pytorch_model.bin.index.json", "flax_model.msgpack"],
            ["config.json", "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin",
             "pytorch_model.bin.index.json"],
        ),
    ],
)  # fmt: skip
def test_download_takes_the_weights_a_repo_has(files: list[str], expected: list[str]) -> None:
    assert modelstore.choose_files(files) == expected


def test_download_asks_for_those_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Online, the repo's file list decides the patterns (stubbed: no test reaches the hub)."""
    import huggingface_hub

    asked: dict[str, Any] = {}

    def fake_snapshot(model: str, **kwargs: Any) -> str:
        asked.update(kwargs, model=model)
        return str(tmp_path)

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(modelstore, "_repo_files", lambda m, r: ["config.json", "model.bin", "x.onnx"])
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot)
    assert modelstore.download("m2m100-418m") == tmp_path
    assert asked["model"] == "facebook/m2m100_418M" and asked["revision"] == "main"
    assert asked["allow_patterns"] == ["config.json", "model.bin"]


def test_a_hub_repo_in_ctranslate2_form_is_used_as_it_is(
    converted: Path, hub_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _snapshot(hub_cache, "someone/tiny-ct2", "c0ffee" * 6 + "abcd", converted)

    def no_convert(*args: Any, **kwargs: Any) -> Path:
        raise AssertionError("a CTranslate2 repo was converted")

    monkeypatch.setattr(ct2_backend, "convert", no_convert)
    by_id = load_translator("someone/tiny-ct2", backend="ctranslate2", cache=False, beam=2)
    by_folder = load_translator(str(converted), backend="ctranslate2", cache=False, beam=2)
    assert by_id.translate(SENTENCES) == by_folder.translate(SENTENCES)
    with pytest.raises(ModelError, match="--backend ctranslate2"):
        load_translator("someone/tiny-ct2", cache=False).translate(["Halo."])


def test_conversions_are_keyed_on_model_and_revision(tiny_many: tuple[str, Path], hub_cache: Path) -> None:
    family, folder = tiny_many
    repo = f"org/tiny-{family}"
    old = _snapshot(hub_cache, repo, "a" * 40, folder)
    first = ct2_convert.ct2_path(repo)
    assert first.name == f"org--tiny-{family}@{'a' * 16}"
    # A new revision on the hub: main now points at another commit.
    shutil.copytree(old, old.parent / ("b" * 40))
    (hub_cache / f"models--org--tiny-{family}" / "refs" / "main").write_text("b" * 40)
    assert ct2_convert.ct2_path(repo) != first
    assert ct2_convert.ct2_path(repo, revision="a" * 40) == first
    store = installed.info()
    hubs = [m for m in store.models if m.name == repo]
    assert len(hubs) == 1, store.models
    hub = hubs[0]
    assert hub.revision == ",".join(["a" * 40, "b" * 40])


def test_model_info_shows_a_conversions_source_and_revision(tiny_model: Path, hub_cache: Path) -> None:
    converted = CliRunner().invoke(app, ["model", "convert", str(tiny_model)])
    assert converted.exit_code == 0, converted.output
    models = installed.info().models
    assert len(models) == 1, models
    model = models[0]
    assert model.source == str(tiny_model) and model.revision.startswith("files:")
    shown = CliRunner().invoke(app, ["model", "info"])
    assert f"from {tiny_model} @ files:" in shown.stdout


def test_converting_without_transformers_names_the_extra(tiny_model: Path, tmp_path: Path) -> None:
    """In a .[ct2] install (no torch, no transformers) conversion says which extra to add."""
    script = (
        "import sys\n"
        "sys.modules['torch'] = sys.modules['transformers'] = None\n"
        "from summarize.cli import main\n"
        "sys.argv = ['summarize', 'model', 'convert', sys.argv[1], '-o', sys.argv[2]]\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tiny_model), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "pip install 'summarize[fast]'" in run.stderr, run.stderr
    assert not (tmp_path / "out").exists()


# ---- platform paths ----------------------------------------------------------------------


def test_cores_without_sched_getaffinity(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows have no os.sched_getaffinity: the count comes from os.cpu_count."""
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.delenv("SUMMARIZE_THREADS")
    assert parallel.available_cores() == max(1, os.cpu_count() or 1)
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # "undeterminable" is allowed
    assert parallel.available_cores() == 1
    tr = load_translator(str(tiny_model), backend="ctranslate2", cache=False, beam=1)
    assert len(tr.translate(SENTENCES[:2])) == 2
