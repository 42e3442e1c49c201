"""The registry file: import paths, models, loading with located errors, static checks."""

from ssot_registry.registry.compiled import Registry
from ssot_registry.registry.discovery import find_registry
from ssot_registry.registry.loader import load, load_text, read, read_text
from ssot_registry.registry.model import (
    Alias,
    External,
    RegistryFile,
    RegistryMeta,
    Requirement,
    Symbol,
)
from ssot_registry.registry.paths import ImportPath
from ssot_registry.registry.static_checks import find_problems

__all__ = [
    "Alias",
    "External",
    "ImportPath",
    "Registry",
    "RegistryFile",
    "RegistryMeta",
    "Requirement",
    "Symbol",
    "find_problems",
    "find_registry",
    "load",
    "load_text",
    "read",
    "read_text",
]
