"""`Shims`: the run-time side of one registry (old names, tables, uses, what was created)."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib.machinery import ModuleSpec
from types import FrameType, ModuleType
from typing import Any
from warnings import warn_explicit
from weakref import WeakKeyDictionary

from ssot_registry.registry import Alias, ImportPath, Registry
from ssot_registry.runtime import hooks
from ssot_registry.runtime.cpython import module_lock
from ssot_registry.runtime.entries import Entry
from ssot_registry.runtime.frames import frame_location, is_import_from, user_frame, warn_at
from ssot_registry.runtime.loaders import (
    AliasLoader,
    HookingLoader,
    ShimFinder,
    ShimLoader,
    find_real_spec,
)

__all__ = ["FACADE", "KEY", "PARENT", "Listener", "ShimPath", "Shims"]

KEY, PARENT, FACADE = 1, 2, 4
Listener = Callable[[Alias, str, int], None]
_FIND_AND_LOAD_UNLOCKED = importlib._bootstrap._find_and_load_unlocked.__code__  # type: ignore[attr-defined]
_SHIM_ORIGIN = "ssot-registry shim"


class ShimPath(list[str]):
    """The (empty) `__path__` of a shim package: marks that nothing real lives below it."""

    __slots__ = ()


def index_names(modules: Iterable[str], facade: str | None) -> dict[str, int]:
    """Every module name the shims answer for: old modules, their parents, the facade."""
    names: dict[str, int] = {}

    def add(module: str, flag: int) -> None:
        names[module] = names.get(module, 0) | flag
        end = module.rfind(".")
        while end > 0:
            parent = module[:end]
            flags = names.get(parent, 0)
            if flags & PARENT:
                break
            names[parent] = flags | PARENT
            end = module.rfind(".", 0, end)

    for module in modules:
        add(module, KEY)
    if facade:
        add(facade, FACADE)
    return names


class Shims:
    """Everything one installed registry does at run time."""

    def __init__(self, registry: Registry, *, strict: bool, listeners: list[Listener]) -> None:
        self.registry = registry
        self.name = registry.name
        self.strict = strict
        self.listeners = listeners
        self._rows, self._module_rows = registry.aliases_by_old_module(), registry.module_aliases()
        self._names = index_names(self._rows, registry.meta.expose)
        self._tops = frozenset(name for name in self._names if "." not in name)
        self._tables: dict[str, dict[str, Entry]] = {}
        self._module_entries: dict[str, Entry] = {}
        self._shim_loaders: dict[int, ShimLoader] = {}
        self._symbols: dict[str, ImportPath] | None = None
        self._busy = threading.local()
        self._lock = threading.Lock()
        # bounded by what is alive: one slot per (module, role) hooked, one per name created
        self._hooked: WeakKeyDictionary[ModuleType, dict[str, hooks.Hooks]] = WeakKeyDictionary()
        self._created: dict[str, ModuleType] = {}
        self.finder = ShimFinder(self)

    # -- lookups ----------------------------------------------------------------

    def table(self, module: str) -> dict[str, Entry]:
        """Old attribute name -> entry, for the attribute aliases of one old module."""
        table = self._tables.get(module)
        if table is None:
            table = {}
            for index in self._rows.get(module, ()):
                row = self.registry.alias_row(index)
                qualname = row.old_name
                if qualname is not None and "." not in qualname:
                    table[qualname] = Entry(
                        self.registry,
                        row,
                        (module, qualname),
                        (row.new_module, row.new_name),
                        strict=self.strict,
                    )
            table = self._tables.setdefault(module, table)
        return table

    def _module_entry(self, fullname: str) -> Entry | None:
        """The entry of an old module path: a module alias's old, or a submodule of one."""
        entry = self._module_entries.get(fullname)
        if entry is not None:
            return entry
        found = self.registry.covering_module_alias(fullname)
        if found is None:
            return None
        row = self.registry.alias_row(found[0])
        new = (row.new_module + found[1], None)
        entry = Entry(self.registry, row, (fullname, None), new, strict=self.strict)
        return self._module_entries.setdefault(fullname, entry)

    def symbols(self) -> Mapping[str, ImportPath]:
        """The facade's names: `[symbols]` name -> canonical path."""
        if self._symbols is None:
            self._symbols = {name: entry.path for name, entry in self.registry.symbols.items()}
        return self._symbols

    # -- the finder -------------------------------------------------------------

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """A spec for an old module path, a hooked real module, or a shim; None otherwise."""
        flags = self._names.get(fullname)
        if flags is None:
            if "." not in fullname or fullname.partition(".")[0] not in self._tops:
                return None
            flags = 0
        entry = self._module_entry(fullname)
        if entry is not None:
            return self._alias_spec(entry, fullname)
        if not flags:
            return None
        # inside a shim package nothing real can exist: skip the search
        real = None if type(path) is ShimPath else self._find_real(fullname, path, target)
        if real is None:
            loader = self._shim_loaders.get(flags)
            if loader is None:  # stateless: one per kind of shim
                loader = self._shim_loaders.setdefault(flags, ShimLoader(self, flags))
            spec = ModuleSpec(fullname, loader, origin=_SHIM_ORIGIN)
            if flags & PARENT:
                spec.submodule_search_locations = ShimPath()
            return spec
        if flags & (KEY | FACADE) and (real.loader is None or hasattr(real.loader, "exec_module")):
            real.loader = HookingLoader(
                real.loader, real, lambda module: self.hook(fullname, module)
            )
        return real

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
            return find_real_spec(self.finder, fullname, path, target)
        finally:
            busy.discard(fullname)

    def _alias_spec(self, entry: Entry, fullname: str) -> ModuleSpec | None:
        """The spec of an old module path; None for a submodule whose canonical module does
        not exist (`find_spec("old.nonexistent")` is None, as for any missing module)."""
        new_spec = self._peek_spec(entry.new_module)
        if new_spec is None and fullname not in self._module_rows:
            return None
        spec = ModuleSpec(
            entry.old_module,
            AliasLoader(self, entry, new_spec),
            origin=new_spec.origin if new_spec is not None else None,
            is_package=new_spec is not None and new_spec.submodule_search_locations is not None,
        )
        if new_spec is not None and new_spec.submodule_search_locations is not None:
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
        return find_real_spec(self.finder, name, path, None)

    # -- what loaders call -------------------------------------------------------

    def hook(self, fullname: str, module: ModuleType) -> None:
        """Hook a real old module (or the facade) once it has executed."""
        flags = self._names.get(fullname, 0)
        if flags & KEY:
            table = self.table(fullname)
            if table:
                self._attach(
                    module, hooks.shim_getattr(self, fullname, table, shim=False), table, "alias"
                )
        if flags & FACADE:
            self._attach(
                module, hooks.facade_getattr(self, fullname, self.symbols), self.symbols(), "facade"
            )

    def fill_shim(self, module: ModuleType, flags: int) -> None:
        """Give a shim module its aliased names (and the facade's), `__all__` and `__dir__`."""
        fullname = module.__name__
        table = self.table(fullname) if flags & KEY else {}
        served = sorted(name for name, entry in table.items() if entry.removed_in is None)
        if flags & FACADE:
            served = sorted({*served, *self.symbols()})
        module.__all__ = served  # type: ignore[attr-defined]
        also = self.symbols if flags & FACADE else tuple
        self._attach(
            module, hooks.shim_getattr(self, fullname, table, shim=True, also=also), table, "alias"
        )
        if flags & FACADE:
            self._attach(
                module, hooks.facade_getattr(self, fullname, self.symbols), self.symbols(), "facade"
            )
        self.record_created(fullname, module)

    def _attach(
        self,
        module: ModuleType,
        factory: Callable[[hooks.Hook | None], hooks.Hook],
        names: Mapping[str, Any],
        role: str,
    ) -> None:
        def listed() -> list[str]:
            return [
                name
                for name, value in names.items()
                if not isinstance(value, Entry) or value.removed_in is None
            ]

        with self._lock:  # hooking again (a reload, a second pass) replaces this role's hooks
            roles = self._hooked.get(module)
            if roles is None:
                self._hooked[module] = roles = {}
            stale = roles.get(role)
            if stale is not None:
                hooks.detach(module, stale)
            roles[role] = hooks.attach(self, module, factory, listed, role)

    def record_created(self, fullname: str, module: ModuleType) -> None:
        """Remember a name this library put in `sys.modules`, for `uninstall()` (the latest
        module of a name re-imported after `sys.modules.pop` replaces the earlier one)."""
        with self._lock:
            self._created.pop(fullname, None)
            self._created[fullname] = module

    def tracked(self) -> tuple[int, int]:
        """(hooked modules, names put in `sys.modules`): what `uninstall()` will visit."""
        with self._lock:
            return len(self._hooked), len(self._created)

    def notify(self, entry: Entry, frame: FrameType | None) -> None:
        """Tell every use listener about one use of an alias."""
        filename, lineno = frame_location(frame)
        for listener in tuple(self.listeners):
            listener(entry.alias, filename, lineno)

    def use_attribute(self, entry: Entry, frame: FrameType) -> Any:
        """One use of an old attribute: refuse it, or warn at the user's line and resolve it."""
        user = user_frame(frame)
        if entry.refused:
            self.notify(entry, user)
            if is_import_from(user):
                raise ImportError(entry.message, name=entry.old_module)
            raise AttributeError(entry.message)
        value = entry.value(self)
        if entry.warns_on_access(value):
            if self.listeners:
                self.notify(entry, user)
            warn_at(entry.message, entry.category, user)
        return value

    def load_alias(self, entry: Entry, frame: FrameType) -> ModuleType:
        """One first import of an old module path: refuse it, or import the canonical module
        and warn at the user's line, once per statement: a parent old path imported on the way
        to a deeper one stays silent, and so does a submodule that `from old import sub`
        imports after its old parent warned for the same statement."""
        user = user_frame(frame)
        silent = _deeper_import_pending(entry.old_module, frame, user)
        if not silent and user is not None:
            statement = (id(user), user.f_lasti)
            last = getattr(self._busy, "last", None)
            silent = (
                last is not None
                and last[0] == statement
                and entry.old_module.startswith(last[1] + ".")
            )
            if not silent:
                self._busy.last = (statement, entry.old_module)
        if entry.refused:
            if not silent:
                self.notify(entry, user)
            raise ImportError(entry.message, name=entry.old_module)
        module = importlib.import_module(entry.new_module)
        if not silent:
            if self.listeners:
                self.notify(entry, user)
            warn_at(entry.message, entry.category, user)
        return module

    def run_alias(self, entry: Entry) -> None:
        """`python -m old`: refuse it, or warn as from `__main__` (no line of the user's exists;
        the default filters show deprecation warnings of `__main__`)."""
        where = f"<python -m {entry.old_module}>"
        if self.listeners:
            for listener in tuple(self.listeners):
                listener(entry.alias, where, 0)
        if entry.refused:
            raise ImportError(entry.message, name=entry.old_module)
        warn_explicit(entry.message, entry.category, where, 0, "__main__", {})

    # -- install / uninstall ------------------------------------------------------

    def activate(self) -> None:
        """Put the finder first on `sys.meta_path` and hook old modules already imported."""
        sys.meta_path.insert(0, self.finder)
        modules = sys.modules
        for name, flags in self._names.items():
            if flags & (KEY | FACADE):
                module = modules.get(name)
                if module is not None and not self._is_module_alias(name):
                    self.hook(name, module)

    def _is_module_alias(self, name: str) -> bool:
        return name in self._module_rows

    def deactivate(self) -> None:
        """Take the finder off `sys.meta_path`: no new import reaches these shims."""
        sys.meta_path[:] = [finder for finder in sys.meta_path if finder is not self.finder]

    def forget(self) -> None:
        """Undo what the loaders did: detach the hooks and remove the names put in `sys.modules`
        (and as attributes of parents), leaving real modules imported meanwhile alone.

        Each name is removed under importlib's locks of it and of its submodules being imported:
        a thread still loading one finishes first (importlib re-reads `sys.modules` then), and
        what such a late load records is undone in the next round. Call it outside other locks.
        """
        while True:
            with self._lock:
                hooked = [(module, list(roles.values())) for module, roles in self._hooked.items()]
                self._hooked = WeakKeyDictionary()
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


def _deeper_import_pending(old: str, frame: FrameType | None, user: FrameType | None) -> bool:
    """True when `old` is being imported as the parent of a deeper path in the same import."""
    prefix = old + "."
    while frame is not None and frame is not user:
        if frame.f_code is _FIND_AND_LOAD_UNLOCKED:
            name = frame.f_locals.get("name")
            if isinstance(name, str) and name.startswith(prefix):
                return True
        frame = frame.f_back
    return False
