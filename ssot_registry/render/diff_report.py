"""The `diff` report for people (text), machines (JSON) and GitHub Actions annotations."""

from __future__ import annotations

import json

from ssot_registry.diff import DiffFinding, DiffReport

__all__ = ["render_diff_github", "render_diff_json", "render_diff_text"]


def _summary(report: DiffReport) -> str:
    missing = sum(f.code == "SSOT301" for f in report.findings)
    dropped = sum(f.code == "SSOT302" for f in report.findings)
    covered = len(report.covered)
    return (
        f"diff {report.ref}: {report.modules_before} public modules and {report.names_before} "
        f"names before, {report.modules_now} modules now; {covered} "
        f"removal{'' if covered == 1 else 's'} covered by the registry, {missing} not (SSOT301), "
        f"{dropped} {'entry' if dropped == 1 else 'entries'} dropped early (SSOT302)"
    )


def _where(finding: DiffFinding) -> str:
    return f"{finding.file}:{finding.line}" if finding.line else finding.file


def render_diff_text(report: DiffReport) -> str:
    """One `file:line: CODE message` per finding with its proposal, errors, then the summary."""
    lines = []
    for finding in report.findings:
        lines.append(f"{_where(finding)}: {finding.code} {finding.message}")
        if finding.proposal is not None:
            lines += [f"    # {evidence}" for evidence in finding.proposal.evidence]
            lines += [f"    {line}" for line in finding.proposal.toml.splitlines()]
    lines += [f"error: {error}" for error in report.errors]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def render_diff_json(report: DiffReport) -> str:
    """One JSON object: the summary, the findings with their proposals, the errors."""
    data = {
        "ref": report.ref,
        "ok": report.ok,
        "summary": {
            "modules_before": report.modules_before,
            "modules_now": report.modules_now,
            "names_before": report.names_before,
            "covered": len(report.covered),
            "findings": len(report.findings),
        },
        "findings": [
            {
                "code": f.code,
                "path": f.path,
                "kind": f.kind,
                "file": f.file,
                "line": f.line,
                "message": f.message,
                "proposal": None
                if f.proposal is None
                else {
                    "kind": f.proposal.kind,
                    "toml": f.proposal.toml,
                    "evidence": list(f.proposal.evidence),
                },
            }
            for f in report.findings
        ],
        "covered": report.covered,
        "errors": report.errors,
    }
    return json.dumps(data, ensure_ascii=False) + "\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_diff_github(report: DiffReport) -> str:
    """One `::error` annotation per finding, at the file and line it names."""
    lines = []
    for finding in report.findings:
        line = f",line={finding.line}" if finding.line else ""
        proposal = f"\n{finding.proposal.toml}" if finding.proposal is not None else ""
        lines.append(
            f"::error file={_property(finding.file)}{line},title={finding.code}::"
            f"{_data(finding.message + proposal)}"
        )
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"
