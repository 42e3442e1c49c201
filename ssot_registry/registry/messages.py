"""Turn pydantic validation errors into located problems a person can act on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ssot_registry.exceptions import Problem
from ssot_registry.registry.locations import KeyLines, format_key, line_of
from ssot_registry.registry.paths import ImportPath
from ssot_registry.registry.schema import (
    AliasSpec,
    ExternalSpec,
    RegistryFile,
    RegistryMetaSpec,
    RequirementSpec,
    SymbolSpec,
)

__all__ = ["problems_from_validation"]

_ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "registry": RegistryMetaSpec,
    "requires": RequirementSpec,
    "symbols": SymbolSpec,
    "alias": AliasSpec,
    "external": ExternalSpec,
}

_TOML_TYPES = {
    "str": "a string",
    "int": "an integer",
    "float": "a float",
    "bool": "a boolean",
    "list": "an array",
    "dict": "a table",
    "datetime": "a date-time",
    "date": "a date",
    "time": "a time",
}

_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "a boolean",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "tuple_type": "an array",
    "list_type": "an array",
}


def _allowed_keys(location: Sequence[str | int]) -> list[str]:
    """The keys a table at `location` accepts, as written in the file."""
    model: type[BaseModel] = RegistryFile
    if location:
        model = _ENTRY_MODELS.get(str(location[0]), RegistryFile)
    return sorted(field.alias or name for name, field in model.model_fields.items())


def _describe(value: Any) -> str:
    kind = _TOML_TYPES.get(type(value).__name__, type(value).__name__)
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} ({shown})"


def _message(error: Any, location: Sequence[str | int]) -> str:  # noqa: PLR0911 - one case each
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        allowed = ", ".join(_allowed_keys(location[:-1]))
        return f"unknown key; remove it or use one of: {allowed}"
    if kind == "missing" and len(location) == 1 and location[0] == "registry":
        return (
            "the [registry] table is missing; start the file with [registry], "
            'schema = 1 and name = "..."'
        )
    if kind == "missing":
        return f"required key is missing; add `{location[-1]} = ...`"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not allowed; use one of {expected}"
    if kind in _EXPECTED:
        hint = ""
        if kind == "string_type" and type(value) in (int, float):
            hint = f'; quote it: "{value}"'
        return f"expected {_EXPECTED[kind]}, got {_describe(value)}{hint}"
    if kind in ("value_error", "assertion_error"):
        return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_pattern_mismatch":
        try:
            ImportPath.parse(value)
        except ValueError as problem:
            return str(problem)
        return f"{value!r} is not an import path (e.g. 'pkg.module' or 'pkg.module:Name')"
    if kind == "string_too_short":
        return "must not be empty"
    return f"{error['msg']}; got {_describe(value)}"


def problems_from_validation(
    error: ValidationError, path: Path | None, lines: KeyLines
) -> list[Problem]:
    """One SSOT001 problem per pydantic error, with the key path and its line."""
    problems = []
    for item in error.errors():
        location = [part for part in item["loc"] if isinstance(part, int) or "[" not in part]
        problems.append(
            Problem(
                code="SSOT001",
                message=_message(item, location),
                key=format_key(location),
                path=path,
                line=line_of(lines, location),
            )
        )
    return problems
