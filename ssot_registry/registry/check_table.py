"""The `[check]` table (SPEC section 15), read on its own: setup callable, environment, path.

It is kept out of the compiled registry (applications never need it at run
time): the commands that import the application (`check`, `triage`, the
plugin) read it here, from a file the loader has already validated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ssot_registry.registry.toml import parse_toml

__all__ = ["CheckSettings", "read_check"]


@dataclass(frozen=True)
class CheckSettings:
    """How to import the application: `setup` ('module:callable'), `env`, absolute `path`."""

    setup: str | None = None
    env: tuple[tuple[str, str], ...] = ()
    path: tuple[str, ...] = ()


def read_check(source: Path | None) -> CheckSettings:
    """The `[check]` table of a validated registry file (empty settings when it has none)."""
    if source is None:
        return CheckSettings()
    from ssot_registry.registry.schema import CheckSpec

    table = parse_toml(source.read_text(encoding="utf-8")).get("check")
    if table is None:
        return CheckSettings()
    spec = CheckSpec.model_validate(table)
    folder = source.resolve().parent
    return CheckSettings(
        spec.setup,
        tuple(sorted(spec.env.items())),
        tuple(str((folder / entry).resolve()) for entry in spec.path),
    )
