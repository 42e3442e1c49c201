"""Shared pieces of the migrate tests: one registry, and a helper that rewrites real files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.migrate import MigrationResult, migrate
from ssot_registry.registry import Registry, load_text

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "app"

    [[alias]]
    old = "app.old"
    new = "app.new"
    since = "1.4.0"
    remove_in = "2.0.0"

    [[alias]]
    old = "app.models:Thing"
    new = "app.core.things:Thing"

    [[alias]]
    old = "app.utils:helper"
    new = "app.core.helpers:assist"
    reason = "renamed"

    [[alias]]
    old = "app.legacy:Gone"
    new = "app.core:Here"
    removed_in = "1.6.0"

    [[alias]]
    old = "legacy.tools"
    new = "app.tools"

    [[external]]
    old = "websockets.client:connect"
    new = "websockets.asyncio.client:connect"
    """
)

Rewrite = Callable[..., bytes]


@pytest.fixture
def registry() -> Registry:
    """The registry every migrate test uses."""
    return load_text(REGISTRY)


def write_module(root: Path, relative: str, content: bytes | str) -> Path:
    """Write a module at `relative` under `root`, with `__init__.py` in every folder above it."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent
    while folder != root:
        (folder / "__init__.py").touch()
        folder = folder.parent
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.write_bytes(data)
    return target


@pytest.fixture
def rewrite(tmp_path: Path, registry: Registry) -> Rewrite:
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
