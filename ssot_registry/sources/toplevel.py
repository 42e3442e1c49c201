"""A module's top level read statically: the statements that run on import, the names they
bind, the modules they import from, and `__all__`.

The one reading `triage` (its static index), `diff` (the public API at a revision) and
`adopt` (hand-written shims) build on. Statements under `if`/`else`, `try`/`except`/`else`/
`finally`, `with`, `for` and `while` run at import time and count; function and class
bodies do not. A name bound several times keeps its strongest binding: a `def`/`class`
(the last one), else an assignment (the first), else an import (the first), else a name
bound only under `if TYPE_CHECKING:` (kind `typing`, never bound at run time).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Binding",
    "BindingKind",
    "Statement",
    "TopLevel",
    "package_of",
    "resolve_relative",
    "statements",
]

BindingKind = Literal["class", "function", "object", "import", "typing"]

_IMPORT_ERRORS = ("ImportError", "ModuleNotFoundError", "Exception")


@dataclass(frozen=True, slots=True)
class Binding:
    """A name a module binds at its top level, its kind and line."""

    name: str
    kind: BindingKind
    line: int


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement that runs when the module is imported, and how surely it runs."""

    node: ast.stmt
    guarded: bool = False  # under `if`/`else` or `try: ... except ImportError`: may not run
    typing: bool = False  # only under `if TYPE_CHECKING:`: never runs


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _guards_import_error(handler: ast.ExceptHandler) -> bool:
    kind = handler.type
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind] if kind else []
    return kind is None or any(isinstance(n, ast.Name) and n.id in _IMPORT_ERRORS for n in names)


def statements(
    body: Iterable[ast.stmt], *, guarded: bool = False, typing: bool = False
) -> Iterator[Statement]:
    """The simple statements of a module body and of the blocks in it that run on import."""
    for node in body:
        if isinstance(node, ast.If):
            checking = _is_type_checking(node.test)
            # a conditional import may not run: it never counts as a failure of the module
            yield from statements(
                node.body, guarded=guarded or not checking, typing=typing or checking
            )
            yield from statements(node.orelse, guarded=True, typing=typing)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
            caught = guarded or any(_guards_import_error(h) for h in handlers)
            yield from statements(getattr(node, "body", []), guarded=caught, typing=typing)
            for part in (*(h.body for h in handlers), node.orelse, node.finalbody):  # type: ignore[attr-defined]
                yield from statements(part, guarded=guarded, typing=typing)
        elif isinstance(node, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
            yield from statements(node.body, guarded=guarded, typing=typing)
            yield from statements(getattr(node, "orelse", []), guarded=guarded, typing=typing)
        else:
            yield Statement(node, guarded, typing)


def package_of(module: str, is_package: bool) -> str:
    """The package relative imports in `module` start from."""
    return module if is_package else module.rpartition(".")[0]


def resolve_relative(package: str, module: str | None, level: int) -> str | None:
    """The absolute module of `from .mod import x` seen from `package`; None if it escapes."""
    if level == 0:
        return module
    parts = package.split(".") if package else []
    if level - 1 > len(parts) or (level - 1 == len(parts) and not module):
        return None
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, *([module] if module else [])]) or None


def _targets(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _targets(element)


def _literal_names(node: ast.expr | None) -> tuple[str, ...] | None:
    """The strings of a literal list or tuple of strings; None for anything else."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    names = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return tuple(names) if len(names) == len(node.elts) else None


_STRENGTH: dict[BindingKind, int] = {
    "typing": 0,
    "import": 1,
    "object": 2,
    "class": 3,
    "function": 3,
}
_DEFINITION = 3  # a later def or class replaces an earlier one, as it does at run time


@dataclass(kw_only=True)
class TopLevel:
    """What one module binds at its top level, its literal `__all__`, the modules its star
    imports read from, and whether a module `__getattr__` answers unknown names."""

    bindings: dict[str, Binding] = field(default_factory=dict)
    all_names: tuple[str, ...] | None = None
    stars: list[str] = field(default_factory=list)
    has_getattr: bool = False

    def read(self, body: Iterable[ast.stmt], package: str, *, typing: bool) -> list[Statement]:
        """Record what `body` binds (`typing`: also what only `if TYPE_CHECKING:` binds);
        return its import statements, for callers that index them."""
        imports = []
        for statement in statements(body):
            if statement.typing and not typing:
                continue
            node = statement.node
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                imports.append(statement)
                self._imports(node, package, typing=statement.typing)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                kind: BindingKind = "class" if isinstance(node, ast.ClassDef) else "function"
                self._bind(node.name, node.lineno, kind, typing=statement.typing)
                self.has_getattr |= node.name == "__getattr__" and kind == "function"
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                self._assignment(node, typing=statement.typing)
        return imports

    def _bind(self, name: str, line: int, kind: BindingKind, *, typing: bool) -> None:
        """Record a binding of `name`, kept when it outranks the one before (module docstring)."""
        found = self.bindings.get(name)
        kind = "typing" if typing else kind
        strength = _STRENGTH[kind]
        before = -1 if found is None else _STRENGTH[found.kind]
        if strength > before or strength == before == _DEFINITION:
            self.bindings[name] = Binding(name, kind, line)

    def _imports(self, node: ast.Import | ast.ImportFrom, package: str, *, typing: bool) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                self._bind(
                    alias.asname or alias.name.partition(".")[0],
                    node.lineno,
                    "import",
                    typing=typing,
                )
            return
        for alias in node.names:
            if alias.name != "*":
                self._bind(alias.asname or alias.name, node.lineno, "import", typing=typing)
            elif not typing:
                self.stars.append(resolve_relative(package, node.module, node.level) or "")

    def _assignment(
        self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, *, typing: bool
    ) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            for name in _targets(target):
                if name != "__all__":
                    self._bind(name, node.lineno, "object", typing=typing)
                elif node.value is not None:
                    names = _literal_names(node.value)
                    if isinstance(node, ast.AugAssign):
                        self.all_names = (*(self.all_names or ()), *(names or ()))
                    else:
                        self.all_names = names
