"""The public surface of `ssot_registry` is exactly its sorted `__all__`."""

from __future__ import annotations

import importlib
import subprocess
import sys

import ssot_registry


def test_all_is_sorted_and_every_name_resolves() -> None:
    """Every name in `__all__` is importable from the package, and `__all__` is sorted."""
    assert list(ssot_registry.__all__) == sorted(ssot_registry.__all__)
    for name in ssot_registry.__all__:
        assert getattr(ssot_registry, name) is not None


def test_dir_lists_the_public_api() -> None:
    """`dir(ssot_registry)` shows the public names."""
    assert set(ssot_registry.__all__) <= set(dir(ssot_registry))


def test_importing_the_package_stays_light() -> None:
    """`import ssot_registry` imports neither the validator, the scanner, nor heavy libraries."""
    heavy = (
        "ssot_registry.validator",
        "ssot_registry.migration",
        "pytest",
        "wrapt",
        "pydantic",
        "packaging",
        "importlib_metadata",
    )
    code = f"import sys, ssot_registry; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_warning_classes_are_one_family() -> None:
    """Every alias warning is an AliasWarning and the matching builtin category."""
    exceptions = importlib.import_module("ssot_registry.exceptions")
    assert issubclass(exceptions.DeprecatedAliasWarning, DeprecationWarning)
    assert issubclass(exceptions.PendingAliasWarning, PendingDeprecationWarning)
    assert issubclass(exceptions.FutureAliasWarning, FutureWarning)
    for cls in (
        exceptions.DeprecatedAliasWarning,
        exceptions.PendingAliasWarning,
        exceptions.FutureAliasWarning,
    ):
        assert issubclass(cls, ssot_registry.AliasWarning)
