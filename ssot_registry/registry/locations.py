"""Map TOML key paths (`alias[2].new`, `symbols.Foo`) to the line that defines them.

A single pass over the text, without a second TOML parser: tables, arrays of
tables and `key =` lines are recognised; lines inside multi-line strings are
skipped. Keys it cannot place fall back to the nearest enclosing table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["KeyLines", "format_key", "line_of", "locate_keys"]

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"\[\[\s*({_DOTTED_KEY})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\[\s*({_DOTTED_KEY})\s*\]")
_KEY_LINE = re.compile(rf"\s*({_DOTTED_KEY})\s*=")
_PART = re.compile(_KEY_PART)

KeyLines = dict[str, int]


def _split_key(dotted: str) -> list[str]:
    parts = []
    for match in _PART.finditer(dotted):
        part = match.group(0)
        if part[:1] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def format_key(location: Sequence[str | int]) -> str:
    """Render a key path the way messages show it: `alias[2].new`, `symbols.Foo.kind`."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def locate_keys(text: str) -> KeyLines:
    """Return `{key path: line number}` for every table, array element and key in `text`."""
    lines: KeyLines = {}
    array_counts: dict[str, int] = {}
    prefix = ""
    quote: str | None = None
    # TOML ends lines at "\n" only: U+2028, NEL or a form feed inside a string is no new line
    for number, line in enumerate(text.split("\n"), start=1):
        if quote is not None:
            if line.count(quote) % 2 == 1:
                quote = None
            continue
        stripped = line.lstrip()
        if not stripped or stripped[0] == "#":
            continue
        if stripped[0] == "[":
            match = _ARRAY_HEADER.match(stripped)
            if match:
                name = format_key(_split_key(match.group(1)))
                index = array_counts.get(name, 0)
                array_counts[name] = index + 1
                prefix = f"{name}[{index}]"
                lines.setdefault(name, number)
                lines[prefix] = number
                continue
            match = _TABLE_HEADER.match(stripped)
            if match:
                prefix = format_key(_split_key(match.group(1)))
                lines.setdefault(prefix, number)
                continue
        match = _KEY_LINE.match(stripped)
        if match:
            key = format_key(_split_key(match.group(1)))
            lines.setdefault(f"{prefix}.{key}" if prefix else key, number)
        for marker in ('"""', "'''"):
            if stripped.count(marker) % 2 == 1:
                quote = marker
                break
    return lines


def line_of(lines: KeyLines, location: Sequence[str | int]) -> int:
    """The line of `location`, else of its nearest enclosing key; line 1 for the whole file."""
    for end in range(len(location), 0, -1):
        found = lines.get(format_key(location[:end]))
        if found is not None:
            return found
    return 1
