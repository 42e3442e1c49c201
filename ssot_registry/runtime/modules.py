"""`ModuleHooks`: give real old modules, shim modules and the facade their old names."""

from __future__ import annotations

import sys
from types import ModuleType

from ssot_registry.runtime import hooks
from ssot_registry.runtime.index import FACADE, KEY, ShimIndex
from ssot_registry.runtime.tracking import Tracker
from ssot_registry.runtime.uses import Uses

__all__ = ["ModuleHooks"]


class ModuleHooks:
    """Hooks modules of one registry with `__getattr__`/`__dir__`, recording what it did."""

    def __init__(self, index: ShimIndex, uses: Uses, tracker: Tracker) -> None:
        self.index = index
        self.uses = uses
        self.tracker = tracker

    def hook(self, fullname: str, module: ModuleType) -> None:
        """Hook a real old module (or the facade), before and after it executes."""
        flags = self.index.names.get(fullname, 0)
        if flags & KEY:
            table = self.index.table(fullname)
            if table:
                factory = hooks.shim_getattr(self.uses, fullname, table, shim=False)
                self.tracker.attach(fullname, module, factory, table, "alias")
        if flags & FACADE:
            self._hook_facade(fullname, module)

    def _hook_facade(self, fullname: str, module: ModuleType) -> None:
        symbols = self.index.symbols
        factory = hooks.facade_getattr(self.uses, fullname, symbols)
        self.tracker.attach(fullname, module, factory, symbols(), "facade")

    def fill_shim(self, module: ModuleType, flags: int) -> None:
        """Give a shim module its aliased names (and the facade's), `__all__` and `__dir__`."""
        fullname = module.__name__
        index = self.index
        table = index.table(fullname) if flags & KEY else {}
        served = sorted(name for name, entry in table.items() if entry.removed_in is None)
        if flags & FACADE:
            served = sorted({*served, *index.symbols()})
        module.__all__ = served  # type: ignore[attr-defined]
        also = index.symbols if flags & FACADE else tuple
        factory = hooks.shim_getattr(self.uses, fullname, table, shim=True, also=also)
        self.tracker.attach(fullname, module, factory, table, "alias", created=True)
        if flags & FACADE:
            self._hook_facade(fullname, module)

    def hook_imported(self) -> None:
        """Hook the old modules and the facade that are already imported."""
        names, modules = self.index.names, sys.modules
        for name in sorted(names.keys() & modules.keys()):  # sys.modules is the smaller: in C
            module = modules.get(name)
            if (
                names[name] & (KEY | FACADE)
                and module is not None
                and not self.index.is_module_alias(name)
            ):
                self.hook(name, module)
