"""Find the user's line behind an import or attribute access, and warn there."""

from __future__ import annotations

import importlib
import os
from types import FrameType
from warnings import warn_explicit

__all__ = [
    "SKIPPED",
    "Location",
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


def user_frame(frame: FrameType | None, skipped: tuple[str, ...] = SKIPPED) -> FrameType | None:
    """The first frame, from `frame` outwards, that is neither importlib's nor this package's."""
    last = frame
    while frame is not None and frame.f_code.co_filename.startswith(skipped):
        last = frame
        frame = frame.f_back
    return frame if frame is not None else last


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
