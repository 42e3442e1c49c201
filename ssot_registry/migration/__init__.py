"""Scan source for deprecated import paths and rewrite them; never imports the code it reads."""

from ssot_registry.migration.api import migrate, migrate_report, scan, scan_report
from ssot_registry.migration.index import PathIndex, build_index
from ssot_registry.migration.model import FileError, Finding, MigrationResult, ScanReport

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
