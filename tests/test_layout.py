"""The layout is the architecture: every module imports alone, no cycles, no import runs back up.

An import cycle can hide behind test order (a module that fails alone imports fine once
another test has imported its partner), so each module is imported in a fresh interpreter.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
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


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter in the checkout; fails the test if it fails."""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_import_summarize_stays_light() -> None:
    code = (
        "import sys, summarize\n"
        "heavy = ('torch', 'transformers', 'ctranslate2', 'trafilatura', 'jinja2')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "assert not bad, bad\n"
        "assert summarize.__version__\n"
    )
    _run(code)


def test_the_public_functions_type_hints_resolve_at_run_time() -> None:
    # pydantic's validate_call, a web framework wrapping `digest`, or sphinx read the
    # annotations with get_type_hints: a name imported only under TYPE_CHECKING raises
    # NameError there (`Translator` in `digest` and `brief` did).
    code = (
        "import inspect, typing, summarize\n"
        "names = [n for n in summarize.__all__ if inspect.isfunction(getattr(summarize, n))]\n"
        "assert {'digest', 'brief', 'load_articles'} <= set(names), names\n"
        "for n in names:\n"
        "    hints = typing.get_type_hints(getattr(summarize, n))\n"
        "print(typing.get_type_hints(summarize.digest)['translator'])\n"
    )
    assert "Translator" in _run(code).stdout


# Small functions ------------------------------------------------------------------------

LONG = 60  # lines, from `def` to the last line of the body
WHY_LONG = re.compile(r"#.*\bover 60 lines\b", re.IGNORECASE)


def _functions(path: Path) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def long_functions_without_a_reason(root: Path) -> list[str]:
    """Functions under `root` longer than LONG lines with no comment, in them or just above
    the `def`, that says why ("# Over 60 lines on purpose: ...")."""
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for fn in _functions(path):
            end = fn.end_lineno or fn.lineno
            if end - fn.lineno + 1 <= LONG:
                continue
            first = min([fn.lineno, *(d.lineno for d in fn.decorator_list)])
            if not any(WHY_LONG.search(line) for line in lines[max(0, first - 2) : end]):
                found.append(
                    f"{path.relative_to(root.parent)}:{fn.lineno} {fn.name} ({end - fn.lineno + 1} lines)"
                )
    return found


def test_no_long_function_without_a_comment_saying_why() -> None:
    assert long_functions_without_a_reason(ROOT / "summarize") == []


