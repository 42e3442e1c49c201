"""`ShimFinder`: first on `sys.meta_path`, it answers for the old paths of one registry.

Its `find_spec` asks the index whether a name is one of its own and hands out
a loader: the canonical module's under an old name, a shim, or a real module's
own loader wrapped to hook the module. Every other name is passed on at once.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

from ssot_registry.runtime.entries import Entry
from ssot_registry.runtime.index import FACADE, KEY, PARENT, ShimIndex, ShimPath
from ssot_registry.runtime.loaders import AliasLoader, HookingLoader, ShimLoader
from ssot_registry.runtime.modules import ModuleHooks
from ssot_registry.runtime.tracking import Tracker
from ssot_registry.runtime.uses import Uses

__all__ = ["ShimFinder", "find_real_spec"]

_SHIM_ORIGIN = "ssot-registry shim"


class ShimFinder(MetaPathFinder):
    """The import hook of one registry."""

    def __init__(self, index: ShimIndex, modules: ModuleHooks, uses: Uses, tracker: Tracker):
        self.index = index
        self.modules = modules
        self.uses = uses
        self.tracker = tracker
        self._names = index.names
        self._tops = index.tops
        self._busy = threading.local()
        self._shim_loaders: dict[int, ShimLoader] = {}

    def __repr__(self) -> str:
        return f"<ShimFinder of registry {self.uses.name!r}>"

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """A spec for an old module path, a hooked real module, or a shim; None otherwise."""
        flags = self._names.get(fullname)
        if flags is None:
            if "." not in fullname or fullname.partition(".")[0] not in self._tops:
                return None
            flags = 0
        entry = self.index.module_entry(fullname)
        if entry is not None:
            return self._alias_spec(entry, fullname)
        if not flags:
            return None
        # inside a shim package nothing real can exist: skip the search
        real = None if type(path) is ShimPath else self._find_real(fullname, path, target)
        if real is None:  # a shim
            loader = self._shim_loaders.get(flags)
            if loader is None:  # stateless: one per kind of shim
                loader = self._shim_loaders.setdefault(
                    flags, ShimLoader(self.modules.fill_shim, flags)
                )
            spec = ModuleSpec(fullname, loader, origin=_SHIM_ORIGIN)
            if flags & PARENT:
                spec.submodule_search_locations = ShimPath()
            return spec
        if flags & (KEY | FACADE) and (real.loader is None or hasattr(real.loader, "exec_module")):
            hook = self.modules.hook
            real.loader = HookingLoader(real.loader, real, lambda module: hook(fullname, module))
        return real

    def invalidate_caches(self) -> None:
        """Nothing cached by path here."""

    def _find_real(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None
    ) -> ModuleSpec | None:
        """The spec the other finders give, guarding against being asked again meanwhile."""
        busy: set[str] | None = getattr(self._busy, "names", None)
        if busy is None:
            busy = self._busy.names = set()
        if fullname in busy:
            return None
        busy.add(fullname)
        try:
            return find_real_spec(self, fullname, path, target)
        finally:
            busy.discard(fullname)

    def _alias_spec(self, entry: Entry, fullname: str) -> ModuleSpec | None:
        """The spec of an old module path; None for a submodule whose canonical module does
        not exist (`find_spec("old.nonexistent")` is None, as for any missing module)."""
        new_spec = self._peek_spec(entry.new_module)
        if new_spec is None and not self.index.is_module_alias(fullname):
            return None
        package = new_spec is not None and new_spec.submodule_search_locations is not None
        spec = ModuleSpec(
            entry.old_module,
            AliasLoader(entry, new_spec, self.uses, self.tracker),
            origin=new_spec.origin if new_spec is not None else None,
            is_package=package,
        )
        if new_spec is not None and package:
            spec.submodule_search_locations = new_spec.submodule_search_locations
        return spec

    def _peek_spec(self, name: str) -> ModuleSpec | None:
        """The spec of a module when it can be found without importing anything.

        Finders run under the global import lock: importing here (even a parent
        package) can deadlock against a thread that holds that package's lock.
        """
        loaded = sys.modules.get(name)
        if loaded is not None:
            spec: ModuleSpec | None = getattr(loaded, "__spec__", None)
            return spec
        parent_name = name.rpartition(".")[0]
        path = None
        if parent_name:
            parent = sys.modules.get(parent_name)
            if parent is not None:
                path = getattr(parent, "__path__", None)
            else:
                parent_spec = self._peek_spec(parent_name)
                path = parent_spec.submodule_search_locations if parent_spec else None
            if path is None:
                return None
        return find_real_spec(self, name, path, None)


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
