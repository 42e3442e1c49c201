"""The check report for people: root causes first, then every entry, then one summary line."""

from __future__ import annotations

import os

from ssot_registry.validator.report import CheckReport, RootCause

__all__ = ["display_path", "render_text"]

_SHOWN_ENTRIES = 10


def display_path(path: str | None) -> str:
    """`path` relative to the current directory when it lies below it."""
    if not path:
        return "<registry>"
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def shorten(text: str) -> str:
    """`text` with absolute paths below the current directory made relative."""
    return text.replace(os.path.join(os.getcwd(), ""), "")


def _root_cause(cause: RootCause) -> list[str]:
    where = f"{display_path(cause.file)}:{cause.line}" if cause.file else cause.module
    count = len(cause.entries)
    listed = ", ".join(cause.entries[:_SHOWN_ENTRIES])
    more = f", ... ({count - _SHOWN_ENTRIES} more)" if count > _SHOWN_ENTRIES else ""
    lines = [f"  {where}: {shorten(cause.error)}"]
    if cause.file:
        lines.append(f"    in module {cause.module}")
    if len(cause.chain) > 1:
        lines.append("    import chain: " + shorten(" -> ".join(cause.chain)))
    lines.append(f"    breaks {count} {'entry' if count == 1 else 'entries'}: {listed}{more}")
    return lines


def render_text(report: CheckReport) -> str:
    """The whole report as text lines for a terminal or a CI log."""
    registry = display_path(report.source)
    lines = [f"ssot-registry check: {registry} ({report.registry})", ""]
    if report.root_causes:
        lines.append(f"Root causes ({len(report.root_causes)}):")
        for cause in report.root_causes:
            lines += _root_cause(cause)
        lines.append("")
    lines.append("Results:")
    for result in report.results:
        where = f"{registry}:{result.line}" if result.line else registry
        if result.status == "ok":
            lines.append(f"  {where}: ok {result.kind} {result.entry}")
        else:
            lines.append(
                f"  {where}: {result.code} {result.kind} {result.entry}: {shorten(result.message)}"
            )
    lines.append("")
    verdict = "ok" if report.ok else "FAILED"
    lines.append(
        f"{verdict}: {report.total} entries checked, {report.passed} passed, "
        f"{report.failed} failed, {len(report.root_causes)} root causes"
    )
    return "\n".join(lines) + "\n"
