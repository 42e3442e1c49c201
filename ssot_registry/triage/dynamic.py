"""Import the modules with the validator's workers (its `import` task kind) and read the result.

Isolated: one unit per module, each forked from a warm worker (fresh
interpreter state per module, timeouts and crash containment of `check`);
the unit imports the module's conftest files first, then the module, each
with its folder first on `sys.path` (pytest's `prepend` mode). `--no-isolate`:
one unit holding every module, imported in pytest's order in one process
(what pytest itself sees).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ssot_registry.registry import Registry
from ssot_registry.registry.check_table import CheckSettings
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Failure, TestModule
from ssot_registry.validator import records
from ssot_registry.validator.pool import run_isolated, run_together
from ssot_registry.validator.warmup import parent_packages

__all__ = ["Importer", "failure_from_cause", "failure_of", "preimports", "warm_start"]

_MISSING_MODULE = re.compile(r"^ModuleNotFoundError: No module named '([^']+)'")
_MISSING_NAME = re.compile(r"^ImportError: cannot import name '([^']+)' from '([^']+)'")


def _tasks(module: TestModule) -> tuple[records.Task, ...]:
    """The conftest files above the module (outermost first), then the module."""
    conftests = tuple(
        records.import_task(name, f"{module.name} (conftest {file})", (folder,))
        for name, folder, file in module.conftests
    )
    return (*conftests, records.import_task(module.name, module.name, (module.folder,)))


def failure_of(module: str, outcomes: Sequence[records.Outcome]) -> Failure | None:
    """The module's failure (its conftests' first, then its own), typed from the outcomes."""
    failed = next((o for o in outcomes if not o.ok), None)
    if failed is None:
        return None
    return failure_from_cause(module, failed.code or "SSOT010", failed.cause, failed.message)


def failure_from_cause(
    module: str, code: str, cause: records.Cause | None, message: str = ""
) -> Failure:
    """A typed failure from the validator's located cause (the error text names what is
    missing: `No module named 'x'`, `cannot import name 'n' from 'm'`)."""
    error = cause.error if cause is not None else message
    missing = _MISSING_MODULE.match(error)
    name = _MISSING_NAME.match(error)
    return Failure(
        module=module,
        code=code,
        error=error,
        cause_module=cause.module if cause is not None else module,
        file=cause.file if cause is not None else None,
        line=cause.line if cause is not None else None,
        exception=error.partition(":")[0] if code == "SSOT010" else "",
        missing_module=missing[1] if missing else None,
        missing_name=name[1] if name else None,
        from_module=name[2] if name else None,
    )


def preimports(index: StaticIndex, roots: frozenset[str]) -> tuple[str, ...]:
    """Modules outside the project that its sources import at the top: warm-worker imports."""
    found = {
        statement.module
        for info in index.modules.values()
        for statement in info.imports
        if not statement.nested and not statement.typing and statement.module
    }
    return tuple(sorted(n for n in found if n.partition(".")[0] not in roots and n != "__future__"))


def warm_start(
    modules: Sequence[TestModule], index: StaticIndex, settings: CheckSettings | None = None
) -> records.Warm:
    """Folder listings, the conftest files (when one file per name) and the project packages
    whose submodules the modules import: what every child would do first anyway."""
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
    folders = {os.path.dirname(info.file) for info in index.modules.values()}
    folders.update(module.folder for module in modules)
    imports = [
        records.import_task(name, name, (folder,))
        for name, folder, _ in (
            next(iter(found)) for found in conftests.values() if len(found) == 1
        )
    ]
    imports += [
        task
        for task in parent_packages(wanted)
        if task.module in index.modules and index.modules[task.module].package
    ]
    settings = settings or CheckSettings()
    return records.Warm(tuple(sorted(folders)), tuple(imports), settings.setup, settings.env)


@dataclass
class Importer:
    """Runs `import` units on the validator's pool with one registry and search path."""

    registry: Registry
    search_path: list[str]
    roots: frozenset[str]
    preimport: tuple[str, ...]
    jobs: int
    timeout: float
    warm: records.Warm | None = None

    def _config(self, registry: Registry, timeout: float) -> records.WorkerConfig:
        return records.WorkerConfig(
            tuple(self.search_path),
            self.roots,
            timeout,
            self.preimport,
            registry,
            shims=True,
            warm=self.warm,
        )

    def _run(
        self, units: list[records.Unit], registry: Registry, timeout: float
    ) -> list[records.Outcome]:
        method = "fork" if hasattr(os, "fork") else "spawn"
        jobs = max(1, min(self.jobs, len(units)))
        return run_isolated(units, self._config(registry, timeout), jobs=jobs, method=method)

    def isolated(
        self, modules: Sequence[TestModule], registry: Registry | None = None
    ) -> dict[str, Failure | None]:
        """One fresh interpreter state per module: its failure, or None when it imports."""
        units = [records.Unit(m.name, _tasks(m)) for m in modules]
        return self._read(modules, self._run(units, registry or self.registry, self.timeout))

    def in_order(
        self, modules: Sequence[TestModule], registry: Registry | None = None
    ) -> dict[str, Failure | None]:
        """Every module in one process, in pytest's order."""
        if not modules:
            return {}
        unit = records.Unit(modules[0].name, tuple(t for m in modules for t in _tasks(m)))
        config = self._config(registry or self.registry, self.timeout * len(modules))
        return self._read(modules, run_together([unit], config))

    @staticmethod
    def _read(
        modules: Sequence[TestModule], outcomes: Sequence[records.Outcome]
    ) -> dict[str, Failure | None]:
        by_module: dict[str, list[records.Outcome]] = {}
        for outcome in outcomes:
            owner = outcome.task.entry.partition(" (conftest ")[0]
            by_module.setdefault(owner, []).append(outcome)
        return {m.name: failure_of(m.name, by_module.get(m.name, ())) for m in modules}

    def prove(self, registry: Registry, indexes: Sequence[int]) -> set[str]:
        """The `old` paths of the given aliases that give the identical object through the
        shims (the validator's alias check: identity; a warning attribution finding is fine)."""
        units = [
            records.Unit(
                registry.aliases[i].new.module, (records.alias_task(registry.aliases[i], i),)
            )
            for i in indexes
        ]
        return {
            o.task.entry
            for o in self._run(units, registry, self.timeout)
            if o.code is None or o.code == "SSOT033"
        }
