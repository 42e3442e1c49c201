"""Finding the registry: --registry, then [tool.ssot-registry] in pyproject.toml, then cwd."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssot_registry import RegistryError
from ssot_registry.registry import find_registry


def test_explicit_path_wins(tmp_path: Path) -> None:
    """An explicit --registry is used as given, even when other candidates exist."""
    (tmp_path / "registry.toml").write_text("", encoding="utf-8")
    assert find_registry("elsewhere.toml", tmp_path) == Path("elsewhere.toml")


def test_nearest_pyproject_names_the_registry(tmp_path: Path) -> None:
    """`[tool.ssot-registry] registry` in the nearest pyproject.toml, relative to it."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ssot-registry]\nregistry = "config/imports.toml"\n', encoding="utf-8"
    )
    nested = tmp_path / "src" / "pkg"
    nested.mkdir(parents=True)
    (nested / "registry.toml").write_text("", encoding="utf-8")
    assert find_registry(None, nested) == tmp_path.resolve() / "config" / "imports.toml"


def test_pyproject_without_the_table_falls_back_to_cwd(tmp_path: Path) -> None:
    """A pyproject.toml without [tool.ssot-registry] leaves ./registry.toml as the answer."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "registry.toml").write_text("", encoding="utf-8")
    assert find_registry(None, tmp_path) == tmp_path.resolve() / "registry.toml"


def test_no_registry_anywhere_says_how_to_provide_one(tmp_path: Path) -> None:
    """With nothing to find, the error names the three ways to point at a registry."""
    with pytest.raises(RegistryError) as caught:
        find_registry(None, tmp_path)
    assert caught.value.code == "SSOT001"
    assert "pass --registry FILE, add [tool.ssot-registry]" in str(caught.value)


def test_pyproject_registry_must_be_a_string(tmp_path: Path) -> None:
    """`registry = 3` in pyproject.toml is a located SSOT001 naming the pyproject file."""
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ssot-registry]\nregistry = 3\n", encoding="utf-8"
    )
    with pytest.raises(RegistryError) as caught:
        find_registry(None, tmp_path)
    assert caught.value.path == tmp_path.resolve() / "pyproject.toml"
