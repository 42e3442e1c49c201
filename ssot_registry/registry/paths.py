"""`ImportPath`: the one place where `module` / `module:qualname` strings are parsed."""

from __future__ import annotations

import functools
import importlib
import keyword
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = [
    "PATH_PATTERN",
    "ImportPath",
    "check_dotted_name",
    "check_path",
    "common_parts",
    "covering_module",
    "import_object",
    "split_path",
    "walk_attributes",
]

_V = TypeVar("_V")

_EXAMPLE = "e.g. 'pkg.module' or 'pkg.module:Name'"


def _keywords() -> str:
    """Python's keywords as one alternation grouped by first letter: `re` then tries the one
    branch of a name's first letter, not all 35 keywords, at each dotted part."""
    by_letter: dict[str, list[str]] = {}
    for word in keyword.kwlist:
        by_letter.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())


_NOT_KEYWORD = rf"(?!(?:{_keywords()})(?!\w))"
_NAME = rf"{_NOT_KEYWORD}[^\W\d]\w*"
_DOTTED = rf"{_NAME}(?:\.{_NAME})*"
PATH_PATTERN = rf"^{_DOTTED}(?::{_DOTTED})?$"
"""What a valid path looks like, for editors (JSON Schema); `ImportPath.parse` decides exactly."""


@functools.cache
def _path_pattern() -> re.Pattern[str]:
    """PATH_PATTERN compiled on first use (a large pattern: kept off the import time)."""
    return re.compile(PATH_PATTERN.removeprefix("^").removesuffix("$"))


def split_path(text: str) -> tuple[str, str | None]:
    """`(module, qualname or None)` of a path already known to match PATH_PATTERN."""
    module, colon, qualname = text.partition(":")
    return module, (qualname if colon else None)


def check_dotted_name(text: str, what: str) -> None:
    """Raise ValueError unless `text` is dotted Python identifiers (no keywords, no empty parts)."""
    if not text:
        raise ValueError(f"the {what} is empty")
    for part in text.split("."):
        if not part:
            raise ValueError(f"the {what} {text!r} has an empty part")
        if not part.isidentifier():
            raise ValueError(f"the {what} {text!r} has {part!r}, which is not a Python identifier")
        if not part.isascii():
            import unicodedata  # only for non-ASCII names: not at every start

            normal = unicodedata.normalize("NFKC", part)
        else:
            normal = part
        if normal != part:
            raise ValueError(
                f"the {what} {text!r} has {part!r}, which Python code reads as {normal!r}; "
                f"write {normal!r}"
            )
        if keyword.iskeyword(part):
            raise ValueError(f"the {what} {text!r} uses the keyword {part!r} as a name")


def common_parts(a: str, b: str) -> int:
    """How many leading dotted parts two module names share (`a.b.c`, `a.b.d` -> 2)."""
    count = 0
    for left, right in zip(a.split("."), b.split("."), strict=False):
        if left != right:
            break
        count += 1
    return count


def covering_module(name: str, olds: Mapping[str, _V]) -> tuple[_V, str] | None:
    """The rule "a module alias covers `old.sub`": the value of the longest key of `olds`
    that is module `name` itself or one of its parent packages, and the rest of `name`
    after that key (`''` or `'.sub'`); None when no key covers `name`."""
    found = olds.get(name)
    end = len(name)
    while found is None:
        end = name.rfind(".", 0, end)
        if end <= 0:
            return None
        found = olds.get(name[:end])
    return found, name[end:]


def import_object(module: str, attributes: Iterable[str] = ()) -> Any:
    """The rule "import the module, then walk the qualname": import `module` (or take it from
    `sys.modules` when it has finished executing), then get each attribute in turn."""
    value: Any = sys.modules.get(module)
    # absent, or still executing in another thread: import_module waits for it (the same
    # test importlib makes before it returns a module from sys.modules; the one CPython detail
    # outside runtime/cpython.py, kept by tests/unit/registry/test_import_object_threads.py)
    if value is None or getattr(getattr(value, "__spec__", None), "_initializing", False):
        value = importlib.import_module(module)
    return walk_attributes(value, attributes)


def walk_attributes(value: Any, attributes: Iterable[str]) -> Any:
    """`value.a.b` for attributes `('a', 'b')`; AttributeError when a part is missing."""
    for attribute in attributes:
        value = getattr(value, attribute)
    return value


def check_path(text: str) -> str:
    """`text` itself when it is an import path (see `ImportPath.parse`); ValueError saying what
    is wrong and how otherwise."""
    if text.isascii() and _path_pattern().fullmatch(text):
        return text  # the common case: one regular expression, no object built
    module, colon, qualname = text.partition(":")
    try:
        check_dotted_name(module, "module part")
        if colon:
            check_dotted_name(qualname, "attribute part")
    except ValueError as error:
        raise ValueError(f"{text!r} is not an import path: {error} ({_EXAMPLE})") from None
    return text


@dataclass(frozen=True, slots=True, order=True)
class ImportPath:
    """A dotted module path, optionally followed by `:qualname` (an attribute inside it)."""

    module: str
    qualname: str | None = None

    @classmethod
    def parse(cls, text: str) -> ImportPath:
        """Parse `module` or `module:qualname`; raise ValueError saying what is wrong and how.

        Each dotted part is exactly a Python identifier (`str.isidentifier`, in NFKC form as
        Python code spells it) and not a keyword; nothing else is allowed, not even a
        trailing newline.
        """
        if not isinstance(text, str):
            raise TypeError(f"an import path must be a string, got {type(text).__name__}")
        check_path(text)
        module, colon, qualname = text.partition(":")
        return cls(module, qualname if colon else None)

    @property
    def attributes(self) -> tuple[str, ...]:
        """The qualname's parts (`('Outer', 'method')`); empty for a module path."""
        return tuple(self.qualname.split(".")) if self.qualname else ()

    def import_object(self) -> Any:
        """Import the module and return the object this path names (exceptions propagate)."""
        return import_object(self.module, self.attributes)

    def attribute_of(self, module: object) -> Any:
        """The object this path names inside `module`, already imported (the module itself
        for a module path); AttributeError when a part is missing."""
        return walk_attributes(module, self.attributes)

    @property
    def is_module(self) -> bool:
        """True for a plain module path (no `:qualname`)."""
        return self.qualname is None

    @property
    def name(self) -> str:
        """The last name: the attribute's last part, or the module's last part."""
        return (self.qualname or self.module).rpartition(".")[2]

    @property
    def dotted(self) -> str:
        """The path as Python code spells it: `pkg.mod.Name` (no colon)."""
        return f"{self.module}.{self.qualname}" if self.qualname else self.module

    def __str__(self) -> str:
        return f"{self.module}:{self.qualname}" if self.qualname else self.module

    def __repr__(self) -> str:
        return f"ImportPath({str(self)!r})"
