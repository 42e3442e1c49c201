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

from ssot_registry.registry import Alias, ImportPath, Registry
from ssot_registry.runtime import hooks
from ssot_registry.runtime.entries import NEW_MODULE, NEW_NAME, OLD_MODULE, OLD_NAME, Entry, Row
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


def group_rows(registry: Registry) -> tuple[dict[str, list[Row]], dict[str, Row]]:
    """One pass over the compact alias rows: rows by old module, and module aliases by old."""
    by_module: dict[str, list[Row]] = {}
    module_aliases: dict[str, Row] = {}
    for row in registry.rows["alias"]:
        group = by_module.get(row[OLD_MODULE])
        if group is None:
            by_module[row[OLD_MODULE]] = [row]
        else:
            group.append(row)
        if row[OLD_NAME] is None:
            module_aliases[row[OLD_MODULE]] = row
    return by_module, module_aliases


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
        self._rows, self._module_rows = group_rows(registry)
        self._names = index_names(self._rows, registry.meta.expose)
        self._tops = frozenset(name for name in self._names if "." not in name)
        self._tables: dict[str, dict[str, Entry]] = {}
        self._module_entries: dict[str, Entry] = {}
        self._shim_loaders: dict[int, ShimLoader] = {}
        self._symbols: dict[str, ImportPath] | None = None
        self._busy = threading.local()
        self._lock = threading.Lock()
        self._hooked: list[tuple[ModuleType, hooks.Hooks]] = []
        self._created: list[tuple[str, ModuleType]] = []
        self.finder = ShimFinder(self)

    # -- lookups ----------------------------------------------------------------

    def table(self, module: str) -> dict[str, Entry]:
        """Old attribute name -> entry, for the attribute aliases of one old module."""
        table = self._tables.get(module)
        if table is None:
            table = {}
            for row in self._rows.get(module, ()):
                qualname = row[OLD_NAME]
                if qualname is not None and "." not in qualname:
                    table[qualname] = Entry(
                        self.registry,
                        row,
                        (module, qualname),
                        (row[NEW_MODULE], row[NEW_NAME]),
                        strict=self.strict,
                    )
            table = self._tables.setdefault(module, table)
        return table

    def _module_entry(self, fullname: str) -> Entry | None:
        """The entry of an old module path: a module alias's old, or a submodule of one."""
        entry = self._module_entries.get(fullname)
        if entry is not None:
            return entry
        rows = self._module_rows
        row = rows.get(fullname)
        end = len(fullname)
        while row is None:
            end = fullname.rfind(".", 0, end)
            if end <= 0:
                return None
            row = rows.get(fullname[:end])
        new = (row[NEW_MODULE] + fullname[end:], None)
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
            return self._alias_spec(entry)
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

    def _alias_spec(self, entry: Entry) -> ModuleSpec:
        new_spec = None if entry.refused else self._peek_spec(entry.new_module)
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

        attached = hooks.attach(self, module, factory, listed, role)
        self._hooked.append((module, attached))  # list.append is atomic

    def record_created(self, fullname: str, module: ModuleType) -> None:
        """Remember a name this library put in `sys.modules`, for `uninstall()`."""
        self._created.append((fullname, module))

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
        if not entry.wrap:
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
        if entry.refused:  # reported even when silent: the refusal ends the deeper import too
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
        """Undo everything `activate` and the loaders did, leaving real modules alone."""
        sys.meta_path[:] = [finder for finder in sys.meta_path if finder is not self.finder]
        with self._lock:
            hooked, self._hooked = self._hooked, []
            created, self._created = self._created, []
        for module, attached in reversed(hooked):
            hooks.detach(module, attached)
        for fullname, module in reversed(created):
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
