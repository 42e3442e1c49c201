"""Scan and migrate results for people (text), machines (JSON) and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ssot_registry.migration import FileError, Finding, MigrationResult, ScanReport
from ssot_registry.render.terminal import Style

__all__ = [
    "render_findings_github",
    "render_findings_json",
    "render_findings_text",
    "render_migration_summary",
]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _by_old(findings: Sequence[Finding]) -> dict[str, tuple[str, int, set[str]]]:
    grouped: dict[str, tuple[str, int, set[str]]] = {}
    for finding in findings:
        new, count, files = grouped.get(finding.old, (finding.new, 0, set()))
        files.add(finding.path)
        grouped[finding.old] = (new, count + 1, files)
    return dict(sorted(grouped.items()))


def _summary(findings: Sequence[Finding], files: int) -> list[str]:
    """The closing lines: totals, then each deprecated path with its uses left and files."""
    if not findings:
        return [f"No deprecated paths found in {_plural(files, 'file')}."]
    paths = {finding.path for finding in findings}
    fixable = sum(finding.fixable for finding in findings)
    olds = _plural(len(_by_old(findings)), "deprecated path")
    lines = [
        f"Found {_plural(len(findings), 'use')} of {olds}"
        f" in {_plural(len(paths), 'file')} ({_plural(files, 'file')} scanned);"
        f" {fixable} rewritable by 'ssot-registry migrate --write'."
    ]
    for old, (new, count, used_in) in _by_old(findings).items():
        lines.append(
            f"  {old} -> {new}: {_plural(count, 'use')} left in {_plural(len(used_in), 'file')}"
        )
    return lines


def _error_lines(errors: Sequence[FileError], style: Style) -> list[str]:
    return [
        f"{style.paint(error.path, 'bold')}: {style.paint('error', 'red', 'bold')}: {error.message}"
        for error in errors
    ]


def _finding_line(finding: Finding, style: Style) -> str:
    """`path:line:col: CODE message`, path in bold and the code in red (as ruff prints)."""
    if not style.enabled:
        return str(finding)
    place = f"{style.paint(finding.path, 'bold')}:{finding.line}:{finding.col}:"
    return f"{place} {style.paint(finding.code, 'red', 'bold')} {finding.message}"


def render_findings_text(report: ScanReport, style: Style | None = None) -> str:
    """One `path:line:col: CODE message` line per finding, file errors, then the summary;
    coloured by `style` (plain by default)."""
    style = style or Style()
    lines = [_finding_line(finding, style) for finding in report.findings]
    lines.extend(_error_lines(report.errors, style))
    lines.extend(_summary(report.findings, report.files))
    return "\n".join(lines) + "\n"


def render_findings_json(report: ScanReport) -> str:
    """The scan as one JSON object (SPEC §10 "Scan JSON"), as `json.dumps` would print it.

    Findings share their path, paths and message strings, so each distinct
    string is encoded once and every finding is one formatted line: about
    twice as fast as encoding a list of dicts on large reports.
    """
    encoded: dict[str, str] = {}

    def text(value: str) -> str:
        found = encoded.get(value)
        if found is None:
            found = encoded[value] = json.dumps(value)
        return found

    findings = ", ".join(
        f'{{"path": {text(finding.path)}, {_cell(finding)}"line": {finding.line}, '
        f'"col": {finding.col}, '
        f'"code": {text(finding.code)}, "old": {text(finding.old)}, "new": {text(finding.new)}, '
        f'"message": {text(finding.message)}, "fixable": {"true" if finding.fixable else "false"}}}'
        for finding in report.findings
    )
    rest = json.dumps(
        {
            "summary": {
                "files": report.files,
                "findings": len(report.findings),
                "by_old": {old: count for old, (_, count, _) in _by_old(report.findings).items()},
            },
            "errors": [{"path": error.path, "message": error.message} for error in report.errors],
        }
    )
    return f'{{"findings": [{findings}], {rest[1:]}\n'


def _cell(finding: Finding) -> str:
    """The `"cell": N, ` member of a notebook's finding (as ruff's JSON has it), else nothing."""
    return "" if finding.cell is None else f'"cell": {finding.cell}, '


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_findings_github(report: ScanReport) -> str:
    """GitHub Actions `::error` workflow commands, one per finding and per unreadable file.

    A notebook's finding names its cell in the message: its lines are not the file's.
    """
    lines = [
        f"::error file={_escape_property(finding.path)},line={finding.line},col={finding.col},"
        f"title={finding.code}::{_escape_data(finding.message)}"
        if finding.cell is None
        else f"::error file={_escape_property(finding.path)},title={finding.code}::"
        f"{_escape_data(f'cell {finding.cell}:{finding.line}:{finding.col}: {finding.message}')}"
        for finding in report.findings
    ]
    lines.extend(
        f"::error file={_escape_property(error.path)},title=ssot-registry::"
        f"{_escape_data(error.message)}"
        for error in report.errors
    )
    return "\n".join(lines) + "\n" if lines else ""


def render_migration_summary(
    result: MigrationResult, *, write: bool, style: Style | None = None
) -> str:
    """What `migrate` did or would do, what needs a person, and files it could not handle."""
    style = style or Style()
    changed = len(result.diffs)
    lines = [_finding_line(finding, style) for finding in result.remaining]
    lines.extend(_error_lines(result.errors, style))
    if result.removed:
        removed = _plural(len(result.removed), "temporary file")
        lines.append(f"Removed {removed} left by an interrupted run.")
    if write:
        lines.append(f"Rewrote {_plural(len(result.written), 'file')}.")
    else:
        lines.append(
            f"Would rewrite {_plural(changed, 'file')}; run with --write to apply."
            if changed
            else "Nothing to rewrite."
        )
    if result.remaining:
        uses = _plural(len(result.remaining), "use")
        lines.append(f"{uses} of deprecated paths need a person (listed above).")
    return "\n".join(lines) + "\n"
