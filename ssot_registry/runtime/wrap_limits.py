"""What a `mode = "wrap"` proxy cannot stand in for (a pure predicate, shared with `check`)."""

from __future__ import annotations

__all__ = ["wrap_limitation"]


def wrap_limitation(target: object) -> str | None:
    """Why a warning proxy cannot stand in for `target`, ending with how to fix it; None when
    it can.

    A proxy serves calls, instantiation, `isinstance`/`issubclass`, subclassing,
    iteration (enums), class and static methods, pickling and copying. Python's
    `except` clause and `raise Name` accept only real exception classes, so an
    exception class cannot be wrapped: the runtime then serves the class itself
    and warns where the name is used, as `mode = "reexport"` does.
    """
    if isinstance(target, type) and issubclass(target, BaseException):
        return (
            "an exception class cannot be wrapped: `except` and `raise` need the class "
            'itself, not a proxy; use mode = "reexport" (warns where the name is imported)'
        )
    return None
