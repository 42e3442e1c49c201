"""The project's registry together with the ones installed distributions advertise
(`--installed` of the commands, `--ssot-installed` of the pytest plugin)."""

from __future__ import annotations

from pathlib import Path

from ssot_registry.registry import Registry
from ssot_registry.runtime.discovery import check_conflicts, discover_registries

__all__ = ["advertised_except", "with_advertised"]


def advertised_except(own: Path | None) -> list[Registry]:
    """Every advertised registry (see `discover_registries`) whose file is not `own`."""
    mine = own.resolve() if own is not None else None
    return [
        registry
        for registry in discover_registries()
        if registry.source is None or registry.source.resolve() != mine
    ]


def with_advertised(own: Registry | None) -> list[Registry]:
    """`own` (when given), then every other advertised registry.

    An old path in `own` and in an advertised registry is a RegistryError naming both.
    """
    others = advertised_except(own.source if own is not None else None)
    if own is None:
        return others
    check_conflicts(
        [("the project", own), *(("an installed distribution", other) for other in others)]
    )
    return [own, *others]
