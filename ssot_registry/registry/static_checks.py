"""Findings that need the whole registry: SSOT002 duplicates, 003 chains, 004 cycles, 005 versions.

They run on the compact tables (no entry models are built for a clean registry),
since every application start pays for a cold load once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ssot_registry.exceptions import Problem
from ssot_registry.registry.compiled import Registry
from ssot_registry.registry.paths import covering_module

if TYPE_CHECKING:
    from packaging.version import Version

__all__ = ["find_problems"]

PathKey = tuple[str, "str | None"]


@lru_cache(maxsize=1024)
def _version(text: str) -> Version:
    from packaging.version import Version

    return Version(text)


def _text(path: PathKey) -> str:
    return f"{path[0]}:{path[1]}" if path[1] is not None else path[0]


class _Checker:
    """The state shared by the checks: the alias table, an index of old paths, the problems."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        table = registry.tables.alias
        self.aliases = table
        self.old = list(zip(table.old_module, table.old_name, strict=True))
        self.new = list(zip(table.new_module, table.new_name, strict=True))
        self.olds: dict[PathKey, int] = {}
        for index, old in enumerate(self.old):
            self.olds.setdefault(old, index)
        self.module_aliases = registry.module_aliases()
        self.problems: list[Problem] = []

    def add(self, code: str, key: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(code, message, key, self.registry.source, line))

    def covering(self, path: PathKey) -> tuple[int, PathKey] | None:
        """The alias (index) that covers `path`, and where it leads."""
        index = self.olds.get(path)
        if index is not None:
            return index, self.new[index]
        found = covering_module(path[0], self.module_aliases)
        if found is None:
            return None
        index, rest = found
        return index, (self.aliases.new_module[index] + rest, path[1])

    def duplicates(self) -> None:
        first: dict[PathKey, tuple[str, int | None]] = {}
        tables = self.registry.tables
        for name, table in (("alias", tables.alias), ("external", tables.external)):
            for index, (module, qualname, line) in enumerate(
                zip(table.old_module, table.old_name, table.line, strict=True)
            ):
                old, key = (module, qualname), f"{name}[{index}]"
                seen = first.setdefault(old, (key, line))
                if seen[0] != key:
                    self.add(
                        "SSOT002",
                        f"{key}.old",
                        line,
                        f"{_text(old)!r} is already the old path of {seen[0]} (line {seen[1]}); "
                        "keep one entry",
                    )
        symbols = tables.symbols
        canonical = {
            (module, qualname): (name, line)
            for name, module, qualname, line in zip(
                symbols.name, symbols.module, symbols.qualname, symbols.line, strict=True
            )
        }
        for index, old in enumerate(self.old):
            symbol = canonical.get(old)
            if symbol is not None:
                self.add(
                    "SSOT002",
                    f"alias[{index}].old",
                    self.aliases.line[index],
                    f"{_text(old)!r} is also the canonical path of symbol "
                    f"{symbol[0]!r} (line {symbol[1]}); a path is either canonical or "
                    "deprecated, not both",
                )

    def _walk(self, index: int) -> tuple[list[PathKey], bool]:
        """Follow `new` links from alias `index`: the paths visited and whether they loop."""
        visited = {self.old[index]: 0}
        found = self.covering(self.new[index])
        while found is not None:
            target = self.old[found[0]]
            if target in visited:
                members = list(visited)
                return members[visited[target] :], True
            visited[target] = len(visited)
            found = self.covering(found[1])
        return list(visited), False

    def chains(self) -> None:
        reported: set[frozenset[PathKey]] = set()
        lines = self.aliases.line
        for index, new in enumerate(self.new):
            found = self.covering(new)
            if found is None:
                continue
            members, loops = self._walk(index)
            key, line = f"alias[{index}].new", lines[index]
            if loops and self.old[index] not in members:
                self.add(
                    "SSOT003",
                    key,
                    line,
                    f"{_text(new)!r} is itself deprecated and leads into an alias "
                    "cycle; fix the cycle, then point new at the canonical path",
                )
                continue
            if loops:
                if frozenset(members) not in reported:
                    reported.add(frozenset(members))
                    loop = " -> ".join(_text(path) for path in [*members, members[0]])
                    self.add(
                        "SSOT004",
                        key,
                        line,
                        f"aliases form a cycle: {loop}; point one of them at the real "
                        "canonical path",
                    )
                continue
            target = found[0]
            final = self._final(found[1])
            self.add(
                "SSOT003",
                key,
                line,
                f"{_text(new)!r} is itself deprecated (alias of "
                f"{_text(self.new[target])!r}, line {lines[target]}); "
                f"set new = {_text(final)!r}",
            )

    def _final(self, path: PathKey) -> PathKey:
        seen = {path}
        found = self.covering(path)
        while found is not None and found[1] not in seen:
            path = found[1]
            seen.add(path)
            found = self.covering(path)
        return path

    def versions(self) -> None:
        table = self.aliases
        for index, (since, remove_in, removed_in, line) in enumerate(
            zip(table.since, table.remove_in, table.removed_in, table.line, strict=True)
        ):
            if since is None:
                continue
            for field, value in (("remove_in", remove_in), ("removed_in", removed_in)):
                if value is not None and _version(value) <= _version(since):
                    self.add(
                        "SSOT005",
                        f"alias[{index}].{field}",
                        line,
                        f"{field} = {value!r} is not later than since = {since!r}; "
                        f"set {field} to a version after {since}",
                    )


def find_problems(registry: Registry) -> list[Problem]:
    """Every SSOT002-005 finding of a schema-valid registry, grouped by code, in file order."""
    checker = _Checker(registry)
    checker.duplicates()
    checker.chains()
    checker.versions()
    return checker.problems
