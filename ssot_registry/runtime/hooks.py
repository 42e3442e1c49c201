"""Module-level `__getattr__` / `__dir__` hooks: chained to the module's own, removable."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from types import CodeType, FrameType, ModuleType
from typing import Any, Protocol
from warnings import warn

from ssot_registry.registry import ImportPath
from ssot_registry.runtime.cpython import (
    HANDLE_FROMLIST,
    INDIRECT_CALLERS,
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
_MODULES = sys.modules


class Owner(Protocol):
    """What a hook reports to: the shims of one registry."""

    name: str
    listeners: list[Callable[[Any, str, int], None]]

    def notify(self, entry: Entry, frame: FrameType | None) -> None: ...

    def use_attribute(self, entry: Entry, frame: FrameType) -> Any: ...


def _direct_caller(code: CodeType, last: list[CodeType | None]) -> bool:
    """Whether a hook's caller running `code` uses the old name itself (not `_handle_fromlist`
    probing, not unpickling); remembered in `last`, since a loop asks again and again."""
    if code.co_name in INDIRECT_CALLERS:
        return False
    last[0] = code
    return True


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
        missing = f"module {module!r} has no attribute "
        no_path = f"{missing}'__path__'"  # asked by every `from module import name`

        def refusal(name: str) -> Exception:
            """The error for a name that is neither an old name here nor the previous hook's."""
            if not shim:
                return AttributeError(no_path if name == "__path__" else missing + repr(name))
            provided = sorted(
                {key for key, value in table.items() if value.removed_in is None} | set(also())
            )
            message = shim_message(module, name, provided, owner.name)
            if is_import_from(getframe(2)):
                return ImportError(message, name=module)
            return AttributeError(message)

        # each free variable is copied into every call's frame: the hook keeps six
        lookup, listeners = table.get, owner.listeners
        direct: list[CodeType | None] = [None]  # the last caller known to be the user's code

        def getattr_hook(name: str) -> Any:
            entry = lookup(name)
            if entry is None:
                chained = cell[0]
                if chained is not None:
                    return chained(name)
                raise refusal(name)
            frame = getframe(1)
            code = frame.f_code
            hot = entry.hot
            if hot is None or (code is not direct[0] and not _direct_caller(code, direct)):
                if code is HANDLE_FROMLIST:
                    if entry.refused:
                        raise AttributeError(entry.message)
                    return entry.value(owner)
                return owner.use_attribute(entry, frame)
            # the common case, inlined: `frame` is the user's (attribute access, IMPORT_FROM,
            # the first use of a `lazy from` name and the C unpickler call this hook directly)
            new_module, attribute, message, category = hot
            try:
                value = getattr(_MODULES[new_module], attribute)
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
