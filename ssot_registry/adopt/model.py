"""The records `adopt` works with: proposed entries, replaced shim lines, shims not understood."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ssot_registry.registry import Alias, ImportPath

__all__ = [
    "AdoptReport",
    "Contradiction",
    "Facade",
    "NotUnderstood",
    "Proposal",
    "ShimLines",
    "Unverified",
]

Dialect = Literal[
    "reexport",
    "sys.modules",
    "pydantic",
    "langchain",
    "airflow",
    "websockets",
    "wagtail",
    "getattr",
    "wrap",
    "tombstone",
]


@dataclass(frozen=True, slots=True)
class ShimLines:
    """Lines of a source file that a registry entry now replaces (so they can be deleted)."""

    file: str
    line: int
    end_line: int
    what: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal(Alias):
    """One `[[alias]]` entry read from a hand-written shim: the alias itself (its paths,
    schedule, reason and mode), the shim's dialect, and where it states it (`file` and
    `line`, the shim's line: a proposal has no registry line yet)."""

    line: int
    dialect: Dialect
    file: str
    shim: ShimLines | None = None


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """SSOT401: a shim the recognisers found but could not turn into an entry."""

    file: str
    line: int
    why: str
    code: str = "SSOT401"


@dataclass(frozen=True, slots=True)
class Facade:
    """Names a module serves lazily without deprecating them: not an alias, nothing to adopt."""

    file: str
    line: int
    module: str
    names: int
    why: str


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A proposal whose `old` the registry (or another shim) already leads somewhere else."""

    old: ImportPath
    new: ImportPath
    existing: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Unverified:
    """SSOT402: `--verify` found that the old path does not give the identical object."""

    proposal: Proposal
    why: str
    code: str = "SSOT402"


@dataclass
class AdoptReport:
    """What `adopt` found in the files it read, and what it adds to the registry."""

    files: int = 0
    added: list[Proposal] = field(default_factory=list)
    present: list[Proposal] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    not_understood: list[NotUnderstood] = field(default_factory=list)
    facades: list[Facade] = field(default_factory=list)
    unverified: list[Unverified] = field(default_factory=list)
    errors: list[NotUnderstood] = field(default_factory=list)
    verified: bool = False

    @property
    def replaced(self) -> list[ShimLines]:
        """Shim lines that the registry replaces once the added (and present) entries are in."""
        seen: dict[tuple[str, int, int], ShimLines] = {}
        for proposal in [*self.present, *self.added]:
            if proposal.shim is not None:
                key = (proposal.shim.file, proposal.shim.line, proposal.shim.end_line)
                seen.setdefault(key, proposal.shim)
        return sorted(seen.values(), key=lambda s: (s.file, s.line))

    @property
    def ok(self) -> bool:
        """No shim left not understood, no contradiction, nothing that failed to verify."""
        return not (self.not_understood or self.contradictions or self.unverified or self.errors)
