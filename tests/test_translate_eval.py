"""scripts/eval_translation.py: its plumbing on a five-sentence FLORES-shaped sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [
    ("Banjir melanda Jakarta pada Senin pagi.", "Floods hit Jakarta on Monday morning."),
    ("Polisi menangkap dua tersangka.", "Police arrested two suspects."),
    ("Harga beras naik menjelang hari raya.", "Rice prices rose ahead of the holiday."),
    ("Presiden meresmikan jalan tol baru.", "The president opened a new toll road."),
    ("Sekolah ditutup selama tiga hari.", "Schools were closed for three days."),
]


def _flores(folder: Path, refs: list[str]) -> Path:
    (folder / "devtest").mkdir(parents=True)
    (folder / "devtest" / "ind_Latn.devtest").write_text("\n".join(s for s, _ in PAIRS) + "\n", "utf-8")
    (folder / "devtest" / "eng_Latn.devtest").write_text("\n".join(refs) + "\n", "utf-8")
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUMMARIZE_THREADS": "1"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_translation.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_scores_follow_the_references(tmp_path: Path) -> None:
    """The identity translator returns the Indonesian: perfect against itself, poor against English."""
    same = _run(
        "--flores", str(_flores(tmp_path / "same", [s for s, _ in PAIRS])), "--backend", "identity", "--json"
    )
    assert same.returncode == 0, same.stderr
    english = _run(
        "--flores", str(_flores(tmp_path / "en", [e for _, e in PAIRS])), "--backend", "identity", "--json"
    )
    a, b = json.loads(same.stdout), json.loads(english.stdout)
    assert a["sentences"] == b["sentences"] == 5
    assert a["bleu"] == pytest.approx(100.0) and a["chrf"] == pytest.approx(100.0)
    assert b["bleu"] < 20 and b["chrf"] < 50


def test_a_tiny_model(tiny_model: Path, tmp_path: Path) -> None:
    # Converted here, so the script's process translates without importing torch (faster).
    from summarize.translate.ct2_convert import convert

    model = str(convert(str(tiny_model), tmp_path / "ct2"))
    flores = _flores(tmp_path / "flores", [e for _, e in PAIRS])
    common = ("--flores", str(flores), "--model", model, "--backend", "ctranslate2", "--beam", "1")
    run = _run(*common, "--json", "--keep-output")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert (result["backend"], result["beam"], result["sentences"]) == ("ctranslate2", 1, 5)
    assert len(result["hypotheses"]) == 5
    assert 0 <= result["bleu"] <= 100 and 0 <= result["chrf"] <= 100
    assert result["sentences_per_second"] > 0
    text = _run(*common, "--limit", "2")
    assert text.returncode == 0, text.stderr
    assert (
        "on 2 sentences: BLEU" in text.stdout and "sentences/s" in text.stdout and "machine:" in text.stdout
    )


def test_a_mismatched_sample_is_one_line(tmp_path: Path) -> None:
    flores = _flores(tmp_path / "bad", [e for _, e in PAIRS[:3]])
    run = _run("--flores", str(flores), "--backend", "identity")
    assert run.returncode == 1
    assert run.stderr.strip() == "eval_translation: 5 source lines but 3 references"
    missing = _run("--flores", str(tmp_path / "none"), "--backend", "identity")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
