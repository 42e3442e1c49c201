"""The public API of a snapshot of source files, statically: modules, and the names each binds.

Public means: a module without a `_`-prefixed part, and in it the names listed in a literal
`__all__`, or else the names it defines (def, class, assignment) not starting with `_`.
Imported names are API only when `__all__` lists them; every binding counts when asking
whether a name still exists.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ssot_registry.sources.toplevel import Binding, BindingKind, TopLevel, package_of

__all__ = ["ApiIndex", "ModuleApi", "build_api", "module_of"]

_SKIPPED_FOLDERS = frozenset({"tests", "test", "docs", "examples", "benchmarks"})
_SKIPPED_FILES = frozenset({"conftest.py", "setup.py", "noxfile.py"})


@dataclass
class ModuleApi(TopLevel):
    """What one module binds and exports (names bound only for type checkers do not count)."""

    module: str
    file: str

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

    def definitions(self, name: str, kind: BindingKind) -> list[tuple[ModuleApi, Binding]]:
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
        api = ModuleApi(module, relative)
        api.read(tree.body, package_of(module, init), typing=False)
        index.modules[module] = api
    return index, errors
