"""Alias checks through the real installed shims: identity, shadowing, overdue, tombstones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ssot_registry.validator import CheckReport, check

CANONICAL = {
    "ali/__init__.py": "",
    "ali/core/__init__.py": "",
    "ali/core/engine.py": "class Engine:\n    pass\n\n\ndef make():\n    return Engine()\n",
    "ali/legacy.py": "VERSION = 1\n",
}


def make_app(root: Path, registry: str, extra: dict[str, str] | None = None) -> Path:
    """The canonical application plus `extra` files, and a registry with `registry` appended."""
    for relative, source in {**CANONICAL, **(extra or {})}.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(textwrap.dedent(source), encoding="utf-8")
    path = root / "registry.toml"
    path.write_text(
        '[registry]\nschema = 1\nname = "ali"\n' + textwrap.dedent(registry), encoding="utf-8"
    )
    return path


def outcome(report: CheckReport, old: str) -> list[tuple[str | None, str]]:
    """(code, message) of every result of alias `old`."""
    return [(r.code, r.message) for r in report.results_for("alias", old)]


@pytest.mark.parametrize("isolate", [True, False])
def test_live_aliases_pass(tmp_path: Path, isolate: bool, import_state: None) -> None:
    """Attribute, module, wrap and tombstone aliases that behave as documented all pass."""
    registry = make_app(
        tmp_path,
        """
        [[alias]]
        old = "ali.legacy:make"
        new = "ali.core.engine:make"

        [[alias]]
        old = "ali.old_engine"
        new = "ali.core.engine"

        [[alias]]
        old = "ali.gone:OldEngine"
        new = "ali.core.engine:Engine"
        mode = "wrap"

        [[alias]]
        old = "ali.removed:Engine"
        new = "ali.core.engine:Engine"
        removed_in = "1.0"
    """,
    )
    report = check(registry, isolate=isolate)
    assert [(r.entry, r.code) for r in report.results] == [
        ("ali.legacy:make", None),
        ("ali.old_engine", None),
        ("ali.gone:OldEngine", None),
        ("ali.removed:Engine", None),
    ]
    assert outcome(report, "ali.removed:Engine") == [
        (None, "removed in 1.0; fails naming ali.core.engine:Engine")
    ]


def test_shadowing_old_module_is_ssot031(tmp_path: Path) -> None:
    """An old module that defines the aliased name as another object is two sources of truth."""
    registry = make_app(
        tmp_path,
        '\n[[alias]]\nold = "ali.legacy:make"\nnew = "ali.core.engine:make"\n',
        {"ali/legacy.py": "def make():\n    return None\n"},
    )
    assert outcome(check(registry), "ali.legacy:make") == [
        (
            "SSOT031",
            "ali.legacy defines make itself, a different object than ali.core.engine:make: two "
            "sources of truth; delete it from ali.legacy",
        )
    ]


def test_hand_written_reexport_never_warns_ssot033(tmp_path: Path) -> None:
    """An old module re-exporting the same object by hand hides the alias warning."""
    registry = make_app(
        tmp_path,
        '\n[[alias]]\nold = "ali.legacy:make"\nnew = "ali.core.engine:make"\n',
        {"ali/legacy.py": "from ali.core.engine import make\n"},
    )
    assert outcome(check(registry), "ali.legacy:make") == [
        (
            "SSOT033",
            "ali.legacy re-exports make itself, so the alias never warns; delete the hand-written "
            "re-export from ali.legacy",
        )
    ]


def test_tombstone_that_still_imports_is_ssot030(tmp_path: Path) -> None:
    """A removed alias whose old path still imports (the old code is still there) fails."""
    registry = make_app(
        tmp_path,
        '\n[[alias]]\nold = "ali.legacy:make"\nnew = "ali.core.engine:make"\nremoved_in = "1.0"\n',
        {"ali/legacy.py": "def make():\n    return None\n"},
    )
    assert outcome(check(registry), "ali.legacy:make") == [
        (
            "SSOT030",
            "removed alias ali.legacy:make still imports; it must fail with a hint naming "
            "ali.core.engine:make",
        )
    ]


def test_alias_whose_new_path_is_missing_is_ssot011(tmp_path: Path) -> None:
    """An alias leading to a name that does not exist reports the canonical side."""
    registry = make_app(
        tmp_path, '\n[[alias]]\nold = "ali.legacy:build"\nnew = "ali.core.engine:build"\n'
    )
    assert outcome(check(registry), "ali.legacy:build") == [
        (
            "SSOT011",
            "new path ali.core.engine:build: module ali.core.engine imported but has no attribute "
            "'build' (AttributeError: module 'ali.core.engine' has no attribute 'build')",
        )
    ]


OVERDUE = """
    [[alias]]
    old = "ali.legacy:make"
    new = "ali.core.engine:make"
    since = "1.0"
    remove_in = "2.0"

    [[alias]]
    old = "ali.legacy:Engine"
    new = "ali.core.engine:Engine"
    remove_in = "3.0"
