"""Adopted entries as `[[alias]]` tables in the registry's own style, ready to append."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ssot_registry.adopt import Proposal
from ssot_registry.render.check_text import display_path

__all__ = ["render_entries", "toml_string"]


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML escapes)."""
    return json.dumps(text, ensure_ascii=False)


def _entry(proposal: Proposal) -> str:
    lines = [
        f"# adopted from {display_path(proposal.file)}:{proposal.line}",
        "[[alias]]",
        f"old = {toml_string(str(proposal.old))}",
        f"new = {toml_string(str(proposal.new))}",
    ]
    for key in ("since", "remove_in", "removed_in", "reason"):
        value = getattr(proposal, key)
        if value:
            lines.append(f"{key} = {toml_string(' '.join(str(value).split()))}")
    if proposal.mode == "wrap":
        lines.append('mode = "wrap"')
    return "\n".join(lines) + "\n"


def render_entries(proposals: Sequence[Proposal]) -> str:
    """Every proposal as an `[[alias]]` table, separated by blank lines ('' for none)."""
    return "\n".join(_entry(proposal) for proposal in proposals)
