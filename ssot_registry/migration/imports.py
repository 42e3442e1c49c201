"""Import statements read from the `ast`, as the planner's `ImportStatement` records."""

from __future__ import annotations

import ast

from ssot_registry.migration.edits import from_module_span, node_span
from ssot_registry.migration.planner import ImportedName, ImportStatement
from ssot_registry.migration.source import Source

__all__ = ["read_statement"]


def _name(source: Source, alias: ast.alias) -> ImportedName:
    start, _ = node_span(source, alias)
    raw = alias.name.encode("utf-8")
    contiguous = source.data[start : start + len(raw)] == raw
    return ImportedName(alias.name, start, alias.asname, contiguous, alias)


def read_statement(
    source: Source, node: ast.Import | ast.ImportFrom, lazy_starts: frozenset[int]
) -> ImportStatement:
    """The record of one parsed import statement (`lazy_starts`: where PEP 810 ones start)."""
    start, end = node_span(source, node)
    names = [_name(source, alias) for alias in node.names]
    if isinstance(node, ast.Import):
        kind, level, module, module_offset = "import", 0, None, start
    else:
        kind, level, module = "from", node.level, node.module
        module_offset = from_module_span(source, node)[0]
    return ImportStatement(
        kind,
        start,
        end,
        node.lineno,
        names,
        level,
        module,
        module_offset,
        lazy=start in lazy_starts,
        node=node,
    )
