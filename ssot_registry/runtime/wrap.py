"""`mode = "wrap"`: a wrapt proxy of the canonical callable or class that warns on each call."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any
from warnings import warn

import wrapt

from ssot_registry.runtime.frames import SKIPPED, user_frame, warn_at

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
        if _PURE_PYTHON:  # wrapt's own frames sit between the caller and this wrapper
            frame = user_frame(getframe(1), _SKIPPED_WITH_WRAPT)
            if listeners:
                reporter.notify(entry, frame)
            warn_at(message, category, frame)
        else:  # wrapt's C extension calls this wrapper straight from the caller's frame
            if listeners:
                reporter.notify(entry, getframe(1))
            warn(message, category, 2)
        return wrapped(*args, **kwargs)

    return _Proxy(target, report_call)
