"""Warm-up for `import` tasks: done once in the warm worker, inherited by every forked child.

First the `[check]` table (SPEC section 15): its `env` is set and its
`setup` callable runs; when the setup fails, every unit of this worker
answers one SSOT015 with the setup's located root cause instead of being
imported. Then what a fresh interpreter would do first anyway: a child that
imports `pkg.sub.mod` lists the folders on `sys.path` and runs
`pkg/__init__.py` and `pkg/sub/__init__.py` first; pytest imports every
`conftest.py` before any test module. Doing that once before forking changes
nothing a child would see, and saves each child the work. A warm-up import
that fails is left for the children to meet and report.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import io
import os
from collections.abc import Iterable

from ssot_registry.registry import ImportPath
from ssot_registry.validator.causes import describe_failure
from ssot_registry.validator.probe import prepend
from ssot_registry.validator.records import (
    Cause,
    Outcome,
    Task,
    Unit,
    Warm,
    WorkerConfig,
    failed,
    import_task,
)

__all__ = ["parent_packages", "setup_outcomes", "warm_up"]

_SETUP_FAILURE: list[Cause] = []  # set in the warm worker, inherited by its children


def _call(path: ImportPath) -> None:
    value: object = importlib.import_module(path.module)
    for part in (path.qualname or "").split("."):
        value = getattr(value, part)
    if not callable(value):
        raise TypeError(f"[check] setup {path} is not callable")
    value()


def _run_setup(setup: str, config: WorkerConfig) -> None:
    path = ImportPath.parse(setup)
    try:
        _call(path)
    except BaseException as error:  # any failure is the one SSOT015
        _SETUP_FAILURE[:] = [describe_failure(error, path.module, config.registry, config.roots)]


def warm_up(warm: Warm, config: WorkerConfig, *, imports: bool = True) -> int:
    """Set up as `warm` says (without `imports`, only `env` and the setup: a cold worker or
    `--no-isolate`); return how many warm-up imports succeeded."""
    os.environ.update(dict(warm.env))
    done = 0
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        if warm.setup is not None:
            _run_setup(warm.setup, config)
        if not imports:
            return 0
        for folder in warm.folders:
            importlib.machinery.PathFinder.find_spec("__ssot_registry_warm__", [folder])
        for task in warm.imports if not _SETUP_FAILURE else ():
            prepend(task)
            try:
                importlib.import_module(task.module)
            except BaseException:  # noqa: S112 - a child meets it again and reports it
                continue
            done += 1
    return done


def setup_outcomes(unit: Unit) -> list[Outcome] | None:
    """Every task of `unit` failed by the `[check]` setup (SSOT015), or None when it ran."""
    if not _SETUP_FAILURE:
        return None
    cause = _SETUP_FAILURE[0]
    where = f" at {cause.file}:{cause.line}" if cause.file else ""
    message = f"the [check] setup failed: {cause.error}{where}"
    return [failed(task, "SSOT015", message, cause) for task in unit.tasks]


def parent_packages(modules: Iterable[str]) -> tuple[Task, ...]:
    """Import tasks for the packages above `modules`, outermost first: what a fresh
    interpreter runs before any of them (`pkg`, `pkg.sub` for `pkg.sub.mod`)."""
    names = {
        ".".join(parts[:end])
        for parts in (module.split(".") for module in modules)
        for end in range(1, len(parts))
    }
    return tuple(import_task(name) for name in sorted(names, key=lambda n: (n.count("."), n)))
