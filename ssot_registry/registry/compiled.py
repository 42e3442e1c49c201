"""`Registry`: a validated registry with lookups, stored compactly and materialized lazily.

A registry of 10,000 aliases is loaded at every application start, so the
validated form is a few lists of plain tuples (cheap to cache with marshal,
cheap to load); entry models are built only when somebody asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssot_registry.registry.entries import (
    Alias,
    External,
    RegistryMeta,
    Requirement,
    Symbol,
)
from ssot_registry.registry.paths import ImportPath, split_path

if TYPE_CHECKING:
    from ssot_registry.registry.model import RegistryFile

__all__ = ["Registry"]

Rows = dict[str, Any]

_ALIAS_FIELDS = ("since", "remove_in", "removed_in", "reason", "mode", "category")


def compile_rows(file: RegistryFile, lines: Mapping[str, int]) -> Rows:
    """The compact, marshal-able form of a validated file, with each entry's line."""
    aliases = []
    for index, entry in enumerate(file.alias):
        values = entry.__dict__
        aliases.append(
            (
                *split_path(values["old"]),
                *split_path(values["new"]),
                *[values[field] for field in _ALIAS_FIELDS],
                lines.get(f"alias[{index}]"),
            )
        )
    return {
        "meta": (
            file.registry.name,
            file.registry.schema_version,
            file.registry.distribution,
            file.registry.version,
            file.registry.category,
            file.registry.expose,
            lines.get("registry"),
        ),
        "requires": [
            (name, entry.version, entry.modules, lines.get(f"requires.{name}"))
            for name, entry in file.requires.items()
        ],
        "symbols": [
            (
                name,
                *split_path(entry.path),
                entry.kind,
                entry.doc,
                lines.get(f"symbols.{name}"),
            )
            for name, entry in file.symbols.items()
        ],
        "alias": aliases,
        "external": [
            (
                *split_path(entry.old),
                *split_path(entry.new),
                entry.reason,
                lines.get(f"external[{index}]"),
            )
            for index, entry in enumerate(file.external)
        ],
    }


class Registry:
    """A validated registry: its tables, each entry's line, and lookups by path and name."""

    def __init__(self, rows: Rows, source: Path | None = None) -> None:
        self.rows = rows
        self.source = source
        self.meta = RegistryMeta(*rows["meta"])
        self._aliases: tuple[Alias, ...] | None = None
        self._alias_cache: dict[int, Alias] = {}
        self._alias_index: dict[ImportPath, int] | None = None
        self._symbols: dict[str, Symbol] | None = None
        self._requires: dict[str, Requirement] | None = None
        self._externals: tuple[External, ...] | None = None
        self._external_index: dict[ImportPath, External] | None = None

    def __repr__(self) -> str:
        return (
            f"<Registry {self.name!r}: {len(self.rows['symbols'])} symbols, "
            f"{len(self.rows['alias'])} aliases, {len(self.rows['external'])} externals>"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Registry) and self.rows == other.rows

    __hash__ = None  # type: ignore[assignment]

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
            for name, module, qualname, kind, doc, line in self.rows["symbols"]:
                built[name] = Symbol(name, ImportPath(module, qualname), kind, doc, line)
            self._symbols = built
        return self._symbols

    @property
    def requires(self) -> Mapping[str, Requirement]:
        """`[requires]`: distribution name -> Requirement, in file order."""
        if self._requires is None:
            built = {}
            for name, version, modules, line in self.rows["requires"]:
                built[name] = Requirement(name, version, tuple(modules), line)
            self._requires = built
        return self._requires

    def _alias_at(self, index: int) -> Alias:
        entry = self._alias_cache.get(index)
        if entry is None:
            row = self.rows["alias"][index]
            entry = Alias(ImportPath(row[0], row[1]), ImportPath(row[2], row[3]), *row[4:11])
            self._alias_cache[index] = entry
        return entry

    @property
    def aliases(self) -> tuple[Alias, ...]:
        """Every `[[alias]]`, tombstones included, in file order."""
        if self._aliases is None:
            self._aliases = tuple(self._alias_at(i) for i in range(len(self.rows["alias"])))
        return self._aliases

    @property
    def externals(self) -> tuple[External, ...]:
        """Every `[[external]]`, in file order."""
        if self._externals is None:
            self._externals = tuple(
                External(
                    ImportPath(old_module, old_name), ImportPath(new_module, new_name), reason, line
                )
                for old_module, old_name, new_module, new_name, reason, line in self.rows[
                    "external"
                ]
            )
        return self._externals

    def iter_alias_olds(self) -> Iterator[ImportPath]:
        """Every alias `old` path, without building the alias entries."""
        for row in self.rows["alias"]:
            yield ImportPath(row[0], row[1])

    # -- lookups --------------------------------------------------------------

    def alias_for(self, old: str | ImportPath) -> Alias | None:
        """The alias whose `old` is exactly this path, if any."""
        if self._alias_index is None:
            self._alias_index = {}
            for index, row in enumerate(self.rows["alias"]):
                self._alias_index.setdefault(ImportPath(row[0], row[1]), index)
        found = self._alias_index.get(_as_path(old))
        return None if found is None else self._alias_at(found)

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
        parts = target.module.split(".")
        for end in range(len(parts) - 1 if target.is_module else len(parts), 0, -1):
            entry = self.alias_for(ImportPath(".".join(parts[:end])))
            if entry is not None:
                module = ".".join([entry.new.module, *parts[end:]])
                return entry, ImportPath(module, target.qualname)
        return None

    def resolve(self, path: str | ImportPath) -> ImportPath:
        """The canonical path `path` leads to (itself when no alias covers it)."""
        found = self.find_alias(path)
        return found[1] if found else _as_path(path)


def _as_path(path: str | ImportPath) -> ImportPath:
    return path if isinstance(path, ImportPath) else ImportPath.parse(path)
