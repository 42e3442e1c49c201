"""The isolated side of `adopt --verify`: prove one entry inside a validator worker.

`prove(old, new, kind)` imports both paths and compares them (kind: module, attribute,
wrap, tombstone); it raises `NotIdenticalError` with the reason when the entry does not
hold. Only the standard library is imported here, and warnings the shims emit are silenced
(the finding is identity, not the warning).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import warnings

__all__ = ["NotIdenticalError", "prove"]

_MISSING = object()


def _resolve(path: str) -> object:
    module_name, _, qualname = path.partition(":")
    value: object = importlib.import_module(module_name)
    for part in qualname.split(".") if qualname else ():
        value = getattr(value, part)
    return value


def _describe(value: object) -> str:
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    module = getattr(value, "__module__", None)
    return f"{type(value).__name__} {module}.{name}" if name else f"a {type(value).__name__}"


def _same_module(old: object, new: object) -> tuple[bool, str]:
    if old is new:
        return True, "the same module object"
    names = getattr(new, "__all__", None) or [n for n in vars(new) if not n.startswith("_")]
    different = [n for n in names if getattr(old, n, _MISSING) is not getattr(new, n)]
    if different:
        return False, (
            f"a different module that lacks or differs in {len(different)} of the "
            f"new module's {len(names)} public names (first: {different[0]})"
        )
    return True, f"a module re-exporting all {len(names)} public names"


def _compare(kind: str, old: object, new: object) -> tuple[bool, str]:
    if kind == "tombstone":
        return False, "the removed path still imports"
    if kind == "module":
        return _same_module(old, new)
    if old is new:
        return True, "identical"
    if kind == "wrap" and getattr(old, "__wrapped__", None) is new:
        return True, "a proxy whose __wrapped__ is the new object"
    if kind == "wrap" and isinstance(old, type) and isinstance(new, type) and issubclass(old, new):
        return True, "a subclass of the new class"
    return False, f"gives {_describe(old)}, not the identical object ({_describe(new)})"


def _check(entry: dict[str, str]) -> dict[str, object]:
    try:
        new = _resolve(entry["new"])
    except BaseException as error:
        why = f"new path {entry['new']} fails: {type(error).__name__}: {error}"
        return {"ok": False, "why": why}
    try:
        old = _resolve(entry["old"])
    except BaseException as error:
        if entry["kind"] == "tombstone":
            return {"ok": True, "why": f"fails as removed: {type(error).__name__}"}
        return {"ok": False, "why": f"old path fails: {type(error).__name__}: {error}"}
    ok, why = _compare(entry["kind"], old, new)
    return {"ok": ok, "why": why}


class NotIdenticalError(ImportError):
    """Raised by a probe module when the entry does not hold; its message is the reason."""


def prove(old: str, new: str, kind: str) -> None:
    """Check one entry in this (isolated) interpreter; NotIdenticalError when it does not hold.

    Called by the probe module `adopt --verify` generates for the entry, so that the
    validator's `import` task (warm forked workers, timeouts, crash containment) runs it.
    """
    sink = io.StringIO()
    with (
        warnings.catch_warnings(),
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        warnings.simplefilter("ignore")
        result = _check({"old": old, "new": new, "kind": kind})
    if not result["ok"]:
        raise NotIdenticalError(str(result["why"]))
