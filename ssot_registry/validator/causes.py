"""Root causes: which application line really raised, and grouping failures that share it."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable
from dataclasses import replace

from ssot_registry.registry import Registry
from ssot_registry.validator.records import Cause
from ssot_registry.validator.report import EntryResult, RootCause
from ssot_registry.validator.requirements import installed_version, requirement_for_module

__all__ = ["describe_failure", "group_root_causes"]

_LIBRARY_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _frame_module(frame: types.FrameType) -> str:
    name = frame.f_globals.get("__name__")
    return name if isinstance(name, str) else ""


def _is_library(filename: str) -> bool:
    return filename.startswith("<frozen") or os.path.abspath(filename).startswith(
        os.path.join(_LIBRARY_DIR, "")
    )


def _module_for_file(filename: str, fallback: str) -> str:
    """The dotted module name of a source file, from the sys.path entry it lies under."""
    path = os.path.abspath(filename)
    for entry in sys.path:
        folder = os.path.join(os.path.abspath(entry or os.getcwd()), "")
        if path.startswith(folder) and path.endswith(".py"):
            parts = path[len(folder) : -3].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
            if parts and all(part.isidentifier() for part in parts):
                return ".".join(parts)
    return fallback


def _error_text(error: BaseException, registry: Registry | None, roots: frozenset[str]) -> str:
    text = f"{type(error).__name__}: {error}"
    missing = getattr(error, "name", None)
    if isinstance(error, ModuleNotFoundError) and missing and registry is not None:
        top = missing.partition(".")[0]
        requirement = requirement_for_module(registry, top)
        if requirement is not None:
            wanted = f" {requirement.version}" if requirement.version else ""
            version = installed_version(requirement.name, sys.path)
            if version is None:
                text += (
                    f" (provided by distribution '{requirement.name}'{wanted} from [requires], "
                    f"which is not installed: pip install '{requirement.name}"
                    f"{requirement.version}')"
                )
            else:
                text += (
                    f" (distribution '{requirement.name}' {version} is installed; "
                    f"[requires] wants{wanted or ' any version'})"
                )
    return text


def describe_failure(
    error: BaseException, target: str, registry: Registry | None, roots: frozenset[str]
) -> Cause:
    """The root cause of `error`, raised while importing module `target`.

    The innermost application frame (not importlib, not this library) is the
    line that raised; the application frames from outside in are the chain.
    """
    chain: list[str] = []
    module, file, line = target, None, None
    for frame, number in _walk(error.__traceback__):
        filename = frame.f_code.co_filename
        name = _frame_module(frame)
        if _is_library(filename) or name.partition(".")[0] not in roots:
            continue
        chain.append(f"{name} ({filename}:{number})")
        module, file, line = name, filename, number
    if isinstance(error, SyntaxError) and error.filename:
        module = _module_for_file(error.filename, target)
        file, line = error.filename, error.lineno
        chain.append(f"{module} ({error.filename}:{error.lineno})")
    elif file is None:
        missing = getattr(error, "name", None)
        if isinstance(error, ModuleNotFoundError) and isinstance(missing, str):
            module = missing
    return Cause(module, file, line, _error_text(error, registry, roots), tuple(chain))


def _walk(traceback: types.TracebackType | None) -> Iterable[tuple[types.FrameType, int]]:
    while traceback is not None:
        yield traceback.tb_frame, traceback.tb_lineno
        traceback = traceback.tb_next


def group_root_causes(failures: Iterable[tuple[EntryResult, Cause]]) -> tuple[RootCause, ...]:
    """One RootCause per distinct (file, line, error), most entries first, then by location."""
    groups: dict[tuple[str, int, str], RootCause] = {}
    for result, cause in failures:
        where = cause.file or f"module:{cause.module}"
        key = (where, cause.line or 0, cause.error)
        known = groups.get(key)
        if known is None:
            groups[key] = RootCause(
                cause.module, cause.file, cause.line, cause.error, (result.entry,), cause.chain
            )
        elif result.entry not in known.entries:
            groups[key] = replace(known, entries=(*known.entries, result.entry))
    return tuple(
        sorted(
            groups.values(),
            key=lambda c: (-len(c.entries), c.file is None, c.file or "", c.line or 0, c.module),
        )
    )
