"""Real PyPI packages for the adopt tests, unpacked into the session's tmp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from wheels import RealPackage, unpack


@pytest.fixture(scope="session")
def real_package(tmp_path_factory: pytest.TempPathFactory) -> RealPackage:
    """`real_package("langchain")`: the pinned wheel unpacked in a session folder."""
    unpacked: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in unpacked:
            unpacked[name] = unpack(name, tmp_path_factory.mktemp(name.partition("==")[0]))
        return unpacked[name]

    return get
