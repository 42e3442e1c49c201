"""SSOT205: which distribution provides a missing top-level module, found without importing.

In order: the registry's `[requires]` (its `modules`, else the normalized
name), the project's `pyproject.toml` dependencies, then the distributions
installed on the search path (`packages_distributions()`, their file lists).
"""

from __future__ import annotations

import importlib.machinery
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ssot_registry.registry import Registry
from ssot_registry.validator.requirements import normalize, requirement_for_module

__all__ = [
    "Distribution",
    "distribution_for",
    "is_installed",
    "pip_command",
    "project_dependencies",
]


@dataclass(frozen=True)
class Distribution:
    """A distribution that provides a module, its version specifier, and where we learnt it."""

    name: str
    specifier: str
    source: str  # evidence: `[requires] in registry.toml:9`, `pyproject.toml dependencies`, ...


def is_installed(top: str, search_path: Sequence[str]) -> bool:
    """Whether a top-level module `top` can be found on `search_path` (nothing is imported)."""
    return importlib.machinery.PathFinder.find_spec(top, list(search_path)) is not None


def project_dependencies(start: str) -> dict[str, str]:
    """`{normalized name: requirement text}` from the nearest pyproject.toml above `start`."""
    from ssot_registry.registry.toml import parse_toml

    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = parse_toml(pyproject.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            project = data.get("project")
            dependencies = project.get("dependencies", []) if isinstance(project, dict) else []
            found = {}
            for requirement in dependencies if isinstance(dependencies, list) else []:
                match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", str(requirement))
                if match:
                    found[normalize(match[1])] = str(requirement).strip()
            return found
    return {}


def _from_installed(top: str, search_path: Sequence[str]) -> str | None:
    import importlib_metadata

    names = importlib_metadata.packages_distributions().get(top)
    if names:
        return str(names[0])
    for distribution in importlib_metadata.distributions(path=list(search_path)):
        for file in distribution.files or ():
            if file.parts and file.parts[0] in (top, f"{top}.py"):
                return str(distribution.metadata["Name"])
    return None


def distribution_for(
    top: str, registry: Registry, start: str, search_path: Sequence[str]
) -> Distribution | None:
    """The distribution that provides top-level module `top`, or None when nothing says."""
    requirement = requirement_for_module(registry, top)
    if requirement is not None:
        where = f"{registry.source}:{requirement.line}" if registry.source else "[requires]"
        return Distribution(requirement.name, requirement.version, f"[requires] at {where}")
    dependency = project_dependencies(start).get(normalize(top))
    if dependency is not None:
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", dependency)
        assert name is not None
        return Distribution(
            name[1], dependency[name.end() :].split(";")[0].strip(), "pyproject.toml dependencies"
        )
    installed = _from_installed(top, search_path)
    if installed is not None:
        return Distribution(installed, "", "installed distributions (packages_distributions)")
    return None


def pip_command(distribution: Distribution) -> str:
    """`pip install 'mcp>=1.13.1'`."""
    return f"pip install '{distribution.name}{distribution.specifier}'"
