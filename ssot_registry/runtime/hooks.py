"""Module-level `__getattr__` / `__dir__` hooks: chained to the module's own, removable."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from types import FrameType, ModuleType
from typing import Any, Protocol
from warnings import warn

from ssot_registry.registry import ImportPath
from ssot_registry.runtime.cpython import (
    HANDLE_FROMLIST,
    UNPICKLING_CALLERS,
    getframe,
    is_import_from,
)
from ssot_registry.runtime.entries import Entry
from ssot_registry.runtime.messages import shim_message

__all__ = ["Hooks", "Owner", "attach", "detach", "facade_getattr", "shim_getattr"]


Hook = Callable[..., Any]
Hooks = tuple[Hook, Hook]
_CELL = "__ssot_cell__"
_OWNER = "__ssot_owner__"


class Owner(Protocol):
    """What a hook reports to: the shims of one registry."""

    name: str
    listeners: list[Callable[[Any, str, int], None]]

    def notify(self, entry: Entry, frame: FrameType | None) -> None: ...

    def use_attribute(self, entry: Entry, frame: FrameType) -> Any: ...


def _missing(module: str, name: str) -> AttributeError:
    return AttributeError(f"module {module!r} has no attribute {name!r}")


def shim_getattr(
    owner: Owner,
    module: str,
    table: Mapping[str, Entry],
    *,
    shim: bool,
    also: Callable[[], Iterable[str]] = tuple,
) -> Callable[[Hook | None], Hook]:
    """A factory of `__getattr__(name)` serving `table`'s old names, given the previous hook.

    `_handle_fromlist` probes names with `hasattr` before `from m import name` reads
    them: the probe is answered silently so that one statement is one use.
    """

    def build(previous: Hook | None) -> Hook:
        cell: list[Hook | None] = [previous]
        modules = sys.modules
        listeners = owner.listeners
        missing = f"module {module!r} has no attribute "

        def getattr_hook(name: str) -> Any:
            entry = table.get(name)
            if entry is None:
                chained = cell[0]
                if chained is not None:
                    return chained(name)
                if not shim:
                    # also the path of every `from module import x` probing `__path__`
                    raise AttributeError(missing + repr(name))
                provided = sorted(
                    {key for key, value in table.items() if value.removed_in is None} | set(also())
                )
                message = shim_message(module, name, provided, owner.name)
                if is_import_from(getframe(1)):
                    raise ImportError(message, name=module)
                raise AttributeError(message)
            frame = getframe(1)
            code = frame.f_code
            if code is HANDLE_FROMLIST:
                if entry.refused:
                    raise AttributeError(entry.message)
                return entry.value(owner)
            hot = entry.hot
            if hot is None or code.co_name in UNPICKLING_CALLERS:
                return owner.use_attribute(entry, frame)
            # the common case, inlined: `frame` is the user's (attribute access, IMPORT_FROM,
            # the first use of a `lazy from` name and the C unpickler call this hook directly)
            new_module, attribute, message, category = hot
            try:
                value = getattr(modules[new_module], attribute)
            except (KeyError, AttributeError):
                value = entry.target()
            if listeners:
                owner.notify(entry, frame)
            # the caller of this hook is the user's frame: stacklevel 2 names it, and
            # `warnings.warn` does the registry and module-name work in C
            warn(message, category, 2)
            return value

        setattr(getattr_hook, _CELL, cell)
        return getattr_hook

    return build


def facade_getattr(
    owner: Owner, module: str, symbols: Callable[[], Mapping[str, ImportPath]]
) -> Callable[[Hook | None], Hook]:
    """A factory of `__getattr__(name)` serving every `[symbols]` name, lazily and silently."""

    def build(previous: Hook | None) -> Hook:
        cell: list[Hook | None] = [previous]

        def getattr_hook(name: str) -> Any:
            path = symbols().get(name)
            if path is None:
                chained = cell[0]
                if chained is not None:
                    return chained(name)
                raise _missing(module, name)
            return path.import_object()

        setattr(getattr_hook, _CELL, cell)
        return getattr_hook

    return build


def _dir_hook(
    owner: Owner, namespace: dict[str, Any], names: Callable[[], Iterable[str]]
) -> Callable[[Hook | None], Hook]:
    def build(previous: Hook | None) -> Hook:
        cell: list[Hook | None] = [previous]

        def dir_hook() -> list[str]:
            chained = cell[0]
            listed = set(chained() if chained is not None else namespace)
            listed.update(names())
            return sorted(listed)

        setattr(dir_hook, _CELL, cell)
        return dir_hook

    return build


def _previous(namespace: dict[str, Any], key: str, tag: tuple[Owner, str]) -> Hook | None:
    """The hook to chain to: the module's own, skipping a stale hook of the same owner."""
    current = namespace.get(key)
    while current is not None and getattr(current, _OWNER, None) == tag:
        current = getattr(current, _CELL)[0]
    return current


def attach(
    owner: Owner,
    module: ModuleType,
    getattr_factory: Callable[[Hook | None], Hook],
    names: Callable[[], Iterable[str]],
    role: str,
) -> Hooks:
    """Install chained `__getattr__` and `__dir__` on a module; return them for `detach`.

    A stale hook of the same owner and role (left by a reloaded module) is replaced.
    """
    namespace = module.__dict__
    tag = (owner, role)
    hooks = (
        getattr_factory(_previous(namespace, "__getattr__", tag)),
        _dir_hook(owner, namespace, names)(_previous(namespace, "__dir__", tag)),
    )
    for hook in hooks:
        setattr(hook, _OWNER, tag)
    namespace["__getattr__"], namespace["__dir__"] = hooks
    return hooks


def _splice(namespace: dict[str, Any], key: str, hook: Hook) -> None:
    previous = getattr(hook, _CELL)[0]
    current = namespace.get(key)
    if current is hook:
        if previous is None:
            namespace.pop(key, None)
        else:
            namespace[key] = previous
        return
    while current is not None:
        cell = getattr(current, _CELL, None)
        if cell is None:
            return
        if cell[0] is hook:
            cell[0] = previous
            return
        current = cell[0]


def detach(module: ModuleType, hooks: Hooks) -> None:
    """Remove hooks installed by `attach`, wherever they sit in a chain of hooks."""
    _splice(module.__dict__, "__getattr__", hooks[0])
    _splice(module.__dict__, "__dir__", hooks[1])
