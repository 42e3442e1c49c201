"""Module aliases (`old = "pkg.old_mod"`): the identical module object under the old name."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import warnings
from unittest import mock

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from tests.helpers.runtime import Install

REDIS = """
[[alias]]
old = "app.redis"
new = "app.services.redis"
"""
SERVICES = """
[[alias]]
old = "app.legacy"
new = "app.services"
"""


def test_old_module_is_the_canonical_module_object(installed: Install) -> None:
    """`import app.redis` puts the very `app.services.redis` object under the old name."""
    installed(REDIS)
    with pytest.warns(
        DeprecatedAliasWarning, match="^app.redis is deprecated; use app.services.redis instead.$"
    ):
        import app.redis
    import app.services.redis

    assert app.redis is app.services.redis
    assert sys.modules["app.redis"] is sys.modules["app.services.redis"]
    assert app.redis.__name__ == "app.services.redis"
    assert app.redis.__spec__.name == "app.services.redis"


def test_from_package_import_old_module(installed: Install) -> None:
    """`from app import redis` yields the canonical module, with one warning."""
    installed(REDIS)
    with pytest.warns(DeprecatedAliasWarning) as records:
        from app import redis
    assert len(records) == 1
    assert redis is importlib.import_module("app.services.redis")


def test_second_import_hits_the_module_cache_silently(installed: Install) -> None:
    """Only the first import of an old module path warns."""
    installed(REDIS)
    with pytest.warns(DeprecatedAliasWarning):
        importlib.import_module("app.redis")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.import_module("app.redis")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("app.legacy.redis", "app.services.redis"),
        ("app.legacy.deep", "app.services.deep"),
        ("app.legacy.deep.leaf", "app.services.deep.leaf"),
    ],
)
def test_submodules_follow_at_any_depth(installed: Install, old: str, new: str) -> None:
    """`old.sub.deeper` is `new.sub.deeper`, and one import statement warns once."""
    installed(SERVICES)
    with pytest.warns(DeprecatedAliasWarning) as records:
        module = importlib.import_module(old)
    assert len(records) == 1
    assert str(records[0].message) == f"{old} is deprecated; use {new} instead."
    assert module is importlib.import_module(new)
    assert sys.modules[old] is sys.modules[new]


def test_from_old_module_import_name(installed: Install) -> None:
    """`from app.redis import client` gets the canonical function after one warning."""
    installed(REDIS)
    with pytest.warns(DeprecatedAliasWarning) as records:
        from app.redis import client
    assert len(records) == 1
    assert client is importlib.import_module("app.services.redis").client


def test_reload_through_the_old_module_reloads_the_canonical_one(installed: Install) -> None:
    """importlib.reload of the old module object re-executes the canonical module, same object."""
    installed(REDIS)
    with pytest.warns(DeprecatedAliasWarning):
        import app.redis
    first_client = app.redis.client
    reloaded = importlib.reload(app.redis)
    assert reloaded is sys.modules["app.services.redis"] is sys.modules["app.redis"]
    assert reloaded.client is not first_client


def test_find_spec_of_an_old_module(installed: Install) -> None:
    """importlib.util.find_spec answers for an old path without importing it, then afterwards."""
    installed(REDIS)
    before = importlib.util.find_spec("app.redis")
    assert before is not None
    assert before.name == "app.redis"
    assert before.origin is not None
    assert before.origin.endswith("redis.py")
    assert "app.redis" not in sys.modules
    with pytest.warns(DeprecatedAliasWarning):
        importlib.import_module("app.redis")
    after = importlib.util.find_spec("app.redis")
    assert after is not None
    assert after.name == "app.services.redis"


def test_find_spec_of_a_missing_submodule_of_an_old_package_is_none(installed: Install) -> None:
    """`find_spec("old.nonexistent")` is None, as for any module that does not exist."""
    installed(SERVICES)
    with pytest.warns(DeprecatedAliasWarning):
        assert importlib.util.find_spec("app.legacy.nonexistent") is None
    assert importlib.util.find_spec("app.legacy.redis") is not None
    with pytest.warns(DeprecatedAliasWarning, match="^app.legacy.deep is deprecated"):
        assert importlib.util.find_spec("app.legacy.deep.nowhere") is None
    assert "app.legacy.nonexistent" not in sys.modules
    with pytest.raises(ModuleNotFoundError, match=r"^No module named 'app\.legacy\.nonexistent'$"):
        import app.legacy.nonexistent  # noqa: F401


def test_mock_patch_through_the_old_path_patches_the_canonical_function(
    installed: Install,
) -> None:
    """`mock.patch("app.redis.client")` replaces the function the canonical module serves."""
    installed(REDIS)
    import app.services.redis

    with pytest.warns(DeprecatedAliasWarning), mock.patch("app.redis.client", return_value="fake"):
        patched = app.services.redis.client()
    assert patched == "fake"
    assert app.services.redis.client() == "redis"


def test_canonical_module_keeps_its_own_spec(installed: Install) -> None:
    """Importing through the alias leaves the canonical module's __spec__ and __loader__ alone."""
    installed(REDIS)
    import app.services.redis

    spec, loader = app.services.redis.__spec__, app.services.redis.__loader__
    with pytest.warns(DeprecatedAliasWarning):
        import app.redis
    assert app.services.redis.__spec__ is spec
    assert app.services.redis.__loader__ is loader


def test_missing_canonical_module_fails_naming_it(installed: Install) -> None:
    """An alias to a module that does not exist raises ModuleNotFoundError for the new path."""
    installed('\n[[alias]]\nold = "app.old_gone"\nnew = "app.nowhere"\n')
    with pytest.raises(ModuleNotFoundError, match=r"No module named 'app\.nowhere'"):
        import app.old_gone  # noqa: F401
    assert "app.old_gone" not in sys.modules


def test_from_old_package_import_submodule_warns_once(installed: Install) -> None:
    """`from app.old import redis` imports two old paths in one statement: one warning."""
    installed(SERVICES)
    with pytest.warns(DeprecatedAliasWarning) as records:
        from app.legacy import redis
    assert [str(r.message) for r in records] == [
        "app.legacy is deprecated; use app.services instead."
    ]
    assert redis is importlib.import_module("app.services.redis")


def test_a_loop_of_imports_warns_for_each_old_path(installed: Install) -> None:
    """Two old submodules imported by one line in a loop are two uses."""
    installed(SERVICES)
    with pytest.warns(DeprecatedAliasWarning) as records:
        modules = [
            importlib.import_module(name) for name in ("app.legacy.redis", "app.legacy.deep")
        ]
    assert len(modules) == 2
    assert [str(r.message).split(" ")[0] for r in records] == [
        "app.legacy.redis",
        "app.legacy.deep",
    ]
