"""`adopt --verify`: prove each adopted entry by importing old and new in isolation.

Each entry becomes a tiny probe module (in a scratch folder) that calls
`verify_worker.prove(old, new, kind)`; the validator's `import` task runs the probes in
its warm forked workers (`validator.isolation.import_modules`), with its timeouts and
crash containment. An entry is kept when its probe imports: the old path gives the
identical object today (or, for `mode = "wrap"`, a proxy or subclass of it; for a
tombstone, the old path fails). The others become SSOT402 with the reason.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ssot_registry.adopt.model import AdoptReport, Proposal, Unverified
from ssot_registry.registry import Registry
from ssot_registry.validator.isolation import import_modules
from ssot_registry.validator.plan import search_path

__all__ = ["verify"]

_PROBE = "from ssot_registry.adopt.verify_worker import prove\nprove({old!r}, {new!r}, {kind!r})\n"
_PREFIX = "_ssot_adopt_verify_"
_RAISED = "NotIdenticalError: "


def _kind(proposal: Proposal) -> str:
    if proposal.removed_in is not None:
        return "tombstone"
    if proposal.old.is_module:
        return "module"
    return "wrap" if proposal.mode == "wrap" else "attribute"


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
    if not report.added:
        return
    roots = {p.old.module.partition(".")[0] for p in report.added}
    roots |= {p.new.module.partition(".")[0] for p in report.added}
    with tempfile.TemporaryDirectory(prefix="ssot-adopt-") as scratch:
        names = []
        for number, proposal in enumerate(report.added):
            name = f"{_PREFIX}{number}"
            probe = _PROBE.format(
                old=str(proposal.old), new=str(proposal.new), kind=_kind(proposal)
            )
            Path(scratch, f"{name}.py").write_text(probe, encoding="utf-8")
            names.append(name)
        source = registry.source if registry is not None else None
        outcomes = import_modules(
            names,
            sys_path=[scratch, *search_path((), source)],
            roots={*roots, *names},
            registry=registry,  # names the [requires] distribution of a missing module
            jobs=jobs,
            timeout=timeout,
        )
    kept = []
    for proposal, name, outcome in zip(report.added, names, outcomes, strict=True):
        if outcome.ok:
            kept.append(proposal)
            continue
        why = outcome.cause.error if outcome.cause is not None else outcome.message
        why = why.partition(_RAISED)[2] if why.startswith(_RAISED) else why
        report.unverified.append(
            Unverified(proposal, why.replace(name, f"the check of {proposal.old}"))
        )
    report.added = kept
