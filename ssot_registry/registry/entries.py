"""The registry's entries as handed to users: small immutable records with their line.

They are plain dataclasses, not pydantic models: an application that loads
its registry from the compiled cache at start-up never imports pydantic (the
pydantic models in `model.py` validate the file on a cold load and give the
JSON Schema).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ssot_registry.registry.paths import ImportPath

__all__ = [
    "Alias",
    "Category",
    "External",
    "Kind",
    "Mode",
    "RegistryMeta",
    "Requirement",
    "Symbol",
]

Category = Literal["deprecation", "pending", "future"]
Kind = Literal["any", "module", "class", "function", "callable", "object"]
Mode = Literal["reexport", "wrap"]


@dataclass(frozen=True, slots=True)
class RegistryMeta:
    """The `[registry]` table."""

    name: str
    schema_version: int = 1
    distribution: str | None = None
    version: str | None = None
    category: Category = "deprecation"
    expose: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Requirement:
    """A `[requires]` entry: a distribution the application needs."""

    name: str
    version: str = ""
    modules: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Symbol:
    """A `[symbols]` entry: the canonical import path of a key symbol."""

    name: str
    path: ImportPath
    kind: Kind = "any"
    doc: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """An `[[alias]]`: a deprecated path leading to a canonical one, or a tombstone."""

    old: ImportPath
    new: ImportPath
    since: str | None = None
    remove_in: str | None = None
    removed_in: str | None = None
    reason: str | None = None
    mode: Mode = "reexport"
    category: Category | None = None
    line: int | None = None

    @property
    def is_module_alias(self) -> bool:
        """True when a whole module moved (no colon in `old`)."""
        return self.old.is_module

    @property
    def is_tombstone(self) -> bool:
        """True when the alias was removed and only explains where to go."""
        return self.removed_in is not None


@dataclass(frozen=True, slots=True)
class External:
    """An `[[external]]`: a deprecated third-party path, scanned and migrated, never shimmed."""

    old: ImportPath
    new: ImportPath
    reason: str | None = None
    line: int | None = None
