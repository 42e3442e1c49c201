"""install() and Installation: lazy, idempotent, undone exactly, discoverable by entry point."""

from __future__ import annotations

import importlib
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning, RegistryError
from ssot_registry.registry import Alias, load_text
from ssot_registry.runtime import Installation, install
from tests.helpers.runtime import APP, HEADER, Install

ALIASES = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app.redis"
new = "app.services.redis"

[[alias]]
old = "app.legacy.tools:Thing"
new = "app.core:Thing"
"""


def test_public_names() -> None:
    """ssot_registry exposes install and Installation from the runtime."""
    import ssot_registry

    assert ssot_registry.install is install
    assert ssot_registry.Installation is Installation


def test_installing_the_same_registry_twice_returns_the_same_installation(
    installed: Install,
) -> None:
    """A second install() of an equal registry is the Installation already in place."""
    first = installed(ALIASES)
    second = install(load_text(HEADER + textwrap.dedent(ALIASES)))
    assert second is first
    assert sum(1 for finder in sys.meta_path if "ShimFinder" in repr(finder)) == 1


def test_install_accepts_a_path(on_sys_path, tmp_path: Path) -> None:
    """install("registry.toml") loads the file and installs it."""
    on_sys_path(APP)
    path = tmp_path / "registry.toml"
    path.write_text(HEADER + textwrap.dedent(ALIASES), encoding="utf-8")
    with install(str(path), strict=False) as installation:
        assert installation.installed
        assert installation.registries[0].source == path
        with pytest.warns(DeprecatedAliasWarning):
            importlib.import_module("app.redis")
    assert not installation.installed


def test_install_rejects_other_types() -> None:
    """Anything but a Registry, a path or None is a TypeError saying what is accepted."""
    with pytest.raises(TypeError) as raised:
        install(42)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "install() takes a Registry, a path to registry.toml or None, not int"
    )


def test_uninstall_restores_the_import_state(installed: Install) -> None:
    """uninstall() removes its finder, hooks, shims and old names; real modules stay."""
    meta_path = list(sys.meta_path)
    installation = installed(ALIASES)
    import app.mod

    with pytest.warns(DeprecatedAliasWarning):
        import app.redis
    with pytest.warns(DeprecatedAliasWarning):
        from app.legacy.tools import Thing  # noqa: F401
    assert "__getattr__" in vars(app.mod)
    installation.uninstall()
    assert sys.meta_path == meta_path
    assert "__getattr__" not in vars(app.mod)
    assert "__dir__" not in vars(app.mod)
    for name in ("app.redis", "app.legacy", "app.legacy.tools"):
        assert name not in sys.modules
    assert not hasattr(sys.modules["app"], "redis")
    assert "app.services.redis" in sys.modules
    assert "app.core" in sys.modules
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("app.redis")


def test_uninstall_twice_is_harmless(installed: Install) -> None:
    """A second uninstall() does nothing, and the context manager uninstalls on exit."""
    installation = installed(ALIASES)
    installation.uninstall()
    installation.uninstall()
    assert not installation.installed
    assert installation not in sys.meta_path


def test_uninstall_restores_a_chained_module_getattr(installed: Install) -> None:
    """A module's own __getattr__ is back in place after uninstall()."""
    files = dict(APP)
    files["app/mod.py"] = "def __getattr__(name):\n    return 'own'\n"
    installation = installed(ALIASES, files=files)
    import app.mod

    hooked = vars(app.mod)["__getattr__"]
    installation.uninstall()
    assert vars(app.mod)["__getattr__"] is not hooked
    assert app.mod.func == "own"


def test_two_installations_uninstall_in_any_order(installed: Install) -> None:
    """Hooks of two registries on one module chain, and either can be removed first."""
    first = installed(ALIASES)
    second = installed(
        '[[alias]]\nold = "app.mod:Thing"\nnew = "app.core:Thing"\n',
        files={},
        header='[registry]\nschema = 1\nname = "other"\n',
    )
    import app.mod

    with pytest.warns(DeprecatedAliasWarning):
        assert app.mod.func() == 42
    first.uninstall()
    with pytest.warns(DeprecatedAliasWarning):
        assert app.mod.Thing().size == 1
    with pytest.raises(AttributeError):
        _ = app.mod.func
    second.uninstall()
    assert "__getattr__" not in vars(app.mod)


def test_use_listener_sees_every_use_with_the_users_line(installed: Install) -> None:
    """A listener gets (alias, filename, line) for each use, also refused ones; removal stops it."""
    installation = installed(ALIASES)
    uses: list[tuple[Alias, str, int]] = []
    remove = installation.add_use_listener(lambda *use: uses.append(use))
    import app.mod

    line = sys._getframe().f_lineno + 2
    with pytest.warns(DeprecatedAliasWarning):
        _ = app.mod.func
    assert [(str(a.old), f, n) for a, f, n in uses] == [("app.mod:func", __file__, line)]
    remove()
    remove()
    with pytest.warns(DeprecatedAliasWarning):
        _ = app.mod.func
    assert len(uses) == 1


