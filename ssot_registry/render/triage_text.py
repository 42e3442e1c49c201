"""The triage report for people: root causes (most modules broken first), then one summary."""

from __future__ import annotations

from ssot_registry.render.check_text import display_path, shorten
from ssot_registry.triage.model import CLASSES, TriageCause, TriageReport

__all__ = ["render_text", "summary_line"]

_SHOWN_MODULES = 5


def _cause(cause: TriageCause) -> list[str]:
    where = (
        f"{display_path(cause.file)}:{cause.line}"
        if cause.file and cause.line
        else (display_path(cause.file) if cause.file else cause.module)
    )
    proposal = cause.proposal
    sure = f" [{proposal.confidence}]" if proposal is not None else ""
    lines = [f"{cause.code} {CLASSES[cause.code]}{sure}: {where}", f"  {shorten(cause.error)}"]
    if proposal is not None:
        lines += [f"  evidence: {shorten(item)}" for item in proposal.evidence]
        label = "proposal" if proposal.applicable else "proposal (review, not applied)"
        lines.append(f"  {label}:")
        lines += [f"    {line}" for line in proposal.toml.splitlines()]
    if cause.advice:
        lines.append(f"  fix: {shorten(cause.advice)}")
    count = len(cause.modules)
    listed = ", ".join(cause.modules[:_SHOWN_MODULES])
    more = f", ... ({count - _SHOWN_MODULES} more)" if count > _SHOWN_MODULES else ""
    lines.append(f"  breaks {count} module{'' if count == 1 else 's'}: {listed}{more}")
    return lines


def summary_line(report: TriageReport) -> str:
    """`triage: 1358 modules, 27 importable, 7 root causes, 6 with a proposal`."""
    return (
        f"triage: {report.modules} modules, {report.importable} importable, "
        f"{len(report.root_causes)} root causes, {report.with_proposal} with a proposal"
    )


def render_text(report: TriageReport) -> str:
    """Root causes first, then the summary and the measured `before -> after`."""
    lines: list[str] = []
    for cause in report.root_causes:
        lines += [*_cause(cause), ""]
    lines.append(summary_line(report))
    if report.after is not None:
        lines.append(
            f"importable: {report.importable} of {report.modules} -> "
            f"{report.after} of {report.modules} with the proposals"
        )
    return "\n".join(lines) + "\n"
