"""The compiled registry: a validated registry as versioned JSON (`ssot-registry compile`).

`load()` and `install()` read it without pydantic or packaging, for platforms
where pydantic-core has no wheel (WebAssembly builds such as Pyodide) and for
applications that want no validation at start. It holds the same tables as the
`__pycache__` cache (`tables.to_plain`); JSON arrays come back as tuples and go
through `tables.from_plain`, which checks their shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ssot_registry._version import __version__
from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.registry.tables import from_plain, to_plain
from ssot_registry.registry.validated import Registry

__all__ = ["FORMAT", "FORMAT_VERSION", "dump_compiled", "is_compiled", "load_compiled"]

FORMAT = "ssot-registry-compiled"
FORMAT_VERSION = 1


def is_compiled(data: bytes) -> bool:
    """True when a registry file's bytes are a compiled registry (JSON), not TOML."""
    return data.lstrip()[:1] == b"{"


def dump_compiled(registry: Registry) -> str:
    """The JSON text of a validated registry (deterministic: the same registry, the same text)."""
    import json  # not on a TOML registry's load path: every application start would pay

    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "ssot_registry": __version__,
        "source": registry.source.name if registry.source is not None else None,
        "tables": to_plain(registry.tables),
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _tuples(value: Any) -> Any:
    """JSON arrays back to tuples, at every depth."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    return value


def _error(path: Path | None, message: str) -> RegistryError:
    return RegistryError([Problem("SSOT001", message, path=path, line=None)])


def load_compiled(data: bytes, path: Path | None = None) -> Registry:
    """The registry a compiled file holds; RegistryError (SSOT001) when it cannot be used."""
    import json  # only for a compiled registry, not at every start

    recompile = "run `ssot-registry compile` again"
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _error(path, f"not a compiled registry ({error}); {recompile}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _error(path, f"not a compiled registry (no 'format': {FORMAT!r}); {recompile}")
    made_by = document.get("ssot_registry")
    if document.get("version") != FORMAT_VERSION or made_by != __version__:
        raise _error(
            path,
            f"compiled by ssot-registry {made_by}, this is {__version__}; {recompile}",
        )
    try:
        tables = from_plain(_tuples(document.get("tables")))
    except ValueError as error:
        raise _error(path, f"the compiled tables are damaged ({error}); {recompile}") from None
    return Registry(tables, path)
