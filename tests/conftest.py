"""Fixtures shared by every test: import-state isolation and real packages on disk."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WriteTree = Callable[[dict[str, str]], Path]


@pytest.fixture
def import_state() -> Iterator[None]:
    """Snapshot and restore sys.modules, sys.meta_path, sys.path and the importer caches."""
    modules = dict(sys.modules)
    meta_path = list(sys.meta_path)
    path = list(sys.path)
    path_hooks = list(sys.path_hooks)
    yield
    sys.meta_path[:] = meta_path
    sys.path[:] = path
    sys.path_hooks[:] = path_hooks
    for name in list(sys.modules):
        if name not in modules:
            del sys.modules[name]
    sys.modules.update(modules)
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()


@pytest.fixture
def write_tree(tmp_path: Path) -> WriteTree:
    """Write `{relative path: source}` under a fresh folder and return that folder."""
    counter = iter(range(10**6))

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / f"tree{next(counter)}"
        for relative, source in files.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(source), encoding="utf-8")
        return root

    return write


@pytest.fixture
def on_sys_path(import_state: None, write_tree: WriteTree) -> WriteTree:
    """Write a tree of real modules and put its folder first on sys.path (restored after)."""

    def write(files: dict[str, str]) -> Path:
        root = write_tree(files)
        sys.path.insert(0, str(root))
        importlib.invalidate_caches()
        return root

    return write
