"""The check report as GitHub Actions annotations: `::error file=...,line=...::message`."""

from __future__ import annotations

from ssot_registry.render.check_text import display_path
from ssot_registry.validator.report import CheckReport

__all__ = ["render_github"]


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport) -> str:
    """One `::error` line per finding (at the registry line) and per root cause (at its line)."""
    registry = _property(display_path(report.source))
    lines = []
    for cause in report.root_causes:
        if cause.file:
            count = len(cause.entries)
            lines.append(
                f"::error file={_property(display_path(cause.file))},line={cause.line},"
                f"title=root cause::{_data(cause.error)} (breaks {count} registry "
                f"{'entry' if count == 1 else 'entries'})"
            )
    for result in report.failures:
        line = f",line={result.line}" if result.line else ""
        lines.append(
            f"::error file={registry}{line},title={result.code}::"
            f"{_data(f'{result.kind} {result.entry}: {result.message}')}"
        )
    lines.append(
        f"ssot-registry check: {report.total} entries, {report.passed} passed, "
        f"{report.failed} failed"
    )
    return "\n".join(lines) + "\n"
