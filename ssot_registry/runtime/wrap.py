"""`mode = "wrap"`: a wrapt proxy of the canonical callable or class that warns on each call."""

from __future__ import annotations

import copy
import operator
import os
import types
from collections.abc import Callable
from typing import Any, Protocol
from warnings import warn

import wrapt

from ssot_registry.runtime.cpython import getframe
from ssot_registry.runtime.frames import SKIPPED, user_frame, warn_at

__all__ = ["Reporter", "Warned", "make_proxy"]


class Warned(Protocol):
    """What a proxy says on each call: an entry's message and warning category."""

    @property
    def message(self) -> str: ...

    @property
    def category(self) -> type[Warning]: ...


class Reporter(Protocol):
    """Who hears about each call: the use listeners of an installation."""

    @property
    def listeners(self) -> list[Callable[[Any, str, int], None]]: ...

    def notify(self, entry: Any, frame: types.FrameType | None) -> None: ...


# wrapt's C extension calls the wrapper straight from the caller's frame; its pure-Python
# fallback adds frames of its own
_PURE_PYTHON = hasattr(wrapt.FunctionWrapper.__call__, "__code__")
_SKIPPED_WITH_WRAPT = (*SKIPPED, os.path.dirname(os.path.abspath(wrapt.__file__)) + os.sep)
_FIRST = operator.itemgetter(0)
_ATOMIC = (type, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def _atomic(target: Any) -> bool:
    """Classes and routines: what `copy` hands back unchanged."""
    return isinstance(target, _ATOMIC)


class _Proxy(wrapt.FunctionWrapper):  # type: ignore[type-arg]
    """A FunctionWrapper that is the canonical object's twin: its signature (Python 3.13's
    inspect cannot read it through a proxied class otherwise), iteration (an enum), pickling
    (as the canonical object itself) and copying."""

    @property
    def __signature__(self) -> Any:
        import inspect

        return inspect.signature(self.__wrapped__)

    def __iter__(self) -> Any:
        wrapped: Any = self.__wrapped__
        return iter(wrapped)

    def __reversed__(self) -> Any:
        wrapped: Any = self.__wrapped__
        return reversed(wrapped)

    def __reduce_ex__(self, protocol: Any) -> Any:
        # pickles the canonical object (by reference for a function or class); unpickling
        # needs neither this library nor the old path
        return _FIRST, ((self.__wrapped__,),)

    def __reduce__(self) -> Any:
        return self.__reduce_ex__(2)

    def __copy__(self) -> Any:
        if _atomic(self.__wrapped__):
            return self
        return type(self)(copy.copy(self.__wrapped__), self._self_wrapper)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        if _atomic(self.__wrapped__):
            return self
        return type(self)(copy.deepcopy(self.__wrapped__, memo), self._self_wrapper)


class _ClassProxy(_Proxy):
    """The proxy of a class: calling a class method or static method through it (an
    alternative constructor such as `Old.build()`) warns like instantiation does."""

    def __getattr__(self, name: str) -> Any:
        value = super().__getattr__(name)
        if name.startswith("__") or not callable(value):
            return value
        wrapped: Any = self.__wrapped__
        for klass in wrapped.__mro__:
            found = klass.__dict__.get(name)
            if found is not None:
                if isinstance(found, (classmethod, staticmethod)):
                    return wrapt.FunctionWrapper(value, self._self_wrapper)
                break
        return value


def make_proxy(target: Any, entry: Warned, reporter: Reporter) -> Any:
    """A transparent proxy of `target` that reports each call (or instantiation) to the
    listeners and warns at the caller's line, then calls through."""
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

    return (_ClassProxy if isinstance(target, type) else _Proxy)(target, report_call)
