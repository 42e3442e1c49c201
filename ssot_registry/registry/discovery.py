"""Find the registry file: `--registry`, then `[tool.ssot-registry]` in pyproject.toml, then cwd."""

from __future__ import annotations

from pathlib import Path

from ssot_registry.exceptions import Problem, RegistryError

__all__ = ["find_registry"]

DEFAULT_NAME = "registry.toml"


def _from_pyproject(pyproject: Path) -> Path | None:
    from ssot_registry.registry.toml import TomlSyntaxError, parse_toml

    try:
        data = parse_toml(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TomlSyntaxError):
        return None
    tool = data.get("tool", {})
    section = tool.get("ssot-registry") if isinstance(tool, dict) else None
    if not isinstance(section, dict) or "registry" not in section:
        return None
    value = section["registry"]
    if not isinstance(value, str) or not value:
        raise RegistryError(
            [
                Problem(
                    "SSOT001",
                    "[tool.ssot-registry] registry must be a file path string, "
                    'e.g. registry = "registry.toml"',
                    path=pyproject,
                )
            ]
        )
    return pyproject.parent / value


def find_registry(explicit: str | Path | None = None, start: Path | None = None) -> Path:
    """The registry path to use, by the documented order; RegistryError when there is none."""
    if explicit is not None:
        return Path(explicit)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            found = _from_pyproject(pyproject)
            if found is not None:
                return found
            break
    candidate = here / DEFAULT_NAME
    if candidate.is_file():
        return candidate
    raise RegistryError(
        [
            Problem(
                "SSOT001",
                "no registry found; pass --registry FILE, add [tool.ssot-registry] "
                'registry = "..." to pyproject.toml, or create registry.toml here',
                path=candidate,
            )
        ]
    )
