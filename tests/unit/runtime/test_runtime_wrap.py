"""`mode = "wrap"`: a proxy that warns on each call, otherwise the canonical object's twin."""

from __future__ import annotations

import importlib
import inspect
import pickle
import warnings

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from tests.helpers.runtime import Install

WRAPPED = """
[[alias]]
old = "app.mod:Old"
new = "app.core:Thing"
mode = "wrap"

[[alias]]
old = "app.mod:old_func"
new = "app.core:func"
mode = "wrap"
"""
CLASS_MESSAGE = "app.mod:Old is deprecated; use app.core:Thing instead."


def _canonical() -> object:
    return importlib.import_module("app.core")


def test_access_is_silent_and_each_call_warns(installed: Install) -> None:
    """Importing the wrapped name does not warn; every call and instantiation does."""
    installed(WRAPPED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from app.mod import Old, old_func
    with pytest.warns(DeprecatedAliasWarning) as records:
        results = [old_func(), old_func(), Old(2).size]
    assert results == [42, 42, 2]
    assert [str(r.message) for r in records][-1] == CLASS_MESSAGE
    assert len(records) == 3


def test_proxy_behaves_like_the_canonical_class(installed: Install) -> None:
    """isinstance, issubclass, signature, __wrapped__ and __doc__ see the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    thing = _canonical().Thing  # type: ignore[attr-defined]
    with pytest.warns(DeprecatedAliasWarning):
        instance = Old(5)
    assert type(instance) is thing
    assert isinstance(instance, Old)
    assert isinstance(thing(), Old)
    assert issubclass(thing, Old)
    assert str(inspect.signature(Old)) == "(size=1)"
    assert Old.__wrapped__ is thing
    assert Old.__doc__ == "A canonical class."


def test_subclassing_the_proxy_subclasses_the_canonical_class(installed: Install) -> None:
    """A class deriving from the proxy derives from the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    class Derived(Old):  # type: ignore[misc,valid-type]
        pass

    thing = _canonical().Thing  # type: ignore[attr-defined]
    assert Derived.__mro__[1] is thing
    assert isinstance(Derived(), thing)


def test_instances_pickle_as_canonical_instances(installed: Install) -> None:
    """An instance made through the proxy round-trips through pickle as the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    with pytest.warns(DeprecatedAliasWarning):
        instance = Old(7)
    copy = pickle.loads(pickle.dumps(instance))
    assert type(copy) is _canonical().Thing  # type: ignore[attr-defined]
    assert copy.size == 7


def test_same_proxy_for_each_access(installed: Install) -> None:
    """Two reads of the old name give the same proxy object."""
    installed(WRAPPED)
    import app.mod

    assert app.mod.old_func is app.mod.old_func
