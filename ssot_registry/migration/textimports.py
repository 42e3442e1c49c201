"""Import statements and string/comment spans read from source text, without `ast`.

The statements are the planner's `ImportStatement` records, as `imports.py` reads
them from the tree.

Used by the text fast path of `scan` (`textscan.py`). Anything this small
tokenizer does not recognize raises `UnsureError`, and the file is parsed instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ssot_registry.migration.planner import ImportedName, ImportStatement, UnsureError
from ssot_registry.migration.source import Source

__all__ = ["Spans", "UnsureError", "read_imports"]

_LEX = re.compile(
    rb'#[^\r\n]*|"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""'
    rb"|'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*'''"
    rb'|"[^"\\\r\n]*(?:\\[\s\S][^"\\\r\n]*)*"'
    rb"|'[^'\\\r\n]*(?:\\[\s\S][^'\\\r\n]*)*'"
)
_TOKEN = re.compile(
    rb"(?P<space>[ \t\f]+|\\\r?\n|\\\r)|(?P<newline>\r?\n|\r)|(?P<comment>#[^\r\n]*)"
    rb"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<punct>[.,();*])"
)


class Spans:
    """Strings and comments of the file, lexed lazily up to the offsets asked about."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.found = _LEX.finditer(data)
        self.done = False

    def _lex_past(self, offset: int) -> None:
        """Lex until a string or comment starts after `offset` (or the file ends)."""
        starts, ends = self.starts, self.ends
        for found in self.found:
            start, end = found.span()
            starts.append(start)
            ends.append(end)
            if start > offset:
                return
        self.done = True

    def at(self, offset: int) -> int | None:
        """The index of the string or comment holding `offset`, None when it is code."""
        if not self.done and (not self.starts or self.starts[-1] <= offset):
            self._lex_past(offset)
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.ends[index]:
            return index
        return None


def _tokens(data: bytes, start: int) -> tuple[list[tuple[str, bytes, int]], int]:
    """The tokens of one import statement from `start`, and the offset where it ends."""
    found: list[tuple[str, bytes, int]] = []
    depth = 0
    position = start
    while position < len(data):
        match = _TOKEN.match(data, position)
        if match is None:
            raise UnsureError
        kind = match.lastgroup or ""
        text = match.group()
        if kind == "newline" and depth == 0:
            break
        if kind == "punct":
            if text == b";" and depth == 0:
                break
            depth += text == b"("
            depth -= text == b")"
        if kind in ("name", "punct"):
            found.append((kind, text, position))
        position = match.end()
    return found, position


def _dotted(tokens: list[tuple[str, bytes, int]], index: int) -> tuple[str, int]:
    """A dotted name starting at tokens[index]: its text and the index after it."""
    if index >= len(tokens) or tokens[index][0] != "name":
        raise UnsureError
    parts = [tokens[index][1].decode()]
    index += 1
    while index + 1 < len(tokens) and tokens[index][1] == b"." and tokens[index + 1][0] == "name":
        parts.append(tokens[index + 1][1].decode())
        index += 2
    return ".".join(parts), index


def _aliases(  # noqa: PLR0912 - one small parser for both import grammars
    data: bytes, tokens: list[tuple[str, bytes, int]], index: int, *, dotted: bool
) -> list[ImportedName]:
    found = []
    closing = False
    if index < len(tokens) and tokens[index][1] == b"(" and not dotted:
        closing = True
        index += 1
    while index < len(tokens):
        kind, text, offset = tokens[index]
        if closing and text == b")":
            index += 1
            break
        if text == b"*" and not dotted:
            found.append(ImportedName("*", offset, None, contiguous=True))
            index += 1
        else:
            if dotted:
                name, index = _dotted(tokens, index)
            elif kind == "name":
                name, index = text.decode(), index + 1
            else:
                raise UnsureError
            asname = None
            if index < len(tokens) and tokens[index][1] == b"as":
                if index + 1 >= len(tokens) or tokens[index + 1][0] != "name":
                    raise UnsureError
                asname = tokens[index + 1][1].decode()
                index += 2
            raw = name.encode()
            found.append(
                ImportedName(name, offset, asname, data[offset : offset + len(raw)] == raw)
            )
        if index < len(tokens) and tokens[index][1] == b",":
            index += 1
        elif closing and index < len(tokens) and tokens[index][1] == b")":
            continue
        elif index < len(tokens):
            raise UnsureError
    if index != len(tokens) or not found:
        raise UnsureError
    return found


