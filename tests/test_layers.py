"""The import direction of the package's layers, checked on the source (no imports run)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ssot_registry"

# layer -> layers it must never import (cli/plugin -> validator, migration, runtime, render
# -> registry -> exceptions)
FORBIDDEN = {
    "exceptions": {
        "registry",
        "runtime",
        "validator",
        "migration",
        "render",
        "cli",
        "pytest_plugin",
    },
    "registry": {"runtime", "validator", "migration", "render", "cli", "pytest_plugin"},
    "runtime": {"validator", "migration", "render", "cli", "pytest_plugin"},
    "migration": {"runtime", "validator", "cli", "pytest_plugin"},
    "validator": {"migration", "cli", "pytest_plugin", "triage"},
    "triage": {"runtime", "render", "cli", "pytest_plugin"},
    "render": {"cli", "pytest_plugin"},
}
# static source reading sits under every layer, the commands that read code included
FORBIDDEN["sources"] = FORBIDDEN["exceptions"] | {"triage", "adopt", "diff"}
# the bounded file read sits under everything
FORBIDDEN["reading"] = FORBIDDEN["sources"] | {"sources", "exceptions"}


def layer_of(path: Path) -> str:
    """The first component of the module's path inside the package (`registry`, `cli`, ...)."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def imported_layers(path: Path) -> set[tuple[str, int]]:
    """Every `ssot_registry.<layer>` the file imports, with the line of the import."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "ssot_registry" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_module_imports_only_lower_layers(path: Path) -> None:
    """No module imports a layer above its own."""
    forbidden = FORBIDDEN.get(layer_of(path), set())
    wrong = sorted(
        f"line {line}: {layer}" for layer, line in imported_layers(path) if layer in forbidden
    )
    assert wrong == [], f"{path.relative_to(PACKAGE)} imports a higher layer"


def test_pytest_is_imported_only_by_the_plugin() -> None:
    """Only `pytest_plugin.py` imports pytest."""
    offenders = []
    for path in SOURCES:
        if path.name == "pytest_plugin.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(a.name == "pytest" for a in node.names):
                offenders.append(str(path))
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pytest":
                offenders.append(str(path))
    assert offenders == []


def module_name(path: Path) -> str:
    """`ssot_registry.registry.loader` for `ssot_registry/registry/loader.py` (packages by
    their `__init__`)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, function-local ones included, except under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (i for child in node.orelse for i in _runtime_imports_of(child))
            continue
        yield from _runtime_imports_of(node)


def _runtime_imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _runtime_imports(node)


def sibling_imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of the same package (`modules`) that `path` imports at run time."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from pkg import sub` needs the submodule, `from pkg import name` the package
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        found |= {target for target in targets if target in modules and target != name}
    return found


def import_cycles() -> list[list[str]]:
    """Every cycle (strongly connected set of 2+ modules) of run-time imports between the
    modules directly inside one package, function-local imports included."""
    graph: dict[str, set[str]] = {}
    for package in {path.parent for path in SOURCES}:
        files = sorted(package.glob("*.py"))
        modules = {module_name(path) for path in files}
        for path in files:
            graph[module_name(path)] = sibling_imports(path, modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def test_no_import_cycle_between_modules_of_one_package() -> None:
    """No two modules of one package import each other, directly or around a loop, at run
    time (function-local imports included; `if TYPE_CHECKING:` imports are not run)."""
    assert import_cycles() == []


def test_function_local_imports_count_and_type_checking_ones_do_not() -> None:
    """The cycle finder sees an import inside a function body, not one under TYPE_CHECKING."""
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from . import third\n"
        "def f():\n    from . import second\n"
    )
    found = [(node.module, [alias.name for alias in node.names]) for node in _runtime_imports(tree)]
    assert found == [("typing", ["TYPE_CHECKING"]), (None, ["second"])]
