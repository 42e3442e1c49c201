"""Find the registry file: `--registry`, then `[tool.ssot-registry]` in pyproject.toml, then cwd."""

from __future__ import annotations

from pathlib import Path

from ssot_registry.exceptions import Problem, RegistryError

__all__ = ["find_registry"]

DEFAULT_NAME = "registry.toml"


_TABLE = "ssot-registry"
_KEYS = ("registry",)


def _pyproject_problem(pyproject: Path, text: str, key: str, message: str) -> RegistryError:
    from ssot_registry.registry.locations import line_of, locate_keys

    line = line_of(locate_keys(text), key.split(".")) if text else None
    return RegistryError([Problem("SSOT001", message, key, pyproject, line)])


def _from_pyproject(pyproject: Path) -> Path | None:
    """The registry `[tool.ssot-registry]` names; None when the file has no such table.

    A table that is there but cannot be used (broken TOML around it, a
    misspelt table name or key, a value of the wrong type) is an error,
    never silently skipped.
    """
    from ssot_registry.registry.toml import TomlSyntaxError, parse_toml

    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = parse_toml(text)
    except TomlSyntaxError as error:
        if _TABLE not in text and "ssot_registry" not in text:
            return None  # not our table: the file's owner will hear from their other tools
        raise RegistryError(
            [
                Problem(
                    "SSOT001",
                    f"TOML syntax error: {error.reason[:1].lower()}{error.reason[1:]}; "
                    f"fix the file so that [tool.{_TABLE}] can be read",
                    path=pyproject,
                    line=error.line,
                )
            ]
        ) from None
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return None
    if _TABLE not in tool:
        import difflib  # only for a pyproject.toml without our table: not at every start

        close = difflib.get_close_matches(_TABLE, [str(key) for key in tool], n=1, cutoff=0.8)
        if close:
            raise _pyproject_problem(
                pyproject,
                text,
                f"tool.{close[0]}",
                f"[tool.{close[0]}] is not a table ssot-registry reads; rename it to "
                f"[tool.{_TABLE}]",
            )
        return None
    section = tool[_TABLE]
    key = f"tool.{_TABLE}"
    if not isinstance(section, dict):
        raise _pyproject_problem(
            pyproject, text, key, f'must be a table, e.g. [tool.{_TABLE}] registry = "..."'
        )
    unknown = sorted(set(section) - set(_KEYS))
    if unknown:
        raise _pyproject_problem(
            pyproject,
            text,
            f"{key}.{unknown[0]}",
            f"unknown key {unknown[0]!r}; remove it or use one of: {', '.join(_KEYS)}",
        )
    if "registry" not in section:
        raise _pyproject_problem(
            pyproject, text, key, 'has no registry key; add registry = "registry.toml"'
        )
    value = section["registry"]
    if not isinstance(value, str) or not value:
        raise _pyproject_problem(
            pyproject,
            text,
            f"{key}.registry",
            'must be a file path string, e.g. registry = "registry.toml"',
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
