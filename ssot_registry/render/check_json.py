"""The check report as the JSON object of SPEC section 5 (keys are a stable contract)."""

from __future__ import annotations

import json
from typing import TypedDict

from ssot_registry.validator.report import CheckReport

__all__ = ["ReportData", "render_json", "report_data"]


class SummaryData(TypedDict):
    """`summary`: entries checked, passed and failed."""

    total: int
    passed: int
    failed: int


class RootCauseData(TypedDict):
    """One of `root_causes`: the failing module and line, and the entries it breaks."""

    module: str
    file: str | None
    line: int | None
    error: str
    entries: list[str]


class ResultData(TypedDict):
    """One of `results`: an entry's outcome (a finding's code and message when it failed)."""

    entry: str
    kind: str  # "symbol", "alias", "requirement" or "registry"
    status: str  # "ok" or "fail"
    code: str | None
    message: str
    line: int | None


class ReportData(TypedDict):
    """The whole JSON object of one report."""

    registry: str
    ok: bool
    summary: SummaryData
    root_causes: list[RootCauseData]
    results: list[ResultData]


def report_data(report: CheckReport) -> ReportData:
    """The report as plain data with exactly the documented keys."""
    return {
        "registry": report.source or report.registry,
        "ok": report.ok,
        "summary": {"total": report.total, "passed": report.passed, "failed": report.failed},
        "root_causes": [
            {
                "module": cause.module,
                "file": cause.file,
                "line": cause.line,
                "error": cause.error,
                "entries": list(cause.entries),
            }
            for cause in report.root_causes
        ],
        "results": [
            {
                "entry": result.entry,
                "kind": result.kind,
                "status": result.status,
                "code": result.code,
                "message": result.message,
                "line": result.line,
            }
            for result in report.results
        ],
    }


def render_json(report: CheckReport) -> str:
    """One JSON object, indented, newline-terminated."""
    return json.dumps(report_data(report), indent=2) + "\n"
