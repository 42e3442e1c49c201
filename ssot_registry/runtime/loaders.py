"""The import-system side of the shims: the meta-path finder and its three loaders."""

from __future__ import annotations

import importlib.util
import sys
from importlib import _bootstrap_external
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ssot_registry.runtime.engine import Shims
    from ssot_registry.runtime.entries import Entry

__all__ = ["AliasLoader", "HookingLoader", "ShimFinder", "ShimLoader"]


class ShimFinder(MetaPathFinder):
    """First on `sys.meta_path`: answers for old paths of one registry, passes on the rest."""

    def __init__(self, shims: Shims) -> None:
        self.shims = shims
        self.find_spec = shims.find_spec  # type: ignore[method-assign]

    def __repr__(self) -> str:
        return f"<ShimFinder of registry {self.shims.name!r}>"

    def find_spec(  # replaced per instance by the shims' bound method, one call less
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """Delegate to the registry's shims."""
        return self.shims.find_spec(fullname, path, target)

    def invalidate_caches(self) -> None:
        """Nothing cached by path here."""


class HookingLoader(Loader):
    """Wraps a real module's loader to hook the module once it has executed, then steps aside."""

    def __init__(
        self, inner: Loader | None, spec: ModuleSpec, on_loaded: Callable[[ModuleType], None]
    ) -> None:
        self.inner = inner
        self.spec = spec
        self.on_loaded = on_loaded

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        """The real loader's module."""
        return self.inner.create_module(spec) if self.inner is not None else None

    def exec_module(self, module: ModuleType) -> None:
        """Give the module its real loader back, hook it, run it, and hook it again (chaining
        a `__getattr__` it defined): its own submodules may use old names while it runs."""
        inner: Any = self.inner
        if inner is None:  # a namespace package on Python 3.10
            locations: Any = self.spec.submodule_search_locations
            inner = _bootstrap_external._NamespaceLoader(
                self.spec.name,
                locations,
                PathFinder._get_spec,  # type: ignore[attr-defined]
            )
        self.spec.loader = inner
        if module.__dict__.get("__loader__") is self:
            module.__loader__ = inner
        self.on_loaded(module)
        inner.exec_module(module)
        self.on_loaded(module)


class ShimLoader(Loader):
    """Creates a shim module for an old module (or parent package) that does not exist."""

    def __init__(self, shims: Shims, flags: int) -> None:
        self.shims = shims
        self.flags = flags

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        """A plain new module."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Give the shim its names."""
        self.shims.fill_shim(module, self.flags)


class AliasLoader(Loader):
    """Imports the canonical module and returns that very object under the old name."""

    def __init__(self, shims: Shims, entry: Entry, new_spec: ModuleSpec | None) -> None:
        self.shims = shims
        self.entry = entry
        self.new_spec = new_spec
        self.canonical_spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        """The canonical module (imported now), after warning at the user's line."""
        module = self.shims.load_alias(self.entry, sys._getframe(1))
        self.canonical_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing runs again: give the canonical module its own spec back and record the name."""
        module.__spec__ = self.canonical_spec
        self.shims.record_created(self.entry.old_module, module)

    def _new_loader(self) -> Any:
        spec = self.new_spec or importlib.util.find_spec(self.entry.new_module)
        if spec is None or spec.loader is None:
            raise ImportError(
                f"No module named {self.entry.new_module!r}", name=self.entry.new_module
            )
        return spec.loader

    def get_code(self, fullname: str) -> CodeType | None:
        """The canonical module's code: what `python -m old` runs (which counts as a use)."""
        if sys._getframe(1).f_globals.get("__name__") == "runpy":
            self.shims.run_alias(self.entry)
        code: CodeType | None = self._new_loader().get_code(self.entry.new_module)
        return code

    def get_source(self, fullname: str) -> str | None:
        """The canonical module's source."""
        source: str | None = self._new_loader().get_source(self.entry.new_module)
        return source

    def is_package(self, fullname: str) -> bool:
        """Whether the canonical module is a package."""
        return bool(self._new_loader().is_package(self.entry.new_module))


def find_real_spec(
    finder: MetaPathFinder, fullname: str, path: Sequence[str] | None, target: ModuleType | None
) -> ModuleSpec | None:
    """The spec the finders after `finder` on `sys.meta_path` give for `fullname`."""
    finders = sys.meta_path
    start = 0
    for index, candidate in enumerate(finders):
        if candidate is finder:
            start = index + 1
            break
    for candidate in finders[start:]:
        find = getattr(candidate, "find_spec", None)
        if find is not None:
            spec: ModuleSpec | None = find(fullname, path, target)
            if spec is not None:
                return spec
    return None
