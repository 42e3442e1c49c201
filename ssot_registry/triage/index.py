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
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ssot_registry.migration.files import find_sources
from ssot_registry.sources.toplevel import (
    Binding,
    Statement,
    TopLevel,
    package_of,
    resolve_relative,
)

__all__ = ["ImportStatement", "ModuleInfo", "StaticIndex", "parse_module"]


@dataclass(frozen=True)
class ImportStatement:
    """One import a module runs: `import module` (names empty) or `from module import names`."""

    line: int
    module: str  # absolute
    names: tuple[str, ...] = ()
    guarded: bool = False  # under `if` or `try: ... except ImportError`: may not run
    typing: bool = False  # only under `if TYPE_CHECKING:`
    nested: bool = False  # reserved: imports inside functions and classes are not indexed


@dataclass
class ModuleInfo(TopLevel):
    """What one source file binds and imports."""

    name: str
    file: str
    package: bool
    imports: list[ImportStatement] = field(default_factory=list)
    syntax_error: tuple[int, str] | None = None


def _import_statements(statement: Statement, package: str) -> Iterator[ImportStatement]:
    node, guarded, typing = statement.node, statement.guarded, statement.typing
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield ImportStatement(node.lineno, alias.name, (), guarded, typing)
    elif isinstance(node, ast.ImportFrom):
        module = resolve_relative(package, node.module, node.level) or ""
        names = tuple(alias.name for alias in node.names)
        yield ImportStatement(node.lineno, module, names, guarded, typing)


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
    base = package_of(name, package)
    for statement in info.read(tree.body, base, typing=True):
        info.imports.extend(_import_statements(statement, base))
    return info


def _module_for(root: str, file: str) -> str | None:
    relative = os.path.relpath(file, root)
    parts = relative[: -len(os.path.splitext(relative)[1])].split(os.sep)
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return ".".join(parts)


def _is_project_folder(folder: str) -> bool:
    """A folder on sys.path that holds project code, not the interpreter's or installed ones."""
    prefixes = {os.path.abspath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    inside = any(folder == p or folder.startswith(os.path.join(p, "")) for p in prefixes)
    installed = "site-packages" in folder or "dist-packages" in folder
    return os.path.isdir(folder) and not inside and not installed


class StaticIndex:
    """Every module under the import roots, by name, and every definition, by name."""

    def __init__(self, roots: Sequence[str], exclude: Sequence[str] = ()) -> None:
        self.roots = [os.path.abspath(root) for root in roots if os.path.isdir(root)]
        self.exclude = tuple(exclude)
        self.modules: dict[str, ModuleInfo] = {}
        self.by_file: dict[str, ModuleInfo] = {}
        self.definitions: dict[str, list[tuple[ModuleInfo, Binding]]] = {}
        # deepest first: a file below two roots is named from the one it is imported from
        # (pytest's base folder), and parsed once
        for root in sorted(self.roots, key=lambda r: -r.count(os.sep)):
            self._walk(root, [root])

    def _walk(self, root: str, paths: Sequence[str]) -> None:
        for file in find_sources(paths, self.exclude):
            name = _module_for(root, file)
            if name is None or name in self.modules or os.path.abspath(file) in self.by_file:
                continue
            if file.endswith(".pyi") and os.path.exists(file[:-1]):
                continue  # the .py beside it is what runs
            info = self.modules[name] = parse_module(name, os.path.abspath(file))
            self.by_file[info.file] = info
            for bound, binding in info.bindings.items():
                if binding.kind in ("function", "class", "object"):
                    self.definitions.setdefault(bound, []).append((info, binding))

    def add_imported_packages(self, search_path: Sequence[str]) -> None:
        """Index the packages the indexed code imports from the project's folders on the
        search path (not the interpreter's or a virtualenv's): `app/` beside `tests/`."""
        wanted = {
            statement.module.partition(".")[0]
            for info in list(self.modules.values())
            for statement in info.imports
            if statement.module
        } - self.top_levels
        for entry in search_path:
            folder = os.path.abspath(entry)
            if not _is_project_folder(folder):
                continue
            found = [
                os.path.join(folder, top)
                for top in sorted(wanted)
                if os.path.isdir(os.path.join(folder, top))
                or os.path.isfile(os.path.join(folder, top + ".py"))
            ]
            paths = [p if os.path.isdir(p) else p + ".py" for p in found]
            if paths:
                self.roots.append(folder)
                self._walk(folder, paths)
                wanted -= {os.path.basename(p).removesuffix(".py") for p in paths}

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
