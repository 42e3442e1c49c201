"""`adopt`: turn hand-written compatibility shims into registry entries, reading source only."""

from ssot_registry.adopt.engine import adopt, merge, read_shims
from ssot_registry.adopt.model import (
    AdoptReport,
    Contradiction,
    Facade,
    NotUnderstood,
    Proposal,
    ShimLines,
    Unverified,
)

__all__ = [
    "AdoptReport",
    "Contradiction",
    "Facade",
    "NotUnderstood",
    "Proposal",
    "ShimLines",
    "Unverified",
    "adopt",
    "merge",
    "read_shims",
]
