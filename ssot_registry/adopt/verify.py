"""`adopt --verify`: prove each adopted entry by importing old and new in a fresh interpreter.

One interpreter per old module (so one shim module's imports never help another's),
`--jobs` at a time, each killed at `--timeout`; only entries whose old path gives the
identical object today (or, for `mode = "wrap"`, a proxy or subclass of it) are kept,
the others become SSOT402 with the reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ssot_registry.adopt.model import AdoptReport, Proposal, Unverified
from ssot_registry.registry import Registry
from ssot_registry.validator.plan import search_path

__all__ = ["verify"]

_WORKER = "from ssot_registry.adopt.verify_worker import main; main()"


def _kind(proposal: Proposal) -> str:
    if proposal.removed_in is not None:
        return "tombstone"
    if proposal.old.is_module:
        return "module"
    return "wrap" if proposal.mode == "wrap" else "attribute"


def _run(
    unit: list[Proposal], path: list[str], timeout: float, scratch: Path, number: int
) -> list[tuple[bool, str]]:
    unit_file, result_file = scratch / f"unit-{number}.json", scratch / f"result-{number}.json"
    entries = [{"old": str(p.old), "new": str(p.new), "kind": _kind(p)} for p in unit]
    unit_file.write_text(json.dumps({"sys_path": path, "entries": entries}), encoding="utf-8")
    module = unit[0].old.module
    try:
        completed = subprocess.run(
            [sys.executable, "-c", _WORKER, str(unit_file), str(result_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [(False, f"importing {module} did not finish within {timeout:g} s (killed)")] * len(
            unit
        )
    try:
        results = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        why = f"importing {module} exited the interpreter with status {completed.returncode}"
        return [(False, why)] * len(unit)
    return [(bool(r["ok"]), str(r["why"])) for r in results]


def verify(
    report: AdoptReport,
    registry: Registry | None,
    *,
    timeout: float = 30.0,
    jobs: int | None = None,
) -> None:
    """Keep the added entries whose old path gives the identical object; move the rest to
    `report.unverified` (SSOT402)."""
    report.verified = True
    units: dict[str, list[Proposal]] = {}
    for proposal in report.added:
        units.setdefault(proposal.old.module, []).append(proposal)
    if not units:
        return
    folder = registry.source.parent if registry is not None and registry.source else None
    path = search_path((), folder)
    workers = max(1, min(jobs or 2, len(units)))
    with (
        tempfile.TemporaryDirectory(prefix="ssot-adopt-") as scratch,
        ThreadPoolExecutor(workers) as executor,
    ):
        batches = list(
            executor.map(
                lambda item: _run(item[1], path, timeout, Path(scratch), item[0]),
                enumerate(units.values()),
            )
        )
    verdicts = {
        id(proposal): verdict
        for unit, batch in zip(units.values(), batches, strict=True)
        for proposal, verdict in zip(unit, batch, strict=True)
    }
    kept = []
    for proposal in report.added:
        ok, why = verdicts[id(proposal)]
        if ok:
            kept.append(proposal)
        else:
            report.unverified.append(Unverified(proposal, why))
    report.added = kept
