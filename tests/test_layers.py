"""The import direction of the package's layers, checked on the source (no imports run)."""

from __future__ import annotations

import ast
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
