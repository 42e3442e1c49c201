"""The facade (`[registry] expose`): every `[symbols]` name served lazily, without warning."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest

from tests.helpers.runtime import HEADER, Install

FACADE = HEADER + 'expose = "app.ssot"\n'
SYMBOLS = """
[symbols]
func = "app.core:func"
Thing = { path = "app.core:Thing", kind = "class" }
redis = "app.services.redis"
"""


def test_synthetic_facade_serves_symbols_lazily(installed: Install) -> None:
    """`app.ssot` does not exist: it is created, imports nothing until a name is read."""
    installed(SYMBOLS, header=FACADE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        import app.ssot

        assert "app.core" not in sys.modules
        assert app.ssot.__all__ == ["Thing", "func", "redis"]
        assert {"Thing", "func", "redis"} <= set(dir(app.ssot))
        assert "app.core" not in sys.modules
        from app.ssot import Thing, func, redis
    assert func is importlib.import_module("app.core").func
    assert Thing is importlib.import_module("app.core").Thing
    assert redis is importlib.import_module("app.services.redis")


def test_star_import_from_the_facade(installed: Install) -> None:
    """`from app.ssot import *` brings every symbol."""
    installed(SYMBOLS, header=FACADE)
    namespace: dict[str, object] = {}
    exec("from app.ssot import *", namespace)
    assert {"Thing", "func", "redis"} <= set(namespace)


def test_real_facade_module_keeps_its_own_names(installed: Install) -> None:
    """A real `app.ssot` keeps its attributes and gains the symbols through __getattr__."""
    files = {
        "app/__init__.py": "",
        "app/core.py": "def func():\n    return 42\n",
        "app/ssot.py": "OWN = 'own'\n",
    }
    installed('[symbols]\nfunc = "app.core:func"\n', files=files, header=FACADE)
    import app.ssot

    assert app.ssot.OWN == "own"
    assert app.ssot.func() == 42
    assert "func" in dir(app.ssot)


def test_unknown_facade_name_is_an_attribute_error(installed: Install) -> None:
    """A name that is not a symbol raises AttributeError."""
    installed(SYMBOLS, header=FACADE)
    import app.ssot

    with pytest.raises(AttributeError) as raised:
        _ = app.ssot.nope
    assert str(raised.value) == (
        "module 'app.ssot' has no attribute 'nope': it is a shim of registry 'test' "
        "and provides Thing, func, redis"
    )
