"""The results of `scan` and `migrate`: findings, file errors, the migration outcome."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FileError", "Finding", "MigrationResult", "ScanReport"]


@dataclass(frozen=True, order=True)
class Finding:
    """One use of a deprecated path in a source file (`line` and `col` count from 1).

    In a notebook, `cell` is the cell's number (from 1, markdown cells counted)
    and `line` counts within that cell, as ruff reports them.
    """

    path: str
    line: int
    col: int
    code: str
    old: str
    new: str
    message: str
    fixable: bool = True
    cell: int | None = None

    def __str__(self) -> str:
        where = self.path if self.cell is None else f"{self.path}:cell {self.cell}"
        return f"{where}:{self.line}:{self.col}: {self.code} {self.message}"


@dataclass(frozen=True, order=True)
class FileError:
    """A file that could not be scanned or rewritten, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class MigrationResult:
    """What `migrate` found, rewrote (or, without `write`, would rewrite), and left for a person.

    `diffs` maps each changed file to its unified diff; `written` lists the files
    replaced on disk; `remaining` holds the findings a person must still handle
    (not rewritable, or in a file that could not be written); `removed` lists
    temporary files of earlier, killed runs that `write` deleted.
    """

    findings: list[Finding] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    removed: list[str] = field(default_factory=list)

    @property
    def diff(self) -> str:
        """One unified diff of every changed file, in path order."""
        return "".join(self.diffs[path] for path in sorted(self.diffs))


@dataclass
class ScanReport:
    """Everything a scan found: findings, files read, and files it could not read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
