"""Find the registries that installed distributions advertise (entry-point group
`ssot_registry`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from sys import _getframe as getframe

from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.registry import ImportPath, Registry, load
from ssot_registry.runtime.frames import user_frame, warn_at

__all__ = ["GROUP", "check_conflicts", "discover_registries"]

GROUP = "ssot_registry"
_FILE = "registry.toml"


def _entry_points() -> list[tuple[str, str, str]]:
    """(distribution, entry point name, package) for every advertised registry (the package is
    the entry point's value: a malformed value is reported when its package is looked up)."""
    try:
        from importlib_metadata import entry_points
    except ImportError:  # pragma: no cover - a declared dependency; the stdlib one is equivalent
        from importlib.metadata import entry_points  # type: ignore[assignment]
    found = []
    for point in entry_points(group=GROUP):
        dist = getattr(point, "dist", None)
        name = getattr(dist, "name", None) or "an unknown distribution"
        found.append((name, point.name, point.value.partition(":")[0].strip()))
    return found


def _registry_file(distribution: str, point: str, package: str) -> Path:
    """`registry.toml` inside `package`, found without importing the package itself."""
    where = f"entry point {point!r} = {package!r} of distribution {distribution!r}"
    try:
        spec = importlib.util.find_spec(package)
    except Exception as error:
        spec = None
        reason = f" ({error})"
    else:
        reason = ""
    if spec is None:
        raise RegistryError(
            [
                Problem(
                    "SSOT001",
                    f"{where}: package {package!r} cannot be found{reason}; "
                    "install it or fix the entry point",
                )
            ]
        )
    folders = list(spec.submodule_search_locations or [])
    if not folders and spec.origin:
        folders = [str(Path(spec.origin).parent)]
    for folder in folders:
        candidate = Path(folder) / _FILE
        if candidate.is_file():
            return candidate
    raise RegistryError(
        [
            Problem(
                "SSOT001",
                f"{where}: package {package!r} has no {_FILE}; "
                f"ship {_FILE} inside the package (package data)",
            )
        ]
    )


def check_conflicts(found: list[tuple[str, Registry]]) -> None:
    """Fail when two registries alias the same old path, naming both distributions."""
    owners: dict[ImportPath, tuple[str, Registry]] = {}
    problems = []
    for distribution, registry in found:
        for old in registry.iter_alias_olds():
            first = owners.setdefault(old, (distribution, registry))
            if first[1] is registry:
                continue
            other_dist, other = first
            entry = registry.alias_for(old)
            other_entry = other.alias_for(old)
            problems.append(
                Problem(
                    "SSOT002",
                    f"{old} is an alias in registry {other.name!r} of {other_dist!r} "
                    f"({other.source}:{other_entry.line if other_entry else '?'}) and in "
                    f"registry {registry.name!r} of {distribution!r}; keep it in one of them",
                    path=registry.source,
                    line=entry.line if entry else None,
                )
            )
    if problems:
        raise RegistryError(problems)


def discover_registries(*, skip_broken: bool = True) -> list[Registry]:
    """Load every registry advertised through the `ssot_registry` entry-point group.

    A distribution whose entry point or registry is broken is skipped with a
    `RuntimeWarning` naming it, so one broken library does not stop an application
    from starting (`skip_broken=False` raises its `RegistryError` instead).
    Conflicts between the registries that load are always an error.
    """
    found: list[tuple[str, Registry]] = []
    seen: set[Path] = set()
    for distribution, point, package in sorted(_entry_points()):
        try:
            path = _registry_file(distribution, point, package).resolve()
            registry = None if path in seen else load(path)
        except RegistryError as error:
            if not skip_broken:
                raise
            warn_at(_skipped_message(distribution, error), RuntimeWarning, user_frame(getframe()))
            continue
        if registry is not None:
            seen.add(path)
            found.append((distribution, registry))
    if len(found) > 1:
        check_conflicts(found)
    return [registry for _, registry in found]


def _skipped_message(distribution: str, error: RegistryError) -> str:
    problems = "; ".join(
        problem.message if problem.path is None else str(problem) for problem in error.errors
    )
    return (
        f"ssot-registry: the registry of distribution {distribution!r} is not installed "
        f"(the other registries are): {problems}"
    )