def test_the_long_function_check_finds_one(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    body = "".join(f"    x{k} = {k}\n" for k in range(LONG))
    (package / "a.py").write_text(f"def long():\n{body}\n\ndef short():\n    pass\n", encoding="utf-8")
    (package / "b.py").write_text(
        f"def why():\n    # Over 60 lines on purpose: a table.\n{body}", encoding="utf-8"
    )
    assert long_functions_without_a_reason(package) == [f"pkg/a.py:1 long ({LONG + 1} lines)"]


# Settings at the edge ---------------------------------------------------------------------

# What reads the environment or the config file (`summarize.config`), and where else it may be
# called below the CLI (summarize/cli/, the edge), each with the reason.
READS_SETTINGS = {"setting", "int_setting", "flag_setting", "resolve", "describe", "cache_dir", "state_dir"}
EDGES = {
    # STYLE.md 22: `load_translator` is the library's own edge for the translation settings.
    ("summarize/translate/__init__.py", "setting"): "load_translator resolves the translation settings",
    ("summarize/translate/__init__.py", "int_setting"): "load_translator resolves the translation settings",
    # A folder for files, not a setting of the result: a translation is the same wherever
    # the cache that holds it lives, and a converted model the same wherever it is kept.
    ("summarize/translate/cache.py", "cache_dir"): "where the translation cache is stored",
    ("summarize/translate/ct2_convert.py", "cache_dir"): "where converted models are stored",
    # huggingface_hub's own variable, read again because the hub reads it only at import.
    ("summarize/translate/store.py", "os.environ"): "HF_HUB_OFFLINE, the hub library's switch",
}


def settings_read_below_the_cli(root: Path) -> set[tuple[str, str]]:
    """(module path, name) for every call below the CLI that reads a setting from the
    environment or the config file."""
    found = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        if rel.startswith("summarize/cli/") or rel == "summarize/config.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_config = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("config")
            for alias in node.names
            if alias.name in READS_SETTINGS
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in from_config:
                found.add((rel, node.func.id))
            is_os = (
                isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"
            )
            if is_os and node.attr in {"environ", "getenv", "environb"}:  # type: ignore[attr-defined]
                found.add((rel, "os.environ"))
    return found


def test_the_library_reads_settings_only_at_its_edges() -> None:
    assert settings_read_below_the_cli(ROOT / "summarize") - EDGES.keys() == set()
    assert EDGES.keys() <= settings_read_below_the_cli(ROOT / "summarize")  # no stale exception


# Scripts and tests use public names ---------------------------------------------------------

# A private helper may change or go with any refactor; a script or a test that reaches it
# breaks at once. Scripts use none. Tests use one only where it is the point of the test,
# each listed here with the reason; anything else goes through a public name.
FAST_PATH = "a speed path checked against the plain version beside it in the test"
COST = "the cost of an inner step, which no public call can show"
_BY_FILE: dict[str, dict[str, str]] = {
    "tests/test_clean_datelines.py": {"clean.datelines._spaced_name": FAST_PATH},
    "tests/test_clean_furniture.py": {
        "clean.furniture._MAYBE_FURNITURE": "the pre-filter must pass every rule's line"
    },
    "tests/test_grouping_copies.py": {"grouping.copies._candidates": COST},
    "tests/test_grouping_stories.py": {
        "grouping.article_pairs._strongest": FAST_PATH,
        "grouping.stories._central": FAST_PATH,
        "grouping.stories._partition": FAST_PATH,
        "grouping.stories._shared_pairs": COST,
    },
    "tests/test_ingest_files.py": {"ingest.files._walk": COST},
    "tests/test_ingest_web.py": {
        "ingest.fetch._tls": "a cached TLS context, cleared to read SSL_CERT_FILE again",
        "ingest.feeds._parse_date": "every feed date form, without a feed for each",
    },
    "tests/test_renderers_layout.py": {"renderers.text._item": "the wrapping of one line, stated alone"},
    "tests/test_scale.py": dict.fromkeys(
        [
            *("clean._lines", "clean._overlap", "clean._Kept", "clean._word_set"),
            *("clean._ELLIPSIS", "clean._truncated_copy"),
            *("grouping.reading._names", "ingest.decoding._is_binary"),
            *("lang.terms._EN_ONLY", "lang.terms._ID_ONLY", "lang.terms._stemmer", "lang.terms._terms_of"),
        ],
        FAST_PATH,
    ),
    "tests/test_segment.py": {
        **dict.fromkeys(
            ["segment._after_opening_quote", "segment._closing_follows", "segment._quote_open"],
            "the quote rule against its older form",
        ),
        "segment._GLUED": "texts with sentences run together left out of the comparison with the older form",
    },
    "tests/test_translate_families.py": {
        "translate.ct2._Tokenizer": "the torch-free tokenizer against transformers'"
    },
}
PRIVATE_IN_TESTS = {(file, f"summarize.{name}") for file, names in _BY_FILE.items() for name in names}


def private_uses(path: Path) -> set[str]:
    """Private names of summarize modules that `path` imports or reaches (`module._name`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}  # local name -> what it is bound to in summarize
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name: a.name for a in node.names if a.name.split(".")[0] == "summarize"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "summarize":
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    found.add(f"{node.module}.{a.name}")
                modules[a.asname or a.name] = f"{node.module}.{a.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            parts, base = [node.attr], node.value
            while isinstance(base, ast.Attribute):
                parts.insert(0, base.attr)
                base = base.value
            if isinstance(base, ast.Name) and base.id in modules:
                found.add(".".join([modules[base.id], *parts]))
    return found


def test_scripts_and_tests_use_only_public_names() -> None:
    used = {
        (path.relative_to(ROOT).as_posix(), name)
        for folder in ("scripts", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in private_uses(path)
    }
    assert {u for u in used if u[0].startswith("scripts/")} == set()
    assert used - PRIVATE_IN_TESTS == set()
    assert used >= PRIVATE_IN_TESTS  # no stale exception


def test_the_private_name_check_sees_imports_and_attributes(tmp_path: Path) -> None:
    code = (
        "from summarize.grouping import facts\n"
        "from summarize.clean import _lines, clean\n"
        "import summarize.lang.terms as terms\n"
        "facts._same(1, 2)\nterms.tokens('x')\nclean._private\nfacts.same_fact\n"
    )
    (tmp_path / "t.py").write_text(code, encoding="utf-8")
    assert private_uses(tmp_path / "t.py") == {
        "summarize.grouping.facts._same",
        "summarize.clean._lines",
        "summarize.clean.clean._private",
    }


def test_no_script_runs_code_from_git_history() -> None:
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        assert not calls & {"exec", "eval"}, path
