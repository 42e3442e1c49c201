"""Validating registry text (the cold path): TOML, pydantic models, entry lines, static checks.

Imported only when no current compiled cache exists, so that applications
starting from a warm cache never import pydantic.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.registry.locations import KeyLines, locate_keys
from ssot_registry.registry.messages import problems_from_validation
from ssot_registry.registry.schema import RegistryFile
from ssot_registry.registry.static_checks import find_problems
from ssot_registry.registry.toml import TomlSyntaxError, parse_toml
from ssot_registry.registry.validated import Registry, compile_tables

__all__ = ["validate_text"]

# Each pattern starts with a newline: a literal prefix lets `re` skip ahead quickly.
_HEADER = re.compile(r"\n[ \t]*\[(\[?)[ \t]*([^\[\]\n]*?)[ \t]*\]")
_KEY = re.compile(r"\n[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


class _LineCounter:
    """Line numbers of increasing offsets in one text, counting each newline once."""

    def __init__(self, text: str, line: int = 0, position: int = 0) -> None:
        self.text = text
        self.line = line
        self.position = position

    def at(self, offset: int) -> int:
        """The line that starts after the newline at `offset`."""
        self.line += self.text.count("\n", self.position, offset + 1)
        self.position = offset + 1
        return self.line


def _entry_lines(text: str, file: RegistryFile) -> KeyLines:
    """Lines of each entry (`alias[3]`, `symbols.Name`, ...): a fast pass for the common layout.

    Falls back to the full key locator when the file is laid out in a way
    the fast pass does not count exactly (e.g. `[symbols.Name]` tables).
    """
    padded = "\n" + text
    lines: KeyLines = {}
    counter = _LineCounter(padded)
    sections = [
        (match.start(), match.group(1), match.group(2)) for match in _HEADER.finditer(padded)
    ]
    counts = {"alias": 0, "external": 0}
    for number, (start, array, name) in enumerate(sections):
        line = counter.at(start)
        if array and name in counts:
            lines[f"{name}[{counts[name]}]"] = line
            counts[name] += 1
        elif not array and name in ("registry", "symbols", "requires"):
            lines.setdefault(name, line)
            if name != "registry":
                end = sections[number + 1][0] if number + 1 < len(sections) else len(padded)
                keys = _LineCounter(padded, line, start + 1)
                for match in _KEY.finditer(padded, start + 1, end):
                    lines.setdefault(f"{name}.{match.group(1)}", keys.at(match.start()))
    complete = (
        counts["alias"] == len(file.alias)
        and counts["external"] == len(file.external)
        and all(f"symbols.{name}" in lines for name in file.symbols)
        and all(f"requires.{name}" in lines for name in file.requires)
    )
    return lines if complete else locate_keys(text)


def _last_line(text: str) -> int:
    """The number of the file's last line (a final newline ends it; it starts no new one)."""
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _schema_valid(text: str, path: Path | None) -> Registry:
    try:
        data: dict[str, Any] = parse_toml(text)
    except TomlSyntaxError as error:
        reason = error.reason[:1].lower() + error.reason[1:]
        fix = "fix the TOML at this position" if error.line else "flatten the nested values"
        raise RegistryError(
            [
                Problem(
                    "SSOT001",
                    f"TOML syntax error: {reason}; {fix}",
                    path=path,
                    line=min(error.line or 1, _last_line(text)),
                    column=error.column if error.line is not None else None,
                )
            ]
        ) from None
    try:
        file = RegistryFile.model_validate(data)
    except ValidationError as error:
        raise RegistryError(problems_from_validation(error, path, locate_keys(text))) from None
    return Registry(compile_tables(file, _entry_lines(text, file)), path)


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Loading allocates many small objects and frees none: cycle collection only costs time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_text(
    text: str, path: Path | None, *, static_checks: bool
) -> tuple[Registry, list[Problem]]:
    """Validate registry text: RegistryError for SSOT001; the SSOT002-005 findings when asked
    (an empty list otherwise)."""
    with _no_gc_pauses():
        registry = _schema_valid(text, path)
        problems = find_problems(registry) if static_checks else []
    return registry, problems
