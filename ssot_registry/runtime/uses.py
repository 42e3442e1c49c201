"""`Uses`: one use of an old path, refused or warned at the user's line and told to listeners."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from types import FrameType, ModuleType
from typing import Any
from warnings import warn_explicit

from ssot_registry.registry import Alias
from ssot_registry.runtime.cpython import importing_below, is_import_from
from ssot_registry.runtime.entries import Entry
from ssot_registry.runtime.frames import frame_location, user_frame, warn_at

__all__ = ["Listener", "Uses"]

Listener = Callable[[Alias, str, int], None]


class Uses:
    """What happens when code uses an old path of one registry."""

    def __init__(self, name: str, listeners: list[Listener]) -> None:
        self.name = name
        self.listeners = listeners
        self._statement = threading.local()

    def notify(self, entry: Entry, frame: FrameType | None) -> None:
        """Tell every use listener about one use of an alias."""
        filename, lineno = frame_location(frame)
        for listener in tuple(self.listeners):
            listener(entry.alias, filename, lineno)

    def use_attribute(self, entry: Entry, frame: FrameType) -> Any:
        """One use of an old attribute: refuse it, or warn at the user's line and resolve it."""
        user = user_frame(frame)
        if entry.refused:
            self.notify(entry, user)
            if is_import_from(user):
                raise ImportError(entry.message, name=entry.old_module)
            raise AttributeError(entry.message)
        value = entry.value(self)
        if entry.warns_on_access(value):
            if self.listeners:
                self.notify(entry, user)
            warn_at(entry.message, entry.category, user)
        return value

    def import_alias(self, entry: Entry, frame: FrameType) -> ModuleType:
        """One first import of an old module path: refuse it, or import the canonical module
        and warn at the user's line, once per statement: a parent old path imported on the way
        to a deeper one stays silent, and so does a submodule that `from old import sub`
        imports after its old parent warned for the same statement."""
        user = user_frame(frame)
        silent = importing_below(entry.old_module + ".", frame, user)
        if not silent and user is not None:
            statement = (id(user), user.f_lasti)
            last = getattr(self._statement, "last", None)
            silent = (
                last is not None
                and last[0] == statement
                and entry.old_module.startswith(last[1] + ".")
            )
            if not silent:
                self._statement.last = (statement, entry.old_module)
        if entry.refused:  # reported even when silent: the refusal ends the deeper import too
            self.notify(entry, user)
            raise ImportError(entry.message, name=entry.old_module)
        module = importlib.import_module(entry.new_module)
        if not silent:
            if self.listeners:
                self.notify(entry, user)
            warn_at(entry.message, entry.category, user)
        return module

    def run_alias(self, entry: Entry) -> None:
        """`python -m old`: refuse it, or warn as from `__main__` (no line of the user's exists;
        the default filters show deprecation warnings of `__main__`)."""
        where = f"<python -m {entry.old_module}>"
        if self.listeners:
            for listener in tuple(self.listeners):
                listener(entry.alias, where, 0)
        if entry.refused:
            raise ImportError(entry.message, name=entry.old_module)
        warn_explicit(entry.message, entry.category, where, 0, "__main__", {})
