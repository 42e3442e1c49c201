"""The one wording of "this path is deprecated": shared by warnings, scan findings and ruff."""

from __future__ import annotations

from ssot_registry.registry.entries import Alias, External

__all__ = ["deprecation_text", "entry_text"]


def deprecation_text(
    old: object,
    new: object,
    *,
    since: str | None = None,
    remove_in: str | None = None,
    removed_in: str | None = None,
    reason: str | None = None,
    external: bool = False,
) -> str:
    """`OLD is deprecated [since A] [and will be removed in B]; use NEW instead. [Reason: R]`.

    A tombstone reads `OLD was removed in C; use NEW instead.`, a third-party
    path `OLD is a deprecated third-party path; use NEW instead.`
    """
    if external:
        text = f"{old} is a deprecated third-party path"
    elif removed_in is not None:
        text = f"{old} was removed in {removed_in}"
    else:
        text = f"{old} is deprecated"
        if since:
            text += f" since {since}"
        if remove_in:
            text += f" and will be removed in {remove_in}"
    text += f"; use {new} instead."
    return f"{text} Reason: {reason}" if reason else text


def entry_text(entry: Alias | External, old: object, new: object) -> str:
    """`deprecation_text` for a use of `entry` spelled `old`, to be replaced by `new`: the
    alias's schedule and reason (a tombstone's removal), or a third-party path's reason."""
    if isinstance(entry, External):
        return deprecation_text(old, new, reason=entry.reason, external=True)
    return deprecation_text(
        old,
        new,
        since=entry.since,
        remove_in=entry.remove_in,
        removed_in=entry.removed_in,
        reason=entry.reason,
    )
