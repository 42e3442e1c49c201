"""Import an object quietly and say where it is defined (`explain`)."""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import sys

from ssot_registry.registry import ImportPath

__all__ = ["locate_definition"]


def _import_quietly(path: ImportPath) -> object:
    """Import `path` with the current directory first on sys.path and its output swallowed."""
    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        return path.import_object()


def locate_definition(path: ImportPath) -> str:
    """Import `path` (cwd first on sys.path) and return `file:line`, or why it cannot be found."""
    try:
        value = _import_quietly(path)
    except Exception as error:  # any failure is what the user asked to see
        return f"not importable: {type(error).__name__}: {error}"
    target = inspect.unwrap(value) if callable(value) else value
    try:
        filename = inspect.getsourcefile(target)  # type: ignore[arg-type]
    except TypeError:
        filename = None
    if filename is None:
        module = getattr(target, "__module__", None) or path.module
        filename = getattr(sys.modules.get(module), "__file__", None)
        return f"{filename} (no line: {type(value).__name__} object)" if filename else "built in"
    try:
        line = 1 if inspect.ismodule(target) else inspect.getsourcelines(target)[1]  # type: ignore[arg-type]
    except (OSError, TypeError):
        return filename
    return f"{filename}:{line}"
