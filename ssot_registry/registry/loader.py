"""Load `registry.toml`: parse, validate, locate every problem; never import anything."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.registry import cache
from ssot_registry.registry.compiled import Registry, compile_rows
from ssot_registry.registry.locations import KeyLines, locate_keys
from ssot_registry.registry.messages import problems_from_validation
from ssot_registry.registry.model import RegistryFile
from ssot_registry.registry.static_checks import find_problems
from ssot_registry.registry.toml import TomlSyntaxError, parse_toml

__all__ = ["load", "load_text", "read", "read_text"]

_BOM = "\ufeff"
# Each pattern starts with a newline: a literal prefix lets `re` skip ahead quickly.
_HEADER = re.compile(r"\n[ \t]*\[(\[?)[ \t]*([^\[\]\n]*?)[ \t]*\]")
_KEY = re.compile(r"\n[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


def _file_problem(path: Path | None, message: str, line: int | None = None) -> RegistryError:
    return RegistryError([Problem("SSOT001", message, path=path, line=line)])


def _decode(data: bytes, path: Path | None) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _file_problem(
            path,
            f"byte {data[error.start]:#04x} is not UTF-8; save the file as UTF-8",
            line,
        ) from None
    return text.removeprefix(_BOM)


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


def _validate(text: str, path: Path | None) -> Registry:
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
                    line=error.line or 1,
                    column=error.column if error.line is not None else None,
                )
            ]
        ) from None
    try:
        file = RegistryFile.model_validate(data)
    except ValidationError as error:
        raise RegistryError(problems_from_validation(error, path, locate_keys(text))) from None
    return Registry(compile_rows(file, _entry_lines(text, file)), path)


def read_text(text: str, path: Path | None = None) -> Registry:
    """Validate registry text, raising RegistryError for SSOT001 problems only."""
    return _validate(text, path)


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


def load_text(text: str, path: Path | None = None) -> Registry:
    """Validate registry text; raise RegistryError listing every SSOT001-005 problem."""
    with _no_gc_pauses():
        registry = _validate(text, path)
        problems = find_problems(registry)
    if problems:
        raise RegistryError(problems)
    return registry


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _file_problem(
            path, "registry file not found; create it or pass --registry FILE"
        ) from None
    except IsADirectoryError:
        raise _file_problem(path, "is a folder, not a registry file; pass the TOML file") from None
    except OSError as error:
        raise _file_problem(path, f"cannot read the file ({error.strerror}); check it") from None


def read(path: str | Path) -> Registry:
    """Load a schema-valid registry, leaving SSOT002-005 findings to the caller (see check).

    Raises RegistryError for SSOT001 problems only.
    """
    source = Path(path)
    return _validate(_decode(_read_bytes(source), source), source)


def load(path: str | Path) -> Registry:
    """Load and fully validate a registry file, using the compiled cache when it is current.

    Raises RegistryError listing every problem (SSOT001-005), each with its line.
    """
    source = Path(path)
    data = _read_bytes(source)
    use_cache = cache.cache_enabled()
    digest = cache.content_digest(data) if use_cache else b""
    if use_cache:
        rows = cache.read_cached(source, digest)
        if rows is not None:
            return Registry(rows, source)
    registry = load_text(_decode(data, source), source)
    if use_cache:
        cache.write_cached(source, digest, registry.rows)
    return registry
