"""One registry made of several (the project's and every installed distribution's), for
`scan`, `migrate` and `docs --installed`."""

from __future__ import annotations

from collections.abc import Sequence

from ssot_registry.registry.compiled import Registry

__all__ = ["combine"]

_TABLES = ("requires", "symbols", "alias", "external")


def combine(registries: Sequence[Registry]) -> Registry:
    """A registry holding every entry of `registries`, in order; the first one's settings.

    The callers check first that no old path is in two of them (`check_conflicts`),
    so every lookup has one answer. Entry lines stay those of their own files, and
    the result has no single source file.
    """
    if len(registries) == 1:
        return registries[0]
    first = registries[0]
    name = " + ".join(registry.name for registry in registries)
    rows = {
        "meta": (name, *first.rows["meta"][1:]),
        **{table: [row for r in registries for row in r.rows[table]] for table in _TABLES},
    }
    return Registry(rows, None)
