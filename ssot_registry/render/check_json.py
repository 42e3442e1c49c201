"""The check report as the JSON object of SPEC section 5 (keys are a stable contract)."""

from __future__ import annotations

import json
from typing import Any

from ssot_registry.validator.report import CheckReport

__all__ = ["render_json", "report_data"]


def report_data(report: CheckReport) -> dict[str, Any]:
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
