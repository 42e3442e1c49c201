"""SSOT020/021: are the `[requires]` distributions installed, at an allowed version?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ssot_registry.registry import Registry, Requirement
from ssot_registry.validator.report import EntryResult

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

__all__ = ["check_requirement", "installed_version", "normalize", "requirement_for_module"]


def normalize(name: str) -> str:
    """A distribution name as an import name would spell it (lowercase, `-`/`.` -> `_`)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_version(name: str, search_path: Sequence[str]) -> str | None:
    """The version of distribution `name` found on `search_path`, or None."""
    import importlib_metadata  # imported on use: most checks of a clean tree never need it

    for distribution in importlib_metadata.Distribution.discover(name=name, path=list(search_path)):
        version = distribution.metadata["Version"]
        if version:
            return str(version)
    return None


def _install_hint(requirement: Requirement) -> str:
    return f"pip install '{requirement.name}{requirement.version}'"


def _direction(allowed: SpecifierSet, installed: Version) -> str:
    """`upgrade` when the installed version is below a bound it fails, `downgrade` when above."""
    from packaging.version import InvalidVersion, Version

    for specifier in allowed:
        if specifier.contains(installed, prereleases=True):
            continue
        try:
            bound = Version(specifier.version.removesuffix(".*"))
        except InvalidVersion:
            continue
        if installed < bound:
            return "upgrade"
        if installed > bound:
            return "downgrade"
    return "change"


def check_requirement(requirement: Requirement, search_path: Sequence[str]) -> EntryResult:
    """One result for one `[requires]` entry."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version

    name, wanted = requirement.name, requirement.version
    version = installed_version(name, search_path)
    if version is None:
        need = f" (required: {wanted})" if wanted else ""
        return EntryResult(
            name,
            "requirement",
            "fail",
            "SSOT020",
            f"distribution '{name}' is not installed{need}; "
            f"install it: {_install_hint(requirement)}",
            requirement.line,
        )
    try:
        allowed = SpecifierSet(wanted) if wanted else None
        inside = allowed is None or allowed.contains(Version(version), prereleases=True)
    except (InvalidSpecifier, InvalidVersion):
        inside = True
    if not inside and allowed is not None:
        return EntryResult(
            name,
            "requirement",
            "fail",
            "SSOT021",
            f"distribution '{name}' {version} is installed but the registry requires {wanted}; "
            f"{_direction(allowed, Version(version))} it: {_install_hint(requirement)}",
            requirement.line,
        )
    return EntryResult(name, "requirement", "ok", None, f"{name} {version}", requirement.line)


def requirement_for_module(registry: Registry, module: str) -> Requirement | None:
    """The `[requires]` entry that provides top-level module `module` (by `modules`, else name)."""
    top = module.partition(".")[0]
    for requirement in registry.requires.values():
        if top in requirement.modules:
            return requirement
    for requirement in registry.requires.values():
        if not requirement.modules and normalize(requirement.name) == top:
            return requirement
    return None
