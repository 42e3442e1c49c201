"""PEP 810 lazy imports, read on interpreters whose `ast` does not know the soft keyword.

`lazy import a.old` and `lazy from a.old import x` parse on 3.15 only. For
scanning and rewriting they are import statements like any other, so before
parsing, `lazy` is moved behind the keyword that follows it (`lazy from` becomes
`from     `): every name keeps its offset, the statement keeps its start and its
indentation, and the rewrite is applied to the original bytes, so `lazy` stays.
The same text is given to every interpreter, 3.15 included, so a file gets the
same findings everywhere. `__lazy_modules__` lists module names (SSOT102 strings).
"""

from __future__ import annotations

import ast
import dataclasses
import re

from ssot_registry.migration.source import Source
from ssot_registry.migration.textimports import Spans

__all__ = ["LAZY_MODULES", "lazy_module_strings", "shift_lazy", "without_lazy"]

LAZY_MODULES = "__lazy_modules__"
_SOFT_KEYWORD = re.compile(rb"(?:^|(?<=[\r\n;:]))[ \t\f]*(lazy)([ \t\f]+)(import|from)\b")


def _keywords(data: bytes) -> list[re.Match[bytes]]:
    """Each `lazy` that starts an import statement (not in a string, comment or continuation)."""
    found = []
    spans: Spans | None = None
    for match in _SOFT_KEYWORD.finditer(data):
        start = match.start(1)
        head = match.start()
        if data[max(0, head - 3) : head].rstrip(b"\r\n").endswith(b"\\"):
            continue  # `raise \` then `lazy from e`: a name continued from the line before
        spans = spans or Spans(data)
        if spans.at(start) is None:
            found.append(match)
    return found


def _shifted(data: bytes) -> tuple[bytes, frozenset[int]]:
    """`data` with each soft keyword moved behind its statement keyword, and where each was."""
    pieces = []
    position = 0
    starts = []
    for match in _keywords(data):
        start, end = match.start(1), match.end(3)
        pieces.append(data[position:start])
        pieces.append(match.group(3) + match.group(2) + b" " * 4)
        position = end
        starts.append(start)
    pieces.append(data[position:])
    return b"".join(pieces), frozenset(starts)


def without_lazy(text: str) -> str:
    """`text` as any supported `ast` parses it: lazy imports read as plain ones."""
    if "lazy" not in text:
        return text
    raw = text.encode("utf-8", "surrogatepass")
    shifted, starts = _shifted(raw)
    return shifted.decode("utf-8", "surrogatepass") if starts else text


def shift_lazy(source: Source) -> tuple[Source, frozenset[int]]:
    """`source` with lazy imports read as plain ones (same offsets), and where each starts."""
    if b"lazy" not in source.data:
        return source, frozenset()
    data, starts = _shifted(source.data)
    if not starts:
        return source, starts
    return dataclasses.replace(source, data=data, text=data.decode("utf-8")), starts


def lazy_module_strings(statement: ast.AST) -> list[ast.Constant]:
    """The string entries of `__lazy_modules__ = [...]` (also `+=` and annotated), if any."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
        targets = [statement.target]
    else:
        return []
    value = statement.value
    if not any(isinstance(t, ast.Name) and t.id == LAZY_MODULES for t in targets) or not (
        isinstance(value, (ast.List, ast.Tuple, ast.Set))
    ):
        return []
    return [
        item
        for item in value.elts
        if isinstance(item, ast.Constant) and isinstance(item.value, str)
    ]
