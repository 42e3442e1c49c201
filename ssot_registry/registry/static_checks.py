"""Findings that need the whole registry: SSOT002 duplicates, 003 chains, 004 cycles, 005 versions.

They run on the compact tables (no entry models are built for a clean registry),
since every application start pays for a cold load once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ssot_registry.exceptions import Problem
from ssot_registry.registry.paths import covering_module
from ssot_registry.registry.validated import Registry

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


_K = TypeVar("_K")


def _repeats(
    entries: Iterable[tuple[_K, str, int | None]],
) -> Iterator[tuple[_K, str, int | None, str, int | None]]:
    """Each entry `(key, name, line)` whose key an earlier entry had, with that first entry's
    name and line."""
    first: dict[_K, tuple[str, int | None]] = {}
    for key, name, line in entries:
        seen = first.setdefault(key, (name, line))
        if seen[0] != name:
            yield key, name, line, *seen


class _Route(NamedTuple):
    """The end of a chain of `new` links: its final path, or the olds of the cycle it enters."""

    final: PathKey | None
    cycle: tuple[PathKey, ...]


class _Checker:
    """The state shared by the checks: the alias table, an index of old paths, the problems."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        table = registry.tables.alias
        self.aliases = table
        self.old = list(zip(table.old_module, table.old_name, strict=True))
        self.new = list(zip(table.new_module, table.new_name, strict=True))
        # the first alias of an old path wins: built backwards in C, the earliest index is last
        self.olds: dict[PathKey, int] = dict(
            zip(reversed(self.old), range(len(self.old) - 1, -1, -1), strict=True)
        )
        self.module_aliases = registry.module_aliases()
        self.alias_tops = frozenset({old.partition(".")[0] for old in self.module_aliases})
        self.problems: list[Problem] = []
        self.routes: dict[PathKey, _Route] = {}

    def add(self, code: str, key: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(code, message, key, self.registry.source, line))

    def covering(self, path: PathKey) -> tuple[int, PathKey] | None:
        """The alias (index) that covers `path`, and where it leads."""
        index = self.olds.get(path)
        if index is not None:
            return index, self.new[index]
        if path[0].partition(".")[0] not in self.alias_tops:  # no module alias above it
            return None
        found = covering_module(path[0], self.module_aliases)
        if found is None:
            return None
        index, rest = found
        return index, (self.aliases.new_module[index] + rest, path[1])

    def duplicates(self) -> None:
        tables = self.registry.tables
        keys = (
            zip(table.old_module, table.old_name, strict=True)
            for table in (tables.alias, tables.external)
        )
        distinct = len(set(chain.from_iterable(keys)))  # one pass in C: usually no repeats
        if distinct < len(tables.alias.old_module) + len(tables.external.old_module):
            self._repeated_olds()
        self._same_distributions()
        self._canonical_olds()

    def _repeated_olds(self) -> None:
        tables = self.registry.tables
        olds = (
            ((module, qualname), f"{name}[{index}]", line)
            for name, table in (("alias", tables.alias), ("external", tables.external))
            for index, (module, qualname, line) in enumerate(
                zip(table.old_module, table.old_name, table.line, strict=True)
            )
        )
        for old, key, line, first, first_line in _repeats(olds):
            self.add(
                "SSOT002",
                f"{key}.old",
                line,
                f"{_text(old)!r} is already the old path of {first} (line {first_line}); "
                "keep one entry",
            )

    def _canonical_olds(self) -> None:
        symbols = self.registry.tables.symbols
        canonical = {
            (module, qualname): (name, line)
            for name, module, qualname, line in zip(
                symbols.name, symbols.module, symbols.qualname, symbols.line, strict=True
            )
        }
        if canonical.keys().isdisjoint(self.old):  # in C: the usual answer
            return
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

    def _same_distributions(self) -> None:
        """`My-Dist` and `my_dist` name one distribution (PEP 503): one `[requires]` entry."""
        requires = self.registry.tables.requires
        names = (
            (re.sub(r"[-_.]+", "-", name).lower(), name, line)
            for name, line in zip(requires.name, requires.line, strict=True)
        )
        for _, name, line, first, first_line in _repeats(names):
            self.add(
                "SSOT002",
                f"requires.{name}",
                line,
                f"{name!r} is the same distribution as {first!r} (line {first_line}): "
                "names differing only in case, '-', '_' and '.' are equal; keep one entry",
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
            olds.append(self.old[index])
            trail.append(path)
            path = following
        for passed in trail:
            self.routes[passed] = result
        return result

    def chains(self) -> None:
        reported: set[frozenset[PathKey]] = set()
        lines = self.aliases.line
        for index, new in enumerate(self.new):
            found = self.covering(new)
            if found is None:
                continue
            start = self.old[index]
            route = self._route(new)
            key, line = f"alias[{index}].new", lines[index]
            if route.cycle and start not in route.cycle:
                self.add(
                    "SSOT003",
                    key,
                    line,
                    f"{_text(new)!r} is itself deprecated and leads into an alias "
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
            target = found[0]
            final = route.final if route.final is not None else found[1]
            self.add(
                "SSOT003",
                key,
                line,
                f"{_text(new)!r} is itself deprecated (alias of "
                f"{_text(self.new[target])!r}, line {lines[target]}); "
                f"set new = {_text(final)!r}",
            )

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
