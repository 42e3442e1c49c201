"""`mode = "wrap"`: a wrapt proxy of the canonical callable or class that warns on each call."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any
from warnings import warn_explicit

import wrapt

from ssot_registry.runtime.frames import SKIPPED, user_frame

if TYPE_CHECKING:
    from ssot_registry.runtime.entries import Entry, Reporter

__all__ = ["make_proxy"]

# wrapt's C extension calls the wrapper straight from the caller's frame; its pure-Python
# fallback adds frames of its own
_PURE_PYTHON = hasattr(wrapt.FunctionWrapper.__call__, "__code__")
_SKIPPED_WITH_WRAPT = (*SKIPPED, os.path.dirname(os.path.abspath(wrapt.__file__)) + os.sep)


class _Proxy(wrapt.FunctionWrapper):  # type: ignore[type-arg]
    """A FunctionWrapper whose signature is the canonical object's (Python 3.13's inspect
    cannot read it through a proxied class otherwise)."""

    @property
    def __signature__(self) -> Any:
        import inspect

        return inspect.signature(self.__wrapped__)


def make_proxy(target: Any, entry: Entry, reporter: Reporter) -> Any:
    """A transparent proxy of `target` that reports each call (or instantiation) to the
    listeners and warns at the caller's line, then calls through."""
    getframe = sys._getframe
    listeners = reporter.listeners
    message, category = entry.message, entry.category

    def report_call(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
        frame: Any = getframe(1)
        if _PURE_PYTHON:
            frame = user_frame(frame, _SKIPPED_WITH_WRAPT)
        if listeners:
            reporter.notify(entry, frame)
        if frame is None:
            warn_explicit(message, category, "<unknown>", 0)
        else:
            namespace = frame.f_globals
            registry = namespace.get("__warningregistry__")
            if registry is None:
                registry = namespace["__warningregistry__"] = {}
            warn_explicit(
                message,
                category,
                frame.f_code.co_filename,
                frame.f_lineno or 0,
                namespace.get("__name__") or "<string>",
                registry,
            )
        return wrapped(*args, **kwargs)

    return _Proxy(target, report_call)
