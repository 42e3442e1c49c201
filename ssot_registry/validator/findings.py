"""Findings `check` makes without importing anything: the file's SSOT002-005 and SSOT032.

SPEC section 10: a finding about an alias is reported under the alias's `old`
path (kind `alias`, its line); only findings about the file as a whole are
reported under the entry `registry`. Aliases in a chain or a cycle
(SSOT003/004) are never imported: `FileFindings.skip` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from ssot_registry.exceptions import Problem
from ssot_registry.registry import Registry
from ssot_registry.validator.plan import in_shard
from ssot_registry.validator.report import EntryResult
from ssot_registry.validator.requirements import installed_version

__all__ = ["FileFindings", "file_findings", "version_findings"]

_ALIAS_KEY = re.compile(r"alias\[(\d+)\]")
_NOT_IMPORTED = frozenset({"SSOT003", "SSOT004"})


@dataclass(frozen=True)
class FileFindings:
    """The file's findings as report rows, and the alias numbers that must not be imported."""

    results: tuple[EntryResult, ...]
    skip: frozenset[int]


def _cycle(registry: Registry, start: int) -> list[int]:
    """The alias numbers of the cycle through alias `start`, in the order the links lead."""
    number = {alias.old: index for index, alias in enumerate(registry.aliases)}
    members = [start]
    found = registry.find_alias(registry.aliases[start].new)
    while found is not None and len(members) <= len(number):
        index = number[found[0].old]
        if index in members:
            break
        members.append(index)
        found = registry.find_alias(found[1])
    return members


def file_findings(
    registry: Registry, problems: Sequence[Problem], shard: tuple[int, int] | None
) -> FileFindings:
    """SSOT002-005 as rows of the alias they are about (else of `registry`, shard 1 only)."""
    results: list[EntryResult] = []
    skip: set[int] = set()
    for problem in problems:
        message = f"{problem.key}: {problem.message}" if problem.key else problem.message
        match = _ALIAS_KEY.match(problem.key)
        if match is None:
            if shard is None or shard[0] == 1:
                results.append(
                    EntryResult("registry", "registry", "fail", problem.code, message, problem.line)
                )
            continue
        index = int(match[1])
        members = _cycle(registry, index) if problem.code == "SSOT004" else [index]
        for member in members:
            alias = registry.aliases[member]
            if problem.code in _NOT_IMPORTED:
                skip.add(member)
            if in_shard(f"alias::{alias.old}", shard):
                results.append(
                    EntryResult(str(alias.old), "alias", "fail", problem.code, message, alias.line)
                )
    return FileFindings(tuple(results), frozenset(skip))


def _now(registry: Registry, path: list[str]) -> Version | EntryResult | None:
    """The registry's current version (`[registry] version`, else the installed
    distribution's), a finding when the named distribution is not installed, or None."""
    meta = registry.meta
    text = meta.version
    if text is None and meta.distribution:
        text = installed_version(meta.distribution, path)
        if text is None:
            return EntryResult(
                "registry",
                "registry",
                "fail",
                "SSOT020",
                f"[registry] distribution '{meta.distribution}' is not installed, so overdue "
                f"aliases (SSOT032) cannot be found; install it (e.g. pip install -e .) "
                f"or set [registry] version",
                meta.line,
            )
    try:
        return Version(text) if text else None
    except InvalidVersion:
        return None


def version_findings(
    registry: Registry, path: list[str], shard: tuple[int, int] | None
) -> list[EntryResult]:
    """SSOT032 for every alias whose `remove_in` has come (and SSOT020 when the version
    cannot be known because `[registry] distribution` is not installed)."""
    now = _now(registry, path)
    if isinstance(now, EntryResult):
        return [now] if shard is None or shard[0] == 1 else []
    if now is None:
        return []
    found = []
    for alias in registry.aliases:
        entry = str(alias.old)
        if alias.is_tombstone or alias.remove_in is None or not in_shard(f"alias::{entry}", shard):
            continue
        if now >= Version(alias.remove_in):
            found.append(
                EntryResult(
                    entry,
                    "alias",
                    "fail",
                    "SSOT032",
                    f"alias overdue: version {now} >= remove_in {alias.remove_in}; "
                    f"migrate the callers "
                    f"(ssot-registry migrate) and replace the alias by a tombstone (removed_in)",
                    alias.line,
                )
            )
    return found
