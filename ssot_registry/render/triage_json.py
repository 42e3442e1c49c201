"""The triage report as the JSON object of SPEC section 11 (keys are a stable contract)."""

from __future__ import annotations

import json

from ssot_registry.triage.model import TriageCause, TriageReport

__all__ = ["render_json"]

Json = dict[str, object]


def _cause(cause: TriageCause) -> Json:
    proposal = cause.proposal
    return {
        "code": cause.code,
        "module": cause.module,
        "file": cause.file,
        "line": cause.line,
        "error": cause.error,
        "modules": list(cause.modules),
        "proposal": None
        if proposal is None
        else {
            "toml": proposal.toml,
            "confidence": proposal.confidence,
            "evidence": list(proposal.evidence),
        },
    }


def render_json(report: TriageReport) -> str:
    """One JSON object, indented, newline-terminated."""
    data: Json = {
        "modules": report.modules,
        "importable": report.importable,
        "root_causes": [_cause(cause) for cause in report.root_causes],
        "after": None if report.after is None else {"importable": report.after},
    }
    return json.dumps(data, indent=2) + "\n"
