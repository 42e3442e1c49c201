"""What to check and where: shards, units (one module to import plus its entries), search path."""

from __future__ import annotations

import importlib.machinery
import os
import re
import sys
import zlib
from collections.abc import Container, Iterable, Sequence
from pathlib import Path

from ssot_registry.registry import Registry
from ssot_registry.validator.records import Task, Unit, alias_task, symbol_task

__all__ = [
    "application_roots",
    "in_shard",
    "plan_units",
    "preimports",
    "project_root",
    "search_path",
]


def project_root(registry_file: Path) -> Path | None:
    """The folder of the nearest `pyproject.toml` at or above the registry file (like pytest's
    rootdir): where the application's top-level packages usually are."""
    for folder in registry_file.resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return None


def search_path(
    extra: Sequence[str | os.PathLike[str]] = (), registry_file: Path | None = None
) -> list[str]:
    """What checked code sees on sys.path: the current directory, each `--path DIR`, the
    project root, sys.path, and last the registry's folder (so it only fills in modules
    found nowhere else)."""
    cwd = os.getcwd()
    entries = [cwd, *(os.path.abspath(p) for p in extra)]
    root = project_root(registry_file) if registry_file is not None else None
    if root is not None:
        entries.append(str(root))
    entries += [p or cwd for p in sys.path]
    if registry_file is not None:
        entries.append(str(registry_file.resolve().parent))
    return list(dict.fromkeys(entries))


def in_shard(key: str, shard: tuple[int, int] | None) -> bool:
    """Whether entry `key` (`kind::entry`) belongs to shard I of N (I counts from 1)."""
    if shard is None:
        return True
    index, count = shard
    return zlib.crc32(key.encode()) % count == index - 1


def plan_units(
    registry: Registry, shard: tuple[int, int] | None, skip: Container[int] = ()
) -> list[Unit]:
    """Symbols and aliases (but not the alias numbers in `skip`) grouped by the module each
    imports first, in a stable order."""
    tasks: dict[str, list[Task]] = {}
    for name, symbol in registry.symbols.items():
        if in_shard(f"symbol::{name}", shard):
            tasks.setdefault(symbol.path.module, []).append(symbol_task(symbol))
    for index, alias in enumerate(registry.aliases):
        if index not in skip and in_shard(f"alias::{alias.old}", shard):
            tasks.setdefault(alias.new.module, []).append(alias_task(alias, index))
    return [Unit(module, tuple(found)) for module, found in sorted(tasks.items())]


def application_roots(registry: Registry) -> frozenset[str]:
    """Top-level names of every module the registry's symbols and aliases live in."""
    names = {symbol.path.module for symbol in registry.symbols.values()}
    for alias in registry.aliases:
        names.update((alias.old.module, alias.new.module))
    stdlib: frozenset[str] = getattr(sys, "stdlib_module_names", frozenset())
    return frozenset(name.partition(".")[0] for name in names) - stdlib


def _sources(root: str, path: list[str]) -> Iterable[Path]:
    spec = importlib.machinery.PathFinder.find_spec(root, path)
    if spec is None:
        return
    for location in spec.submodule_search_locations or ():
        for folder, dirs, files in os.walk(location):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
            yield from (Path(folder, f) for f in files if f.endswith(".py"))
    if spec.origin and spec.origin.endswith(".py") and not spec.submodule_search_locations:
        yield Path(spec.origin)


# `import a.b, c as d` and `from a.b import c` at the start of a line: a fast, textual
# scan (no ast) of what the application imports. A line inside a docstring may match;
# pre-importing an extra stdlib or third-party module is harmless, and one that fails is
# simply not pre-imported.
_IMPORT_LINE = re.compile(
    rb"^[ \t]*(?:import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+"
    rb"(?:[ \t]+as[ \t]+\w+)?)*)|from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b)",
    re.MULTILINE,
)


def _imported_names(source: Path) -> Iterable[str]:
    try:
        text = source.read_bytes()
    except OSError:
        return
    for match in _IMPORT_LINE.finditer(text):
        if match[2]:
            yield match[2].decode("ascii", "replace")
            continue
        for part in match[1].split(b","):
            yield part.split()[0].decode("ascii", "replace")


def preimports(roots: frozenset[str], path: list[str]) -> list[str]:
    """Modules outside the application that its sources import: what a warm worker loads first."""
    found: set[str] = set()
    for root in sorted(roots):
        for source in _sources(root, path):
            found.update(_imported_names(source))
    return sorted(
        name for name in found if name.partition(".")[0] not in roots and name != "__future__"
    )
