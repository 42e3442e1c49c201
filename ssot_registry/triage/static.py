"""`--static`: resolve every import from the sources, executing nothing (SPEC section 11)."""

from __future__ import annotations

from collections.abc import Sequence

from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Failure, TestModule

__all__ = ["resolve_statically"]


def resolve_statically(
    modules: Sequence[TestModule], index: StaticIndex, search_path: Sequence[str]
) -> list[Failure]:
    """The failures a static resolution finds (not written yet)."""
    raise NotImplementedError
