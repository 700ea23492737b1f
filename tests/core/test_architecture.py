"""The layers import one way: core ← rules ← front ends (CLI, Python API,
language server), and the CLI reaches the language server only in the
command that starts it. Read from the source with ``ast``, nothing imported."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# folder → the package it installs as (pyproject.toml's package-dir)
PACKAGES = {"linter": "gwlint", "rules": "gwlint.rules", "lsp": "gwlint.lsp"}
FRONT_ENDS_IN_CORE = ("gwlint.cli", "gwlint.api", "gwlint.__main__")


def _module_name(path: Path) -> str:
    folder, *rest = path.relative_to(ROOT).with_suffix("").parts
    parts = [PACKAGES[folder], *rest]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for folder in PACKAGES for p in (ROOT / folder).rglob("*.py")}


def _imports(name: str, path: Path):
    """(imported module, enclosing function or None, line) for every import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node, func):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, func, child.lineno
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[:len(package.split(".")) - child.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                yield base, func, child.lineno
                for alias in child.names:  # from . import api: the submodule itself
                    yield f"{base}.{alias.name}", func, child.lineno
            yield from visit(child, inner)

    return list(visit(tree, None))


def _layer(module: str) -> str:
    if module.startswith("gwlint.rules"):
        return "rules"
    if module.startswith("gwlint.lsp"):
        return "lsp"
    if module.startswith(FRONT_ENDS_IN_CORE):
        return "cli" if module.startswith("gwlint.cli") else "api"
    if module == "gwlint":
        return "facade"  # the package's __init__: re-exports the core, and the API lazily
    return "core" if module.startswith("gwlint") else "outside"


MODULES = _modules()
EDGES = [(m, target, func, line) for m, p in MODULES.items() for target, func, line in _imports(m, p)
         if target in MODULES]


def test_every_module_is_found():
    assert {"gwlint.engine", "gwlint.cli.check", "gwlint.rules.typos", "gwlint.lsp.server", "gwlint.api"} <= set(MODULES)


def test_the_core_imports_nothing_above_it():
    bad = [(m, t, line) for m, t, _, line in EDGES if _layer(m) == "core" and _layer(t) != "core"]
    assert not bad, bad


def test_rules_import_only_the_core_and_their_own_package():
    bad = [(m, t, line) for m, t, _, line in EDGES if _layer(m) == "rules" and _layer(t) not in ("core", "rules")]
    assert not bad, bad


def test_cli_and_language_server_keep_apart():
    """The server never imports the CLI; the CLI imports the server in one place: the command that starts it."""
    bad = [(m, t, line) for m, t, _, line in EDGES if _layer(m) == "lsp" and _layer(t) == "cli"]
    bad += [(m, t, line) for m, t, func, line in EDGES
            if _layer(m) == "cli" and _layer(t) == "lsp" and (m, func) != ("gwlint.cli.commands", "cmd_lsp")]
    assert not bad, bad


def test_the_facade_imports_the_api_only_lazily():
    eager = [(t, line) for m, t, func, line in EDGES if m == "gwlint" and func is None and _layer(t) != "core"]
    assert not eager, eager


def test_no_import_cycles():
    """Module-level imports form no cycle (imports inside functions are lazy by design)."""
    graph: dict[str, set[str]] = {}
    for m, t, func, _ in EDGES:
        if func is None and m != t and not m.startswith(t + "."):  # a parent package is no dependency
            graph.setdefault(m, set()).add(t)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle.extend(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, path + [nxt]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, [start]):
            break
    assert not cycle, " → ".join(cycle)
