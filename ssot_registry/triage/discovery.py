"""Which modules triage imports, named as pytest's default `prepend` import mode names them.

A module's name starts below the first folder upwards without `__init__.py`
(its *base folder*, which pytest puts first on `sys.path`); `conftest.py`
files from the given PATH down to the module's folder are imported first.
Files are found with scan's scope rules (hidden folders, `__pycache__`,
virtual environments and `--exclude` are skipped).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ssot_registry.migration.files import find_sources
from ssot_registry.triage.model import TestModule

__all__ = ["discover", "duplicate_names", "name_in_prepend_mode"]

_SKIPPED = frozenset({"__init__.py", "conftest.py", "setup.py", "__main__.py"})


def _is_package(folder: str, cache: dict[str, bool]) -> bool:
    known = cache.get(folder)
    if known is None:
        known = cache[folder] = os.path.isfile(os.path.join(folder, "__init__.py"))
    return known


def name_in_prepend_mode(file: str, cache: dict[str, bool] | None = None) -> tuple[str, str]:
    """(dotted module name, base folder) of `file` as pytest's `prepend` mode imports it."""
    cache = {} if cache is None else cache
    folder, filename = os.path.split(os.path.abspath(file))
    parts = [filename.rpartition(".")[0]]
    if parts[0] == "__init__":
        parts = []
    while _is_package(folder, cache):
        folder, package = os.path.split(folder)
        parts.insert(0, package)
    return ".".join(parts), folder


def _conftests(folder: str, top: str, cache: dict[str, bool]) -> tuple[tuple[str, str, str], ...]:
    """conftest.py files from `top` down to `folder` (outermost first)."""
    chain: list[str] = []
    current = folder
    while True:
        chain.append(current)
        if current == top or os.path.dirname(current) == current:
            break
        current = os.path.dirname(current)
    found = []
    for directory in reversed(chain):
        conftest = os.path.join(directory, "conftest.py")
        if os.path.isfile(conftest):
            name, base = name_in_prepend_mode(conftest, cache)
            found.append((name, base, conftest))
    return tuple(found)


def discover(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[TestModule]:
    """Every module under `paths` in pytest's order (sorted by path), conftests attached.

    Raises FileNotFoundError for a path that does not exist.
    """
    cache: dict[str, bool] = {}
    modules = []
    for given in paths:
        top = os.path.abspath(given if os.path.isdir(given) else os.path.dirname(given) or ".")
        for source in sorted(find_sources([given], exclude), key=_pytest_order):
            if not source.endswith(".py") or os.path.basename(source) in _SKIPPED:
                continue
            file = os.path.abspath(source)
            name, base = name_in_prepend_mode(file, cache)
            if not all(part.isidentifier() for part in name.split(".")):
                continue
            conftests = _conftests(os.path.dirname(file), top, cache)
            modules.append(TestModule(name, file, base, conftests))
    return modules


def _pytest_order(path: str) -> tuple[str, ...]:
    """pytest collects a folder's files before its subfolders, each sorted by name."""
    folder, name = os.path.split(path)
    return (*folder.split(os.sep), "\0" + name)


def duplicate_names(modules: Sequence[TestModule]) -> dict[str, list[TestModule]]:
    """Module names that two or more files share (pytest's "import file mismatch")."""
    by_name: dict[str, list[TestModule]] = {}
    for module in modules:
        by_name.setdefault(module.name, []).append(module)
    return {name: found for name, found in by_name.items() if len(found) > 1}
