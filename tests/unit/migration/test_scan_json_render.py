"""The scan JSON renderer prints exactly what `json.dumps` of SPEC §10's object would."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ssot_registry.migration import FileError, Finding, ScanReport
from ssot_registry.render.scan_report import _by_old, render_findings_json

TEXT = st.text(max_size=12)
FINDINGS = st.builds(
    Finding,
    path=st.sampled_from(["a.py", "pkg/ü.py", 'we"ird\\path.py']),
    line=st.integers(1, 10**6),
    col=st.integers(1, 500),
    code=st.sampled_from(["SSOT101", "SSOT102", "SSOT103"]),
    old=st.sampled_from(["app.old", "app.mod:Thing"]),
    new=st.sampled_from(["app.new", "app.core:Thing"]),
    message=TEXT,
    fixable=st.booleans(),
    cell=st.none() | st.integers(1, 300),
)


def reference(report: ScanReport) -> str:
    """The same object built as dicts and encoded by the standard library."""
    by_old = {old: count for old, (_, count, _) in _by_old(report.findings).items()}
    payload = {
        "findings": [
            {
                "path": f.path,
                **({} if f.cell is None else {"cell": f.cell}),
                "line": f.line,
                "col": f.col,
                "code": f.code,
                "old": f.old,
                "new": f.new,
                "message": f.message,
                "fixable": f.fixable,
            }
            for f in report.findings
        ],
        "summary": {"files": report.files, "findings": len(report.findings), "by_old": by_old},
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
    }
    return json.dumps(payload) + "\n"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(FINDINGS, max_size=8),
    st.lists(st.builds(FileError, path=TEXT, message=TEXT), max_size=2),
    st.integers(0, 100),
)
def test_fast_json_equals_json_dumps(
    findings: list[Finding], errors: list[FileError], files: int
) -> None:
    """Any findings (unicode, quotes, backslashes, notebook cells, none) render byte-identically."""
    report = ScanReport(findings=findings, errors=errors, files=files)
    assert render_findings_json(report) == reference(report)
