"""Load `registry.toml`: parse, validate, locate every problem; never import anything."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ssot_registry.exceptions import Problem, RegistryError
from ssot_registry.reading import read_at_most
from ssot_registry.registry import cache, compiled_json
from ssot_registry.registry.validated import Registry

__all__ = ["load", "load_text", "load_text_unchecked", "load_unchecked", "load_with_findings"]

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


def _validated(
    text: str, path: Path | None, *, static_checks: bool
) -> tuple[Registry, list[Problem]]:
    from ssot_registry.registry.validation import validate_text

    return validate_text(text, path, static_checks=static_checks)


def load_text_unchecked(text: str, path: Path | None = None) -> Registry:
    """Validate registry text, raising RegistryError for SSOT001 problems only."""
    return _validated(text, path, static_checks=False)[0]


def load_text(text: str, path: Path | None = None) -> Registry:
    """Validate registry text; raise RegistryError listing every SSOT001-005 problem."""
    registry, problems = _validated(text, path, static_checks=True)
    if problems:
        raise RegistryError(problems)
    return registry


def _unreadable(path: Path, error: OSError) -> RegistryError:
    return _file_problem(path, f"cannot read the file ({error.strerror}); check it")


MAX_SIZE = 64 * 1024 * 1024
"""The largest registry file read (a 10,000-alias registry is about 1 MiB)."""

_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_kind(path: Path, mode: int, size: int) -> None:
    if stat.S_ISDIR(mode):
        raise _file_problem(path, "is a folder, not a registry file; pass the TOML file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
        raise _file_problem(path, f"is {kind}, not a registry file; pass the TOML file")
    if size > MAX_SIZE:
        raise _file_problem(
            path,
            f"is {size / 2**20:.0f} MiB, more than a registry can be "
            f"({MAX_SIZE // 2**20} MiB); pass the registry TOML file",
        )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file of at most MAX_SIZE (a FIFO is never waited on)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _file_problem(
            path, "registry file not found; create it or pass --registry FILE"
        ) from None
    except IsADirectoryError:
        raise _file_problem(path, "is a folder, not a registry file; pass the TOML file") from None
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        status = os.fstat(descriptor)
        _check_kind(path, status.st_mode, status.st_size)
        data = read_at_most(descriptor, MAX_SIZE + 1, status.st_size)
    except OSError as error:
        raise _unreadable(path, error) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_SIZE:  # grew while being read
        raise _file_problem(path, f"is more than {MAX_SIZE // 2**20} MiB; pass the TOML file")
    return data


def load_unchecked(path: str | Path) -> Registry:
    """Load a schema-valid registry, leaving SSOT002-005 findings to the caller (see check).

    Raises RegistryError for SSOT001 problems only.
    """
    source = Path(path)
    return load_text_unchecked(_decode(_read_bytes(source), source), source)


def _from_file(source: Path) -> tuple[Registry, list[Problem]]:
    """A registry file and its SSOT002-005 findings, from the compiled cache when it is current
    (only a registry without findings is cached); RegistryError for SSOT001."""
    data = _read_bytes(source)
    if compiled_json.is_compiled(data):  # `ssot-registry compile` output: validated already
        return compiled_json.load_compiled(data, source), []
    use_cache = cache.cache_enabled()
    digest = cache.content_digest(data) if use_cache else b""
    if use_cache:
        tables = cache.read_cached(source, digest)
        if tables is not None:
            return Registry(tables, source), []
    registry, problems = _validated(_decode(data, source), source, static_checks=True)
    if use_cache and not problems:
        cache.write_cached(source, digest, registry.tables)
    return registry, problems


def load(path: str | Path) -> Registry:
    """Load and fully validate a registry file, using the compiled cache when it is current.

    Raises RegistryError listing every problem (SSOT001-005), each with its line.
    """
    registry, problems = _from_file(Path(path))
    if problems:
        raise RegistryError(problems)
    return registry


def load_with_findings(path: str | Path) -> tuple[Registry, list[Problem]]:
    """Load a registry once for `check`: the registry and its SSOT002-005 findings.

    Raises RegistryError for SSOT001 problems only; a clean registry comes from
    (and goes to) the compiled cache like `load`.
    """
    return _from_file(Path(path))
