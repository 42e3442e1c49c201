"""`explain PATH`: what the registry says about a path, as text."""

from __future__ import annotations

from ssot_registry.registry.explanation import Explanation

__all__ = ["render_explanation"]


def render_explanation(explanation: Explanation) -> str:
    """The explanation as indented text lines."""
    out = [f"{explanation.path}: {explanation.status}"]
    out += [f"  {line}" for line in explanation.lines]
    if explanation.definition:
        out.append(f"  defined at {explanation.definition}")
    return "\n".join(out) + "\n"
