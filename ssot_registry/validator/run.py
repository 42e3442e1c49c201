"""`check`: the use case that proves a registry (SPEC section 5), from file to report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ssot_registry.exceptions import Problem
from ssot_registry.registry import Registry
from ssot_registry.registry.check_table import read_check
from ssot_registry.validator.causes import group_root_causes
from ssot_registry.validator.findings import file_findings, version_findings
from ssot_registry.validator.plan import (
    application_roots,
    in_shard,
    plan_units,
    preimports,
    search_path,
)
from ssot_registry.validator.pool import WorkerPool, run_isolated, run_together
from ssot_registry.validator.records import Outcome, Warm, WorkerConfig
from ssot_registry.validator.report import CheckReport, EntryResult
from ssot_registry.validator.requirements import check_requirement
from ssot_registry.validator.warmup import parent_packages

__all__ = ["check", "cpus"]

_IMPORT_FAILURES = frozenset({"SSOT010", "SSOT013", "SSOT014"})


def cpus() -> int:
    """CPUs this process may run on (a container's limit, not the host's count)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _validate_options(shard: tuple[int, int] | None, method: str | None, timeout: float) -> None:
    if shard is not None and not 1 <= shard[0] <= shard[1]:
        raise ValueError(f"shard {shard[0]}/{shard[1]}: I must be between 1 and N")
    if method not in (None, "fork", "spawn"):
        raise ValueError(f"method {method!r}: expected 'fork' or 'spawn'")
    if timeout <= 0:
        raise ValueError(f"timeout {timeout:g}: must be greater than 0")


def _problems(registry: Registry | str | os.PathLike[str]) -> tuple[Registry, list[Problem]]:
    """The registry, read once, and its SSOT002-005 findings (RegistryError for SSOT001)."""
    from ssot_registry.registry.static_checks import find_problems

    if isinstance(registry, Registry):
        return registry, find_problems(registry)
    from ssot_registry.registry.loader import load_with_findings

    return load_with_findings(Path(registry))


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
    mechanism (`fork`, the default where available, or `spawn`). With
    `isolate=False` every import runs in one separate process (a fork of this
    one where possible), so imported code cannot touch this process.
    """
    _validate_options(shard, method, timeout)
    registry, problems = _problems(registry)
    found = file_findings(registry, problems, shard)
    units = plan_units(registry, shard, found.skip)
    chosen = method or ("fork" if hasattr(os, "fork") else "spawn")
    jobs = max(1, min(jobs or cpus(), len(units)))
    # warm workers start now and import this library while the plan is finished here
    pool = WorkerPool(jobs, timeout) if isolate and chosen == "fork" and units else None
    try:
        settings = read_check(registry.source)  # [check]: setup, env, path (SPEC section 15)
        path = search_path((*settings.path, *paths), registry.source)
        warm = Warm(
            tuple(path), parent_packages(u.module for u in units), settings.setup, settings.env
        )
        results = list(found.results)
        results += [
            check_requirement(requirement, path)
            for name, requirement in registry.requires.items()
            if in_shard(f"requirement::{name}", shard)
        ]
        roots = application_roots(registry)
        if isolate:
            config = WorkerConfig(
                tuple(path), roots, timeout, tuple(preimports(roots, path)), registry, warm=warm
            )
            outcomes = run_isolated(units, config, jobs=jobs, method=chosen, pool=pool)
        else:
            config = WorkerConfig(tuple(path), roots, None, (), registry, warm=warm)
            outcomes = run_together(units, config)
    finally:
        if pool is not None:
            pool.close()
    return _report(registry, results, outcomes, version_findings(registry, path, shard))


def _entry_order(registry: Registry) -> dict[tuple[str, str], int]:
    keys = [("symbol", name) for name in registry.symbols]
    keys += [("alias", str(old)) for old in registry.iter_alias_olds()]
    return {key: index for index, key in enumerate(keys)}


def one_row_per_finding(results: Iterable[EntryResult]) -> tuple[EntryResult, ...]:
    """SPEC section 10: an entry with findings has no `ok` row; one without has exactly one."""
    rows = list(results)
    failing = {row.key for row in rows if row.status == "fail"}
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row.status == "ok":
            if row.key in failing or row.key in seen:
                continue
            seen.add(row.key)
        kept.append(row)
    return tuple(kept)


def _report(
    registry: Registry,
    head: list[EntryResult],
    outcomes: list[Outcome],
    tail: list[EntryResult],
) -> CheckReport:
    """File findings and requirements, every checked entry in registry order, then SSOT032."""
    order = _entry_order(registry)
    outcomes.sort(key=lambda o: order.get((o.task.kind, o.task.entry), len(order)))
    checked = [outcome.result() for outcome in outcomes]
    causes = group_root_causes(
        (result, outcome.cause)
        for result, outcome in zip(checked, outcomes, strict=True)
        if result.code in _IMPORT_FAILURES and outcome.cause is not None
    )
    rows = one_row_per_finding([*head, *checked, *tail])
    source = str(registry.source) if registry.source is not None else None
    return CheckReport(registry.name, rows, causes, source)
