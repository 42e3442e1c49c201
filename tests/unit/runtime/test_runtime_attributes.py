"""Attribute aliases (`old = "pkg.mod:name"`): real modules, shims, dir() and `import *`."""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from pathlib import Path

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from ssot_registry.registry import load_text
from ssot_registry.runtime import install
from tests.helpers.runtime import APP, HEADER, Install

FUNC_ALIAS = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"
"""
MESSAGE = "app.mod:func is deprecated; use app.core:func instead."


def test_old_name_on_a_real_module_is_the_canonical_object(installed: Install) -> None:
    """`from app.mod import func` returns the identical canonical function, with a warning."""
    installed(FUNC_ALIAS)
    with pytest.warns(DeprecatedAliasWarning, match=re.escape(MESSAGE)):
        from app.mod import func
    import app.core

    assert func is app.core.func


def test_real_attributes_are_never_replaced(installed: Install) -> None:
    """A name the old module really defines wins over the alias, silently."""
    installed(
        """
        [[alias]]
        old = "app.mod:real"
        new = "app.core:func"
        """
    )
    import app.mod

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert app.mod.real == 1


def test_each_access_warns_because_nothing_is_cached(installed: Install) -> None:
    """The resolved object never lands in the old module's __dict__; every access warns."""
    installed(FUNC_ALIAS)
    import app.mod

    with pytest.warns(DeprecatedAliasWarning) as records:
        results = [app.mod.func() for _ in range(3)]
    assert results == [42, 42, 42]
    assert len(records) == 3
    assert "func" not in vars(app.mod)


def test_module_imported_before_install_is_hooked_at_once(installed: Install, on_sys_path) -> None:
    """An old module already in sys.modules gets its __getattr__ at install time."""
    on_sys_path(APP)
    import app.mod

    installed(FUNC_ALIAS, files={})
    with pytest.warns(DeprecatedAliasWarning, match=re.escape(MESSAGE)):
        assert app.mod.func() == 42


def test_existing_module_getattr_is_chained(installed: Install) -> None:
    """Names the alias does not serve go to the module's own __getattr__."""
    files = {
        "app/__init__.py": "",
        "app/core.py": "def func():\n    return 42\n",
        "app/mod.py": "def __getattr__(name):\n    return f'own:{name}'\n",
    }
    installed(FUNC_ALIAS, files=files)
    import app.mod

    assert app.mod.other == "own:other"
    with pytest.warns(DeprecatedAliasWarning, match=re.escape(MESSAGE)):
        assert app.mod.func() == 42


def test_unknown_name_on_a_hooked_module_is_the_usual_error(installed: Install) -> None:
    """A missing name on a real old module raises Python's own AttributeError message."""
    installed(FUNC_ALIAS)
    import app.mod

    with pytest.raises(AttributeError, match=r"^module 'app\.mod' has no attribute 'nope'$"):
        _ = app.mod.nope


def test_a_hooked_module_is_no_package(installed: Install) -> None:
    """`__path__`, probed by every `from module import name`, is missing with the usual message."""
    installed(FUNC_ALIAS)
    import app.mod

    assert not hasattr(app.mod, "__path__")
    with pytest.raises(AttributeError, match=r"^module 'app\.mod' has no attribute '__path__'$"):
        _ = app.mod.__path__  # type: ignore[attr-defined]


def test_missing_module_and_parents_are_shimmed(installed: Install) -> None:
    """`app.legacy.tools` does not exist: it and its parent `app.legacy` become shims."""
    installed(
        """
        [[alias]]
        old = "app.legacy.tools:Thing"
        new = "app.core:Thing"
        """
    )
    with pytest.warns(DeprecatedAliasWarning, match="app.legacy.tools:Thing is deprecated"):
        from app.legacy.tools import Thing
    import app.core

    assert Thing is app.core.Thing
    assert sys.modules["app.legacy"].__path__ == []
    assert (
        repr(sys.modules["app.legacy.tools"]) == "<module 'app.legacy.tools' (ssot-registry shim)>"
    )


