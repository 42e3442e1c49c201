"""`install()` and the `Installation` handle that undoes it."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from ssot_registry.registry import Alias, Registry, load
from ssot_registry.registry.environment import env_flag
from ssot_registry.runtime.finder import ShimFinder
from ssot_registry.runtime.index import ShimIndex
from ssot_registry.runtime.modules import ModuleHooks
from ssot_registry.runtime.tracking import Tracker
from ssot_registry.runtime.uses import Listener, Uses

__all__ = ["STRICT_VARIABLE", "Installation", "install", "installations"]

STRICT_VARIABLE = "SSOT_REGISTRY_STRICT"
_ACTIVE: list[Installation] = []
_LOCK = threading.RLock()


class Installation:
    """The shims of one or more registries, in place until `uninstall()` (or the `with` ends)."""

    def __init__(self, registries: Sequence[Registry], *, strict: bool) -> None:
        self.registries: tuple[Registry, ...] = tuple(registries)
        self.strict = strict
        self._listeners: list[Listener] = []
        self._finders = [_finder(registry, strict, self._listeners) for registry in registries]
        self._installed = False

    def __repr__(self) -> str:
        names = ", ".join(repr(registry.name) for registry in self.registries) or "no registry"
        state = "installed" if self._installed else "uninstalled"
        return f"<Installation of {names}{' (strict)' if self.strict else ''}, {state}>"

    @property
    def installed(self) -> bool:
        """True until `uninstall()`."""
        return self._installed

    def add_use_listener(self, listener: Callable[[Alias, str, int], None]) -> Callable[[], None]:
        """Call `listener(alias, filename, lineno)` on every use of an old path (also when strict
        mode refuses it), with the user's line; return a function that removes the listener.

        `alias` is the registry entry that covers the path (for `old.sub` of a module alias,
        that module alias). Uses are counted like warnings: one per attribute access or
        `from … import name`, one per first import of an old module path, one per call in
        wrap mode, and one for `python -m old` (filename `<python -m old>`, line 0).
        """
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def uninstall(self) -> None:
        """Remove the finder, the injected hooks and every old name put in `sys.modules`.

        Real modules imported meanwhile stay. Calling it again does nothing.
        """
        with _LOCK:
            if not self._installed:
                return
            self._installed = False
            finders = set(self._finders)
            sys.meta_path[:] = [finder for finder in sys.meta_path if finder not in finders]
            if self in _ACTIVE:
                _ACTIVE.remove(self)
        for finder in reversed(self._finders):  # may wait on import locks: never under _LOCK
            finder.tracker.forget()

    def __enter__(self) -> Installation:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.uninstall()

    def _activate(self) -> None:
        """Put each finder first on `sys.meta_path` and hook the old modules already imported."""
        for finder in self._finders:
            sys.meta_path.insert(0, finder)
            finder.modules.hook_imported()
        self._installed = True

    def _holds(self, registries: Sequence[Registry]) -> bool:
        return len(registries) == len(self.registries) and all(
            mine is theirs or mine == theirs
            for mine, theirs in zip(self.registries, registries, strict=True)
        )


def _finder(registry: Registry, strict: bool, listeners: list[Listener]) -> ShimFinder:
    """The import hook of one registry, with the parts it hands to its loaders."""
    uses = Uses(registry.name, listeners)
    tracker = Tracker(uses)
    index = ShimIndex(registry, strict=strict)
    return ShimFinder(index, ModuleHooks(index, uses, tracker), uses, tracker)


def _strict_from_environment() -> bool:
    return env_flag(STRICT_VARIABLE)


def _registries(registry: Registry | str | os.PathLike[str] | None) -> list[Registry]:
    if registry is None:
        from ssot_registry.runtime.discovery import discover_registries

        return discover_registries()
    if isinstance(registry, Registry):
        return [registry]
    if isinstance(registry, (str, os.PathLike)):
        return [load(Path(registry))]
    raise TypeError(
        "install() takes a Registry, a path to registry.toml or None, "
        f"not {type(registry).__name__}"
    )


def installations() -> tuple[Installation, ...]:
    """The installations in place, oldest first (a caller can tell whether `install()` will
    hand back one that somebody else owns, before uninstalling it)."""
    with _LOCK:
        return tuple(_ACTIVE)


def install(
    registry: Registry | str | os.PathLike[str] | None = None, *, strict: bool | None = None
) -> Installation:
    """Make every old path of the registry (or of every advertised registry) work.

    Lazy: imports no target and no old module. `strict=None` reads
    `SSOT_REGISTRY_STRICT`; an explicit value wins. Installing the same
    registry again returns the `Installation` already in place.
    """
    strict_mode = _strict_from_environment() if strict is None else strict
    registries = _registries(registry)
    with _LOCK:
        for existing in _ACTIVE:
            if existing._holds(registries):
                return existing
        installation = Installation(registries, strict=strict_mode)
        installation._activate()
        _ACTIVE.append(installation)
        return installation
