"""The registry file: import paths, entries, loading with located errors, static checks.

Importing this package stays light (no pydantic, no packaging): those are
imported only when a registry file has to be validated or versions compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssot_registry.registry.discovery import find_registry
from ssot_registry.registry.entries import Alias, External, RegistryMeta, Requirement, Symbol
from ssot_registry.registry.loader import load, load_text, load_text_unchecked, load_unchecked
from ssot_registry.registry.paths import ImportPath
from ssot_registry.registry.validated import Registry

if TYPE_CHECKING:
    from ssot_registry.registry.static_checks import find_problems

__all__ = [
    "Alias",
    "External",
    "ImportPath",
    "Registry",
    "RegistryMeta",
    "Requirement",
    "Symbol",
    "find_problems",
    "find_registry",
    "load",
    "load_text",
    "load_text_unchecked",
    "load_unchecked",
]


def __getattr__(name: str) -> object:
    """`find_problems` on first use: a warm `load()` at application start never needs it."""
    if name == "find_problems":
        from ssot_registry.registry.static_checks import find_problems

        return find_problems
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
