"""Import an object quietly: where it is defined (`explain`) and what kind it is (`stubs`)."""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import inspect
import io
import os
import sys
from pathlib import Path

from ssot_registry.registry import ImportPath

__all__ = ["kind_of_path", "locate_definition", "source_exists"]


def _import_quietly(path: ImportPath) -> object:
    """Import `path` with the current directory first on sys.path and its output swallowed."""
    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        return path.import_object()


def kind_of_path(path: ImportPath) -> str | None:
    """`class`, `function` (routines), `callable`, `module` or `object`; None if not importable."""
    try:
        value = _import_quietly(path)
    except Exception:  # unimportable just means "kind unknown"
        return None
    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "class"
    if inspect.isroutine(value):
        return "function"
    return "callable" if callable(value) else "object"


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


def source_exists(module: str, search_path: list[str] | None = None) -> bool:
    """Whether `module` exists as a file or package on the search path, found without importing."""
    folders = search_path if search_path is not None else [os.getcwd(), *sys.path]
    relative = Path(*module.split("."))
    suffixes = [*importlib.machinery.all_suffixes(), ".pyi"]
    for folder in folders:
        base = Path(folder or os.getcwd()) / relative
        if base.is_dir() or any(
            base.with_name(base.name + suffix).is_file() for suffix in suffixes
        ):
            return True
    return module in sys.builtin_module_names
