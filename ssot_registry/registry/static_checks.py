"""Findings that need the whole registry: SSOT002 duplicates, 003 chains, 004 cycles, 005 versions.

They run on the compact rows (no entry models are built for a clean registry),
since every application start pays for a cold load once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ssot_registry.exceptions import Problem
from ssot_registry.registry.compiled import Registry

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


class _Route(NamedTuple):
    """The end of a chain of `new` links: its final path, or the olds of the cycle it enters."""

    final: PathKey | None
    cycle: tuple[PathKey, ...]


class _Checker:
    """The state shared by the checks: rows, an index of old paths, the problems found."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.aliases = registry.rows["alias"]
        self.olds: dict[PathKey, int] = {}
        for index, row in enumerate(self.aliases):
            self.olds.setdefault((row[0], row[1]), index)
        self.module_olds = {row[0] for row in self.aliases if row[1] is None}
        self.problems: list[Problem] = []
        self.routes: dict[PathKey, _Route] = {}

    def add(self, code: str, key: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(code, message, key, self.registry.source, line))

    def covering(self, path: PathKey) -> tuple[int, PathKey] | None:
        """The alias (index) that covers `path`, and where it leads."""
        index = self.olds.get(path)
        if index is not None:
            row = self.aliases[index]
            return index, (row[2], row[3])
        if not self.module_olds:
            return None
        parts = path[0].split(".")
        for end in range(len(parts) - 1 if path[1] is None else len(parts), 0, -1):
            prefix = ".".join(parts[:end])
            if prefix in self.module_olds:
                index = self.olds[(prefix, None)]
                module = ".".join([self.aliases[index][2], *parts[end:]])
                return index, (module, path[1])
        return None

    def duplicates(self) -> None:
        first: dict[PathKey, tuple[str, int | None]] = {}
        for table in ("alias", "external"):
            for index, row in enumerate(self.registry.rows[table]):
                old, line, key = (row[0], row[1]), row[-1], f"{table}[{index}]"
                seen = first.setdefault(old, (key, line))
                if seen[0] != key:
                    self.add(
                        "SSOT002",
                        f"{key}.old",
                        line,
                        f"{_text(old)!r} is already the old path of {seen[0]} (line {seen[1]}); "
                        "keep one entry",
                    )
        canonical = {(row[1], row[2]): (row[0], row[5]) for row in self.registry.rows["symbols"]}
        for index, row in enumerate(self.aliases):
            symbol = canonical.get((row[0], row[1]))
            if symbol is not None:
                self.add(
                    "SSOT002",
                    f"alias[{index}].old",
                    row[10],
                    f"{_text((row[0], row[1]))!r} is also the canonical path of symbol "
                    f"{symbol[0]!r} (line {symbol[1]}); a path is either canonical or "
                    "deprecated, not both",
                )

    def _route(self, path: PathKey) -> _Route:
        """Where following `new` links from `path` ends: a final path, or an alias cycle.

        Every path passed on the way is remembered with the same answer, so the
        whole registry is walked in linear time (a chain of N aliases costs N steps).
        """
        trail: list[PathKey] = []
        olds: list[PathKey] = []
        position: dict[int, int] = {}
        while True:
            known = self.routes.get(path)
            if known is not None:
                result = known
                break
            found = self.covering(path)
            if found is None:
                result = _Route(path, ())
                break
            index, following = found
            if index in position:
                result = _Route(None, tuple(olds[position[index] :]))
                break
            position[index] = len(olds)
            olds.append((self.aliases[index][0], self.aliases[index][1]))
            trail.append(path)
            path = following
        for passed in trail:
            self.routes[passed] = result
        return result

    def chains(self) -> None:
        reported: set[frozenset[PathKey]] = set()
        for index, row in enumerate(self.aliases):
            found = self.covering((row[2], row[3]))
            if found is None:
                continue
            start = (row[0], row[1])
            route = self._route((row[2], row[3]))
            key, line = f"alias[{index}].new", row[10]
            if route.cycle and start not in route.cycle:
                self.add(
                    "SSOT003",
                    key,
                    line,
                    f"{_text((row[2], row[3]))!r} is itself deprecated and leads into an alias "
                    "cycle; fix the cycle, then point new at the canonical path",
                )
                continue
            if route.cycle:
                members = route.cycle
                turn = members.index(start)
                members = (*members[turn:], *members[:turn])
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
            target = self.aliases[found[0]]
            final = route.final if route.final is not None else found[1]
            self.add(
                "SSOT003",
                key,
                line,
                f"{_text((row[2], row[3]))!r} is itself deprecated (alias of "
                f"{_text((target[2], target[3]))!r}, line {target[10]}); "
                f"set new = {_text(final)!r}",
            )

    def versions(self) -> None:
        for index, row in enumerate(self.aliases):
            since = row[4]
            if since is None:
                continue
            for field, value in (("remove_in", row[5]), ("removed_in", row[6])):
                if value is not None and _version(value) <= _version(since):
                    self.add(
                        "SSOT005",
                        f"alias[{index}].{field}",
                        row[10],
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
