"""`Registry`: a validated registry with lookups, stored compactly and materialized lazily.

A registry of 10,000 aliases is loaded at every application start, so the
validated form is a few lists of plain tuples (cheap to cache with marshal,
cheap to load); entry models are built only when somebody asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssot_registry.registry.entries import (
    Alias,
    External,
    RegistryMeta,
    Requirement,
    Symbol,
)
from ssot_registry.registry.paths import ImportPath, covering_module, split_path
from ssot_registry.registry.tables import (
    AliasColumns,
    AliasRow,
    ExternalColumns,
    MetaRow,
    RequirementColumns,
    SymbolColumns,
    Tables,
    alias_row,
    columns,
)

if TYPE_CHECKING:
    from ssot_registry.registry.schema import RegistryFile

__all__ = ["Registry", "compile_tables"]


def compile_tables(file: RegistryFile, lines: Mapping[str, int]) -> Tables:
    """The compact tables of a validated file, with each entry's line."""
    meta = file.registry
    return Tables(
        MetaRow(
            meta.name,
            meta.schema_version,
            meta.distribution,
            meta.version,
            meta.category,
            meta.expose,
            lines.get("registry"),
        ),
        columns(
            RequirementColumns,
            [
                (name, entry.version, entry.modules, lines.get(f"requires.{name}"))
                for name, entry in file.requires.items()
            ],
        ),
        columns(
            SymbolColumns,
            [
                (name, *split_path(entry.path), entry.kind, entry.doc, lines.get(f"symbols.{name}"))
                for name, entry in file.symbols.items()
            ],
        ),
        columns(
            AliasColumns,
            [
                (
                    *split_path(entry.old),
                    *split_path(entry.new),
                    entry.since,
                    entry.remove_in,
                    entry.removed_in,
                    entry.reason,
                    entry.mode,
                    entry.category,
                    lines.get(f"alias[{index}]"),
                )
                for index, entry in enumerate(file.alias)
            ],
        ),
        columns(
            ExternalColumns,
            [
                (
                    *split_path(entry.old),
                    *split_path(entry.new),
                    entry.reason,
                    lines.get(f"external[{index}]"),
                )
                for index, entry in enumerate(file.external)
            ],
        ),
    )


