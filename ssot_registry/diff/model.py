"""The records `diff` reports: removed public paths (SSOT301), registry entries dropped early
(SSOT302), each with its location and a proposed entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["DiffError", "DiffFinding", "DiffReport", "Proposal"]


class DiffError(Exception):
    """`diff` cannot run: not a git work tree, an unknown revision, git missing (exit 2)."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """The registry entry that would cover a removed path (TOML), and why it is proposed."""

    toml: str
    kind: Literal["alias", "tombstone"]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DiffFinding:
    """One public path gone without an entry, or one entry gone before its time."""

    code: Literal["SSOT301", "SSOT302"]
    path: str
    kind: str
    file: str
    line: int | None
    message: str
    proposal: Proposal | None = None


@dataclass
class DiffReport:
    """The comparison of the public API at `ref` with the working tree."""

    ref: str
    modules_before: int = 0
    modules_now: int = 0
    names_before: int = 0
    covered: list[str] = field(default_factory=list)
    findings: list[DiffFinding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing public disappeared without an entry and no entry left early."""
        return not self.findings
