"""Versions a shim states: in its message, its warning class, its table's name or a comment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

__all__ = ["Stated", "from_class_name", "from_text", "merge"]

_NUMBER = r"v?(\d+(?:\.\d+){0,3})"
_SINCE = re.compile(
    rf"\bdeprecated\b[^.;:()]{{0,40}}?\b(?:since|in|as of)\s+(?:version\s+|release\s+)?{_NUMBER}",
    re.IGNORECASE,
)
_REMOVE = re.compile(
    rf"\b(?:will\s+be\s+removed|to\s+be\s+removed|removal|scheduled\s+for\s+removal)"
    rf"\s+(?:in|by|at)\s+(?:version\s+|release\s+)?{_NUMBER}",
    re.IGNORECASE,
)
_REMOVED = re.compile(
    rf"\b(?:has\s+been\s+|was\s+|were\s+|been\s+)?removed\s+(?:in|since)\s+(?:version\s+)?{_NUMBER}",
    re.IGNORECASE,
)
_CLASS_REMOVED = re.compile(r"RemovedIn[A-Za-z]*?(\d+)Warning")
_CLASS_SINCE = re.compile(r"DeprecatedSince(\d+)")
_TABLE_SINCE = re.compile(r"_IN_V(\d+)\b")


@dataclass(frozen=True, slots=True)
class Stated:
    """Versions found for one shim (each None when not stated)."""

    since: str | None = None
    remove_in: str | None = None
    removed_in: str | None = None


def _valid(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        Version(text)
    except InvalidVersion:
        return None
    return text


def _compact(digits: str) -> str:
    """`60` -> `6.0`, `3` -> `3` (warning classes spell versions without dots)."""
    return digits if len(digits) == 1 else f"{digits[0]}.{digits[1:]}"


def from_text(text: str | None) -> Stated:
    """Versions a message or comment states ('deprecated in 9.0', 'removed in 2.0')."""
    if not text:
        return Stated()
    since = _SINCE.search(text)
    remove = _REMOVE.search(text)
    removed = None if remove else _REMOVED.search(text)
    return Stated(
        _valid(since.group(1)) if since else None,
        _valid(remove.group(1)) if remove else None,
        _valid(removed.group(1)) if removed else None,
    )


def from_class_name(name: str) -> Stated:
    """`RemovedInWagtail60Warning` -> remove_in 6.0; `PydanticDeprecatedSince20` -> since 2.0;
    a table named `MOVED_IN_V2` -> since 2."""
    removed = _CLASS_REMOVED.search(name)
    since = _CLASS_SINCE.search(name) or _TABLE_SINCE.search(name)
    return Stated(
        _valid(_compact(since.group(1))) if since else None,
        _valid(_compact(removed.group(1))) if removed else None,
    )


def merge(*found: Stated) -> Stated:
    """The first version stated for each field; `remove_in` dropped unless after `since`."""
    since = next((s.since for s in found if s.since), None)
    remove_in = next((s.remove_in for s in found if s.remove_in), None)
    removed_in = next((s.removed_in for s in found if s.removed_in), None)
    if since and remove_in and Version(remove_in) <= Version(since):
        remove_in = None
    return Stated(since, remove_in, removed_in)
