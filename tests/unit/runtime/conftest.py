"""Fixtures of the runtime tests: registries installed over real packages, always uninstalled."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ssot_registry.registry import load_text
from ssot_registry.runtime import Installation, install
from tests.helpers.runtime import APP, HEADER, Install


@pytest.fixture
def installed(on_sys_path: Callable[[dict[str, str]], Path]) -> Iterator[Install]:
    """Write the files and install a registry given as TOML (after the header); uninstall after."""
    installations: list[Installation] = []

    def run(
        body: str,
        files: dict[str, str] | None = None,
        *,
        strict: bool | None = False,
        header: str = HEADER,
    ) -> Installation:
        on_sys_path(APP if files is None else files)
        registry = load_text(header + textwrap.dedent(body))
        installation = install(registry, strict=strict)
        installations.append(installation)
        return installation

    yield run
    for installation in installations:
        installation.uninstall()