def test_use_listener_counts_refused_uses(installed: Install) -> None:
    """In strict mode the listener still hears about the refused use."""
    installation = installed(ALIASES, strict=True)
    uses: list[str] = []
    installation.add_use_listener(lambda alias, filename, line: uses.append(str(alias.old)))
    with pytest.raises(ImportError):
        importlib.import_module("app.redis")
    assert uses == ["app.redis"]


def _distribution(site: Path, name: str, package: str, registry: str) -> None:
    """A real installed distribution: dist-info with an `ssot_registry` entry point, its package."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[ssot_registry]\n{package} = {package}\n")
    (site / package).mkdir()
    (site / package / "__init__.py").write_text("")
    (site / package / "registry.toml").write_text(HEADER + textwrap.dedent(registry))


def test_install_without_argument_discovers_entry_points(on_sys_path, tmp_path: Path) -> None:
    """install() finds registries advertised by installed distributions, importing nothing."""
    on_sys_path(APP)
    site = tmp_path / "site"
    _distribution(site, "app-dist", "app_registry", ALIASES)
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    with install(strict=False) as installation:
        assert "app_registry" not in sys.modules
        names = [registry.source for registry in installation.registries]
        assert site / "app_registry" / "registry.toml" in names
        with pytest.warns(DeprecatedAliasWarning):
            importlib.import_module("app.redis")


def test_conflicting_registries_fail_naming_both_distributions(on_sys_path, tmp_path: Path) -> None:
    """Two distributions aliasing the same old path is an error naming both."""
    on_sys_path(APP)
    site = tmp_path / "site"
    _distribution(site, "first-dist", "first_registry", ALIASES)
    _distribution(
        site, "second-dist", "second_registry", ALIASES.replace("app.core:func", "app.core:Thing")
    )
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    with pytest.raises(RegistryError) as raised:
        install()
    message = str(raised.value.errors[0].message)
    assert "'first-dist'" in message
    assert "'second-dist'" in message
    assert raised.value.code == "SSOT002"
    assert message.startswith("app.mod:func is an alias in registry 'test' of 'first-dist' (")


def test_entries_agree_with_the_alias_models(installed: Install) -> None:
    """Entries read from the compact rows carry the same fields as the registry's Alias models."""
    installation = installed(
        """
        [[alias]]
        old = "app.mod:func"
        new = "app.core:func"
        since = "1.0"
        remove_in = "2.0"
        reason = "moved"
        mode = "wrap"
        category = "future"

        [[alias]]
        old = "app.mod:gone"
        new = "app.core:Thing"
        removed_in = "1.5"
        """
    )
    index = installation._finders[0].index
    for name, entry in index.table("app.mod").items():
        alias = entry.alias
        assert str(alias.old) == entry.old == f"app.mod:{name}"
        assert str(alias.new) == entry.new
        assert (entry.since, entry.remove_in, entry.removed_in, entry.reason) == (
            alias.since,
            alias.remove_in,
            alias.removed_in,
            alias.reason,
        )
        assert entry.wrap == (alias.mode == "wrap")


def test_one_warning_and_one_use_for_a_deep_old_import(installed: Install) -> None:
    """`import app.old.deep.leaf` passes three old paths but is one use, named by the deepest."""
    installation = installed('\n[[alias]]\nold = "app.old"\nnew = "app.services"\n')
    uses: list[str] = []
    installation.add_use_listener(lambda alias, filename, line: uses.append(filename))
    with pytest.warns(DeprecatedAliasWarning) as records:
        import app.old.deep.leaf  # noqa: F401
    assert [str(r.message) for r in records] == [
        "app.old.deep.leaf is deprecated; use app.services.deep.leaf instead."
    ]
    assert uses == [__file__]


def test_namespace_package_as_old_module(installed: Install) -> None:
    """An old module that is a namespace package (no __init__.py) is hooked too."""
    files = dict(APP)
    files["app/spaced/data.txt"] = "not python\n"
    installed('\n[[alias]]\nold = "app.spaced:func"\nnew = "app.core:func"\n', files=files)
    import app.spaced

    with pytest.warns(DeprecatedAliasWarning):
        assert app.spaced.func() == 42
    assert app.spaced.__spec__.loader is not None
    assert "HookingLoader" not in repr(app.spaced.__loader__)


def test_installations_lists_what_is_in_place(installed: Install) -> None:
    """installations() names the active installations, and forgets uninstalled ones."""
    from ssot_registry.runtime import installations

    installation = installed(ALIASES)
    assert installation in installations()
    installation.uninstall()
    assert installation not in installations()


