"""`--static`: resolve every import from the sources, executing nothing (SPEC section 11).

A module imports when each import statement it runs finds its module (in
the project's index, or among the files on the search path, located with
`PathFinder` which only lists folders) and each imported name is bound
there: def, class, assignment, import, `__all__`, or a star-import followed
statically. A module with `__getattr__`, an extension module without a
`.pyi` beside it, or a builtin module makes unknown names *unknown*, never
missing. Imports under `if`, `try: ... except ImportError` or
`TYPE_CHECKING`, and inside functions, may not run: they are not failures.
Project modules are followed through their own imports (the innermost
failing statement is the root cause, as in the dynamic mode); installed
distributions are trusted.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from ssot_registry.registry import Registry
from ssot_registry.triage.index import ImportStatement, ModuleInfo, StaticIndex, parse_module
from ssot_registry.triage.model import Failure, TestModule

__all__ = ["StaticResolver", "resolve_statically"]

_UNKNOWN = "unknown"  # a module found, whose names cannot be known statically


@dataclass(frozen=True)
class _Problem:
    module: str
    file: str
    line: int
    exception: str
    message: str
    missing_module: str | None = None
    missing_name: str | None = None
    from_module: str | None = None


class StaticResolver:
    """Finds modules without importing them and decides, per module, the first failing import."""

    def __init__(
        self, index: StaticIndex, search_path: Sequence[str], registry: Registry | None = None
    ) -> None:
        self.index = index
        self.registry = registry
        self.search_path = list(search_path)
        self._external: dict[str, ModuleInfo | str | None] = {}
        self._locations: dict[str, list[str] | None] = {}
        self._verdicts: dict[str, _Problem | None] = {}
        self._visiting: set[str] = set()

    def _namespace(self, name: str) -> bool:
        parts = name.split(".")
        return any(os.path.isdir(os.path.join(root, *parts)) for root in self.index.roots)

    def _spec_locations(self, name: str) -> list[str] | None:
        """Where `name`'s submodules live (an installed package), found without importing."""
        if name not in self._locations:
            parent, _, _ = name.rpartition(".")
            path = self._spec_locations(parent) if parent else self.search_path
            spec = importlib.machinery.PathFinder.find_spec(name, path) if path else None
            self._locations[name] = None
            if spec is not None:
                self._external[name] = self._external_info(name, spec.origin)
                locations = spec.submodule_search_locations
                self._locations[name] = list(locations) if locations is not None else []
        return self._locations[name]

    def _external_info(self, name: str, origin: str | None) -> ModuleInfo | str:
        if origin is None or origin in ("built-in", "frozen"):
            return _UNKNOWN
        if origin.endswith((".py", ".pyi")):
            return parse_module(name, origin)
        stub = origin.split(".")[0] + ".pyi"
        return parse_module(name, stub) if os.path.exists(stub) else _UNKNOWN

    def find(self, name: str) -> ModuleInfo | str | None:
        """The module's parsed info, `unknown` (found, names unknowable), or None (missing)."""
        info = self.index.modules.get(name)
        if info is not None:
            return info
        if self._namespace(name) or name in sys.builtin_module_names:
            return _UNKNOWN
        if name not in self._external:
            self._external[name] = None
            if self._spec_locations(name) is None:
                return self._through_alias(name)
        return self._external.get(name) or self._through_alias(name)

    def _through_alias(self, name: str) -> ModuleInfo | str | None:
        """The module a registry module alias leads `name` to (the shims are installed)."""
        found = self.registry.find_alias(name) if self.registry is not None else None
        if found is None or found[0].is_tombstone or found[1].module == name:
            return None
        return self.find(found[1].module)

    def _aliased(self, module: str, name: str) -> bool:
        alias = self.registry.alias_for(f"{module}:{name}") if self.registry else None
        return alias is not None and not alias.is_tombstone

    def _binds(self, info: ModuleInfo, name: str, seen: set[str]) -> bool | None:
        """True bound, False missing, None unknown (a `__getattr__`, an unknown star)."""
        binding = info.bindings.get(name)
        if binding is not None and binding.kind != "typing":
            return True
        if info.has_getattr:
            return None
        for star in info.stars:
            if star in seen:
                continue
            seen.add(star)
            source = self.find(star)
            if not isinstance(source, ModuleInfo):
                return None
            if source.all_names is not None and name not in source.all_names:
                continue
            found = self._binds(source, name, seen)
            if found is not False:
                return found
        return False

    def problem(self, name: str) -> _Problem | None:
        """The first failing import of project module `name` (followed into the project)."""
        if name in self._verdicts:
            return self._verdicts[name]
        info = self.index.modules.get(name)
        if info is None or name in self._visiting:
            return None
        self._visiting.add(name)
        try:
            verdict = self._check(info)
        finally:
            self._visiting.discard(name)
        self._verdicts[name] = verdict
        return verdict

    def _check(self, info: ModuleInfo) -> _Problem | None:
        if info.syntax_error is not None:
            line, message = info.syntax_error
            return _Problem(info.name, info.file, line, "SyntaxError", f"SyntaxError: {message}")
        parent = info.name.rpartition(".")[0]
        found = self.problem(parent) if parent else None
        if found is not None:
            return found
        for statement in info.imports:
            if statement.nested or statement.typing or statement.guarded:
                continue
            found = self._statement(info, statement)
            if found is not None:
                return found
        return None

    def _statement(self, info: ModuleInfo, statement: ImportStatement) -> _Problem | None:
        parts = statement.module.split(".")
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end])
            if self.find(prefix) is None:
                message = f"ModuleNotFoundError: No module named '{prefix}'"
                return _Problem(
                    info.name, info.file, statement.line, "ModuleNotFoundError", message, prefix
                )
            inner = self.problem(prefix)
            if inner is not None:
                return inner
        target = self.find(statement.module)
        for name in statement.names:
            if name == "*" or not isinstance(target, ModuleInfo):
                continue
            submodule = f"{statement.module}.{name}"
            if self._binds(target, name, {statement.module}) is not False:
                continue
            if self._aliased(statement.module, name):
                continue
            if self.find(submodule) is not None:
                inner = self.problem(submodule)
                if inner is not None:
                    return inner
                continue
            message = (
                f"ImportError: cannot import name '{name}' from '{statement.module}' "
                f"({target.file})"
            )
            return _Problem(
                info.name,
                info.file,
                statement.line,
                "ImportError",
                message,
                missing_name=name,
                from_module=statement.module,
            )
        return None


def resolve_statically(
    modules: Sequence[TestModule],
    index: StaticIndex,
    search_path: Sequence[str],
    registry: Registry | None = None,
) -> list[Failure]:
    """The failures a static resolution finds, one per module that would not import."""
    resolver = StaticResolver(index, [*{m.folder for m in modules}, *search_path], registry)
    failures = []
    for module in modules:
        info = index.by_file.get(module.file)
        if info is None:
            continue
        found = None
        for conftest in module.conftests:
            conftest_info = index.by_file.get(conftest[2])
            found = found or (resolver.problem(conftest_info.name) if conftest_info else None)
        found = found or resolver.problem(info.name)
        if found is not None:
            failures.append(
                Failure(
                    module=module.name,
                    code="SSOT010",
                    error=found.message,
                    cause_module=found.module,
                    file=found.file,
                    line=found.line,
                    exception=found.exception,
                    missing_module=found.missing_module,
                    missing_name=found.missing_name,
                    from_module=found.from_module,
                )
            )
    return failures
