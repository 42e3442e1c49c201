"""The validator: prove that every registry entry imports, resolves and is installed.

`check(registry)` runs, in order: the file's findings (SSOT002-005),
requirements (SSOT020-021), every symbol (SSOT010-014) and every alias
through the real installed shims (SSOT030-033), and groups import failures
by root cause. `[[external]]` entries are never imported.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Registry, find_problems, load, read
from ssot_registry.validator.causes import group_root_causes
from ssot_registry.validator.plan import (
    application_roots,
    in_shard,
    plan_units,
    preimports,
    search_path,
)
from ssot_registry.validator.pool import WorkerPool, run_isolated
from ssot_registry.validator.probe import run_units
from ssot_registry.validator.report import CheckReport, EntryResult, RootCause
from ssot_registry.validator.requirements import check_requirement, installed_version

__all__ = ["CheckReport", "EntryResult", "RootCause", "check"]

_IMPORT_FAILURES = frozenset({"SSOT010", "SSOT013", "SSOT014"})


def _now(registry: Registry, path: list[str]) -> Version | None:
    """The registry's current version: `[registry] version`, else the distribution's."""
    text = registry.meta.version
    if text is None and registry.meta.distribution:
        text = installed_version(registry.meta.distribution, path)
    try:
        return Version(text) if text else None
    except InvalidVersion:
        return None


def _overdue(
    registry: Registry, path: list[str], shard: tuple[int, int] | None
) -> list[EntryResult]:
    now = _now(registry, path)
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


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    """Send whatever imported code prints (through sys.stdout or straight to fd 1 and 2)
    to nowhere, so that it cannot corrupt a report written to stdout."""
    sink = io.StringIO()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    try:
        saved = [os.dup(1), os.dup(2)]
    except OSError:
        saved = []
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in (1, 2) if saved else ():
            os.dup2(devnull, fd)
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            yield
    finally:
        for fd, copy in zip((1, 2), saved, strict=False):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(devnull)


def _run_in_process(
    units: list[dict[str, Any]], registry: Registry, roots: frozenset[str], path: list[str]
) -> list[dict[str, Any]]:
    saved = list(sys.path)
    sys.path[:] = path
    gc.freeze()  # the checker's own objects need no collecting while the application imports
    try:
        with _silenced():
            return run_units(units, registry, roots)
    finally:
        sys.path[:] = saved
        gc.unfreeze()


def _entry_order(registry: Registry) -> dict[tuple[str, str], int]:
    keys = [("symbol", name) for name in registry.symbols]
    keys += [("alias", str(old)) for old in registry.iter_alias_olds()]
    return {key: index for index, key in enumerate(keys)}


def check(
    registry: Registry | str | os.PathLike[str],
    *,
    isolate: bool = True,
    jobs: int | None = None,
    timeout: float = 30.0,
    paths: Sequence[str | os.PathLike[str]] = (),
    shard: tuple[int, int] | None = None,
    method: str | None = None,
) -> CheckReport:
    """Check a registry (or registry file) and return the report; never prints or exits.

    Raises RegistryError when the file cannot be used (SSOT001). `paths` are
    extra import roots for the checked code (`--path DIR`); `shard=(I, N)`
    checks a deterministic 1/N of the entries; `method` picks the isolation
    mechanism (`fork`, the default where available, or `spawn`).
    """
    if not isinstance(registry, Registry):
        registry = _read(Path(registry))
    if shard is not None and not 1 <= shard[0] <= shard[1]:
        raise ValueError(f"shard {shard[0]}/{shard[1]}: I must be between 1 and N")
    if method not in (None, "fork", "spawn"):
        raise ValueError(f"method {method!r}: expected 'fork' or 'spawn'")
    if timeout <= 0:
        raise ValueError(f"timeout {timeout:g}: must be greater than 0")
    units = plan_units(registry, shard)
    chosen = method or ("fork" if hasattr(os, "fork") else "spawn")
    jobs = max(1, min(jobs or _cpus(), len(units)))
    # warm workers start now and import this library while the plan is finished here
    pool = WorkerPool(jobs, timeout) if isolate and chosen == "fork" and units else None
    try:
        path = search_path(paths, registry.source.parent if registry.source else None)
        results = _file_findings(registry, shard)
        results += [
            check_requirement(requirement, path)
            for name, requirement in registry.requires.items()
            if in_shard(f"requirement::{name}", shard)
        ]
        roots = application_roots(registry)
        if isolate:
            config = {
                "registry": registry,
                "roots": sorted(roots),
                "sys_path": path,
                "preimport": preimports(roots, path),
            }
            outcomes = run_isolated(
                units, config, jobs=jobs, timeout=timeout, method=chosen, pool=pool
            )
        else:
            outcomes = _run_in_process(units, registry, roots, path)
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    return _report(registry, results, outcomes, _overdue(registry, path, shard))


def _cpus() -> int:
    """CPUs this process may run on (a container's limit, not the host's count)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _read(path: Path) -> Registry:
    """The registry at `path`: from the compiled cache when it is clean, else validated for
    SSOT001 only (SSOT002-005 become findings)."""
    try:
        return load(path)
    except RegistryError as error:
        if any(problem.code == "SSOT001" for problem in error.errors):
            raise
    return read(path)


def _file_findings(registry: Registry, shard: tuple[int, int] | None) -> list[EntryResult]:
    """SSOT002-005 as results of the entry `registry` (reported by shard 1 only)."""
    if shard is not None and shard[0] != 1:
        return []
    return [
        EntryResult(
            "registry",
            "registry",
            "fail",
            problem.code,
            f"{problem.key}: {problem.message}" if problem.key else problem.message,
            problem.line,
        )
        for problem in find_problems(registry)
    ]


def _report(
    registry: Registry,
    results: list[EntryResult],
    outcomes: list[dict[str, Any]],
    overdue: list[EntryResult],
) -> CheckReport:
    order = _entry_order(registry)
    outcomes.sort(key=lambda o: order.get((o["kind"], o["entry"]), len(order)))
    entries = [
        (EntryResult(o["entry"], o["kind"], o["status"], o["code"], o["message"], o["line"]), o)
        for o in outcomes
    ]
    results += [result for result, _ in entries]
    results += overdue
    causes: tuple[RootCause, ...] = group_root_causes(
        (result, o["cause"])
        for result, o in entries
        if result.code in _IMPORT_FAILURES and o.get("cause")
    )
    source = str(registry.source) if registry.source is not None else None
    return CheckReport(registry.name, tuple(results), causes, source)
