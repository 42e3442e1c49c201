"""`check --no-isolate` next to shims somebody else installed, and under strict mode."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.registry import load
from ssot_registry.runtime import install, installations
from ssot_registry.validator import check

WriteTree = Callable[[dict[str, str]], Path]

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "shared"

    [[alias]]
    old = "sharedpkg.old:thing"
    new = "sharedpkg.core:thing"
    """
)


@pytest.fixture
def registry_file(on_sys_path: WriteTree) -> Path:
    """A real package with a moved attribute, and its registry, on sys.path."""
    root = on_sys_path(
        {
            "sharedpkg/__init__.py": "",
            "sharedpkg/core.py": "thing = object()\n",
            "registry.toml": REGISTRY,
        }
    )
    return root / "registry.toml"


def test_check_leaves_an_existing_installation_in_place(registry_file: Path) -> None:
    """The check reuses the shims already installed (e.g. by the plugin) and does not undo them."""
    registry = load(registry_file)
    with install(registry) as installation:
        report = check(registry, isolate=False)
        assert report.ok
        assert installation.installed
        assert installations() == (installation,)
    assert installations() == ()


def test_check_proves_aliases_even_with_strict_environment(
    registry_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SSOT_REGISTRY_STRICT=1 in the environment does not turn every alias into a failure."""
    monkeypatch.setenv("SSOT_REGISTRY_STRICT", "1")
    report = check(load(registry_file), isolate=False)
    assert report.ok, [result.message for result in report.results if result.status == "fail"]
    assert installations() == ()
