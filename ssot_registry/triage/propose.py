"""The registry fragment: proposed entries with `# evidence:` comments, and the merged copy.

Only applicable proposals (moves: SSOT201/202) become live `[[alias]]`
tables; renames to review (SSOT203) and `[requires]` lines are written
commented out, so the fragment never applies a guess without a person.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ssot_registry.registry import Registry, load_text_unchecked
from ssot_registry.triage.model import TriageCause

__all__ = ["fragment", "merged_registry"]

_HEADER = '[registry]\nschema = 1\nname = "triage"\n'


def _comment(text: str) -> str:
    return "".join(f"# {line}\n" for line in text.splitlines())


def fragment(causes: Sequence[TriageCause]) -> str:
    """The TOML fragment for every cause with a proposal (live moves, commented guesses)."""
    blocks = []
    for cause in causes:
        proposal = cause.proposal
        if proposal is None:
            continue
        error = cause.error.replace(os.path.join(os.getcwd(), ""), "")
        lines = [f"# {cause.code}: {error}"]
        lines += [f"# evidence: {item}" for item in proposal.evidence]
        lines.append(f"# confidence: {proposal.confidence}")
        if proposal.applicable:
            blocks.append("\n".join(lines) + "\n" + proposal.toml)
        else:
            lines.append("# needs a person: uncomment after review")
            blocks.append("\n".join(lines) + "\n" + _comment(proposal.toml))
    head = (
        "# Proposed by `ssot-registry triage`: review, then copy into registry.toml.\n"
        "# Moves are live [[alias]] tables; renames and [requires] lines are commented out.\n"
    )
    return head + "".join(f"\n{block}" for block in blocks)


def merged_registry(registry: Registry, causes: Sequence[TriageCause]) -> Registry:
    """A copy of `registry` with the applicable proposals added (the file is not touched).

    Raises RegistryError when the proposals do not fit the registry (SSOT001).
    """
    source = registry.source
    text = source.read_text(encoding="utf-8") if source is not None else _HEADER
    known = {str(alias.old) for alias in registry.aliases}
    added = [
        cause.proposal.toml
        for cause in causes
        if cause.proposal is not None
        and cause.proposal.applicable
        and cause.proposal.old not in known
    ]
    merged = text.rstrip("\n") + "\n\n" + "\n".join(added)
    return load_text_unchecked(merged, Path(source) if source is not None else None)
