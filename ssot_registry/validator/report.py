"""The check report: one result per finding (or per passing entry), root causes, a summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CheckReport", "EntryResult", "RootCause"]

EntryKind = Literal["symbol", "alias", "requirement", "registry"]


@dataclass(frozen=True)
class EntryResult:
    """The outcome of checking one entry: `ok`, or one finding (an entry may have several)."""

    entry: str
    kind: EntryKind
    status: Literal["ok", "fail"]
    code: str | None
    message: str
    line: int | None

    @property
    def key(self) -> str:
        """`kind::entry`, unique per entry."""
        return f"{self.kind}::{self.entry}"


@dataclass(frozen=True)
class RootCause:
    """One failure that breaks several entries: the application line that raised."""

    module: str
    file: str | None
    line: int | None
    error: str
    entries: tuple[str, ...]
    chain: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """Everything `check` found, in check order, root causes first for people to read."""

    registry: str
    results: tuple[EntryResult, ...]
    root_causes: tuple[RootCause, ...] = ()
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when no entry failed."""
        return all(result.status == "ok" for result in self.results)

    @property
    def failures(self) -> tuple[EntryResult, ...]:
        """The failing results, in check order."""
        return tuple(result for result in self.results if result.status == "fail")

    def entry_keys(self) -> list[str]:
        """Every checked entry once, in check order (`kind::entry`)."""
        return list(dict.fromkeys(result.key for result in self.results))

    @property
    def total(self) -> int:
        """How many entries were checked."""
        return len(self.entry_keys())

    @property
    def failed(self) -> int:
        """How many entries have at least one finding."""
        return len({result.key for result in self.failures})

    @property
    def passed(self) -> int:
        """How many entries passed every check."""
        return self.total - self.failed

    def results_for(self, kind: str, entry: str) -> tuple[EntryResult, ...]:
        """Every result of one entry."""
        return tuple(r for r in self.results if r.kind == kind and r.entry == entry)
