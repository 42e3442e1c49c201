"""`ShimIndex`: what one registry answers for at run time, as pure lookups.

Which module names the shims answer for (old modules, their parent packages,
the facade), the attribute aliases of each old module and the module alias
covering a path, each turned into an `Entry` once. Nothing here imports,
warns or touches `sys.modules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ssot_registry.registry import ImportPath, Registry
from ssot_registry.registry.paths import covering_module
from ssot_registry.runtime.entries import Entry

__all__ = ["FACADE", "KEY", "PARENT", "ShimIndex", "ShimPath"]

# flags of a module name: an old module of aliases, a parent package of one, the facade
KEY, PARENT, FACADE = 1, 2, 4


class ShimPath(list[str]):
    """The (empty) `__path__` of a shim package: marks that nothing real lives below it."""

    __slots__ = ()


def index_names(modules: Iterable[str], facade: str | None) -> dict[str, int]:
    """Every module name the shims answer for, with its flags: the old modules in one C call,
    their parents one level at a time (each level a set far smaller than the last)."""
    names = dict.fromkeys(modules, KEY)
    if facade:
        names[facade] = names.get(facade, 0) | FACADE
    level = {name.rpartition(".")[0] for name in names}
    while level:
        above = set()
        for parent in level:
            if parent:
                flags = names.get(parent, 0)
                if not flags & PARENT:  # else its own parents are marked already
                    names[parent] = flags | PARENT
                    above.add(parent.rpartition(".")[0])
        level = above
    return names


class ShimIndex:
    """The old paths of one registry, indexed for the finder and the module hooks."""

    def __init__(self, registry: Registry, *, strict: bool) -> None:
        self.registry = registry
        self.strict = strict
        # install() builds only the names; the aliases are grouped by module on first use
        self.names = index_names(registry.alias_old_modules(), registry.meta.expose)
        self.tops = frozenset({name for name in self.names if "." not in name})
        self._by_module: Mapping[str, Sequence[int]] | None = None
        self._tables: dict[str, dict[str, Entry]] = {}
        self._module_entries: dict[str, Entry] = {}
        self._symbols: dict[str, ImportPath] | None = None
        self._module_aliases: Mapping[str, int] | None = None
        self._alias_tops: frozenset[str] = frozenset()

    def is_module_alias(self, name: str) -> bool:
        """True when `name` is exactly the `old` of a module alias."""
        return name in self.registry.module_aliases()  # built on first use, not at install

    def table(self, module: str) -> dict[str, Entry]:
        """Old attribute name -> entry, for the attribute aliases of one old module."""
        table = self._tables.get(module)
        if table is None:
            table = {}
            if self._by_module is None:
                self._by_module = self.registry.aliases_by_old_module()
            for index in self._by_module.get(module, ()):
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

    def module_entry(self, fullname: str) -> Entry | None:
        """The entry of an old module path: a module alias's old, or a submodule of one."""
        entry = self._module_entries.get(fullname)
        if entry is not None:
            return entry
        aliases = self._module_aliases
        if aliases is None:  # built on the first import under the registry's names
            aliases = self._module_aliases = self.registry.module_aliases()
            self._alias_tops = frozenset(old.partition(".")[0] for old in aliases)
        if fullname.partition(".")[0] not in self._alias_tops:
            return None
        found = covering_module(fullname, aliases)
        if found is None:
            return None
        index, rest = found
        row = self.registry.alias_row(index)
        entry = Entry(
            self.registry, row, (fullname, None), (row.new_module + rest, None), strict=self.strict
        )
        return self._module_entries.setdefault(fullname, entry)

    def symbols(self) -> Mapping[str, ImportPath]:
        """The facade's names: `[symbols]` name -> canonical path."""
        if self._symbols is None:
            self._symbols = {name: entry.path for name, entry in self.registry.symbols.items()}
        return self._symbols
