"""Every public error and warning class of ssot-registry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AliasWarning",
    "DeprecatedAliasWarning",
    "FutureAliasWarning",
    "PendingAliasWarning",
    "Problem",
    "RegistryError",
    "SsotRegistryError",
]


class SsotRegistryError(Exception):
    """Base class of every error this library raises."""


@dataclass(frozen=True)
class Problem:
    """One located problem found in a registry file (codes SSOT001-005)."""

    code: str
    message: str
    key: str = ""
    path: Path | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<registry>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}: {self.code}{key} {self.message}"


class RegistryError(SsotRegistryError):
    """The registry cannot be used; `.errors` lists every problem, first one's data on the error."""

    def __init__(self, errors: Sequence[Problem]) -> None:
        if not errors:
            raise ValueError("RegistryError needs at least one problem")
        self.errors: tuple[Problem, ...] = tuple(errors)
        first = self.errors[0]
        self.path: Path | None = first.path
        self.line: int | None = first.line
        self.code: str = first.code
        super().__init__("\n".join(str(error) for error in self.errors))


class AliasWarning(Warning):
    """Base of every warning about a deprecated import path; one filter catches them all."""


class DeprecatedAliasWarning(AliasWarning, DeprecationWarning):
    """A deprecated path was used (`category = "deprecation"`, the default)."""


class PendingAliasWarning(AliasWarning, PendingDeprecationWarning):
    """A path that will be deprecated was used (`category = "pending"`)."""


class FutureAliasWarning(AliasWarning, FutureWarning):
    """A deprecated path was used; shown to end users too (`category = "future"`)."""
