"""`Entry`: one old path ready for use at run time (message, category, canonical target)."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from ssot_registry.exceptions import AliasWarning
from ssot_registry.registry import Alias, ImportPath
from ssot_registry.runtime.messages import CATEGORIES, deprecation_message, removal_message

__all__ = ["Entry"]

_PROXY_LOCK = threading.Lock()


class Entry:
    """An alias seen through one old path: what to say, how to warn, where the object lives."""

    __slots__ = (
        "_proxy",
        "_proxy_target",
        "alias",
        "category",
        "message",
        "new",
        "old",
        "parts",
        "refused",
        "wrap",
    )

    def __init__(
        self, alias: Alias, old: ImportPath, new: ImportPath, default_category: str, strict: bool
    ) -> None:
        self.alias = alias
        self.old = old
        self.new = new
        self.parts: tuple[str, ...] = tuple(new.qualname.split(".")) if new.qualname else ()
        self.category: type[AliasWarning] = CATEGORIES[alias.category or default_category]
        tombstone = alias.removed_in is not None
        self.refused = tombstone or strict
        self.message = (
            removal_message(alias, old, new) if tombstone else deprecation_message(alias, old, new)
        )
        self.wrap = alias.mode == "wrap" and not old.is_module
        self._proxy: Any = None
        self._proxy_target: Any = None

    def target(self) -> Any:
        """The canonical object, looked up afresh (so reloads and patches are seen)."""
        value: Any = sys.modules.get(self.new.module)
        if value is None or getattr(getattr(value, "__spec__", None), "_initializing", False):
            # absent, or still running in another thread: import_module waits for it
            value = importlib.import_module(self.new.module)
        for part in self.parts:
            value = getattr(value, part)
        return value

    def value(self, on_call: Callable[[Entry, FrameType | None], None]) -> Any:
        """What the old path yields: the canonical object, or its warning proxy in wrap mode
        (which calls `on_call(entry, caller frame)` on each call)."""
        value = self.target()
        if not self.wrap:
            return value
        if self._proxy_target is not value:
            from ssot_registry.runtime.wrap import make_proxy  # never import under the lock

            with _PROXY_LOCK:
                if self._proxy_target is not value:
                    self._proxy = make_proxy(value, self, on_call)
                    self._proxy_target = value
        return self._proxy
