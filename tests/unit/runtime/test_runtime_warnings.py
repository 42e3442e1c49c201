"""Warnings: category, message, exactly one per use, always attributed to the user's line."""

from __future__ import annotations

import importlib
import textwrap
import warnings
from pathlib import Path

import pytest

from ssot_registry.exceptions import (
    AliasWarning,
    DeprecatedAliasWarning,
    FutureAliasWarning,
    PendingAliasWarning,
)
from ssot_registry.registry import ImportPath, load_text
from ssot_registry.runtime import deprecation_message, removal_message
from tests.helpers.runtime import APP, HEADER, Install

ALL_FORMS = """
[[alias]]
old = "app.redis"
new = "app.services.redis"

[[alias]]
old = "app.old"
new = "app.services"

[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app:func"
new = "app.core:func"

[[alias]]
old = "app.legacy:Thing"
new = "app.core:Thing"

[[alias]]
old = "app.mod:Wrapped"
new = "app.core:Thing"
mode = "wrap"
"""

# (prelude on line 2, the statement on line 3) for every form an old path is used in
FORMS = {
    "import a.old": ("", "import app.redis"),
    "import a.old as x": ("", "import app.redis as x"),
    "from a import old": ("", "from app import redis"),
    "from a.old import name": ("", "from app.redis import client"),
    "import a.old.sub.leaf": ("", "import app.old.deep.leaf"),
    "from a.old.sub import leaf": ("", "from app.old.deep.leaf import LEAF"),
    "from a.old.sub import submodule": ("", "from app.old.deep import leaf"),
    "importlib.import_module(a.old)": ("", "importlib.import_module('app.redis')"),
    "from a.mod import name": ("", "from app.mod import func"),
    "from package import name": ("", "from app import func"),
    "from shim import name": ("", "from app.legacy import Thing"),
    "a.mod.name": ("import app.mod", "value = app.mod.func"),
    "getattr(a.mod, name)": ("import app.mod", "value = getattr(app.mod, 'func')"),
    "shim.name": ("import app.legacy", "value = app.legacy.Thing"),
    "wrap-mode call": ("from app.mod import Wrapped", "value = Wrapped(3)"),
}


def _write_user_module(root: Path, name: str, prelude: str, statement: str) -> Path:
    path = root / f"{name}.py"
    path.write_text(f"import importlib\n{prelude}\n{statement}\n", encoding="utf-8")
    importlib.invalidate_caches()
    return path


@pytest.mark.parametrize("form", sorted(FORMS))
def test_warning_points_at_the_users_line(installed: Install, form: str, tmp_path: Path) -> None:
    """Each import form warns exactly once, with the user's file and line (never importlib's)."""
    installed(ALL_FORMS)
    root = Path(importlib.import_module("app").__file__ or "").parent.parent
    path = _write_user_module(root, "user_case", *FORMS[form])
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        importlib.import_module("user_case")
    found = [(Path(r.filename), r.lineno, r.category) for r in records]
    assert len(found) == 1, found
    assert found[0][:2] == (path, 3)
    assert issubclass(found[0][2], DeprecatedAliasWarning)


@pytest.mark.parametrize("form", sorted(FORMS))
def test_error_filter_raises_at_the_use(installed: Install, form: str) -> None:
    """Under an "error" filter every form raises the warning, from the user's statement."""
    installed(ALL_FORMS)
    root = Path(importlib.import_module("app").__file__ or "").parent.parent
    _write_user_module(root, "user_case", *FORMS[form])
    with warnings.catch_warnings():
        warnings.simplefilter("error", AliasWarning)
        with pytest.raises(DeprecatedAliasWarning) as raised:
            importlib.import_module("user_case")
    assert "is deprecated" in str(raised.value)


def test_default_filter_shows_each_location_once(installed: Install) -> None:
    """Under "default", the user's module registry dedups repeated uses at one line."""
    installed(ALL_FORMS)
    root = Path(importlib.import_module("app").__file__ or "").parent.parent
    _write_user_module(
        root, "user_loop", "import app.mod", "values = [app.mod.func for _ in range(3)]"
    )
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("default")
        module = importlib.import_module("user_loop")
    assert len(records) == 1
    assert module.__warningregistry__


