"""What `stubs` needs to know about the canonical code, read from source files, never imported.

Only two questions decide what a stub may say without changing a type: is the
canonical object a plain `def` (no decorator, bound once at module level), and
which submodules does a moved package have.
"""

from __future__ import annotations

import ast
import importlib.machinery
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ssot_registry.registry import ImportPath

__all__ = ["SourceFacts"]

_SUFFIXES = (".py", ".pyi")
_MAX_HOPS = 8  # re-export chains followed before giving up (giving up means "not flagged")


def _binds(node: ast.AST, name: str) -> bool:
    """Whether `node` binds `name` in the module's scope (over-approximated: nested
    comprehensions count too, which only makes the answer more cautious)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((a.asname or a.name.partition(".")[0]) in (name, "*") for a in node.names)
    if isinstance(node, ast.Name):
        return node.id == name and not isinstance(node.ctx, ast.Load)
    if isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name == name:
        return True
    if isinstance(node, ast.MatchMapping) and node.rest == name:
        return True
    return any(_binds(child, name) for child in ast.iter_child_nodes(node))


@dataclass
class SourceFacts:
    """Answers about modules found on `search_path` (default: the current folder, then sys.path)."""

    search_path: list[str] = field(default_factory=lambda: [os.getcwd(), *sys.path])

    def _locate(self, module: str) -> tuple[Path | None, Path | None]:
        """(source file, package folder) of `module`; (None, None) when it is not found."""
        relative = Path(*module.split("."))
        for folder in self.search_path:
            base = Path(folder or os.getcwd()) / relative
            if base.is_dir():
                init = [base / f"__init__{suffix}" for suffix in _SUFFIXES]
                return next((file for file in init if file.is_file()), None), base
            for suffix in _SUFFIXES:
                file = base.with_name(base.name + suffix)
                if file.is_file():
                    return file, None
        return None, None

    def module_exists(self, module: str) -> bool:
        """Whether `module` is a file (source, bytecode or extension), a package or a builtin
        module on the search path."""
        if module in sys.builtin_module_names:
            return True
        relative = Path(*module.split("."))
        suffixes = [*importlib.machinery.all_suffixes(), ".pyi"]
        for folder in self.search_path:
            base = Path(folder or os.getcwd()) / relative
            if base.is_dir() or any(base.with_name(base.name + s).is_file() for s in suffixes):
                return True
        return False

    def _binding(self, module: str, name: str) -> tuple[ast.stmt, Path | None] | None:
        """The one module-level statement of `module` binding `name`, and the package folder."""
        file, folder = self._locate(module)
        if file is None:
            return None
        try:
            tree = ast.parse(file.read_bytes())
        except (OSError, SyntaxError, ValueError):
            return None
        found = [statement for statement in tree.body if _binds(statement, name)]
        return (found[0], folder) if len(found) == 1 else None

    def is_plain_function(self, path: ImportPath) -> bool:
        """Whether `path` is an undecorated `def` bound exactly once (re-exports followed)."""
        if path.qualname is None or "." in path.qualname:
            return False
        module, name = path.module, path.qualname
        for _ in range(_MAX_HOPS):
            binding = self._binding(module, name)
            statement, folder = binding if binding is not None else (None, None)
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return not statement.decorator_list
            if not isinstance(statement, ast.ImportFrom):
                return False
            imported = [a.name for a in statement.names if (a.asname or a.name) == name]
            if not imported:
                return False
            module, name = self._absolute(module, folder, statement), imported[0]
        return False

    @staticmethod
    def _absolute(module: str, folder: Path | None, statement: ast.ImportFrom) -> str:
        """The absolute module a `from ... import` in `module` reads from."""
        if not statement.level:
            return str(statement.module)
        package = module.split(".") if folder is not None else module.split(".")[:-1]
        base = package[: len(package) - statement.level + 1]
        return ".".join([*base, *([statement.module] if statement.module else [])])

    def submodules(self, module: str) -> list[str]:
        """Dotted names (relative to `module`) of every submodule of a package, sorted."""
        _, folder = self._locate(module)
        if folder is None:
            return []
        found = set()
        for file in folder.rglob("*"):
            relative = file.relative_to(folder)
            if file.suffix not in _SUFFIXES or not file.is_file():
                continue
            parts = [*relative.parts[:-1], file.stem]
            if parts[-1] == "__init__":
                parts = parts[:-1]
            if parts and all(part.isidentifier() for part in parts):
                found.add(".".join(parts))
        return sorted(found)
