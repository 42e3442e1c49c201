"""Load `registry.toml`: parse, validate, locate every problem; never import anything."""

from __future__ import annotations

from pathlib import Path

from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.registry import cache
from ssot_registry.registry.compiled import Registry

__all__ = ["load", "load_text", "read", "read_text", "read_with_findings"]

_BOM = "\ufeff"


def _file_problem(path: Path | None, message: str, line: int | None = None) -> RegistryError:
    return RegistryError([Problem("SSOT001", message, path=path, line=line)])


def _decode(data: bytes, path: Path | None) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _file_problem(
            path,
            f"byte {data[error.start]:#04x} is not UTF-8; save the file as UTF-8",
            line,
        ) from None
    return text.removeprefix(_BOM)


def _validate(text: str, path: Path | None, *, static_checks: bool) -> Registry:
    from ssot_registry.registry.validation import validate_text

    return validate_text(text, path, static_checks=static_checks)


def read_text(text: str, path: Path | None = None) -> Registry:
    """Validate registry text, raising RegistryError for SSOT001 problems only."""
    return _validate(text, path, static_checks=False)


def load_text(text: str, path: Path | None = None) -> Registry:
    """Validate registry text; raise RegistryError listing every SSOT001-005 problem."""
    return _validate(text, path, static_checks=True)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _file_problem(
            path, "registry file not found; create it or pass --registry FILE"
        ) from None
    except IsADirectoryError:
        raise _file_problem(path, "is a folder, not a registry file; pass the TOML file") from None
    except OSError as error:
        raise _file_problem(path, f"cannot read the file ({error.strerror}); check it") from None


def read(path: str | Path) -> Registry:
    """Load a schema-valid registry, leaving SSOT002-005 findings to the caller (see check).

    Raises RegistryError for SSOT001 problems only.
    """
    source = Path(path)
    return read_text(_decode(_read_bytes(source), source), source)


def load(path: str | Path) -> Registry:
    """Load and fully validate a registry file, using the compiled cache when it is current.

    Raises RegistryError listing every problem (SSOT001-005), each with its line.
    """
    source = Path(path)
    data = _read_bytes(source)
    use_cache = cache.cache_enabled()
    digest = cache.content_digest(data) if use_cache else b""
    if use_cache:
        rows = cache.read_cached(source, digest)
        if rows is not None:
            return Registry(rows, source)
    registry = load_text(_decode(data, source), source)
    if use_cache:
        cache.write_cached(source, digest, registry.rows)
    return registry


def read_with_findings(path: str | Path) -> tuple[Registry, list[Problem]]:
    """Load a registry once for `check`: the registry and its SSOT002-005 findings.

    Raises RegistryError for SSOT001 problems only; a clean registry comes from
    (and goes to) the compiled cache like `load`.
    """
    from ssot_registry.registry.static_checks import find_problems

    source = Path(path)
    data = _read_bytes(source)
    use_cache = cache.cache_enabled()
    digest = cache.content_digest(data) if use_cache else b""
    if use_cache:
        rows = cache.read_cached(source, digest)
        if rows is not None:
            return Registry(rows, source), []
    registry = read_text(_decode(data, source), source)
    problems = find_problems(registry)
    if use_cache and not problems:
        cache.write_cached(source, digest, registry.rows)
    return registry, problems