class Registry:
    """A validated registry: its tables, each entry's line, and lookups by path and name."""

    def __init__(self, tables: Tables, source: Path | None = None) -> None:
        self.tables = tables
        self.source = source
        self.meta = RegistryMeta(*tables.meta)
        self._aliases: tuple[Alias, ...] | None = None
        self._alias_cache: dict[int, Alias] = {}
        self._alias_index: dict[ImportPath, int] | None = None
        self._groups: dict[str, list[int]] | None = None
        self._module_aliases: dict[str, int] | None = None
        self._symbols: dict[str, Symbol] | None = None
        self._requires: dict[str, Requirement] | None = None
        self._externals: tuple[External, ...] | None = None
        self._external_index: dict[ImportPath, External] | None = None

    def __repr__(self) -> str:
        tables = self.tables
        return (
            f"<Registry {self.name!r}: {len(tables.symbols.name)} symbols, "
            f"{len(tables.alias.old_module)} aliases, {len(tables.external.old_module)} externals>"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Registry) and self.tables == other.tables

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the compact tables only (the entry models are rebuilt on demand)."""
        return (Registry, (self.tables, self.source))

    @property
    def name(self) -> str:
        """The registry's label (`[registry] name`)."""
        return self.meta.name

    # -- tables ---------------------------------------------------------------

    @property
    def symbols(self) -> Mapping[str, Symbol]:
        """`[symbols]`: name -> Symbol, in file order."""
        if self._symbols is None:
            built = {}
            table = self.tables.symbols
            for name, module, qualname, kind, doc, line in zip(*table, strict=True):
                built[name] = Symbol(name, ImportPath(module, qualname), kind, doc, line)
            self._symbols = built
        return self._symbols

    @property
    def requires(self) -> Mapping[str, Requirement]:
        """`[requires]`: distribution name -> Requirement, in file order."""
        if self._requires is None:
            built = {}
            for name, version, modules, line in zip(*self.tables.requires, strict=True):
                built[name] = Requirement(name, version, tuple(modules), line)
            self._requires = built
        return self._requires

    @property
    def alias_count(self) -> int:
        """How many `[[alias]]` entries there are (tombstones included)."""
        return len(self.tables.alias.old_module)

    def alias_row(self, index: int) -> AliasRow:
        """Alias `index` (file order) as compact values, without building its model."""
        return alias_row(self.tables.alias, index)

    def alias_at(self, index: int) -> Alias:
        """Alias `index` (file order) as an `Alias` (built once, on first request)."""
        entry = self._alias_cache.get(index)
        if entry is None:
            row = self.alias_row(index)
            entry = Alias(
                ImportPath(row.old_module, row.old_name),
                ImportPath(row.new_module, row.new_name),
                row.since,
                row.remove_in,
                row.removed_in,
                row.reason,
                row.mode,
                row.category,
                row.line,
            )
            self._alias_cache[index] = entry
        return entry

    @property
    def aliases(self) -> tuple[Alias, ...]:
        """Every `[[alias]]`, tombstones included, in file order."""
        if self._aliases is None:
            self._aliases = tuple(self.alias_at(i) for i in range(self.alias_count))
        return self._aliases

    @property
    def externals(self) -> tuple[External, ...]:
        """Every `[[external]]`, in file order."""
        if self._externals is None:
            self._externals = tuple(
                External(
                    ImportPath(old_module, old_name), ImportPath(new_module, new_name), reason, line
                )
                for old_module, old_name, new_module, new_name, reason, line in zip(
                    *self.tables.external, strict=True
                )
            )
        return self._externals

    def iter_alias_olds(self) -> Iterator[ImportPath]:
        """Every alias `old` path, without building the alias entries."""
        table = self.tables.alias
        for module, name in zip(table.old_module, table.old_name, strict=True):
            yield ImportPath(module, name)

    def alias_old_modules(self) -> Sequence[str]:
        """The module of every alias `old`, in file order (repeated where aliases share one)."""
        return self.tables.alias.old_module

    def aliases_by_old_module(self) -> Mapping[str, Sequence[int]]:
        """Old module -> the indexes of the aliases whose `old` is in it, in file order."""
        if self._groups is None:
            grouped: dict[str, list[int]] = {}
            for index, module in enumerate(self.tables.alias.old_module):
                group = grouped.get(module)
                if group is None:
                    grouped[module] = [index]
                else:
                    group.append(index)
            self._groups = grouped
        return self._groups

    def module_aliases(self) -> Mapping[str, int]:
        """Old module -> the index of the module alias (no `:qualname`) moving it (first wins)."""
        if self._module_aliases is None:
            table = self.tables.alias
            modules: dict[str, int] = {}
            for index in [index for index, name in enumerate(table.old_name) if name is None]:
                modules.setdefault(table.old_module[index], index)
            self._module_aliases = modules
        return self._module_aliases

    # -- lookups --------------------------------------------------------------

    def alias_for(self, old: str | ImportPath) -> Alias | None:
        """The alias whose `old` is exactly this path, if any (the first one)."""
        if self._alias_index is None:
            self._alias_index = {}
            for index, path in enumerate(self.iter_alias_olds()):
                self._alias_index.setdefault(path, index)
        found = self._alias_index.get(_as_path(old))
        return None if found is None else self.alias_at(found)

    def covering_module_alias(self, module: str) -> tuple[int, str] | None:
        """The module alias covering module `module` (itself or its nearest aliased parent):
        its index and the rest of `module` after its `old` (`''` or `'.sub'`)."""
        return covering_module(module, self.module_aliases())

    def external_for(self, old: str | ImportPath) -> External | None:
        """The `[[external]]` entry whose `old` is exactly this path, if any."""
        if self._external_index is None:
            self._external_index = {}
            for entry in self.externals:
                self._external_index.setdefault(entry.old, entry)
        return self._external_index.get(_as_path(old))

    def symbol(self, name: str) -> Symbol | None:
        """The `[symbols]` entry of that name, if any."""
        return self.symbols.get(name)

    def find_alias(self, path: str | ImportPath) -> tuple[Alias, ImportPath] | None:
        """The alias covering `path` and the canonical path it leads to.

        An exact `old` match wins; otherwise the longest module alias that is a
        package prefix of the path (`old.sub:f` leads to `new.sub:f`).
        """
        target = _as_path(path)
        exact = self.alias_for(target)
        if exact is not None:
            return exact, exact.new
        found = self.covering_module_alias(target.module)
        if found is None:
            return None
        index, rest = found
        entry = self.alias_at(index)
        return entry, ImportPath(entry.new.module + rest, target.qualname)

    def resolve(self, path: str | ImportPath) -> ImportPath:
        """The canonical path `path` leads to (itself when no alias covers it)."""
        found = self.find_alias(path)
        return found[1] if found else _as_path(path)


def _as_path(path: str | ImportPath) -> ImportPath:
    return path if isinstance(path, ImportPath) else ImportPath.parse(path)
