"""The public API of a snapshot of source files, statically: modules, and the names each binds.

Public means: a module without a `_`-prefixed part, and in it the names listed in a literal
`__all__`, or else the names it defines (def, class, assignment) not starting with `_`.
Imported names are API only when `__all__` lists them; every binding counts when asking
whether a name still exists.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["ApiIndex", "Binding", "ModuleApi", "build_api", "module_of"]

Kind = Literal["class", "function", "object", "import"]

_SKIPPED_FOLDERS = frozenset({"tests", "test", "docs", "examples", "benchmarks"})
_SKIPPED_FILES = frozenset({"conftest.py", "setup.py", "noxfile.py"})


@dataclass(frozen=True, slots=True)
class Binding:
    """A name a module binds at its top level, its kind and line."""

    name: str
    kind: Kind
    line: int


@dataclass
class ModuleApi:
    """What one module binds and exports."""

    module: str
    file: str
    bindings: dict[str, Binding] = field(default_factory=dict)
    all_names: tuple[str, ...] | None = None
    stars: list[str] = field(default_factory=list)
    has_getattr: bool = False

    @property
    def public(self) -> list[Binding]:
        """The module's public names (see the module docstring)."""
        if self.all_names is not None:
            return [self.bindings.get(n) or Binding(n, "object", 1) for n in self.all_names]
        return [
            b for b in self.bindings.values() if not b.name.startswith("_") and b.kind != "import"
        ]


@dataclass
class ApiIndex:
    """Every module of a snapshot by dotted name."""

    modules: dict[str, ModuleApi] = field(default_factory=dict)

    def public_modules(self) -> Iterator[ModuleApi]:
        """Modules whose dotted name has no `_`-prefixed part."""
        for name, api in self.modules.items():
            if not any(part.startswith("_") for part in name.split(".")):
                yield api

    def binds(self, module: str, name: str, depth: int = 0) -> bool:
        """Whether `module.name` still resolves: a binding, a submodule, a name a star-import
        brings (followed statically) or a module `__getattr__` (unknown counts as present)."""
        api = self.modules.get(module)
        if api is None or depth > 10:
            return api is not None
        if name in api.bindings or api.has_getattr or f"{module}.{name}" in self.modules:
            return True
        return any(
            star not in self.modules or self.binds(star, name, depth + 1) for star in api.stars
        )

    def definitions(self, name: str, kind: Kind) -> list[tuple[ModuleApi, Binding]]:
        """Public modules that define `name` as a `kind` (not an import)."""
        return [
            (api, api.bindings[name])
            for api in self.public_modules()
            if name in api.bindings and api.bindings[name].kind == kind
        ]


def module_of(relative: str, is_package: Callable[[str], bool]) -> str | None:
    """The dotted module of a `/` path (a folder is a package when `is_package(folder)`)."""
    parts = relative.split("/")
    if (
        not parts[-1].endswith(".py")
        or parts[-1] in _SKIPPED_FILES
        or parts[-1].startswith("test_")
        or _SKIPPED_FOLDERS & set(parts[:-1])
    ):
        return None
    folders, stem = parts[:-1], parts[-1][:-3]
    start = len(folders)
    while start > 0 and is_package("/".join(folders[:start])):
        start -= 1
    package = folders[start:]
    names = package if stem == "__init__" else [*package, stem]
    if not names or not all(n.isidentifier() for n in names):
        return None
    return ".".join(names)


def _resolve(package: str, node: ast.ImportFrom) -> str | None:
    if node.level == 0:
        return node.module
    parts = package.split(".") if package else []
    if node.level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])]) or None


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for node in body:
        if isinstance(node, ast.If):
            test = ast.unparse(node.test)
            if not test.endswith("TYPE_CHECKING"):
                yield from _statements(node.body)
            yield from _statements(node.orelse)
        elif isinstance(node, ast.Try):
            yield from _statements(node.body)
            for handler in node.handlers:
                yield from _statements(handler.body)
            yield from _statements(node.orelse)
        else:
            yield node


def _targets(node: ast.expr) -> Iterable[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _targets(element)


def _literal_names(node: ast.expr) -> tuple[str, ...] | None:
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _read_module(api: ModuleApi, tree: ast.Module, package: str) -> None:
    for node in _statements(tree.body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            api.bindings[node.name] = Binding(node.name, "function", node.lineno)
            api.has_getattr |= node.name == "__getattr__"
        elif isinstance(node, ast.ClassDef):
            api.bindings[node.name] = Binding(node.name, "class", node.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            _assignment(api, node)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.asname or alias.name.partition(".")[0]
                api.bindings.setdefault(name, Binding(name, "import", node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(package, node)
            for alias in node.names:
                if alias.name == "*":
                    api.stars.append(base or "")
                else:
                    name = alias.asname or alias.name
                    api.bindings.setdefault(name, Binding(name, "import", node.lineno))


def _assignment(api: ModuleApi, node: ast.Assign | ast.AnnAssign | ast.AugAssign) -> None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        for name in _targets(target):
            if name == "__all__" and node.value is not None:
                names = _literal_names(node.value)
                if isinstance(node, ast.AugAssign):
                    api.all_names = (*(api.all_names or ()), *(names or ()))
                else:
                    api.all_names = names
            elif name not in api.bindings or api.bindings[name].kind == "import":
                api.bindings[name] = Binding(name, "object", node.lineno)


def build_api(
    sources: Mapping[str, bytes],
    is_package: Callable[[str], bool],
    unchanged: Mapping[str, ModuleApi] | None = None,
) -> tuple[ApiIndex, list[str]]:
    """The API of a snapshot (`/` path -> source bytes) and the files that did not parse.

    `unchanged` maps files whose bytes are the same in another snapshot to the API read
    there: reused instead of parsed again when the module keeps its name.
    """
    index = ApiIndex()
    errors = []
    for relative, data in sorted(sources.items()):
        module = module_of(relative, is_package)
        if module is None:
            continue
        same = (unchanged or {}).get(relative)
        if same is not None and same.module == module:
            index.modules[module] = same
            continue
        try:
            tree = ast.parse(data, filename=relative)
        except (SyntaxError, ValueError) as error:
            errors.append(f"{relative}: cannot parse: {error}")
            continue
        init = relative.endswith("/__init__.py") or relative == "__init__.py"
        package = module if init else module.rpartition(".")[0]
        api = ModuleApi(module, relative)
        _read_module(api, tree, package)
        index.modules[module] = api
    return index, errors
