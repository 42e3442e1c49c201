"""PEP 810 (Python 3.15): an alias reached through `lazy from`/`lazy import` warns once, at the
line that first uses the name; identity and strict refusals hold as for eager imports."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from ssot_registry.runtime import cpython
from tests.helpers.runtime import APP, Install

REGISTRY = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app.redis"
new = "app.services.redis"
"""
USER = """\
lazy from app.mod import func
lazy import app.redis


def use_func():
    return func()


def use_module():
    return app.redis.client()
"""


def _user(installed: Install, *, strict: bool = False) -> object:
    installed(REGISTRY, files={**APP, "app/user.py": USER}, strict=strict)
    if not cpython.LAZY_IMPORTS:  # skipped after installing: the Pyodide lane's host run
        pytest.skip("`lazy` imports need Python 3.15 (PEP 810)")  # compiles the registry
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the lazy statements themselves do not warn
        return importlib.import_module("app.user")


def test_lazy_from_warns_at_the_first_use(installed: Install) -> None:
    """`lazy from app.mod import func` warns where `func` is first used, and only there."""
    user = _user(installed)
    with pytest.warns(DeprecatedAliasWarning) as records:
        assert user.use_func() == 42  # type: ignore[attr-defined]
    assert [(record.filename, record.lineno) for record in records] == [(user.__file__, 6)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert user.use_func() == 42  # type: ignore[attr-defined]
    assert user.func is sys.modules["app.core"].func  # type: ignore[attr-defined]


def test_lazy_import_of_an_old_module_warns_at_the_first_use(installed: Install) -> None:
    """`lazy import app.redis` imports the canonical module at the first use, warning there."""
    user = _user(installed)
    with pytest.warns(DeprecatedAliasWarning) as records:
        assert user.use_module() == "redis"  # type: ignore[attr-defined]
    assert [(record.filename, record.lineno) for record in records] == [(user.__file__, 10)]
    assert sys.modules["app.redis"] is sys.modules["app.services.redis"]


def test_strict_lazy_from_refuses_at_the_first_use(installed: Install) -> None:
    """In strict mode the first use of a lazily imported alias raises ImportError with the
    registry's message."""
    user = _user(installed, strict=True)
    with pytest.raises(ImportError, match=r"^app\.mod:func is deprecated; use app\.core:func"):
        user.use_func()  # type: ignore[attr-defined]
