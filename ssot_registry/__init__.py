"""ssot-registry: one `registry.toml` as the single source of truth for import paths.

The public API; everything else is private implementation. Heavy parts
(the validator, the scanner) are imported on first use so that
`import ssot_registry` and `install()` stay cheap at application start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ssot_registry._version import __version__
from ssot_registry.exceptions import (
    AliasWarning,
    DeprecatedAliasWarning,
    FutureAliasWarning,
    PendingAliasWarning,
    Problem,
    RegistryError,
    SsotRegistryError,
)
from ssot_registry.registry import ImportPath, Registry, load

if TYPE_CHECKING:
    from ssot_registry.migration import Finding, MigrationResult, migrate, scan
    from ssot_registry.runtime import Installation, install
    from ssot_registry.validator import CheckReport, check

__all__ = [
    "AliasWarning",
    "CheckReport",
    "DeprecatedAliasWarning",
    "Finding",
    "FutureAliasWarning",
    "ImportPath",
    "Installation",
    "MigrationResult",
    "PendingAliasWarning",
    "Problem",
    "Registry",
    "RegistryError",
    "SsotRegistryError",
    "__version__",
    "check",
    "install",
    "load",
    "migrate",
    "scan",
]

_LAZY = {
    "check": "ssot_registry.validator",
    "CheckReport": "ssot_registry.validator",
    "scan": "ssot_registry.migration",
    "migrate": "ssot_registry.migration",
    "Finding": "ssot_registry.migration",
    "MigrationResult": "ssot_registry.migration",
    "install": "ssot_registry.runtime",
    "Installation": "ssot_registry.runtime",
}


def __getattr__(name: str) -> Any:
    """Import the validator, scanner and runtime only when first used."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'ssot_registry' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
