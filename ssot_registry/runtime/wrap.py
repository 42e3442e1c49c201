"""`mode = "wrap"`: a wrapt proxy of the canonical callable or class that warns on each call."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Any

import wrapt

from ssot_registry.runtime.frames import SKIPPED, user_frame

if TYPE_CHECKING:
    from ssot_registry.runtime.entries import Entry

__all__ = ["make_proxy"]

_SKIPPED_WITH_WRAPT = (*SKIPPED, os.path.dirname(os.path.abspath(wrapt.__file__)) + os.sep)


class _Proxy(wrapt.FunctionWrapper):  # type: ignore[type-arg]
    """A FunctionWrapper whose signature is the canonical object's (Python 3.13's inspect
    cannot read it through a proxied class otherwise)."""

    @property
    def __signature__(self) -> Any:
        import inspect

        return inspect.signature(self.__wrapped__)


def make_proxy(
    target: Any, entry: Entry, on_call: Callable[[Entry, FrameType | None], None]
) -> Any:
    """A transparent proxy of `target` that reports each call (or instantiation) first,
    with the caller's frame."""
    getframe = sys._getframe

    def report_call(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
        on_call(entry, user_frame(getframe(1), _SKIPPED_WITH_WRAPT))
        return wrapped(*args, **kwargs)

    return _Proxy(target, report_call)
