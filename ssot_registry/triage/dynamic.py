"""Import the modules with the validator's isolated workers and collect what failed.

Isolated: one unit per module, each forked from a warm worker (fresh
interpreter state per module, timeouts and crash containment of `check`).
`--no-isolate`: one unit holding every module, imported in pytest's order in
one worker process (what pytest itself sees).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ssot_registry.registry import Registry
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Failure, TestModule
from ssot_registry.validator.pool import run_isolated

__all__ = ["Importer", "failure_from", "import_task", "preimports", "warm_start"]


def import_task(module: TestModule) -> dict[str, Any]:
    """The validator's `import` task for one module."""
    return {
        "entry": module.name,
        "type": "import",
        "line": None,
        "file": module.file,
        "folder": module.folder,
        "conftests": [list(conftest) for conftest in module.conftests],
    }


def failure_from(outcome: dict[str, Any]) -> Failure:
    """The typed failure of one outcome row (the worker's plain data, read here once)."""
    cause = outcome.get("cause") or {}
    return Failure(
        module=outcome["entry"],
        code=outcome["code"] or "SSOT010",
        error=str(cause.get("error") or outcome["message"]),
        cause_module=str(cause.get("module") or outcome["entry"]),
        file=cause.get("file"),
        line=cause.get("line"),
        exception=str(outcome.get("exception") or ""),
        missing_module=outcome.get("missing_module"),
        missing_name=outcome.get("missing_name"),
        from_module=outcome.get("from_module"),
    )


def warm_start(modules: Sequence[TestModule], index: StaticIndex) -> dict[str, list[Any]]:
    """What the warm worker does before forking, as every child would first (see
    `validator.importing.warm`): folder listings, conftests, the project's parent packages."""
    conftests: dict[str, set[tuple[str, str, str]]] = {}
    for module in modules:
        for conftest in module.conftests:
            conftests.setdefault(conftest[0], set()).add(conftest)
    wanted = {
        statement.module
        for module in modules
        for statement in (
            index.by_file[module.file].imports if module.file in index.by_file else ()
        )
        if not (statement.nested or statement.typing or statement.guarded)
    }
    packages = {
        ".".join(parts[:end])
        for parts in (name.split(".") for name in wanted)
        for end in range(1, len(parts))
    }
    folders = {os.path.dirname(info.file) for info in index.modules.values()}
    folders.update(module.folder for module in modules)
    return {
        "warm_folders": sorted(folders),
        "warm_conftests": [
            list(next(iter(found))) for found in conftests.values() if len(found) == 1
        ],
        "warm_packages": sorted(
            (name for name in packages if name in index.modules and index.modules[name].package),
            key=lambda name: (name.count("."), name),
        ),
    }


def preimports(index: StaticIndex, roots: frozenset[str]) -> list[str]:
    """Modules outside the project that its sources import at the top: warm-worker imports."""
    found = {
        statement.module
        for info in index.modules.values()
        for statement in info.imports
        if not statement.nested and not statement.typing and statement.module
    }
    return sorted(
        name for name in found if name.partition(".")[0] not in roots and name != "__future__"
    )


@dataclass
class Importer:
    """Runs `import` units on the validator's pool with one registry and search path."""

    registry: Registry
    search_path: list[str]
    roots: frozenset[str]
    preimport: list[str]
    jobs: int
    timeout: float
    warm: dict[str, list[Any]] = field(default_factory=dict)

    def _config(self, registry: Registry) -> dict[str, Any]:
        return {
            "rows": registry.rows,
            "source": registry.source,
            "roots": sorted(self.roots),
            "sys_path": self.search_path,
            "preimport": self.preimport,
            **self.warm,
        }

    def _run(
        self, units: list[dict[str, Any]], registry: Registry, timeout: float
    ) -> list[dict[str, Any]]:
        method = "fork" if hasattr(os, "fork") else "spawn"
        jobs = max(1, min(self.jobs, len(units)))
        return run_isolated(
            units, self._config(registry), jobs=jobs, timeout=timeout, method=method
        )

    def isolated(
        self, modules: Sequence[TestModule], registry: Registry | None = None
    ) -> list[dict[str, Any]]:
        """One fresh interpreter state per module."""
        units = [{"module": m.name, "kind": "import", "tasks": [import_task(m)]} for m in modules]
        return self._run(units, registry or self.registry, self.timeout)

    def in_order(
        self, modules: Sequence[TestModule], registry: Registry | None = None
    ) -> list[dict[str, Any]]:
        """Every module in one process, in pytest's order."""
        if not modules:
            return []
        unit = {
            "module": modules[0].name,
            "kind": "import",
            "tasks": [import_task(m) for m in modules],
        }
        timeout = self.timeout * max(1, len(modules))
        return self._run([unit], registry or self.registry, timeout)

    def prove(self, registry: Registry, indexes: Sequence[int]) -> list[dict[str, Any]]:
        """The validator's alias check (identity through the shims) for the given aliases."""
        units = [
            {
                "module": registry.aliases[index].new.module,
                "tasks": [
                    {
                        "type": "alias",
                        "entry": str(registry.aliases[index].old),
                        "line": None,
                        "index": index,
                    }
                ],
            }
            for index in indexes
        ]
        return self._run(units, registry, self.timeout)
