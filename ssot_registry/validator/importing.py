"""The `import` task kind: import modules the way pytest names them, report success or the cause.

A unit of kind `import` holds one task per module (one for an isolated
import, many, in order, for `--no-isolate`). Each task names the module, its
file, the folder pytest's `prepend` import mode puts first on `sys.path`,
and the `conftest.py` modules imported before it. The registry's shims are
installed first, so the outcome is what is still broken with today's registry.
The outcome is plain data (it crosses a pipe) with the facts triage classifies:
the exception's type, the missing module, the missing name and where from.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import io
import re
import sys
import warnings
from typing import Any

from ssot_registry.registry import Registry
from ssot_registry.validator.causes import describe_failure

__all__ = ["IMPORT_KIND", "run_import_unit", "warm"]

IMPORT_KIND = "import"

_CANNOT_IMPORT = re.compile(r"cannot import name '([^']+)' from '([^']+)'")


def _prepend(folder: str) -> None:
    """pytest's `prepend` mode: the module's base folder goes first on sys.path, once."""
    if folder not in sys.path:
        sys.path.insert(0, folder)


def _import(name: str, folder: str, file: str) -> None:
    _prepend(folder)
    loaded = sys.modules.get(name)
    if loaded is not None and getattr(loaded, "__file__", None) != file:
        del sys.modules[name]  # a rootdir-less `conftest` of another folder
    importlib.import_module(name)


def _facts(error: BaseException) -> dict[str, Any]:
    """What triage needs to classify `error`: missing module, or missing name and its module."""
    facts: dict[str, Any] = {
        "exception": type(error).__name__,
        "missing_module": None,
        "missing_name": None,
        "from_module": None,
    }
    if isinstance(error, ModuleNotFoundError):
        facts["missing_module"] = error.name
    elif isinstance(error, ImportError):
        match = _CANNOT_IMPORT.search(str(error))
        if match:
            facts["missing_name"], facts["from_module"] = match[1], match[2]
    return facts


def _outcome(
    task: dict[str, Any], error: BaseException | None, cause: Any = None
) -> dict[str, Any]:
    outcome: dict[str, Any] = {
        "entry": task["entry"],
        "kind": IMPORT_KIND,
        "status": "ok" if error is None else "fail",
        "code": None if error is None else "SSOT010",
        "message": "imported" if error is None else str(cause["error"]),
        "line": None,
    }
    if error is not None:
        outcome["cause"] = cause
        outcome.update(_facts(error))
    return outcome


def _run_task(task: dict[str, Any], registry: Registry, roots: frozenset[str]) -> dict[str, Any]:
    try:
        for name, folder, file in task["conftests"]:
            _import(name, folder, file)
        _import(task["entry"], task["folder"], task["file"])
    except SystemExit as error:
        cause = {
            "module": task["entry"],
            "file": task["file"],
            "line": None,
            "chain": [],
            "error": f"SystemExit: import called sys.exit({error.code!r})",
        }
        return {**_outcome(task, error, cause), "code": "SSOT014"}
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        return _outcome(task, error, describe_failure(error, task["entry"], registry, roots))
    return _outcome(task, None)


def run_import_unit(
    unit: dict[str, Any], registry: Registry, roots: frozenset[str]
) -> list[dict[str, Any]]:
    """Import every task's module in order, with the registry's shims installed."""
    from ssot_registry.runtime import install

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what imported code warns about is not the finding
        installation = install(registry, strict=False) if registry.aliases else None
        try:
            return [_run_task(task, registry, roots) for task in unit["tasks"]]
        finally:
            if installation is not None:
                installation.uninstall()


def warm(config: dict[str, Any]) -> None:
    """In the warm worker, before it forks: what every child would do first anyway.

    Fill the import system's folder listings (`warm_folders`), import the
    conftest modules pytest imports before any test module
    (`warm_conftests`) and the project packages whose submodules the tree
    imports (`warm_packages`: a child importing `pkg.sub.mod` runs
    `pkg/__init__.py` and `pkg/sub/__init__.py` first). Failures are left
    for the children to meet and report.
    """
    for folder in config.get("warm_folders", ()):
        importlib.machinery.PathFinder.find_spec("__ssot_registry_warm__", [folder])
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for name, folder, file in config.get("warm_conftests", ()):
            with contextlib.suppress(BaseException):
                _import(name, folder, file)
        for name in config.get("warm_packages", ()):
            with contextlib.suppress(BaseException):
                importlib.import_module(name)
