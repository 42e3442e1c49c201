"""PEP 810 (Python 3.15): the validator's import proof resolves a module's lazy imports, so a
broken one fails the module at its `lazy` statement instead of passing silently.

`check` and `triage` run this probe in a child process, which Pyodide cannot start: here it
runs in-process, on the same code path as the child's."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.runtime import cpython
from ssot_registry.validator.probe import _Prober
from ssot_registry.validator.records import import_task

pytestmark = pytest.mark.skipif(
    not cpython.LAZY_IMPORTS, reason="`lazy` imports need Python 3.15 (PEP 810)"
)

USER = """\
lazy import json
lazy from app.good import x

lazy from app.nowhere import y
"""
OK = """\
lazy import json
lazy from app.good import x
"""


def test_a_broken_lazy_import_fails_the_module_at_its_statement(
    on_sys_path: Callable[[dict[str, str]], Path],
) -> None:
    """Importing app.user succeeds on 3.15, but the probe reports its broken `lazy from`."""
    root = on_sys_path({"app/__init__.py": "", "app/good.py": "x = 1\n", "app/user.py": USER})
    outcome = _Prober(None, frozenset({"app"})).check_import(import_task("app.user"))
    file = str(root / "app" / "user.py")
    assert (outcome.code, outcome.message) == (
        "SSOT010",
        "cannot import app.user: lazy import of 'y' fails: "
        f"ModuleNotFoundError: No module named 'app.nowhere' at {file}:4",
    )
    assert outcome.cause is not None
    assert (outcome.cause.module, outcome.cause.file, outcome.cause.line) == ("app.user", file, 4)


def test_good_lazy_imports_pass_and_stay_usable(
    on_sys_path: Callable[[dict[str, str]], Path],
) -> None:
    """A module whose lazy imports all resolve passes, and its names are the real objects."""
    on_sys_path({"app/__init__.py": "", "app/good.py": "x = 1\n", "app/ok.py": OK})
    outcome = _Prober(None, frozenset({"app"})).check_import(import_task("app.ok"))
    assert (outcome.code, outcome.message, outcome.cause) == (None, "imported app.ok", None)
    assert sys.modules["app.ok"].x == 1
    assert sys.modules["app.ok"].json is sys.modules["json"]
