"""The static index: every top-level definition and re-export of the project, built without
importing anything.

Each source file under an import root is parsed once (`ast`); its module
name is its path below the root. A module records what it binds at the top
level (def, class, assignment, import, `__all__`, star-imports, bindings
under `if`/`try`/`with`), which imports run only for type checkers, which
are guarded by `try: ... except ImportError`, and whether it has a module
`__getattr__` (then unknown names are unknown, not missing).
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ssot_registry.migration.files import find_sources

__all__ = ["Binding", "ImportStatement", "ModuleInfo", "StaticIndex", "parse_module"]


@dataclass(frozen=True)
class Binding:
    """A name a module binds at its top level."""

    line: int
    kind: str  # def | class | assign | import | typing (only under TYPE_CHECKING)


@dataclass(frozen=True)
class ImportStatement:
    """One import a module runs: `import module` (names empty) or `from module import names`."""

    line: int
    module: str  # absolute
    names: tuple[str, ...] = ()
    guarded: bool = False  # under `if` or `try: ... except ImportError`: may not run
    typing: bool = False  # only under `if TYPE_CHECKING:`
    nested: bool = False  # inside a function or class body: runs later, if ever


@dataclass
class ModuleInfo:
    """What one source file binds and imports."""

    name: str
    file: str
    package: bool
    bindings: dict[str, Binding] = field(default_factory=dict)
    all_names: tuple[str, ...] | None = None
    stars: list[str] = field(default_factory=list)
    has_getattr: bool = False
    imports: list[ImportStatement] = field(default_factory=list)
    syntax_error: tuple[int, str] | None = None


def _absolute(module: str | None, level: int, info: ModuleInfo) -> str:
    if level == 0:
        return module or ""
    parts = info.name.split(".") if info.package else info.name.split(".")[:-1]
    base = parts[: len(parts) - level + 1] if level > 1 else parts
    return ".".join([*base, module] if module else base)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _guards_import_error(handler: ast.ExceptHandler) -> bool:
    kind = handler.type
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind] if kind else []
    return kind is None or any(
        isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError", "Exception")
        for n in names
    )


class _Collector:
    """Walks a module body (and the blocks that still run at import time)."""

    def __init__(self, info: ModuleInfo) -> None:
        self.info = info

    def bind(self, name: str, line: int, kind: str, *, typing: bool) -> None:
        self.info.bindings.setdefault(name, Binding(line, "typing" if typing else kind))

    def body(self, nodes: Iterable[ast.stmt], *, guarded: bool, typing: bool) -> None:
        for node in nodes:
            self.statement(node, guarded=guarded, typing=typing)

    def statement(self, node: ast.stmt, *, guarded: bool, typing: bool) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports(node, guarded=guarded, typing=typing, nested=False)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            kind = "class" if isinstance(node, ast.ClassDef) else "def"
            self.bind(node.name, node.lineno, kind, typing=typing)
            if node.name == "__getattr__" and kind == "def":
                self.info.has_getattr = True
            self.nested(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self.assign(node, typing=typing)
        elif isinstance(node, ast.If):
            checking = _is_type_checking(node.test)
            # a conditional import may not run: it never counts as a failure of the module
            self.body(node.body, guarded=guarded or not checking, typing=typing or checking)
            self.body(node.orelse, guarded=True, typing=typing)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            handlers = getattr(node, "handlers", [])
            caught = guarded or any(_guards_import_error(h) for h in handlers)
            self.body(getattr(node, "body", []), guarded=caught, typing=typing)
            for part in (*(h.body for h in handlers), node.orelse, node.finalbody):  # type: ignore[attr-defined]
                self.body(part, guarded=guarded, typing=typing)
        elif isinstance(node, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
            self.body(node.body, guarded=guarded, typing=typing)
            self.body(getattr(node, "orelse", []), guarded=guarded, typing=typing)

    def nested(self, node: ast.AST) -> None:
        for child in ast.walk(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                self.imports(child, guarded=True, typing=False, nested=True)

    def assign(self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, *, typing: bool) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    self.bind(name.id, node.lineno, "assign", typing=typing)
                    if name.id == "__all__" and isinstance(node.value, (ast.List, ast.Tuple)):
                        self.info.all_names = (*(self.info.all_names or ()), *_strings(node.value))

    def imports(
        self, node: ast.Import | ast.ImportFrom, *, guarded: bool, typing: bool, nested: bool
    ) -> None:
        info = self.info
        if isinstance(node, ast.Import):
            for alias in node.names:
                statement = ImportStatement(node.lineno, alias.name, (), guarded, typing, nested)
                info.imports.append(statement)
                if not nested:
                    bound = alias.asname or alias.name.partition(".")[0]
                    self.bind(bound, node.lineno, "import", typing=typing)
            return
        module = _absolute(node.module, node.level, info)
        names = tuple(alias.name for alias in node.names)
        info.imports.append(ImportStatement(node.lineno, module, names, guarded, typing, nested))
        if nested:
            return
        for alias in node.names:
            if alias.name == "*":
                if not typing:
                    info.stars.append(module)
            else:
                self.bind(alias.asname or alias.name, node.lineno, "import", typing=typing)


def _strings(node: ast.List | ast.Tuple) -> Iterator[str]:
    for element in node.elts:
        if isinstance(element, ast.Constant) and isinstance(element.value, str):
            yield element.value


def parse_module(name: str, file: str) -> ModuleInfo:
    """Parse one source file into its bindings and imports (a syntax error is recorded)."""
    package = os.path.basename(file).partition(".")[0] == "__init__"
    info = ModuleInfo(name, file, package)
    try:
        with open(file, "rb") as handle:
            tree = ast.parse(handle.read(), file)
    except SyntaxError as error:
        info.syntax_error = (error.lineno or 0, error.msg)
        return info
    except (OSError, ValueError) as error:
        info.syntax_error = (0, str(error))
        return info
    _Collector(info).body(tree.body, guarded=False, typing=False)
    return info


def _module_for(root: str, file: str) -> str | None:
    relative = os.path.relpath(file, root)
    parts = relative[: -len(os.path.splitext(relative)[1])].split(os.sep)
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return ".".join(parts)


class StaticIndex:
    """Every module under the import roots, by name, and every definition, by name."""

    def __init__(self, roots: Sequence[str], exclude: Sequence[str] = ()) -> None:
        self.roots = [os.path.abspath(root) for root in roots if os.path.isdir(root)]
        self.modules: dict[str, ModuleInfo] = {}
        for root in self.roots:
            for file in find_sources([root], exclude):
                name = _module_for(root, file)
                if name is None or name in self.modules:
                    continue
                if file.endswith(".pyi") and os.path.exists(file[:-1]):
                    continue  # the .py beside it is what runs
                self.modules[name] = parse_module(name, os.path.abspath(file))
        self.by_file = {info.file: info for info in self.modules.values()}
        self.definitions: dict[str, list[tuple[ModuleInfo, Binding]]] = {}
        for info in self.modules.values():
            for bound, binding in info.bindings.items():
                if binding.kind in ("def", "class", "assign"):
                    self.definitions.setdefault(bound, []).append((info, binding))

    @property
    def top_levels(self) -> frozenset[str]:
        """The top-level package names the project defines."""
        return frozenset(name.partition(".")[0] for name in self.modules)

    def defined_in(self, name: str, *, besides: str = "") -> list[tuple[ModuleInfo, Binding]]:
        """Modules (other than `besides`) that define `name` themselves, sorted by module."""
        found = [pair for pair in self.definitions.get(name, []) if pair[0].name != besides]
        return sorted(found, key=lambda pair: pair[0].name)

    def wanted_module(self, missing: str, file: str | None, line: int | None) -> str:
        """The module the import statement at `file:line` asked for, when `missing` (what
        Python reports: the first missing package) is a prefix of it; else `missing`."""
        info = self.by_file.get(file or "")
        for statement in info.imports if info is not None else ():
            if statement.line == line and statement.module.startswith(missing + "."):
                return statement.module
        return missing

    def same_final_name(self, module: str) -> list[ModuleInfo]:
        """Modules whose last name part equals `module`'s (where it might have moved)."""
        last = module.rpartition(".")[2]
        return sorted(
            (info for name, info in self.modules.items() if name.rpartition(".")[2] == last),
            key=lambda info: info.name,
        )
