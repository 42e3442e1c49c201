"""The three loaders the finder hands out. Each holds what it needs; none calls back into the
finder: a real module's loader wrapped to hook the module, a shim module's, an alias's."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from importlib.abc import Loader
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import Any

from ssot_registry.runtime.cpython import called_by_runpy, getframe, namespace_loader
from ssot_registry.runtime.entries import Entry
from ssot_registry.runtime.tracking import Tracker
from ssot_registry.runtime.uses import Uses

__all__ = ["AliasLoader", "HookingLoader", "ShimLoader"]


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
        inner = self.inner if self.inner is not None else namespace_loader(self.spec)
        self.spec.loader = inner
        if module.__dict__.get("__loader__") is self:
            module.__loader__ = inner
        self.on_loaded(module)
        inner.exec_module(module)
        self.on_loaded(module)


class ShimLoader(Loader):
    """Creates a shim module for an old module (or parent package) that does not exist."""

    def __init__(self, fill: Callable[[ModuleType, int], None], flags: int) -> None:
        self.fill = fill
        self.flags = flags

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        """A plain new module."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Give the shim its names."""
        self.fill(module, self.flags)


class AliasLoader(Loader):
    """Imports the canonical module and returns that very object under the old name."""

    def __init__(
        self, entry: Entry, new_spec: ModuleSpec | None, uses: Uses, tracker: Tracker
    ) -> None:
        self.entry = entry
        self.new_spec = new_spec
        self.uses = uses
        self.tracker = tracker
        self.canonical_spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        """The canonical module (imported now), after warning at the user's line."""
        module = self.uses.import_alias(self.entry, getframe(1))
        self.canonical_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing runs again: give the canonical module its own spec back and record the name."""
        module.__spec__ = self.canonical_spec
        self.tracker.record(self.entry.old_module, module)

    def _new_loader(self) -> Any:
        spec = self.new_spec or importlib.util.find_spec(self.entry.new_module)
        if spec is None or spec.loader is None:
            raise ImportError(
                f"No module named {self.entry.new_module!r}", name=self.entry.new_module
            )
        return spec.loader

    def get_code(self, fullname: str) -> CodeType | None:
        """The canonical module's code: what `python -m old` runs (which counts as a use)."""
        if called_by_runpy(getframe(1)):
            self.uses.run_alias(self.entry)
        code: CodeType | None = self._new_loader().get_code(self.entry.new_module)
        return code

    def get_source(self, fullname: str) -> str | None:
        """The canonical module's source."""
        source: str | None = self._new_loader().get_source(self.entry.new_module)
        return source

    def is_package(self, fullname: str) -> bool:
        """Whether the canonical module is a package."""
        return bool(self._new_loader().is_package(self.entry.new_module))
