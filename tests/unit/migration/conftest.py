"""Fixtures of the migrate tests: the shared registry and helpers that rewrite real files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.migration import MigrationResult, migrate
from ssot_registry.registry import Registry, load_text
from tests.helpers.migrate import REGISTRY, write_module


@pytest.fixture
def registry() -> Registry:
    """The registry every migrate test uses."""
    return load_text(REGISTRY)


@pytest.fixture
def rewrite(tmp_path: Path, registry: Registry) -> Callable[..., bytes]:
    """Write `source` as a real module, run `migrate(write=True)`, return the file's new bytes."""

    def run(source: bytes | str, relative: str = "app/pkg/user.py") -> bytes:
        if isinstance(source, str):
            source = textwrap.dedent(source)
        target = write_module(tmp_path, relative, source)
        migrate([tmp_path], registry, write=True)
        return target.read_bytes()

    return run


@pytest.fixture
def migrated(tmp_path: Path, registry: Registry) -> Callable[..., MigrationResult]:
    """Write `source` as a real module and return `migrate`'s result (without writing)."""

    def run(
        source: str, relative: str = "app/pkg/user.py", *, write: bool = False
    ) -> MigrationResult:
        write_module(tmp_path, relative, textwrap.dedent(source))
        return migrate([tmp_path], registry, write=write)

    return run
