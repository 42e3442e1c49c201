"""One registry made of several (the project's and every installed distribution's), for
`scan`, `migrate` and `docs --installed`."""

from __future__ import annotations

from collections.abc import Sequence

from ssot_registry.registry.tables import Tables, concatenate
from ssot_registry.registry.validated import Registry

__all__ = ["combine"]


def combine(registries: Sequence[Registry]) -> Registry:
    """A registry holding every entry of `registries`, in order; the first one's settings.

    The callers check first that no old path is in two of them (`check_conflicts`),
    so every lookup has one answer. Entry lines stay those of their own files, and
    the result has no single source file.
    """
    if len(registries) == 1:
        return registries[0]
    parts = [registry.tables for registry in registries]
    name = " + ".join(registry.name for registry in registries)
    tables = Tables(
        parts[0].meta._replace(name=name),
        concatenate([part.requires for part in parts]),
        concatenate([part.symbols for part in parts]),
        concatenate([part.alias for part in parts]),
        concatenate([part.external for part in parts]),
    )
    return Registry(tables, None)
