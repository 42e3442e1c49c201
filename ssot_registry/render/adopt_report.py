"""The `adopt` report for people (text) and machines (JSON)."""

from __future__ import annotations

import json
from typing import TypedDict

from ssot_registry.adopt import AdoptReport, Proposal
from ssot_registry.render.adopt_toml import render_entries
from ssot_registry.render.check_text import display_path

__all__ = ["render_adopt_json", "render_adopt_text"]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def _summary(report: AdoptReport) -> str:
    return (
        f"adopt: {_plural(report.files, 'file')} read, "
        f"{_plural(len(report.added), 'entry', 'entries')} to add, "
        f"{len(report.present)} already in the registry, "
        f"{_plural(len(report.contradictions), 'contradiction')}, "
        f"{len(report.not_understood)} not understood (SSOT401)"
        + (f", {len(report.unverified)} failed --verify (SSOT402)" if report.verified else "")
    )


def render_adopt_text(report: AdoptReport, *, written_to: str | None = None) -> str:
    """Sections (replaced lines, SSOT401, contradictions, facades, SSOT402), the TOML when it
    was not written to a file, then the summary line."""
    lines: list[str] = []
    if report.replaced:
        lines.append("Shim lines the registry now replaces (delete them once the entries are in):")
        lines += [
            f"  {display_path(s.file)}:{s.line}"
            + (f"-{s.end_line}" if s.end_line != s.line else "")
            + f": {s.what}"
            for s in report.replaced
        ]
    for problem in [*report.errors, *report.not_understood]:
        lines.append(f"{display_path(problem.file)}:{problem.line}: {problem.code} {problem.why}")
    for contradiction in report.contradictions:
        lines.append(
            f"{display_path(contradiction.file)}:{contradiction.line}: contradiction: "
            f"the shim leads {contradiction.old} to {contradiction.new}, "
            f"but {contradiction.existing}"
        )
    for unverified in report.unverified:
        proposal = unverified.proposal
        lines.append(
            f"{display_path(proposal.file)}:{proposal.line}: {unverified.code} "
            f"{proposal.old} -> {proposal.new}: {unverified.why}"
        )
    for facade in report.facades:
        lines.append(
            f"{display_path(facade.file)}:{facade.line}: not an alias: {facade.module}: "
            f"{facade.why} ({_plural(facade.names, 'name')})"
        )
    if report.added and written_to is None:
        lines += [
            "",
            "Entries to add (append them with -o FILE):",
            "",
            render_entries(report.added),
        ]
    elif report.added:
        lines.append(f"Appended {_plural(len(report.added), 'entry', 'entries')} to {written_to}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


class _EntryJson(TypedDict):
    old: str
    new: str
    since: str | None
    remove_in: str | None
    removed_in: str | None
    reason: str | None
    mode: str
    dialect: str
    file: str
    line: int


def _entry(proposal: Proposal) -> _EntryJson:
    return {
        "old": str(proposal.old),
        "new": str(proposal.new),
        "since": proposal.since,
        "remove_in": proposal.remove_in,
        "removed_in": proposal.removed_in,
        "reason": proposal.reason,
        "mode": proposal.mode,
        "dialect": proposal.dialect,
        "file": display_path(proposal.file),
        "line": proposal.line,
    }


def render_adopt_json(report: AdoptReport) -> str:
    """One JSON object: entries added and present, problems, facades, replaced lines, TOML."""
    data = {
        "ok": report.ok,
        "summary": {
            "files": report.files,
            "added": len(report.added),
            "present": len(report.present),
            "contradictions": len(report.contradictions),
            "not_understood": len(report.not_understood),
            "unverified": len(report.unverified),
        },
        "added": [_entry(p) for p in report.added],
        "present": [_entry(p) for p in report.present],
        "contradictions": [
            {
                "old": str(c.old),
                "new": str(c.new),
                "existing": c.existing,
                "file": display_path(c.file),
                "line": c.line,
            }
            for c in report.contradictions
        ],
        "not_understood": [
            {"code": n.code, "file": display_path(n.file), "line": n.line, "why": n.why}
            for n in [*report.errors, *report.not_understood]
        ],
        "unverified": [
            {**_entry(u.proposal), "code": u.code, "why": u.why} for u in report.unverified
        ],
        "facades": [
            {
                "module": f.module,
                "file": display_path(f.file),
                "line": f.line,
                "names": f.names,
                "why": f.why,
            }
            for f in report.facades
        ],
        "replaced": [
            {"file": display_path(s.file), "line": s.line, "end_line": s.end_line, "what": s.what}
            for s in report.replaced
        ],
        "toml": render_entries(report.added),
    }
    return json.dumps(data, ensure_ascii=False) + "\n"
