"""`Tracker`: what the shims of one registry changed (hooks on modules, names in `sys.modules`),
so that `uninstall()` can undo exactly that, and nothing grows without bound."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from types import ModuleType

from ssot_registry.runtime import hooks
from ssot_registry.runtime.cpython import module_lock

__all__ = ["Tracker"]


class Tracker:
    """Hooks attached and names created, bounded by module names: one slot per name hooked
    (a module re-imported under the same name replaces the earlier one, whose hooks are
    detached then) and one per name put in `sys.modules`."""

    def __init__(self, owner: hooks.Owner) -> None:
        self.owner = owner
        self._lock = threading.Lock()
        self._hooked: dict[str, tuple[ModuleType, dict[str, hooks.Hooks]]] = {}
        self._created: dict[str, ModuleType] = {}

    def attach(
        self,
        fullname: str,
        module: ModuleType,
        factory: Callable[[hooks.Hook | None], hooks.Hook],
        names: Mapping[str, object],
        role: str,
        *,
        created: bool = False,
    ) -> None:
        """Hook `module` in `role`, its `__dir__` listing `names` (tombstones left out); hooking
        again (a reload, a second pass) replaces the hooks. `created`: this library made the
        module and put it in `sys.modules` (a shim), so `forget` removes it too."""

        def listed() -> list[str]:
            return [
                name for name, value in names.items() if getattr(value, "removed_in", None) is None
            ]

        with self._lock:
            slot = self._hooked.get(fullname)
            if slot is None or slot[0] is not module:
                if slot is not None:  # an earlier module of this name: no longer the one
                    for stale in slot[1].values():
                        hooks.detach(slot[0], stale)
                slot = self._hooked[fullname] = (module, {})
            roles = slot[1]
            stale_hooks = roles.get(role)
            if stale_hooks is not None:
                hooks.detach(module, stale_hooks)
            roles[role] = hooks.attach(self.owner, module, factory, listed, role)
            if created:
                self._created.pop(fullname, None)
                self._created[fullname] = module

    def record(self, fullname: str, module: ModuleType) -> None:
        """Remember a name this library put in `sys.modules` (the latest module of a name
        re-imported after `sys.modules.pop` replaces the earlier one)."""
        with self._lock:
            self._created.pop(fullname, None)
            self._created[fullname] = module

    def tracked(self) -> tuple[int, int]:
        """(hooked modules, names put in `sys.modules`): what `forget()` will visit."""
        with self._lock:
            return len(self._hooked), len(self._created)

    def forget(self) -> None:
        """Detach the hooks and remove the names put in `sys.modules` (and as attributes of
        parents), leaving real modules imported meanwhile alone.

        Each name is removed under importlib's locks of it and of its submodules being imported:
        a thread still loading one finishes first (importlib re-reads `sys.modules` then), and
        what such a late load records is undone in the next round. Call it outside other locks.
        """
        while True:
            with self._lock:
                hooked = [(module, list(roles.values())) for module, roles in self._hooked.values()]
                self._hooked = {}
                created, self._created = list(self._created.items()), {}
            if not hooked and not created:
                return
            for module, attached in reversed(hooked):
                for one in reversed(attached):
                    hooks.detach(module, one)
            for fullname, module in reversed(created):
                with module_lock(fullname):
                    if sys.modules.get(fullname) is module:
                        del sys.modules[fullname]
                parent_name, _, child = fullname.rpartition(".")
                parent = sys.modules.get(parent_name) if parent_name else None
                if parent is not None and parent.__dict__.get(child) is module:
                    delattr(parent, child)
