"""The pydantic models of `registry.toml`: validation on a cold load, and the JSON Schema.

Field names follow the file's keys. Imported only when a file is validated.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any, Literal

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from ssot_registry.registry.entries import Category, Kind, Mode
from ssot_registry.registry.paths import PATH_PATTERN, check_dotted_name, check_path

__all__ = [
    "SCHEMA_DIALECT",
    "AliasSpec",
    "ExternalSpec",
    "RegistryFile",
    "RegistryMetaSpec",
    "RequirementSpec",
    "SymbolSpec",
    "json_schema",
]


_DISTRIBUTION_NAME = re.compile(r"^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$")


def _pep440(text: str, parse: Callable[[str], object], form: str) -> str:
    """`text` when `parse` accepts it, else the ValueError saying which PEP 440 form it is not."""
    try:
        parse(text)
    except (InvalidVersion, InvalidSpecifier):
        raise ValueError(f"{text!r} is not a PEP 440 {form}") from None
    return text


@lru_cache(maxsize=1024)
def _check_version(text: str) -> str:
    return _pep440(text, Version, "version (e.g. '1.4.0')")


def _check_specifier(text: str) -> str:
    return _pep440(text, SpecifierSet, "specifier (e.g. '>=1.13.1,<2')")


def _check_module(text: str) -> str:
    try:
        check_dotted_name(text, "module name")
    except ValueError as error:
        raise ValueError(f"{error} (e.g. 'pkg.module')") from None
    return text


def _check_identifier(text: str) -> str:
    if not text.isidentifier() or keyword.iskeyword(text):
        suggestion = re.sub(r"\W", "_", text)
        raise ValueError(
            f"{text!r} is not a Python identifier; name the symbol as code imports it "
            f"(e.g. {suggestion!r})"
        )
    return text


def _check_schema_number(value: object) -> object:
    """`schema = true` and `schema = 1.0` are not the integer 1 (TOML tells them apart)."""
    if isinstance(value, (bool, float)):
        kind = "a boolean" if isinstance(value, bool) else "a float"
        raise ValueError(  # noqa: TRY004 - pydantic reports ValueError, not TypeError
            f"expected an integer, got {kind} ({value!r}); write schema = 1"
        )
    return value


def _check_distribution(text: str) -> str:
    if not _DISTRIBUTION_NAME.fullmatch(text):
        raise ValueError(f"{text!r} is not a distribution name (PEP 508, e.g. 'fastmcp')")
    return text


_PATH_SCHEMA = {
    "type": "string",
    "pattern": PATH_PATTERN,
    "description": "An import path: 'pkg.module' or 'pkg.module:Name'.",
}
PathText = Annotated[str, AfterValidator(check_path), WithJsonSchema(_PATH_SCHEMA)]
VersionText = Annotated[str, AfterValidator(_check_version)]
SpecifierText = Annotated[str, AfterValidator(_check_specifier)]
ModuleName = Annotated[str, AfterValidator(_check_module)]
SymbolName = Annotated[str, AfterValidator(_check_identifier)]
DistributionName = Annotated[str, AfterValidator(_check_distribution)]


def _table_from_string(key: str) -> Any:
    """Let `name = "value"` stand for `name = { key = "value" }`."""

    def convert(value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value

    return BeforeValidator(convert)


class _Spec(BaseModel):
    """Shared configuration of the file's tables: strict keys, no coercion, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, regex_engine="python-re")


class RegistryMetaSpec(_Spec):
    """The `[registry]` table."""

    schema_version: Annotated[Literal[1], BeforeValidator(_check_schema_number)] = Field(
        alias="schema", description="File format version."
    )
    name: str = Field(min_length=1, description="Label used in messages and docs.")
    distribution: DistributionName | None = Field(
        default=None, description="Distribution whose installed version is the current version."
    )
    version: VersionText | None = Field(
        default=None, description="Explicit current version; wins over `distribution`."
    )
    category: Category = Field(default="deprecation", description="Default warning category.")
    expose: ModuleName | None = Field(
        default=None, description="Facade module serving every [symbols] name."
    )