def _site_with_a_working_registry(tmp_path: Path) -> Path:
    """A site folder on sys.path holding one distribution whose registry works."""
    site = tmp_path / "site"
    _distribution(site, "app-dist", "app_registry", ALIASES)
    sys.path.insert(0, str(site))
    return site


def test_entry_point_to_a_missing_package_warns_and_installs_the_rest(
    on_sys_path, tmp_path: Path
) -> None:
    """An entry point naming a missing package warns naming its distribution; the rest install."""
    on_sys_path(APP)
    site = _site_with_a_working_registry(tmp_path)
    info = site / "broken_dist-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-dist\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[ssot_registry]\nbroken = nowhere_pkg\n")
    importlib.invalidate_caches()
    with pytest.warns(RuntimeWarning) as records:
        installation = install(strict=False)
    with installation:
        assert [str(record.message) for record in records] == [
            "ssot-registry: the registry of distribution 'broken-dist' is not installed (the "
            "other registries are): entry point 'broken' = 'nowhere_pkg' of distribution "
            "'broken-dist': package 'nowhere_pkg' cannot be found; install it or fix the entry "
            "point"
        ]
        assert records[0].filename == __file__
        assert [registry.source for registry in installation.registries] == [
            site / "app_registry" / "registry.toml"
        ]
        with pytest.warns(DeprecatedAliasWarning):
            importlib.import_module("app.redis")


def test_entry_point_package_without_registry_warns(on_sys_path, tmp_path: Path) -> None:
    """A package advertised without a registry.toml is skipped with a warning to ship one."""
    site = tmp_path / "site"
    _distribution(site, "empty-dist", "empty_registry", ALIASES)
    (site / "empty_registry" / "registry.toml").unlink()
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    with pytest.warns(RuntimeWarning) as records, install(strict=False) as installation:
        assert installation.registries == ()
    assert str(records[0].message) == (
        "ssot-registry: the registry of distribution 'empty-dist' is not installed (the other "
        "registries are): entry point 'empty_registry' = 'empty_registry' of distribution "
        "'empty-dist': package 'empty_registry' has no registry.toml; ship registry.toml "
        "inside the package (package data)"
    )


def test_entry_point_with_an_invalid_registry_warns_naming_the_file(
    on_sys_path, tmp_path: Path
) -> None:
    """A distribution shipping an invalid registry.toml is skipped, naming it and the line."""
    on_sys_path(APP)
    site = _site_with_a_working_registry(tmp_path)
    _distribution(site, "bad-dist", "bad_registry", "[[alias]]\nold = 'a.b:c'\n")
    importlib.invalidate_caches()
    with pytest.warns(RuntimeWarning) as records:
        installation = install(strict=False)
    with installation:
        assert len(installation.registries) == 1
    message = str(records[0].message)
    assert message.startswith(
        "ssot-registry: the registry of distribution 'bad-dist' is not installed (the other "
        f"registries are): {site / 'bad_registry' / 'registry.toml'}:4: SSOT001"
    )


def test_discovery_can_raise_for_a_broken_entry_point(on_sys_path, tmp_path: Path) -> None:
    """With skip_broken=False a broken entry point is the located RegistryError it was."""
    from ssot_registry.runtime.discovery import discover_registries

    site = tmp_path / "site"
    _distribution(site, "empty-dist", "empty_registry", ALIASES)
    (site / "empty_registry" / "registry.toml").unlink()
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    with pytest.raises(RegistryError) as raised:
        discover_registries(skip_broken=False)
    assert raised.value.code == "SSOT001"


BOOKKEEPING = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app.redis"
new = "app.services.redis"

[[alias]]
old = "app.gone:thing"
new = "app.core:func"
"""


def test_bookkeeping_stays_bounded_over_re_imports(installed: Install) -> None:
    """Re-importing old paths after `sys.modules.pop` does not grow what uninstall() visits."""
    installation = installed(BOOKKEEPING)
    tracker = installation._finders[0].tracker
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecatedAliasWarning)
        for _ in range(300):
            for name in ("app.redis", "app.gone", "app.mod"):
                sys.modules.pop(name, None)
                importlib.import_module(name)
    assert tracker.tracked() == (2, 2)
    installation.uninstall()
    assert "app.redis" not in sys.modules
    assert "app.gone" not in sys.modules
    assert "__getattr__" not in vars(sys.modules["app.mod"])


def test_bookkeeping_stays_bounded_over_reloads(installed: Install) -> None:
    """`importlib.reload` of a hooked module replaces its hooks instead of adding two more."""
    installation = installed(BOOKKEEPING)
    tracker = installation._finders[0].tracker
    import app.mod

    for _ in range(100):
        importlib.reload(app.mod)
    assert tracker.tracked() == (1, 0)
    with pytest.warns(DeprecatedAliasWarning):
        assert app.mod.func() == 42
    installation.uninstall()
    assert "__getattr__" not in vars(app.mod)
    assert "__dir__" not in vars(app.mod)
