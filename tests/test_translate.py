"""The translation backends on a tiny random-weight Marian model built at test time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import cache_dir
from summarize.errors import ConfigError, ModelError
from summarize.translate import (
    IdentityTranslator,
    Translator,
    load_translator,
    marian,
    translate_text,
)
from summarize.translate import ct2 as ct2_backend
from summarize.translate.base import output_cap, run_batches
from summarize.translate.cache import CachingTranslator

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.",
    "Banjir melanda Jakarta.",
    "Harga beras naik menjelang hari raya, kata pedagang di pasar induk.",
    "Polisi menangkap dua tersangka.",
    "Ini kalimat yang jauh lebih panjang daripada yang lain karena memuat banyak keterangan "
    "tambahan tentang lokasi, waktu, dan para pejabat yang hadir dalam acara tersebut.",
]


@pytest.fixture(autouse=True)
def _one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # A tiny model gains nothing from threads, and on a busy 2-core machine they spin.
    monkeypatch.setenv("SUMMARIZE_THREADS", "1")


def _inner(tr: Translator) -> Any:
    return tr.inner if isinstance(tr, CachingTranslator) else tr


def test_load_translator_is_lazy(tiny_model: Path) -> None:
    tr = load_translator(str(tiny_model))
    assert isinstance(tr, Translator)
    assert (tr.name, tr.backend) == (str(tiny_model), "transformers")
    assert _inner(tr).model is None  # creating a translator loads nothing
    assert tr.translate([]) == []
    assert _inner(tr).model is None  # nor does an empty call


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_one_output_per_input_in_order(tiny_model: Path, backend: str) -> None:
    tr = load_translator(str(tiny_model), backend=backend, cache=False)
    tr.batch_size = 2  # type: ignore[attr-defined]  # several batches, sorted by length
    out = tr.translate(SENTENCES)
    assert len(out) == len(SENTENCES)
    assert all(isinstance(s, str) and s for s in out)
    assert len(set(out)) > 1  # the tiny model's output depends on its input
    # Batches are formed by length, so reordering the input only reorders the output.
    order = [3, 0, 4, 2, 1]
    assert tr.translate([SENTENCES[i] for i in order]) == [out[i] for i in order]


def test_output_cap_is_respected(tiny_model: Path) -> None:
    tr = marian.MarianTranslator(str(tiny_model), batch_size=2)
    tr.load()
    seen: list[tuple[int, int, int]] = []  # (longest source, max_new_tokens, generated)
    generate = tr.model.generate

    def spy(**kwargs: Any) -> Any:
        out = generate(**kwargs)
        longest = int(kwargs["attention_mask"].sum(dim=1).max())
        seen.append((longest, kwargs["max_new_tokens"], out.shape[1] - 1))  # minus start token
        return out

    tr.model.generate = spy
    try:
        tr.translate(SENTENCES)
    finally:
        del tr.model.generate
    assert len(seen) == 3
    for longest, cap, generated in seen:
        assert cap == output_cap(longest)
        assert generated <= cap


def test_progress_is_reported_per_batch(tiny_model: Path) -> None:
    calls: list[tuple[int, int]] = []
    tr = load_translator(str(tiny_model), cache=False, progress=lambda d, t: calls.append((d, t)))
    tr.batch_size = 2  # type: ignore[attr-defined]
    tr.translate(SENTENCES)
    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_missing_model_folder_is_a_one_line_model_error(tmp_path: Path) -> None:
    tr = load_translator(str(tmp_path / "no-such-model"), cache=False)
    with pytest.raises(ModelError) as err:
        tr.translate(["Halo."])
    message = str(err.value)
    assert "\n" not in message
    assert "--model DIR" in message


def test_uncached_hub_model_offline_says_what_to_do() -> None:
    tr = load_translator("Helsinki-NLP/opus-mt-id-en", cache=False)
    with pytest.raises(ModelError) as err:
        tr.translate(["Halo."])
    assert str(err.value) == (
        "model 'Helsinki-NLP/opus-mt-id-en' is not available offline; download it while online "
        "(`summarize model download Helsinki-NLP/opus-mt-id-en`), or use a local model folder "
        "(--model DIR; model= in Python); or skip translation (--no-translate; translator=None in Python)"
    )


def test_translate_offline_suggests_no_option_it_lacks(tmp_path: Path) -> None:
    """`summarize translate` has no --no-translate: its offline message must not offer one."""
    env = dict(
        os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf"), SUMMARIZE_CACHE_DIR=str(tmp_path)
    )
    run = subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()", "translate", "Korea Utara."],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "is not available offline" in run.stderr, run.stderr
    assert "--no-translate" not in run.stderr and "--model DIR" in run.stderr


def test_missing_libraries_give_an_install_hint(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)  # import now raises ImportError
    with pytest.raises(ModelError, match=r"pip install torch==2\.13\.0 && pip install"):
        marian.load_model.__wrapped__(str(tiny_model), "cpu")
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    with pytest.raises(ModelError, match=r"pip install 'summarize\[ct2\]'"):
        ct2_backend.Ct2Translator(str(tiny_model)).translate(["Halo."])


def test_ctranslate2_converts_once_into_the_cache(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_translator(str(tiny_model), backend="ctranslate2", cache=False)
    first.translate(SENTENCES[:2])
    converted = [p for p in (cache_dir() / "ct2").iterdir() if not p.name.startswith(".")]
    assert len(converted) == 1
    assert {"model.bin", "source.spm", "target.spm"} <= {p.name for p in converted[0].iterdir()}

    def no_convert(*args: Any, **kwargs: Any) -> Path:
        raise AssertionError("converted twice")

    monkeypatch.setattr(ct2_backend, "convert", no_convert)
    again = load_translator(str(tiny_model), backend="ctranslate2", cache=False)
    assert again.translate(SENTENCES[:2]) == first.translate(SENTENCES[:2])
    # A converted folder is also accepted directly as --model.
    direct = load_translator(str(converted[0]), backend="ctranslate2", cache=False)
    assert direct.translate(SENTENCES[:2]) == first.translate(SENTENCES[:2])


def test_warm_cache_loads_no_model(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_translator(str(tiny_model))
    english = first.translate(SENTENCES)

    def no_load(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("model loaded on a warm cache")

    monkeypatch.setattr(marian, "load_model", no_load)
    second = load_translator(str(tiny_model))
    assert second.translate(SENTENCES) == english
    assert _inner(second).model is None


def test_warm_cache_run_imports_no_torch(tiny_model: Path) -> None:
    english = load_translator(str(tiny_model), backend="ctranslate2").translate(SENTENCES)
    script = (
        "import json, sys\n"
        "from summarize.translate import load_translator\n"
        "tr = load_translator(sys.argv[1], backend='ctranslate2')\n"
        "out = tr.translate(json.loads(sys.argv[2]))\n"
        "heavy = [m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules]\n"
        "print(json.dumps({'out': out, 'heavy': heavy, 'loaded': tr.inner.model is not None}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tiny_model), json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
        check=True,
    )
    result = json.loads(run.stdout)
    assert result == {"out": english, "heavy": [], "loaded": False}


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_BACKEND", "identity")
    tr = load_translator(cache=False)
    assert isinstance(tr, IdentityTranslator)
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")
    monkeypatch.setenv("SUMMARIZE_BEAM", "2")
    tr = load_translator("some/model", cache=False)
    assert (tr.name, tr.beam) == ("some/model", 2)  # type: ignore[attr-defined]
    assert load_translator("some/model", beam=5, cache=False).beam == 5  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "kwargs",
    [{"backend": "nope"}, {"device": "tpu"}, {"beam": 0}],
)
def test_bad_settings_are_config_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        load_translator("x/y", **kwargs)


def test_translate_text_keeps_paragraphs() -> None:
    text = "Satu kalimat. Dua kalimat.\n\nParagraf kedua."
    assert translate_text(text, IdentityTranslator()) == ("Satu kalimat. Dua kalimat.\n\nParagraf kedua.")


def test_cli_translate(tiny_model: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["translate", "-", "--model", str(tiny_model), "--beam", "1"],
        input="Banjir melanda Jakarta. Polisi menangkap dua tersangka.\n\nHarga beras naik.\n",
    )
    assert result.exit_code == 0, result.output
    paragraphs = result.stdout.strip().split("\n\n")
    assert len(paragraphs) == 2
    expected = load_translator(str(tiny_model), beam=1).translate(["Harga beras naik."])
    assert paragraphs[1] == expected[0]


def test_cli_translate_missing_model_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["translate", "Halo.", "--model", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "--model DIR" in result.stderr


@given(
    lengths=st.lists(st.integers(min_value=1, max_value=600), max_size=60),
    batch_size=st.integers(min_value=1, max_value=20),
)
def test_batches_restore_the_input_order(lengths: list[int], batch_size: int) -> None:
    items = [f"s{i}" for i in range(len(lengths))]
    batches: list[list[int]] = []
    progress: list[int] = []

    def translate_batch(indices: list[int]) -> list[str]:
        batches.append(indices)
        return [items[i].upper() for i in indices]

    out = run_batches(
        items,
        lengths,
        translate_batch,
        batch_size=batch_size,
        progress=lambda done, total: progress.append(done),
    )
    assert out == [s.upper() for s in items]
    assert all(len(b) <= batch_size for b in batches)
    assert sorted(i for b in batches for i in b) == list(range(len(items)))
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat, reverse=True)  # similar lengths share a batch
    assert progress == sorted(progress) and progress[-1:] == ([len(items)] if items else [])


def test_unreachable_hub_gives_one_line_at_once(tmp_path: Path) -> None:
    """Not offline mode but no network, as a new user meets it: one line, no retries."""
    env = dict(
        os.environ,
        HF_HUB_OFFLINE="0",
        TRANSFORMERS_OFFLINE="0",
        HF_ENDPOINT="http://127.0.0.2:9",  # loopback, nothing listens: refused at once
        HF_HOME=str(tmp_path / "hf"),
    )
    run = subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()", "digest", str(ROOT / "seeds")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    # One line: no "Retrying in 8s" from a paginated listing with backoff (40 s of it before).
    assert run.stderr.count("\n") == 1 and "is not available offline" in run.stderr, run.stderr
