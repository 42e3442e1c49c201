"""The compact tables of a validated registry: the one owner of their layout.

A validated registry is stored as columns of plain values (one tuple per
field of a table), because that is what `marshal` stores and loads fastest
and a 10,000-alias registry is loaded at every application start. The
layout is named here, once: the cache converts plain tuples to these types
at its boundary (`from_plain`) and back (`to_plain`); everybody else goes
through `Registry`, which reads fields by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import NamedTuple, TypeVar

from ssot_registry.registry.entries import Category, Kind, Mode

__all__ = [
    "AliasColumns",
    "AliasRow",
    "ExternalColumns",
    "MetaRow",
    "RequirementColumns",
    "SymbolColumns",
    "Tables",
    "alias_row",
    "columns",
    "concatenate",
    "from_plain",
    "to_plain",
]


class MetaRow(NamedTuple):
    """The `[registry]` table."""

    name: str
    schema_version: int
    distribution: str | None
    version: str | None
    category: Category
    expose: str | None
    line: int | None


class RequirementColumns(NamedTuple):
    """`[requires]`, one tuple per field, in file order."""

    name: tuple[str, ...]
    version: tuple[str, ...]
    modules: tuple[tuple[str, ...], ...]
    line: tuple[int | None, ...]


class SymbolColumns(NamedTuple):
    """`[symbols]`, one tuple per field, in file order."""

    name: tuple[str, ...]
    module: tuple[str, ...]
    qualname: tuple[str | None, ...]
    kind: tuple[Kind, ...]
    doc: tuple[str | None, ...]
    line: tuple[int | None, ...]


class AliasColumns(NamedTuple):
    """`[[alias]]`, one tuple per field, in file order (tombstones included)."""

    old_module: tuple[str, ...]
    old_name: tuple[str | None, ...]
    new_module: tuple[str, ...]
    new_name: tuple[str | None, ...]
    since: tuple[str | None, ...]
    remove_in: tuple[str | None, ...]
    removed_in: tuple[str | None, ...]
    reason: tuple[str | None, ...]
    mode: tuple[Mode, ...]
    category: tuple[Category | None, ...]
    line: tuple[int | None, ...]


class AliasRow(NamedTuple):
    """One `[[alias]]` as compact values, with its position in the file's alias list."""

    position: int
    old_module: str
    old_name: str | None
    new_module: str
    new_name: str | None
    since: str | None
    remove_in: str | None
    removed_in: str | None
    reason: str | None
    mode: Mode
    category: Category | None
    line: int | None


class ExternalColumns(NamedTuple):
    """`[[external]]`, one tuple per field, in file order."""

    old_module: tuple[str, ...]
    old_name: tuple[str | None, ...]
    new_module: tuple[str, ...]
    new_name: tuple[str | None, ...]
    reason: tuple[str | None, ...]
    line: tuple[int | None, ...]


class Tables(NamedTuple):
    """Every table of one registry file."""

    meta: MetaRow
    requires: RequirementColumns
    symbols: SymbolColumns
    alias: AliasColumns
    external: ExternalColumns


Plain = tuple[tuple[object, ...], ...]
_T = TypeVar("_T", RequirementColumns, SymbolColumns, AliasColumns, ExternalColumns)


def columns(kind: type[_T], rows: Sequence[tuple[object, ...]]) -> _T:
    """Turn rows (one tuple per entry, fields in `kind`'s order) into `kind`'s columns."""
    if not rows:
        return kind._make(() for _ in kind._fields)
    return kind._make(zip(*rows, strict=True))


def concatenate(tables: Sequence[_T]) -> _T:
    """One table holding every entry of `tables` (all of one kind, at least one), in order."""
    return type(tables[0])._make(
        tuple(chain.from_iterable(column)) for column in zip(*tables, strict=True)
    )


def alias_row(table: AliasColumns, index: int) -> AliasRow:
    """Alias `index` of `table` as one record."""
    return AliasRow(
        index,
        table.old_module[index],
        table.old_name[index],
        table.new_module[index],
        table.new_name[index],
        table.since[index],
        table.remove_in[index],
        table.removed_in[index],
        table.reason[index],
        table.mode[index],
        table.category[index],
        table.line[index],
    )


def to_plain(tables: Tables) -> Plain:
    """The tables as plain tuples, which `marshal` can store."""
    return tuple(tuple(table) for table in tables)


def _table(kind: type[_T], data: object) -> _T:
    if type(data) is not tuple or len(data) != len(kind._fields):
        raise ValueError(f"{kind.__name__}: expected {len(kind._fields)} columns")
    lengths = {len(column) if type(column) is tuple else -1 for column in data}
    if len(lengths) != 1 or -1 in lengths:
        raise ValueError(f"{kind.__name__}: columns of unequal length")
    return kind._make(data)


def from_plain(data: object) -> Tables:
    """The tables stored by `to_plain`; ValueError when `data` does not have their shape."""
    if type(data) is not tuple or len(data) != len(Tables._fields):
        raise ValueError("expected the registry's tables")
    meta, requires, symbols, alias, external = data
    if type(meta) is not tuple or len(meta) != len(MetaRow._fields):
        raise ValueError("MetaRow: wrong shape")
    return Tables(
        MetaRow._make(meta),
        _table(RequirementColumns, requires),
        _table(SymbolColumns, symbols),
        _table(AliasColumns, alias),
        _table(ExternalColumns, external),
    )