def test_filters_match_the_users_module_name(installed: Install) -> None:
    """A filter naming the user's module (as `warnings.warn` would see it) applies."""
    installed(ALL_FORMS)
    root = Path(importlib.import_module("app").__file__ or "").parent.parent
    _write_user_module(root, "user_named", "import app.mod", "value = app.mod.func")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.filterwarnings("error", category=AliasWarning, module="user_named")
        with pytest.raises(DeprecatedAliasWarning):
            importlib.import_module("user_named")


@pytest.mark.parametrize(
    ("registry_category", "alias_category", "expected"),
    [
        ("deprecation", None, DeprecatedAliasWarning),
        ("pending", None, PendingAliasWarning),
        ("future", None, FutureAliasWarning),
        ("deprecation", "future", FutureAliasWarning),
        ("future", "pending", PendingAliasWarning),
    ],
)
def test_category_follows_the_alias_then_the_registry(
    installed: Install,
    registry_category: str,
    alias_category: str | None,
    expected: type[AliasWarning],
) -> None:
    """The alias's `category` wins over `[registry] category`; all are AliasWarning."""
    line = f'category = "{alias_category}"\n' if alias_category else ""
    installed(
        f'[[alias]]\nold = "app.mod:func"\nnew = "app.core:func"\n{line}',
        header=HEADER + f'category = "{registry_category}"\n',
    )
    import app.mod

    with pytest.warns(expected) as records:
        _ = app.mod.func
    assert records[0].category is expected
    assert issubclass(expected, AliasWarning)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("", "app.old:f is deprecated; use app.new:f instead."),
        ('since = "1.4.0"', "app.old:f is deprecated since 1.4.0; use app.new:f instead."),
        (
            'remove_in = "2.0.0"',
            "app.old:f is deprecated and will be removed in 2.0.0; use app.new:f instead.",
        ),
        (
            'since = "1.4.0"\nremove_in = "2.0.0"\nreason = "moved next to Manager"',
            "app.old:f is deprecated since 1.4.0 and will be removed in 2.0.0; "
            "use app.new:f instead. Reason: moved next to Manager",
        ),
    ],
)
def test_deprecation_message_variants(fields: str, expected: str) -> None:
    """The message names old and new, since and remove_in when set, then the reason."""
    registry = load_text(HEADER + f'[[alias]]\nold = "app.old:f"\nnew = "app.new:f"\n{fields}\n')
    alias = registry.aliases[0]
    assert deprecation_message(alias, alias.old, alias.new) == expected


def test_spec_example_message() -> None:
    """The message of SPEC §4.6's example, character for character."""
    registry = load_text(
        HEADER
        + textwrap.dedent(
            """
            [[alias]]
            old = "netra_backend.app.redis_client"
            new = "netra_backend.app.services.redis_client"
            since = "1.4.0"
            remove_in = "2.0.0"
            """
        )
    )
    alias = registry.aliases[0]
    assert deprecation_message(alias, alias.old, alias.new) == (
        "netra_backend.app.redis_client is deprecated since 1.4.0 and will be removed in 2.0.0; "
        "use netra_backend.app.services.redis_client instead."
    )


def test_removal_message() -> None:
    """A tombstone's message says since when the path is gone and what to use instead."""
    registry = load_text(
        HEADER
        + '[[alias]]\nold = "a.b:X"\nnew = "a.c:Y"\nremoved_in = "1.6.0"\nreason = "merged"\n'
    )
    alias = registry.aliases[0]
    assert removal_message(alias, ImportPath.parse("a.b:X"), alias.new) == (
        "a.b:X was removed in 1.6.0; use a.c:Y instead. Reason: merged"
    )


def test_app_fixture_has_the_modules_the_forms_use() -> None:
    """The shared application defines every module the attribution forms import."""
    assert {"app/services/redis.py", "app/services/deep/leaf.py", "app/mod.py"} <= set(APP)