class RequirementSpec(_Spec):
    """One `[requires]` entry: a distribution the application needs."""

    version: SpecifierText = Field(default="", description="PEP 440 specifier, '' for any.")
    modules: tuple[ModuleName, ...] = Field(
        default=(), strict=False, description="Top-level modules this distribution provides."
    )


class SymbolSpec(_Spec):
    """One `[symbols]` entry: the canonical import path of a key symbol."""

    path: PathText
    kind: Kind = "any"
    doc: str | None = None


class AliasSpec(_Spec):
    """One `[[alias]]`: a deprecated path that leads to a canonical one (or a tombstone)."""

    old: PathText
    new: PathText
    since: VersionText | None = None
    remove_in: VersionText | None = None
    removed_in: VersionText | None = None
    reason: str | None = None
    mode: Mode = "reexport"
    category: Category | None = None

    @model_validator(mode="after")
    def _check_shape(self) -> AliasSpec:
        old_is_module, new_is_module = ":" not in self.old, ":" not in self.new
        if old_is_module != new_is_module:
            if old_is_module:
                raise ValueError(
                    f"old {str(self.old)!r} is a module but new {str(self.new)!r} is an "
                    "attribute; a module alias needs a module on both sides (no colon)"
                )
            raise ValueError(
                f"old {str(self.old)!r} is an attribute but new {str(self.new)!r} is a "
                f"module; write new as 'module:attribute' "
                f"(e.g. '{self.new}:{self.old.rpartition(':')[2].rpartition('.')[2]}')"
            )
        if self.mode == "wrap" and old_is_module:
            raise ValueError("mode = 'wrap' applies to attribute aliases only; remove it")
        return self


class ExternalSpec(_Spec):
    """One `[[external]]`: a deprecated third-party path, scanned and migrated, never shimmed."""

    old: PathText
    new: PathText
    reason: str | None = None


class CheckSpec(_Spec):
    """The `[check]` table: how to import the application (used by check, triage, the plugin)."""

    setup: PathText | None = Field(
        default=None, description="'module:callable' run once per worker before any import."
    )
    env: dict[str, str] = Field(
        default_factory=dict, description="Environment variables set before the setup runs."
    )
    path: tuple[str, ...] = Field(
        default=(), strict=False, description="Folders added to sys.path, relative to this file."
    )


class RegistryFile(_Spec):
    """The whole file as written: the schema `ssot-registry schema` prints and loading validates."""

    registry: RegistryMetaSpec
    requires: dict[DistributionName, Annotated[RequirementSpec, _table_from_string("version")]] = (
        Field(default_factory=dict)
    )
    symbols: dict[SymbolName, Annotated[SymbolSpec, _table_from_string("path")]] = Field(
        default_factory=dict
    )
    alias: tuple[AliasSpec, ...] = Field(default=(), strict=False)
    external: tuple[ExternalSpec, ...] = Field(default=(), strict=False)
    check: CheckSpec | None = None


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:  # JSON Schema is a JSON object: a deliberate boundary
    """The JSON Schema of `registry.toml` (what `ssot-registry schema` prints).

    Generated from the models, plus what pydantic cannot see: the string forms
    `name = ">=1"` of `[requires]` and `name = "pkg:f"` of `[symbols]`, and the
    shape of their keys.
    """
    schema = RegistryFile.model_json_schema(by_alias=True)
    properties = schema["properties"]
    string_forms = {
        "requires": ("RequirementSpec", {"type": "string", "description": "version = ..."}),
        "symbols": ("SymbolSpec", {**_PATH_SCHEMA, "description": "path = ..."}),
    }
    names = {"requires": _DISTRIBUTION_NAME.pattern, "symbols": r"^[^\W\d]\w*$"}
    for table, (model, string_form) in string_forms.items():
        properties[table]["additionalProperties"] = {
            "anyOf": [string_form, {"$ref": f"#/$defs/{model}"}]
        }
        properties[table]["propertyNames"] = {"pattern": names[table]}
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = "ssot-registry registry.toml"
    return schema