def test_wrong_name_on_a_shim_lists_what_it_provides(installed: Install) -> None:
    """Import and attribute access of a name the shim lacks both say which names it serves."""
    installed(
        """
        [[alias]]
        old = "app.legacy:Thing"
        new = "app.core:Thing"

        [[alias]]
        old = "app.legacy:func"
        new = "app.core:func"
        """
    )
    expected = (
        "module 'app.legacy' has no attribute 'nope': it is a shim of registry 'test' "
        "and provides Thing, func"
    )
    with pytest.raises(ImportError) as raised:
        from app.legacy import nope  # noqa: F401
    assert str(raised.value) == expected
    import app.legacy

    with pytest.raises(AttributeError) as missing:
        _ = app.legacy.nope
    assert str(missing.value) == expected


def test_dir_lists_aliased_names_without_importing_or_warning(installed: Install) -> None:
    """dir() of a real old module and of a shim names the aliases; no target is imported."""
    installed(
        FUNC_ALIAS
        + """
        [[alias]]
        old = "app.legacy:Thing"
        new = "app.core:Thing"
        """
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        import app.legacy
        import app.mod

        assert "func" in dir(app.mod)
        assert "real" in dir(app.mod)
        assert "Thing" in dir(app.legacy)
    assert "app.core" not in sys.modules


def test_star_import_from_a_shim_brings_the_aliased_names(installed: Install) -> None:
    """`from shim import *` imports exactly `__all__`, the aliased names."""
    installed(
        """
        [[alias]]
        old = "app.legacy:Thing"
        new = "app.core:Thing"

        [[alias]]
        old = "app.legacy:func"
        new = "app.core:func"
        """
    )
    namespace: dict[str, object] = {}
    with pytest.warns(DeprecatedAliasWarning) as records:
        exec("from app.legacy import *", namespace)
    import app.core

    assert sorted(records_message.message.args[0].split(" ")[0] for records_message in records) == [
        "app.legacy:Thing",
        "app.legacy:func",
    ]
    assert namespace["Thing"] is app.core.Thing
    assert namespace["func"] is app.core.func
    assert sys.modules["app.legacy"].__all__ == ["Thing", "func"]


def test_install_imports_nothing(on_sys_path) -> None:
    """install() of a loaded registry imports no module at all: no old module, no target."""
    on_sys_path(APP)
    registry = load_text(
        HEADER + FUNC_ALIAS + '\n[[alias]]\nold = "app.gone"\nnew = "app.services.redis"\n'
    )
    import ssot_registry.runtime  # noqa: F401 - the library itself is not what is measured

    before = set(sys.modules)
    with install(registry, strict=False):
        assert set(sys.modules) - before == set()


def test_getattr_on_a_package_warns_once_for_from_import(installed: Install) -> None:
    """`from app import func` on a package reads the name twice but warns once."""
    installed(
        """
        [[alias]]
        old = "app:func"
        new = "app.core:func"
        """
    )
    with pytest.warns(DeprecatedAliasWarning) as records:
        from app import func
    assert len(records) == 1
    assert func is importlib.import_module("app.core").func


def test_reloading_an_old_module_keeps_one_hook(installed: Install) -> None:
    """After importlib.reload of a hooked module, one access still warns exactly once."""
    installed(FUNC_ALIAS)
    import app.mod

    importlib.reload(app.mod)
    with pytest.warns(DeprecatedAliasWarning) as records:
        _ = app.mod.func
    assert len(records) == 1


def test_old_name_works_while_the_old_package_is_still_importing(installed: Install) -> None:
    """A submodule imported by the package's own __init__ can already use the old name."""
    files = dict(APP)
    files["app/__init__.py"] = "from app.user import used\n"
    files["app/user.py"] = "from app import func\n\nused = func\n"
    installed('\n[[alias]]\nold = "app:func"\nnew = "app.core:func"\n', files=files)
    with pytest.warns(DeprecatedAliasWarning) as records:
        import app
    assert app.used is importlib.import_module("app.core").func
    assert [Path(r.filename).name for r in records] == ["user.py"]


def test_hooked_module_keeps_its_real_loader_and_source(installed: Install) -> None:
    """The hooking loader steps aside: __loader__, __spec__.loader and the source are real."""
    from importlib.machinery import SourceFileLoader

    installed(FUNC_ALIAS)
    import app.mod

    assert type(app.mod.__loader__) is SourceFileLoader
    assert type(app.mod.__spec__.loader) is SourceFileLoader
    assert app.mod.__loader__.get_source("app.mod") == "real = 1\n"