def _statement(source: Source, start: int) -> ImportStatement:
    data = source.data
    tokens, end = _tokens(data, start)
    line = source.line_of(start)
    if tokens[0][1] == b"import":
        return ImportStatement("import", start, end, line, _aliases(data, tokens, 1, dotted=True))
    index = 1
    level = 0
    while index < len(tokens) and tokens[index][1] == b".":
        level += 1
        index += 1
    module_offset = tokens[index][2] if index < len(tokens) else start
    if level:
        module_offset = tokens[1][2]
    module = None
    if index < len(tokens) and tokens[index][0] == "name" and tokens[index][1] != b"import":
        module, index = _dotted(tokens, index)
    if index >= len(tokens) or tokens[index][1] != b"import" or (not level and module is None):
        raise UnsureError
    statement = ImportStatement("from", start, end, line, level=level, module=module)
    statement.module_offset = module_offset
    statement.names = _aliases(data, tokens, index + 1, dotted=False)
    return statement


_SIMPLE = re.compile(
    rb"(?:from[ \t]+(?P<module>\.*[A-Za-z_][\w.]*|\.+)[ \t]+import|import)[ \t]+"
    rb"(?P<names>[A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*"
    rb"(?:[ \t]+as[ \t]+\w+)?)*)[ \t]*(?:#[^\r\n]*)?(?=\r|\n|\Z)"
)
_SIMPLE_NAME = re.compile(rb"([A-Za-z_][\w.]*)(?:[ \t]+as[ \t]+(\w+))?")


def _simple_statement(source: Source, start: int) -> ImportStatement | None:
    """A one-line import without parentheses, read by one regex (None for any other shape)."""
    data = source.data
    match = _SIMPLE.match(data, start)
    if match is None:
        return None
    line = source.line_of(start)
    module = match.group("module")
    aliases = []
    names_start = match.start("names")
    for found in _SIMPLE_NAME.finditer(data, names_start, match.end("names")):
        name = found.group(1).decode()
        if module is not None and "." in name:
            return None
        asname = found.group(2)
        aliases.append(
            ImportedName(name, found.start(), asname.decode() if asname else None, contiguous=True)
        )
    if module is None:
        return ImportStatement("import", start, match.end(), line, aliases)
    text = module.decode()
    dotted = text.lstrip(".")
    if dotted.endswith(".") or ".." in dotted:
        return None
    level = len(text) - len(dotted)
    if (dotted and dotted.partition(".")[0] == "import") or any(
        keyword in ("import", "as") for keyword in dotted.split(".")
    ):
        return None
    statement = ImportStatement("from", start, match.end(), line, aliases, level, dotted or None)
    statement.module_offset = match.start("module")
    return statement


def _statement_start(data: bytes, keyword: int) -> int | None:
    """Where the import statement holding the `import` keyword at `keyword` starts, if any."""
    line_start = max(data.rfind(b"\n", 0, keyword), data.rfind(b"\r", 0, keyword)) + 1
    if data[max(0, line_start - 3) : line_start].rstrip(b"\r\n").endswith(b"\\"):
        raise UnsureError  # a statement continued from the line before
    head = data[line_start:keyword]
    cut = max(head.rfind(b";"), head.rfind(b":"))
    begin = line_start + cut + 1
    head = head[cut + 1 :]
    stripped = head.lstrip(b" \t\f")
    if not stripped:
        return keyword
    if _FROM_HEAD.fullmatch(stripped):
        return begin + len(head) - len(stripped)
    return None


_FROM_HEAD = re.compile(rb"from[ \t\f]+[\w. \t\f]*")


def read_imports(
    source: Source, spans: Spans, lazy_starts: frozenset[int] = frozenset()
) -> list[ImportStatement]:
    """Every import statement of the file (outside strings and comments).

    `source` reads PEP 810 lazy imports as plain ones (`lazy.py`); `lazy_starts` says
    where those start.
    """
    data = source.data
    found: list[ImportStatement] = []
    covered = -1
    position = data.find(b"import")
    while position >= 0:
        after = position + 6
        if (
            position > covered
            and (position == 0 or data[position - 1] not in _WORD)
            and (after >= len(data) or data[after] not in _WORD)
            and spans.at(position) is None
        ):
            start = _statement_start(data, position)
            if start is not None and spans.at(start) is None:
                statement = _simple_statement(source, start) or _statement(source, start)
                covered = statement.end
                statement.lazy = start in lazy_starts
                found.append(statement)
        position = data.find(b"import", after)
    return found


_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
