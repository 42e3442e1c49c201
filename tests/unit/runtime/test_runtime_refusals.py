"""Tombstones (`removed_in`) and strict mode: the old path fails with the migration hint."""

from __future__ import annotations

import importlib
import re
import sys

import pytest

from tests.helpers.runtime import Install

TOMBSTONES = """
[[alias]]
old = "app.mod:gone"
new = "app.core:func"
removed_in = "1.6.0"

[[alias]]
old = "app.legacy_ws"
new = "app.services.redis"
removed_in = "1.5.0"
reason = "merged into services"
"""
LIVE = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"
since = "1.0"

[[alias]]
old = "app.redis"
new = "app.services.redis"
"""


def test_removed_attribute_import_raises_import_error(installed: Install) -> None:
    """`from app.mod import gone` fails with ImportError naming the version and the new path."""
    installed(TOMBSTONES)
    with pytest.raises(ImportError) as raised:
        from app.mod import gone  # noqa: F401
    assert str(raised.value) == "app.mod:gone was removed in 1.6.0; use app.core:func instead."


def test_removed_attribute_access_raises_attribute_error(installed: Install) -> None:
    """`app.mod.gone` fails with AttributeError carrying the same hint."""
    installed(TOMBSTONES)
    import app.mod

    with pytest.raises(AttributeError) as raised:
        _ = app.mod.gone
    assert str(raised.value) == "app.mod:gone was removed in 1.6.0; use app.core:func instead."
    assert not hasattr(app.mod, "gone")


def test_removed_module_raises_import_error(installed: Install) -> None:
    """Importing a removed module path raises ImportError (not a bare ModuleNotFoundError)."""
    installed(TOMBSTONES)
    with pytest.raises(ImportError) as raised:
        import app.legacy_ws  # noqa: F401
    assert type(raised.value) is ImportError
    assert str(raised.value) == (
        "app.legacy_ws was removed in 1.5.0; use app.services.redis instead. "
        "Reason: merged into services"
    )
    assert "app.legacy_ws" not in sys.modules


def test_tombstones_are_not_listed(installed: Install) -> None:
    """dir() of the old module does not offer a removed name."""
    installed(TOMBSTONES)
    import app.mod

    assert "gone" not in dir(app.mod)


def test_strict_mode_refuses_every_alias(installed: Install) -> None:
    """Strict mode fails an alias as if removed: ImportError on import, AttributeError on access."""
    installed(LIVE, strict=True)
    message = "app.mod:func is deprecated since 1.0; use app.core:func instead."
    with pytest.raises(ImportError, match=re.escape(message)):
        from app.mod import func  # noqa: F401
    import app.mod

    with pytest.raises(AttributeError, match=re.escape(message)):
        _ = app.mod.func
    with pytest.raises(ImportError, match=re.escape("app.redis is deprecated")):
        importlib.import_module("app.redis")


def test_environment_turns_strict_mode_on(
    installed: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SSOT_REGISTRY_STRICT=1 makes install(strict=None) strict."""
    monkeypatch.setenv("SSOT_REGISTRY_STRICT", "1")
    installation = installed(LIVE, strict=None)
    assert installation.strict
    with pytest.raises(ImportError):
        importlib.import_module("app.redis")


def test_explicit_strict_false_wins_over_the_environment(
    installed: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An explicit strict=False ignores SSOT_REGISTRY_STRICT."""
    monkeypatch.setenv("SSOT_REGISTRY_STRICT", "1")
    installation = installed(LIVE, strict=False)
    assert not installation.strict
    with pytest.warns(DeprecationWarning, match="app.redis is deprecated"):
        importlib.import_module("app.redis")


def test_overdue_alias_keeps_working(installed: Install) -> None:
    """An alias past its remove_in still resolves at run time (the validator flags it)."""
    installed(
        '[[alias]]\nold = "app.mod:func"\nnew = "app.core:func"\nremove_in = "0.1"\n',
        header='[registry]\nschema = 1\nname = "test"\nversion = "9.0"\n',
    )
    with pytest.warns(DeprecationWarning, match="will be removed in 0.1"):
        from app.mod import func
    assert func() == 42


def test_strict_from_package_import_keeps_the_message(installed: Install) -> None:
    """`from app import func` on a package in strict mode raises our ImportError, not Python's."""
    installed('\n[[alias]]\nold = "app:func"\nnew = "app.core:func"\n', strict=True)
    with pytest.raises(ImportError) as raised:
        from app import func  # noqa: F401
    assert str(raised.value) == "app:func is deprecated; use app.core:func instead."


def test_strict_star_import_from_a_shim_raises_import_error(installed: Install) -> None:
    """`from shim import *` in strict mode is an import statement: ImportError with the hint."""
    installed('\n[[alias]]\nold = "app.legacy:Thing"\nnew = "app.core:Thing"\n', strict=True)
    with pytest.raises(ImportError) as raised:
        exec("from app.legacy import *", {})
    assert str(raised.value) == "app.legacy:Thing is deprecated; use app.core:Thing instead."
