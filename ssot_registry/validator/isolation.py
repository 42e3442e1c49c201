"""Import arbitrary modules in isolation: the worker pool for other commands (triage, adopt).

`import_modules(["app.a", "app.b"], sys_path=[...])` imports each module in
a fresh interpreter state (a fork of a warm worker, or a fresh interpreter)
and returns one `Outcome` per module, in the order given: `ok`, or SSOT010
with the located root cause (`outcome.cause`: module, file, line, error,
import chain), SSOT013 (timed out) or SSOT014 (crashed or exited). Nothing
the imported code prints reaches this process, and nothing it starts
outlives the call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ssot_registry.registry import Registry
from ssot_registry.validator.plan import preimports
from ssot_registry.validator.pool import WorkerPool, run_isolated
from ssot_registry.validator.records import Outcome, Unit, WorkerConfig, import_task
from ssot_registry.validator.run import cpus

__all__ = ["import_modules"]


def import_modules(
    modules: Sequence[str],
    *,
    sys_path: Sequence[str],
    roots: Iterable[str] | None = None,
    registry: Registry | None = None,
    shims: bool = False,
    jobs: int | None = None,
    timeout: float = 30.0,
    method: str = "fork",
) -> list[Outcome]:
    """Import each module in isolation; one Outcome per module, in the order given.

    `sys_path` is what the workers see; `roots` are the top-level names of the
    application (frames of other code are never a root cause; default: the
    top-level names of `modules`); a `registry` names the `[requires]`
    distribution of a missing module, and with `shims=True` its shims are
    installed before each import. `method` is `fork` (warm workers) or `spawn`.
    """
    names = list(dict.fromkeys(modules))
    if not names:
        return []
    top = frozenset(roots if roots is not None else (m.partition(".")[0] for m in names))
    path = list(sys_path)
    config = WorkerConfig(tuple(path), top, timeout, tuple(preimports(top, path)), registry, shims)
    units = [Unit(name, (import_task(name),)) for name in names]
    jobs = max(1, min(jobs or cpus(), len(units)))
    pool = WorkerPool(jobs, timeout) if method == "fork" else None
    outcomes = run_isolated(units, config, jobs=jobs, method=method, pool=pool)
    order = {name: index for index, name in enumerate(names)}
    return sorted(outcomes, key=lambda outcome: order[outcome.task.module])
