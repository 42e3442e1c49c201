"""`diff`: no public import path disappears without a registry entry (static, git-based)."""

from ssot_registry.diff.engine import diff
from ssot_registry.diff.model import DiffError, DiffFinding, DiffReport, Proposal

__all__ = ["DiffError", "DiffFinding", "DiffReport", "Proposal", "diff"]
