"""`Entry`: one old path ready for use at run time (message, category, canonical target).

Entries are built from the registry's compact alias rows, not from the pydantic
models: a first import through an alias must stay cheaper than importing a
small real module. The `Alias` model is built only when a use listener needs it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ssot_registry.exceptions import AliasWarning
from ssot_registry.registry import Alias, Registry
from ssot_registry.registry.paths import import_object
from ssot_registry.registry.tables import AliasRow
from ssot_registry.runtime.messages import CATEGORIES, deprecation_message, removal_message
from ssot_registry.runtime.wrap_limits import wrap_limitation

if TYPE_CHECKING:
    from ssot_registry.runtime.wrap import Reporter

__all__ = ["Entry"]

_PROXY_LOCK = threading.Lock()


class Entry:
    """An alias seen through one old path: what to say, how to warn, where the object lives."""

    __slots__ = (
        "_alias",
        "_proxy",
        "_proxy_target",
        "_registry",
        "_row",
        "attr",
        "category",
        "hot",
        "message",
        "new",
        "new_module",
        "old",
        "old_module",
        "parts",
        "reason",
        "refused",
        "remove_in",
        "removed_in",
        "since",
        "wrap",
    )

    def __init__(
        self,
        registry: Registry,
        row: AliasRow,
        old: tuple[str, str | None],
        new: tuple[str, str | None],
        *,
        strict: bool,
    ) -> None:
        self._registry = registry
        self._row = row
        self._alias: Alias | None = None
        self.old_module, old_name = old
        self.new_module, new_name = new
        self.old = f"{self.old_module}:{old_name}" if old_name else self.old_module
        self.new = f"{self.new_module}:{new_name}" if new_name else self.new_module
        self.parts: tuple[str, ...] = tuple(new_name.split(".")) if new_name else ()
        self.attr = self.parts[0] if len(self.parts) == 1 else None
        self.since: str | None = row.since
        self.remove_in: str | None = row.remove_in
        self.removed_in: str | None = row.removed_in
        self.reason: str | None = row.reason
        self.category: type[AliasWarning] = CATEGORIES[row.category or registry.meta.category]
        self.refused = self.removed_in is not None or strict
        self.message = (
            removal_message(self, self.old, self.new)
            if self.removed_in is not None
            else deprecation_message(self, self.old, self.new)
        )
        self.wrap = row.mode == "wrap" and old_name is not None
        # what the inlined attribute hook needs, in one tuple; None for the slow path
        self.hot: tuple[str, str, str, type[AliasWarning]] | None = (
            (self.new_module, self.attr, self.message, self.category)
            if not (self.refused or self.wrap) and self.attr is not None
            else None
        )
        self._proxy: Any = None
        self._proxy_target: Any = None

    @property
    def alias(self) -> Alias:
        """The registry's `Alias` model of this entry (built on first request)."""
        if self._alias is None:
            self._alias = self._registry.alias_at(self._row.position)
        return self._alias

    def target(self) -> Any:
        """The canonical object, looked up afresh (so reloads and patches are seen)."""
        return import_object(self.new_module, self.parts)

    def value(self, reporter: Reporter) -> Any:
        """What the old path yields: the canonical object, or its warning proxy in wrap mode
        (which reports each call to `reporter`'s listeners, then warns)."""
        value = self.target()
        if not self.wrap:
            return value
        if self._proxy_target is not value:
            from ssot_registry.runtime.wrap import make_proxy  # never import under the lock

            with _PROXY_LOCK:
                if self._proxy_target is not value:
                    # what a proxy cannot stand in for is served bare (see `warns_on_access`)
                    bare = wrap_limitation(value) is not None
                    self._proxy = value if bare else make_proxy(value, self, reporter)
                    self._proxy_target = value
        return self._proxy

    def warns_on_access(self, value: object) -> bool:
        """Whether a use of the old name that yielded `value` warns now, not at each call: always
        outside wrap mode, and in wrap mode when `value` is served without a proxy."""
        return not self.wrap or value is self._proxy_target
