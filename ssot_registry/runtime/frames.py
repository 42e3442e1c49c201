"""Find the user's line behind an import or attribute access, and warn there."""

from __future__ import annotations

import importlib
import os
from types import FrameType
from warnings import warn_explicit

from ssot_registry.runtime.cpython import unpickling

__all__ = [
    "SKIPPED",
    "Location",
    "beyond_unpickling",
    "frame_location",
    "user_frame",
    "warn_at",
]

SKIPPED = (
    "<frozen ",
    os.path.dirname(importlib.__file__) + os.sep,
    os.path.dirname(os.path.abspath(__file__)) + os.sep,
)

Location = tuple[str, int]
# how the functions that wrap an unpickler are named (dill's `load`/`loads`, joblib's `_unpickle`)
_LOADING = ("load", "_load", "unpickle", "_unpickle")


def user_frame(frame: FrameType | None, skipped: tuple[str, ...] = SKIPPED) -> FrameType | None:
    """The first frame, from `frame` outwards, that is neither importlib's nor this package's,
    nor part of unpickling (`pickle.load` of an old path blames the line that called it)."""
    last = frame
    while frame is not None and frame.f_code.co_filename.startswith(skipped):
        last = frame
        frame = frame.f_back
    if frame is not None and unpickling(frame):
        return beyond_unpickling(frame) or frame
    return frame if frame is not None else last


def beyond_unpickling(frame: FrameType | None) -> FrameType | None:
    """The first frame, from an unpickling `frame` outwards, outside unpickling: not the
    pickle machinery or an unpickler's method (a `find_class` or `load` override), and not a
    loading function of the module that overrides one (dill's `loads` around its unpickler)."""
    unpicklers: set[object] = set()
    while frame is not None:
        module = frame.f_globals.get("__name__")
        if unpickling(frame):
            unpicklers.add(module)
        elif not (module in unpicklers and frame.f_code.co_name.startswith(_LOADING)):
            return frame
        frame = frame.f_back
    return None


def frame_location(frame: FrameType | None) -> Location:
    """(filename, line) of a frame; ('<unknown>', 0) without one."""
    if frame is None:
        return ("<unknown>", 0)
    return (frame.f_code.co_filename, frame.f_lineno or 0)


def warn_at(message: str, category: type[Warning], frame: FrameType | None) -> None:
    """Emit the warning as if `frame` had called `warnings.warn` (filters and registry alike)."""
    if frame is None:
        warn_explicit(message, category, "<unknown>", 0)
        return
    module_globals = frame.f_globals
    registry = module_globals.get("__warningregistry__")
    if registry is None:
        registry = module_globals["__warningregistry__"] = {}
    module = module_globals.get("__name__")
    warn_explicit(
        message,
        category,
        frame.f_code.co_filename,
        frame.f_lineno or 0,
        module if isinstance(module, str) else "<string>",
        registry,
    )
