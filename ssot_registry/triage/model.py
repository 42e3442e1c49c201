"""The records triage passes around: modules to import, failures, proposals, the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CLASSES",
    "Confidence",
    "Failure",
    "Proposal",
    "TestModule",
    "TriageCause",
    "TriageReport",
]

Confidence = Literal["certain", "likely", "review"]

CLASSES = {
    "SSOT201": "moved",
    "SSOT202": "module moved",
    "SSOT203": "renamed?",
    "SSOT204": "removed",
    "SSOT205": "missing distribution",
    "SSOT206": "not an import problem",
    "SSOT207": "order-dependent",
    "SSOT208": "duplicate test module name",
}


@dataclass(frozen=True)
class TestModule:
    """One module under PATH as pytest's `prepend` import mode names and finds it."""

    __test__ = False  # not a pytest test class

    name: str
    file: str
    folder: str  # the first folder upwards without `__init__.py`: put first on sys.path
    conftests: tuple[tuple[str, str, str], ...] = ()  # (module name, folder, file), outside in


@dataclass(frozen=True)
class Failure:
    """One module that did not import, with the facts of its innermost application frame."""

    module: str
    code: str  # the validator's: SSOT010, SSOT013 (timeout), SSOT014 (crash)
    error: str
    cause_module: str
    file: str | None
    line: int | None
    exception: str = ""
    missing_module: str | None = None
    missing_name: str | None = None
    from_module: str | None = None

    @property
    def key(self) -> tuple[str, int, str]:
        """Failures sharing file, line and error share one root cause."""
        return (self.file or f"module:{self.cause_module}", self.line or 0, self.error)


@dataclass(frozen=True)
class Proposal:
    """What fixes a root cause: a registry fragment (or advice), why, and how sure."""

    toml: str
    confidence: Confidence
    evidence: tuple[str, ...]
    old: str | None = None  # the alias's old path; None for [requires] and advice
    new: str | None = None
    applicable: bool = True  # False: only a person can apply it (review, advice)


@dataclass(frozen=True)
class TriageCause:
    """One root cause: its class, where it raised, the modules it breaks, the proposal."""

    code: str
    module: str
    file: str | None
    line: int | None
    error: str
    modules: tuple[str, ...]
    proposal: Proposal | None
    advice: str = ""


@dataclass(frozen=True)
class TriageReport:
    """Everything triage found: how many modules import, the root causes, the measured after."""

    modules: int
    importable: int
    root_causes: tuple[TriageCause, ...]
    after: int | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every module imports."""
        return self.importable == self.modules and not self.root_causes

    @property
    def with_proposal(self) -> int:
        """Root causes that carry a proposal (an entry, a rename to review, a distribution)."""
        return sum(1 for c in self.root_causes if c.proposal is not None)
