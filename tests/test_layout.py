"""The layout is the architecture: every module imports alone, no cycles, no import runs back up.

An import cycle can hide behind test order (a module that fails alone imports fine once
another test has imported its partner), so each module is imported in a fresh interpreter.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests import import_graph as graph

ROOT = Path(__file__).resolve().parents[1]

MODULES = graph.modules(ROOT / "summarize")


def _import_alone(name: str) -> tuple[str, int, str]:
    proc = subprocess.run(
        [sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    return name, proc.returncode, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_import_alone, sorted(MODULES)))
    failed = [f"{name}: {err}" for name, code, err in results if code != 0]
    assert not failed, failed
    assert len(results) == len(MODULES) > 30


def test_no_import_cycle_and_nothing_runs_back_up() -> None:
    edges = graph.edges(MODULES)
    assert graph.cycles(MODULES, edges) == []
    assert graph.upward(MODULES, edges) == []


def test_the_graph_sees_a_cycle_and_an_upward_import(tmp_path: Path) -> None:
    # The checks above must be able to fail: a tiny package with both faults.
    pkg = tmp_path / "summarize"
    (pkg / "translate").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "errors.py").write_text("from .translate import x\n")
    (pkg / "translate" / "__init__.py").write_text("from .store import x\n")
    (pkg / "translate" / "store.py").write_text("def f():\n    from . import x\nx = 1\n")
    mods = graph.modules(pkg)
    edges = graph.edges(mods)
    assert ("summarize.translate", "summarize.translate.store") in edges
    assert graph.cycles(mods, edges) == [["summarize.translate", "summarize.translate.store"]]
    assert set(graph.upward(mods, edges)) == {
        ("summarize.errors", "summarize.translate"),
        ("summarize.translate.store", "summarize.translate"),
    }


def _readme_stage_rows() -> list[list[str]]:
    """The module names of each row of the README's Architecture table, in its order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Architecture", 1)[1].split("| stage | module |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        cell = line.split("|")[2]
        rows.append(
            [
                "summarize." + n.removesuffix(".py").rstrip("/")
                for n in re.findall(r"`([a-z_]+(?:\.py|/))`", cell)
            ]
        )
    return rows


def test_the_readme_lists_the_stages_in_the_order_the_layout_enforces() -> None:
    rows = _readme_stage_rows()
    assert all(rows) and sum(len(r) for r in rows) == len({n for n in MODULES if n.count(".") == 1})
    stages = [{graph.stage(name) for name in row} for row in rows]
    assert all(len(s) == 1 for s in stages), rows  # a row is one stage ...
    assert [s.pop() for s in stages] == list(range(len(graph.STAGES) - 1))  # ... in the enforced order
    listed = {name for row in rows for name in row}
    top = {name for name in MODULES if name.count(".") == 1}  # each stage module or folder
    assert top == listed, top ^ listed


def test_no_module_shadows_the_standard_library_or_a_sibling() -> None:
    stdlib = set(sys.stdlib_module_names)
    shadowing = [name for name in MODULES if name.rpartition(".")[2] in stdlib]
    assert not shadowing, shadowing
    # A package's attribute must be its submodule, not a function of the same name
    # (as `summarize.digest` once was). `cli.app` is the exception typer users expect:
    # `summarize.cli.app` is the application object, which lives in the module `app`.
    for name in MODULES:
        parent, _, child = name.rpartition(".")
        if parent in MODULES and name != "summarize.cli.app":
            module = importlib.import_module(name)
            assert getattr(importlib.import_module(parent), child, module) is module, name


def test_import_summarize_stays_light() -> None:
    code = (
        "import sys, summarize\n"
        "heavy = ('torch', 'transformers', 'ctranslate2', 'trafilatura', 'jinja2')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "assert not bad, bad\n"
        "assert summarize.__version__\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
