"""The words of the runtime: warning and error messages, and warning categories by name."""

from __future__ import annotations

from typing import Protocol

from ssot_registry.exceptions import (
    AliasWarning,
    DeprecatedAliasWarning,
    FutureAliasWarning,
    PendingAliasWarning,
)
from ssot_registry.registry import ImportPath
from ssot_registry.registry.wording import deprecation_text

__all__ = ["CATEGORIES", "AliasLike", "deprecation_message", "removal_message", "shim_message"]

CATEGORIES: dict[str, type[AliasWarning]] = {
    "deprecation": DeprecatedAliasWarning,
    "pending": PendingAliasWarning,
    "future": FutureAliasWarning,
}


class AliasLike(Protocol):
    """What a message needs of an alias (an `Alias` model has all of it)."""

    @property
    def since(self) -> str | None: ...

    @property
    def remove_in(self) -> str | None: ...

    @property
    def removed_in(self) -> str | None: ...

    @property
    def reason(self) -> str | None: ...


def deprecation_message(alias: AliasLike, old: ImportPath | str, new: ImportPath | str) -> str:
    """`old is deprecated [since A] [and will be removed in B]; use new instead. [Reason: ...]`."""
    return deprecation_text(
        old, new, since=alias.since, remove_in=alias.remove_in, reason=alias.reason
    )


def removal_message(alias: AliasLike, old: ImportPath | str, new: ImportPath | str) -> str:
    """`old was removed in C; use new instead. [Reason: ...]` for a tombstone."""
    return deprecation_text(old, new, removed_in=alias.removed_in or "?", reason=alias.reason)


def shim_message(module: str, name: str, provided: list[str], registry: str) -> str:
    """The error for a name a shim module does not serve, listing the names it does serve."""
    served = ", ".join(provided) if provided else "no names of its own (only submodules)"
    return (
        f"module {module!r} has no attribute {name!r}: it is a shim of registry {registry!r} "
        f"and provides {served}"
    )
