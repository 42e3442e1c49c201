"""Jupyter notebooks: the code of their cells as one source, and rewrites back into the JSON.

The code cells are joined in order (each ending in a newline) so that an import
in one cell is seen by the next; positions map back to a cell number (counting
every cell from 1, as ruff does) and a line within the cell. IPython syntax
(`%magic`, `!shell`, `%%cell` magics, `name?`) is masked as comments of the same
byte length. A rewrite replaces only the JSON string literals whose text
changes; every other byte of the file stays.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass

from ssot_registry.migration.edits import Edit
from ssot_registry.migration.source import SourceError

__all__ = ["Notebook", "read_notebook"]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")
_BLANK = re.compile(r"[ \t\r\n]*")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_MAGIC_LINE = re.compile(  # `%magic`, `!shell`, `?name`, `name?`, `x = %magic`, `x = !shell`
    r"[ \t]*(?:[%!]|\?\??[\w.]|[\w.]+\?\??[ \t]*$|[\w., \t]+=[ \t]*[%!])"
)


@dataclass(frozen=True)
class _Piece:
    """One JSON string of a cell's `source`: where its literal is and what it says."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class _Cell:
    """A code cell: its number, its pieces, and where its text starts in the joined code."""

    number: int
    pieces: tuple[_Piece, ...]
    is_list: bool
    offset: int  # UTF-8 byte offset of the cell's first line in the joined code
    first_line: int  # the joined code's line number of the cell's first line

    @property
    def text(self) -> str:
        return "".join(piece.value for piece in self.pieces)


