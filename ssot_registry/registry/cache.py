"""A compiled cache of validated registries, stored next to the file like `__pycache__`.

The cache file holds a digest of the registry's bytes, so a cache entry can
never be stale: different bytes, different digest, the entry is ignored. A
folder that cannot be written just means no cache. `SSOT_REGISTRY_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path

from ssot_registry.registry.tables import Tables, from_plain, to_plain

__all__ = ["cache_file", "content_digest", "read_cached", "write_cached"]

_FORMAT = b"ssot-registry-cache-3\n"  # bump when the tables change shape
_TAG = f"ssot-{sys.implementation.cache_tag}"


def cache_enabled() -> bool:
    """False when `SSOT_REGISTRY_NO_CACHE` is set to a true value."""
    return os.environ.get("SSOT_REGISTRY_NO_CACHE", "").lower() not in ("1", "true", "yes")


def content_digest(data: bytes) -> bytes:
    """The cache key: a digest of the registry file's bytes and of this library's version."""
    from ssot_registry._version import __version__

    return hashlib.blake2b(data + __version__.encode(), digest_size=20).digest()


def cache_file(source: Path) -> Path:
    """Where the cache of `source` lives: `__pycache__/<name>.<tag>.marshal` beside it."""
    return source.parent / "__pycache__" / f"{source.name}.{_TAG}.marshal"


def read_cached(source: Path, digest: bytes) -> Tables | None:
    """The cached compiled tables for these bytes, or None (missing, stale, unreadable, corrupt)."""
    try:
        data = cache_file(source).read_bytes()
    except OSError:
        return None
    header = _FORMAT + digest
    if not data.startswith(header):
        return None
    try:
        return from_plain(marshal.loads(data[len(header) :]))  # noqa: S302 - like a .pyc
    except (EOFError, ValueError, TypeError):
        return None


def write_cached(source: Path, digest: bytes, tables: Tables) -> None:
    """Store the cache atomically; silently do nothing where the folder is not writable."""
    target = cache_file(source)
    payload = _FORMAT + digest + marshal.dumps(to_plain(tables))  # type: ignore[arg-type] # plain tuples
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        import tempfile  # only when a cache is written, not on every warm start

        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{source.name}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
