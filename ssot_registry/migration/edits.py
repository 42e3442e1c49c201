"""Text edits by byte offset: removing names from import lists, inserting statements, applying."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ssot_registry.migration.source import Source

__all__ = ["Edit", "apply_edits", "insert_after", "node_span", "remove_aliases"]

_IMPORT_KEYWORD = re.compile(rb"\bimport\b")
_BLANK = b" \t\f\\\r\n"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace `data[start:end]` by `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def node_span(source: Source, node: ast.AST) -> tuple[int, int]:
    """The offsets of a node with positions (statement, expression, alias)."""
    start = source.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = source.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
    return start, end


def from_module_span(source: Source, node: ast.ImportFrom) -> tuple[int, int]:
    """The offsets of the module text (dots included) of `from MODULE import ...`."""
    start, end = node_span(source, node)
    data = source.data
    found = _IMPORT_KEYWORD.search(data, start + 4, end)
    stop = found.start() if found else end
    begin = start + 4
    while begin < stop and data[begin] in _BLANK:
        begin += 1
    while stop > begin and data[stop - 1] in _BLANK:
        stop -= 1
    return begin, stop


def _skip_to_comma(data: bytes, position: int, limit: int) -> int | None:
    """The offset of the comma after an import name, skipping blanks and comments."""
    while position < limit:
        char = data[position]
        if char == ord(","):
            return position
        if char == ord("#"):
            newline = data.find(b"\n", position, limit)
            position = limit if newline < 0 else newline
        elif char in _BLANK:
            position += 1
        else:
            return None
    return None


def _remove_one(source: Source, start: int, comma: int) -> Edit:
    """Remove a name and its following comma; drop the whole line when nothing else is left."""
    data = source.data
    end = comma + 1
    while end < len(data) and data[end] in b" \t":
        end += 1
    line_start = source.starts[source.line_of(start) - 1]
    at_line_end = end >= len(data) or data[end] in b"\r\n"
    if at_line_end and not data[line_start:start].strip():
        line_end = source.starts[min(source.line_of(end), len(source.starts) - 1)]
        if line_end > end:
            return Edit(line_start, line_end, "")
    return Edit(start, end, "")


def remove_aliases(source: Source, node: ast.ImportFrom, removed: Sequence[int]) -> list[Edit]:
    """Edits removing the names at `removed` (indexes) from a `from` import that keeps others."""
    names = node.names
    spans = [node_span(source, alias) for alias in names]
    _, statement_end = node_span(source, node)
    gone = set(removed)
    kept = [index for index in range(len(names)) if index not in gone]
    last_kept = kept[-1]
    trailing_comma = _skip_to_comma(source.data, spans[-1][1], statement_end)
    edits = []
    for index in sorted(gone):
        if index > last_kept and trailing_comma is None:
            continue
        comma = _skip_to_comma(source.data, spans[index][1], statement_end)
        if comma is None:  # pragma: no cover - a name before another always has a comma
            continue
        edits.append(_remove_one(source, spans[index][0], comma))
    if trailing_comma is None and last_kept < len(names) - 1:
        comma = _skip_to_comma(source.data, spans[last_kept][1], statement_end)
        if comma is not None:
            edits.append(Edit(comma, spans[-1][1], ""))
    return edits


def newline_of(source: Source, line: int) -> str:
    """The line ending used by `line` (the file's first one when it has none)."""
    data = source.data
    end = source.starts[line] if line < len(source.starts) else len(data)
    segment = data[source.starts[line - 1] : end]
    if segment.endswith(b"\r\n"):
        return "\r\n"
    if segment.endswith(b"\n"):
        return "\n"
    if segment.endswith(b"\r"):
        return "\r"
    return "\r\n" if b"\r\n" in data else "\n"


def insert_after(source: Source, node: ast.stmt, statement: str) -> Edit:
    """Insert `statement` after `node`: on its own line when `node` starts its line, else `; `."""
    start, end = node_span(source, node)
    line_start = source.starts[node.lineno - 1]
    indent = source.data[line_start:start]
    if indent.strip():
        return Edit(end, end, f"; {statement}")
    last = node.end_lineno or node.lineno
    newline = newline_of(source, last)
    line_end = source.starts[last]
    if source.data[source.starts[last - 1] : line_end].endswith((b"\n", b"\r")):
        return Edit(line_end, line_end, f"{indent.decode()}{statement}{newline}")
    return Edit(line_end, line_end, f"{newline}{indent.decode()}{statement}")


def apply_edits(data: bytes, edits: Sequence[Edit]) -> bytes:
    """Apply non-overlapping edits (sorted or not) to `data`."""
    pieces = []
    position = 0
    for edit in sorted(edits):
        pieces.append(data[position : edit.start])
        pieces.append(edit.text.encode("utf-8"))
        position = max(position, edit.end)
    pieces.append(data[position:])
    return b"".join(pieces)
