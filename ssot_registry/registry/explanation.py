"""What the registry says about one path (the query behind `explain`), found statically."""

from __future__ import annotations

from dataclasses import dataclass

from ssot_registry.registry.paths import ImportPath
from ssot_registry.registry.validated import Registry

__all__ = ["Explanation", "explain", "explain_path"]


@dataclass(frozen=True)
class Explanation:
    """What the registry says about one path, and where its canonical object lives."""

    path: ImportPath
    status: str  # canonical | alias | tombstone | external | unknown
    canonical: ImportPath | None
    lines: tuple[str, ...]
    definition: str | None = None


def _candidates(registry: Registry, text: str) -> list[ImportPath]:
    """The paths `text` may mean: itself; a symbol's path for a symbol name; and for a dotted
    `pkg.mod.Name` (as `scan` prints it) each split into `module:qualname`, longest module
    first. Raises ValueError when `text` is not a path at all."""
    path = ImportPath.parse(text)
    found = [path]
    symbol = registry.symbol(text)
    if symbol is not None:
        found.insert(0, symbol.path)
    if path.qualname is None:
        parts = path.module.split(".")
        found += [
            ImportPath(".".join(parts[:end]), ".".join(parts[end:]))
            for end in range(len(parts) - 1, 0, -1)
        ]
    return found


def explain(registry: Registry, text: str) -> Explanation:
    """Explain `text`: a path (`pkg.mod:Name`, `pkg.mod`), the dotted form `scan` prints
    (`pkg.mod.Name`) or a symbol name; the first reading the registry knows wins."""
    candidates = _candidates(registry, text)
    for path in candidates:
        reading = explain_path(registry, path)
        if reading.status != "unknown":
            return reading
    return explain_path(registry, ImportPath.parse(text))


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
