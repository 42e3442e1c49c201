"""The triage report as GitHub Actions annotations, one per root cause."""

from __future__ import annotations

from ssot_registry.render.check_github import _data, _property
from ssot_registry.render.check_text import display_path
from ssot_registry.render.triage_text import summary_line
from ssot_registry.triage.model import CLASSES, TriageReport

__all__ = ["render_github"]


def render_github(report: TriageReport) -> str:
    """`::error file=...,line=...,title=SSOT2xx ...::error (breaks N modules)` per root cause."""
    lines = []
    for cause in report.root_causes:
        where = f"file={_property(display_path(cause.file))}" if cause.file else ""
        if cause.file and cause.line:
            where += f",line={cause.line}"
        count = len(cause.modules)
        proposal = f"; proposal: {cause.proposal.toml}" if cause.proposal else ""
        text = f"{cause.error} (breaks {count} module{'' if count == 1 else 's'}){proposal}"
        title = f"title={cause.code} {CLASSES[cause.code]}"
        lines.append(f"::error {where}{',' if where else ''}{title}::{_data(text)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