"""


def test_overdue_against_registry_version_is_ssot032(tmp_path: Path) -> None:
    """With `[registry] version` at or past `remove_in`, the alias is overdue: one failing row
    and no `ok` row for it, and the summary counts it as failed (SPEC section 10)."""
    registry = make_app(tmp_path, 'version = "2.0"\n' + OVERDUE)
    report = check(registry)
    assert outcome(report, "ali.legacy:make") == [
        (
            "SSOT032",
            "alias overdue: version 2.0 >= remove_in 2.0; migrate the callers (ssot-registry "
            "migrate) and replace the alias by a tombstone (removed_in)",
        ),
    ]
    assert [code for code, _ in outcome(report, "ali.legacy:Engine")] == [None]
    assert (report.total, report.passed, report.failed, len(report.results)) == (2, 1, 1, 2)


def test_overdue_against_installed_distribution(tmp_path: Path) -> None:
    """Without `version`, the installed `distribution`'s version (a real dist-info) is now."""
    site = tmp_path / "site" / "ali_app-3.1.dist-info"
    site.mkdir(parents=True)
    (site / "METADATA").write_text("Metadata-Version: 2.1\nName: ali-app\nVersion: 3.1\n")
    registry = make_app(tmp_path / "app", 'distribution = "ali-app"\n' + OVERDUE)
    report = check(registry, paths=[tmp_path / "site"])
    assert [(r.entry, r.code) for r in report.failures] == [
        ("ali.legacy:make", "SSOT032"),
        ("ali.legacy:Engine", "SSOT032"),
    ]


def test_alias_failures_share_the_root_cause(tmp_path: Path) -> None:
    """Symbols and aliases broken by the same line are listed under one root cause."""
    registry = make_app(
        tmp_path,
        """
        [symbols]
        Engine = "ali.core.engine:Engine"

        [[alias]]
        old = "ali.legacy:Engine"
        new = "ali.core.engine:Engine"
        """,
        {
            "ali/core/engine.py": "import ali.core.config\n\nclass Engine:\n    pass\n",
            "ali/core/config.py": "SETTINGS = {}\nraise RuntimeError('no settings file')\n",
        },
    )
    report = check(registry)
    (cause,) = report.root_causes
    assert (cause.module, cause.line, cause.error, cause.entries) == (
        "ali.core.config",
        2,
        "RuntimeError: no settings file",
        ("Engine", "ali.legacy:Engine"),
    )


@pytest.mark.parametrize("isolate", [True, False])
def test_wrapped_exception_class_fails_and_says_use_reexport(
    tmp_path: Path, isolate: bool, import_state: None
) -> None:
    """`mode = "wrap"` on an exception class (the seed's TimeoutError) fails check, which names
    why a proxy cannot be an `except` target and says to use `reexport`."""
    registry = make_app(
        tmp_path,
        """
        [[alias]]
        old = "ali.errors:TimeoutError"
        new = "ali.core.failures:TransactionTimeoutError"
        mode = "wrap"
        """,
        {"ali/core/failures.py": "class TransactionTimeoutError(Exception):\n    pass\n"},
    )
    report = check(registry, isolate=isolate, jobs=1)
    assert outcome(report, "ali.errors:TimeoutError") == [
        (
            "SSOT030",
            'ali.errors:TimeoutError: mode = "wrap": an exception class cannot be wrapped: '
            "`except` and `raise` need the class itself, not a proxy; "
            'use mode = "reexport" (warns where the name is imported)',
        )
    ]
