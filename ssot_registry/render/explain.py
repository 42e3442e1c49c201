"""`explain PATH`: what a path is in the registry, as text."""

from __future__ import annotations

from dataclasses import dataclass

from ssot_registry.registry import ImportPath, Registry

__all__ = ["Explanation", "explain_path", "render_explanation"]


@dataclass(frozen=True)
class Explanation:
    """What the registry says about one path, and where its canonical object lives."""

    path: ImportPath
    status: str  # canonical | alias | tombstone | external | unknown
    canonical: ImportPath | None
    lines: tuple[str, ...]
    definition: str | None = None


def explain_path(registry: Registry, path: ImportPath) -> Explanation:
    """Classify `path` statically (no imports): canonical, alias, tombstone, external, unknown."""
    where = f" ({registry.source}" if registry.source else " (registry"
    for name, symbol in sorted(registry.symbols.items()):
        if symbol.path == path:
            details = [f"symbol {name!r}, kind {symbol.kind}{where}:{symbol.line})"]
            if symbol.doc:
                details.append(symbol.doc)
            return Explanation(path, "canonical", path, tuple(details))
    found = registry.find_alias(path)
    if found is not None:
        alias, target = found
        via = "" if alias.old == path else f" (through module alias {alias.old})"
        details = []
        if alias.since:
            details.append(f"deprecated since {alias.since}")
        if alias.remove_in:
            details.append(f"to be removed in {alias.remove_in}")
        if alias.reason:
            details.append(f"reason: {alias.reason}")
        details.append(f"declared at{where}:{alias.line})")
        if alias.removed_in is not None:
            head = f"removed in {alias.removed_in}{via}; import {target} instead"
            return Explanation(path, "tombstone", target, (head, *details))
        head = f"deprecated alias of {target}{via}"
        return Explanation(path, "alias", target, (head, *details))
    external = registry.external_for(path)
    if external is not None:
        details = [f"deprecated third-party path; use {external.new} instead"]
        if external.reason:
            details.append(f"reason: {external.reason}")
        details.append(f"declared at{where}:{external.line})")
        return Explanation(path, "external", external.new, tuple(details))
    return Explanation(path, "unknown", None, ("not in the registry",))


def render_explanation(explanation: Explanation) -> str:
    """The explanation as indented text lines."""
    out = [f"{explanation.path}: {explanation.status}"]
    out += [f"  {line}" for line in explanation.lines]
    if explanation.definition:
        out.append(f"  defined at {explanation.definition}")
    return "\n".join(out) + "\n"
