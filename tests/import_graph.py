"""The package's import graph: modules, edges, cycles, and imports that run back up the stages.

An edge A -> B means that importing A runs B: every `import`/`from ... import` inside A
(at the top or inside a function; not under `if TYPE_CHECKING:`), with the parent packages
that such an import runs too (except A's own parents, which run before A in any case). Stages are ordered as in the README's Architecture section;
a module may import only stages below its own, and siblings in its own folder, never its
own package's `__init__`.

    python -m tests.import_graph [--root summarize] [--edges]
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

# Lowest first. A module belongs to the first stage whose name prefixes it.
STAGES: tuple[tuple[str, ...], ...] = (
    ("summarize.errors", "summarize.values", "summarize.config", "summarize.parallel"),
    ("summarize.lang", "summarize.numerals"),
    ("summarize.clean", "summarize.segment"),
    ("summarize.ingest",),
    ("summarize.rank",),
    ("summarize.grouping",),
    ("summarize.translate",),
    ("summarize.renderers",),
    ("summarize.deliver",),
    ("summarize.pipeline",),
    ("summarize.cli", "summarize.__main__"),
    ("summarize",),
)


def modules(root: Path) -> dict[str, Path]:
    """Module name -> file, for every .py file under `root` (a package folder)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            yield from (n for child in node.orelse for n in _imports_of(child))
            continue
        yield from _imports_of(node)


def _imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    elif isinstance(node, ast.If) and _type_checking(node):
        return
    else:
        yield from _imports(node)


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def edges(mods: dict[str, Path]) -> set[tuple[str, str]]:
    """(importer, imported) pairs inside the package, parent packages included."""
    out: set[tuple[str, str]] = set()
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                for a in node.names:
                    sub = f"{mod}.{a.name}"
                    targets.append(sub if sub in mods else mod)
            mine = set(_parents(name))  # already running whenever `name` runs
            for t in targets:
                if t not in mods:
                    continue
                if t != name:
                    out.add((name, t))  # the module named, even A's own package ("from . import X")
                out.update((name, p) for p in _parents(t) if p in mods and p not in mine and p != name)
    return out


def cycles(mods: dict[str, Path], graph: set[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    adj: dict[str, list[str]] = {m: [] for m in mods}
    for a, b in graph:
        adj[a].append(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in adj[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for m in mods:
        if m not in index:
            visit(m)
    return found


def stage(name: str) -> int:
    for i, names in enumerate(STAGES):
        if any(name == n or name.startswith(n + ".") for n in names):
            return i
    raise ValueError(f"{name} belongs to no stage; add it to STAGES")


def upward(mods: dict[str, Path], graph: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Edges that run back up: to a higher stage, or from a module to its own package."""
    bad = []
    for a, b in sorted(graph):
        if a.startswith(b + ".") or stage(b) > stage(a):
            bad.append((a, b))
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default="summarize", help="the package folder (default: summarize)")
    ap.add_argument("--edges", action="store_true", help="also list every edge")
    args = ap.parse_args()
    mods = modules(Path(args.root))
    graph = edges(mods)
    print(f"$ python -m tests.import_graph --root {args.root}")
    print(f"modules: {len(mods)}  edges: {len(graph)}")
    cyc = cycles(mods, graph)
    print(f"cycles: {len(cyc)}" + "".join(f"\n  {' <-> '.join(c)}" for c in cyc))
    try:
        up = upward(mods, graph)
        print(f"upward imports: {len(up)}" + "".join(f"\n  {a} -> {b}" for a, b in up))
    except ValueError as exc:
        print(f"upward imports: not checked ({exc})")
    if args.edges:
        for a, b in sorted(graph):
            print(f"  {a} -> {b}")


if __name__ == "__main__":
    main()