class _Reader:
    """A JSON reader that keeps the literal spans of every `cells[i].source` string."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cells: list[tuple[dict[str, object], list[_Piece], bool]] = []
        self.pieces: list[_Piece] = []

    def fail(self, position: int) -> SourceError:
        line = self.text.count("\n", 0, position) + 1
        return SourceError(f"line {line}: not a notebook: invalid JSON")

    def skip(self, position: int) -> int:
        found = _BLANK.match(self.text, position)
        return found.end() if found else position

    def value(self, position: int, path: tuple[object, ...]) -> tuple[object, int]:
        position = self.skip(position)
        char = self.text[position : position + 1]
        if char == "{":
            return self.mapping(position + 1, path)
        if char == "[":
            return self.array(position + 1, path)
        if char == '"':
            found = _STRING.match(self.text, position)
            if found is None:
                raise self.fail(position)
            try:
                return json.loads(found.group()), found.end()
            except json.JSONDecodeError:
                raise self.fail(position) from None
        found = _SCALAR.match(self.text, position)
        if found is None:
            raise self.fail(position)
        return json.loads(found.group()), found.end()

    def array(self, position: int, path: tuple[object, ...]) -> tuple[object, int]:
        items: list[object] = []
        position = self.skip(position)
        if self.text.startswith("]", position):
            return items, position + 1
        while True:
            start = self.skip(position)
            item, position = self.value(start, (*path, len(items)))
            items.append(item)
            if len(path) == 3 and path[0] == "cells" and path[2] == "source":
                if not isinstance(item, str):
                    raise self.fail(start)
                self.pieces.append(_Piece(start, position, item))
            position = self.skip(position)
            if self.text.startswith(",", position):
                position += 1
            elif self.text.startswith("]", position):
                return items, position + 1
            else:
                raise self.fail(position)

    def mapping(self, position: int, path: tuple[object, ...]) -> tuple[object, int]:
        items: dict[str, object] = {}
        is_cell = len(path) == 2 and path[0] == "cells"
        if is_cell:
            self.pieces = []
            self.cells.append((items, self.pieces, True))
        position = self.skip(position)
        if self.text.startswith("}", position):
            return items, position + 1
        while True:
            key, position = self.value(position, path)
            position = self.skip(position)
            if not isinstance(key, str) or not self.text.startswith(":", position):
                raise self.fail(position)
            start = self.skip(position + 1)
            if is_cell and key == "source" and self.text.startswith('"', start):
                item, position = self.value(start, (*path, key))
                self.pieces.append(_Piece(start, position, str(item)))
                self.cells[-1] = (items, self.pieces, False)
            else:
                item, position = self.value(start, (*path, key))
            items[key] = item
            position = self.skip(position)
            if self.text.startswith(",", position):
                position = self.skip(position + 1)
            elif self.text.startswith("}", position):
                return items, position + 1
            else:
                raise self.fail(position)


def _mask(text: str) -> str:
    """`text` with its IPython lines turned into comments of the same UTF-8 length."""
    lines = text.splitlines(keepends=True)
    whole = text.startswith("%%")
    masked = []
    for line in lines:
        if (whole or _MAGIC_LINE.match(line)) and line.strip():
            indent = len(line) - len(line.lstrip())
            pad = " " * (len(line[indent].encode()) - 1)
            masked.append(f"{line[:indent]}#{pad}{line[indent + 1 :]}")
        else:
            masked.append(line)
    return "".join(masked)


class Notebook:
    """A notebook's code cells as one source (`code`), and the way back into its JSON."""

    def __init__(self, text: str, cells: list[_Cell], code: str) -> None:
        self.text = text
        self.cells = cells
        self.code = code
        self._lines = [cell.first_line for cell in cells]

    def locate(self, line: int) -> tuple[int, int]:
        """The cell number and the line within the cell of a line of the joined code."""
        cell = self.cells[bisect_right(self._lines, line) - 1]
        return cell.number, line - cell.first_line + 1

    def rewrite(self, edits: list[Edit]) -> bytes:
        """The notebook's bytes with `edits` (offsets into the joined code) made in its cells."""
        per_cell: dict[int, list[Edit]] = {}
        offsets = [cell.offset for cell in self.cells]
        for edit in edits:
            index = bisect_right(offsets, edit.start) - 1
            if edit.start == edit.end and index > 0 and edit.start == offsets[index]:
                index -= 1  # an insertion at a boundary ends the cell before
            per_cell.setdefault(index, []).append(edit)
        changes: list[tuple[int, int, str]] = []
        for index, cell_edits in per_cell.items():
            changes.extend(self._cell_changes(self.cells[index], cell_edits))
        text = self.text
        for start, end, literal in sorted(changes, reverse=True):
            text = text[:start] + literal + text[end:]
        return text.encode("utf-8")

    def _cell_changes(self, cell: _Cell, edits: list[Edit]) -> list[tuple[int, int, str]]:
        """Replacements of the JSON literals of one cell that make its text the edited text."""
        old = cell.text
        data = old.encode("utf-8")
        size = len(data)
        pieces = []
        position = 0
        for edit in sorted(edits):
            start, end = edit.start - cell.offset, edit.end - cell.offset
            insert = edit.text
            if start > size:  # after the newline the joined code added to this cell
                start = end = size
                insert = "\n" + insert.rstrip("\r\n")
            pieces.append(data[position:start])
            pieces.append(insert.encode("utf-8"))
            position = max(position, min(end, size))
        pieces.append(data[position:])
        new = b"".join(pieces).decode("utf-8")
        escape = any("\\u" in self.text[piece.start : piece.end] for piece in cell.pieces)
        if not cell.is_list:
            piece = cell.pieces[0]
            return [(piece.start, piece.end, json.dumps(new, ensure_ascii=escape))]
        olds = [piece.value for piece in cell.pieces]
        news = _LINE.findall(new)
        head = 0
        while head < min(len(olds), len(news)) and olds[head] == news[head]:
            head += 1
        tail = 0
        while tail < min(len(olds), len(news)) - head and olds[-1 - tail] == news[-1 - tail]:
            tail += 1
        literals = [json.dumps(line, ensure_ascii=escape) for line in news[head : len(news) - tail]]
        changed = cell.pieces[head : len(olds) - tail]
        separator = self._separator(cell)
        if changed:
            return [(changed[0].start, changed[-1].end, separator.join(literals))]
        if not literals:  # pragma: no cover - an edit always changes some line
            return []
        if head:
            at = cell.pieces[head - 1].end
            return [(at, at, separator + separator.join(literals))]
        at = cell.pieces[0].start
        return [(at, at, separator.join(literals) + separator)]

    def _separator(self, cell: _Cell) -> str:
        """What stands between two literals of the cell's list (`,` and the indentation)."""
        first = cell.pieces[0]
        if len(cell.pieces) > 1:
            return self.text[first.end : cell.pieces[1].start]
        line_start = self.text.rfind("\n", 0, first.start) + 1
        return ",\n" + self.text[line_start : first.start]


def read_notebook(raw: bytes) -> Notebook:
    """The code cells of a notebook file; SourceError when it is not notebook JSON."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError("not a notebook: the file is not UTF-8") from None
    reader = _Reader(text)
    top, end = reader.value(0, ())
    if reader.skip(end) != len(text) or not isinstance(top, dict):
        raise reader.fail(end)
    cells: list[_Cell] = []
    chunks: list[str] = []
    offset = 0
    line = 1
    for number, (fields, pieces, is_list) in enumerate(reader.cells, start=1):
        if fields.get("cell_type") != "code" or not pieces:
            continue
        cell = _Cell(number, tuple(pieces), is_list, offset, line)
        cells.append(cell)
        masked = _mask(cell.text)
        if not masked.endswith("\n"):
            masked += "\n"
        chunks.append(masked)
        offset += len(masked.encode("utf-8"))
        line += len(masked.encode("utf-8").splitlines())
    return Notebook(text, cells, "".join(chunks))
