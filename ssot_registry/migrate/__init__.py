"""Scan source for deprecated import paths and rewrite them; never imports the code it reads.

`ssot_registry.migrate` names both this package and the `migrate()` function of
the public API. Importing the package makes Python bind the package itself as
`ssot_registry.migrate`, so the package is made callable: calling it runs
`migrate()`, whichever of the two a caller ends up holding.
"""

import sys
import types
from collections.abc import Sequence

from ssot_registry.migrate.api import PathLike, migrate, migrate_report, scan, scan_report
from ssot_registry.migrate.index import PathIndex, build_index
from ssot_registry.migrate.model import FileError, Finding, MigrationResult, ScanReport
from ssot_registry.registry import Registry

__all__ = [
    "FileError",
    "Finding",
    "MigrationResult",
    "PathIndex",
    "ScanReport",
    "build_index",
    "migrate",
    "migrate_report",
    "scan",
    "scan_report",
]


class _CallablePackage(types.ModuleType):
    """This package, callable as `migrate()` (see the module docstring)."""

    def __call__(
        self, paths: Sequence[PathLike], registry: Registry | PathLike, *, write: bool = False
    ) -> MigrationResult:
        return migrate(paths, registry, write=write)


sys.modules[__name__].__class__ = _CallablePackage
