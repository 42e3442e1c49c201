"""The validator: prove that every registry entry imports, resolves and is installed.

`check(registry)` (run.py) runs, in order: the file's findings (SSOT002-005),
requirements (SSOT020-021), every symbol (SSOT010-014) and every alias
through the real installed shims (SSOT030-033), and groups import failures
by root cause. `[[external]]` entries are never imported.

Layout: `records` (the typed messages: tasks, outcomes, causes, worker
config), `plan` (units, shards, search path), `pool` and `worker` (isolated
workers over `wire` frames; `processes` ends whatever checked code started),
`probe` (the checks inside a worker), `causes` (root causes), `findings`
(checks without imports), `requirements`, `report` (the report model),
`isolation` (import arbitrary modules in isolation, for triage and adopt).
"""

from __future__ import annotations

from ssot_registry.validator.report import CheckReport, EntryResult, RootCause
from ssot_registry.validator.run import check

__all__ = ["CheckReport", "EntryResult", "RootCause", "check"]
