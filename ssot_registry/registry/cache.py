"""A compiled cache of validated registries, stored next to the file like `__pycache__`.

The cache file holds a digest of the registry's bytes, so a cache entry can
never be stale: different bytes, different digest, the entry is ignored. Its
payload carries a checksum, so a damaged file is never believed. A cache is
read only when it is a regular file (not a symlink, not a FIFO) owned by the
current user, inside a `__pycache__` that is a real folder; anything else
means "validate afresh". A folder that cannot be written just means no
cache. `SSOT_REGISTRY_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from ssot_registry.registry.environment import env_flag
from ssot_registry.registry.tables import Tables, from_plain, to_plain

__all__ = [
    "cache_enabled",
    "cache_file",
    "checksum",
    "content_digest",
    "read_cached",
    "read_trusted",
    "write_cached",
    "write_trusted",
]

_FORMAT = b"ssot-registry-cache-3\n"  # bump when the tables change shape
_DIGEST_SIZE = 20
_CHECKSUM_SIZE = 4
_TAG = f"ssot-{sys.implementation.cache_tag}"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# without dir_fd (Windows) the folder is checked by path instead
_DIR_FD = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd


def cache_enabled() -> bool:
    """False when `SSOT_REGISTRY_NO_CACHE` is set to a true value."""
    return not env_flag("SSOT_REGISTRY_NO_CACHE")


def content_digest(data: bytes) -> bytes:
    """The cache key: a digest of the registry file's bytes and of this library's version."""
    from ssot_registry._version import __version__

    digest = hashlib.sha256(data)  # in hardware on current CPUs: twice blake2b's speed
    digest.update(__version__.encode())
    return digest.digest()[:_DIGEST_SIZE]


def cache_file(source: Path) -> Path:
    """Where the cache of `source` lives: `__pycache__/<name>.<tag>.marshal` beside it."""
    return source.parent / "__pycache__" / f"{source.name}.{_TAG}.marshal"


def checksum(payload: bytes | memoryview) -> bytes:
    """The CRC-32 a cache file stores ahead of its payload, so damage is never believed."""
    return zlib.crc32(payload).to_bytes(_CHECKSUM_SIZE, "big")


def _owned(status: os.stat_result) -> bool:
    """True when the current user owns the file (always, where there are no user ids)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or status.st_uid == geteuid()


@contextlib.contextmanager
def _folder(path: Path) -> Iterator[int | None]:
    """A descriptor of folder `path`, opened without following a symlink (None without
    dir_fd support, once `path` is checked not to be a symlink); OSError otherwise."""
    if not _DIR_FD:
        if path.is_symlink() or not path.is_dir():
            raise NotADirectoryError(str(path))
        yield None
        return
    descriptor = os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def read_trusted(path: Path, limit: int = -1) -> bytes | None:
    """The bytes of `path` (the first `limit` of them, when given) when it is a regular file
    owned by us, reached without symlinks."""
    with contextlib.suppress(OSError), _folder(path.parent) as folder:
        name: str | Path = path.name if folder is not None else path
        flags = os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY
        descriptor = os.open(name, flags, dir_fd=folder)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode) or not _owned(status):
                return None
            return stream.read(limit)
    return None


def read_cached(source: Path, digest: bytes) -> Tables | None:
    """The cached compiled tables for these bytes, or None (missing, stale, untrusted, damaged)."""
    data = read_trusted(cache_file(source))
    if data is None:
        return None
    header = _FORMAT + digest
    start = len(header) + _CHECKSUM_SIZE
    if not data.startswith(header):
        return None
    payload = memoryview(data)[start:]  # not copied: checked and unmarshalled in place
    if data[len(header) : start] != checksum(payload):
        return None
    try:
        return from_plain(marshal.loads(payload))  # noqa: S302 - our own file, like a .pyc
    except (EOFError, ValueError, TypeError):
        return None


def write_cached(source: Path, digest: bytes, tables: Tables) -> None:
    """Store the cache atomically; silently do nothing where the folder is not writable or
    `__pycache__` is not a real folder (a symlink planted there is never followed)."""
    target = cache_file(source)
    payload = marshal.dumps(to_plain(tables))  # type: ignore[arg-type] # plain tuples
    with contextlib.suppress(OSError):
        write_trusted(target, _FORMAT + digest + checksum(payload) + payload)


def write_trusted(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically, creating its folder (one level) when missing and
    never following a symlink planted as that folder or file; OSError when it cannot."""
    with contextlib.suppress(FileExistsError):
        target.parent.mkdir()
    with _folder(target.parent) as folder:
        _write_in(folder, target, data)


def _write_in(folder: int | None, target: Path, data: bytes) -> None:
    temporary = f".{target.name}.{os.urandom(6).hex()}.tmp"
    if folder is None:
        temporary_path: str | Path = target.parent / temporary
        final: str | Path = target
    else:
        temporary_path, final = temporary, target.name
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    descriptor = os.open(temporary_path, flags, 0o644, dir_fd=folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary_path, final, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary_path, dir_fd=folder)
        raise
