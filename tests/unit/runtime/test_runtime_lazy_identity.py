"""PEP 810 lazy imports through the installed shims: identity, laziness (3.15, the Pyodide lane)."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import warnings

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from tests.helpers.runtime import APP, Install

FUNC_ALIAS = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app.legacy"
new = "app.services.redis"
"""
USER = {
    **APP,
    "user.py": "lazy from app.mod import func\nlazy import app.legacy\n\n\ndef call():\n"
    "    return func()\n",
}


@pytest.fixture
def lazy_app(installed: Install) -> None:
    """The registry installed over the app; then skip before 3.15.

    The registry is installed first so that the Pyodide lane's host run (3.13)
    compiles it for the 3.15 run, where pydantic is missing.
    """
    installed(FUNC_ALIAS, USER)
    if sys.version_info < (3, 15):
        pytest.skip("`lazy import` is Python 3.15 syntax (PEP 810)")


def test_lazy_from_gives_the_canonical_object(lazy_app: None) -> None:
    """`lazy from old import name` gives the identical object, warning once, at the first use."""
    user = importlib.import_module("user")
    import app.core

    first_use = inspect.currentframe().f_lineno + 4  # type: ignore[union-attr]
    with pytest.warns(
        DeprecatedAliasWarning, match=re.escape("app.mod:func is deprecated")
    ) as seen:
        assert user.func is app.core.func
    assert [(w.filename, w.lineno) for w in seen] == [(__file__, first_use)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # reified at the first use: no second warning
        assert user.call() == 42


def test_lazy_import_of_a_module_alias_is_the_real_module(lazy_app: None) -> None:
    """`lazy import old_module` reifies to the identical canonical module object."""
    user = importlib.import_module("user")
    import app.services.redis

    with pytest.warns(DeprecatedAliasWarning, match=re.escape("app.legacy is deprecated")):
        assert user.app.legacy is app.services.redis
    assert user.app.legacy.client() == "redis"


def test_lazy_import_is_not_resolved_before_use(lazy_app: None) -> None:
    """Importing a module with lazy imports of old paths neither warns nor imports them."""
    importlib.import_module("user")
    assert "app.core" not in sys.modules
