"""Syntax proofs remembered by content: which file bytes are known to parse.

A file with findings is parsed before any finding in it is called fixable
(SPEC §9), which costs CPython's parser about a millisecond a file. Whether
bytes parse depends only on the bytes, the interpreter and this library, so a
success is remembered by a digest of the bytes, in
`__pycache__/ssot-syntax.<tag>.bin` beside the first path scanned. The file
follows the registry cache's trust rules (`registry.cache`): it is believed
only when it is a regular file owned by the current user, reached without
symlinks, for this interpreter and library version, with an intact checksum;
it is written atomically, and never with `SSOT_REGISTRY_NO_CACHE`. Failures are
not remembered (their message is worked out again). Anything wrong with the
file just means parsing afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from ssot_registry._version import __version__
from ssot_registry.registry.cache import cache_enabled, checksum, read_trusted, write_trusted

__all__ = ["MAX_PROOFS", "Proofs", "compiled_by_python", "proof_key", "proofs_file"]

_KEY_SIZE = 16
_FORMAT = b"ssot-syntax-proofs-1\n"
# what a proof depends on besides the bytes: the exact interpreter and this library
_SETTING = hashlib.blake2b(
    f"{sys.implementation.name} {sys.version} {__version__}".encode(), digest_size=_KEY_SIZE
).digest()
_HEADER = _FORMAT + _SETTING
_CHECKSUM_SIZE = 4
MAX_PROOFS = 200_000  # 3.2 MB; beyond this, only the last run's proofs are kept


def proof_key(data: bytes) -> bytes:
    """The digest that stands for a file's bytes in the cache."""
    return hashlib.blake2b(data, digest_size=_KEY_SIZE).digest()


def proofs_file(folder: str | os.PathLike[str]) -> Path:
    """Where the proofs of a scan of `folder` are kept."""
    return Path(folder) / "__pycache__" / f"ssot-syntax.{sys.implementation.cache_tag}.bin"


class Proofs:
    """The keys of the contents known to parse, loaded from (and saved to) one cache file."""

    def __init__(self, known: frozenset[bytes] = frozenset(), path: Path | None = None) -> None:
        self.known = known
        self.path = path

    @classmethod
    def load(cls, folder: str | os.PathLike[str] | None) -> Proofs:
        """The proofs kept for `folder`; none (and nothing saved later) when the cache is off."""
        if folder is None or not cache_enabled():
            return cls()
        path = proofs_file(folder)
        return cls(_decode(read_trusted(path)), path)

    def __contains__(self, key: bytes) -> bool:
        return key in self.known

    def save(self, keys: Iterable[bytes]) -> None:
        """Remember `keys` (a run's proofs) as well; silently nothing where the folder cannot
        be written. Beyond `MAX_PROOFS` keys, only this run's are kept."""
        run = set(keys)
        fresh = run - self.known
        if self.path is None or not fresh:
            return
        kept = self.known | fresh if len(self.known) + len(fresh) <= MAX_PROOFS else run
        payload = b"".join(sorted(kept))
        data = _HEADER + checksum(payload) + payload
        with contextlib.suppress(OSError):
            write_trusted(self.path, data)


def _decode(data: bytes | None) -> frozenset[bytes]:
    """The keys in a cache file's bytes; none when they are missing, foreign or damaged."""
    if data is None or not data.startswith(_HEADER):
        return frozenset()
    start = len(_HEADER) + _CHECKSUM_SIZE
    payload = data[start:]
    if data[len(_HEADER) : start] != checksum(payload) or len(payload) % _KEY_SIZE:
        return frozenset()
    return frozenset(payload[at : at + _KEY_SIZE] for at in range(0, len(payload), _KEY_SIZE))


_PYC_HEADER = 16
_HASH_BASED = 0b1


def compiled_by_python(path: str, data: bytes, size: int, mtime_ns: int) -> bool:
    """True when this interpreter's own `.pyc` of `path` says these very bytes compiled.

    Python writes `__pycache__/<name>.<tag>.pyc` (or under `sys.pycache_prefix`)
    only for a source that compiled, with the source's size and whole-second
    mtime, or a hash of its bytes, in the header; it trusts that header to run
    the cached code, so a scan may trust it to know the bytes parse. The `.pyc`
    must be a regular file owned by the current user, reached without
    following a symlink; anything else (or any mismatch) proves nothing.
    """
    import importlib.util  # only for trees whose files have findings

    try:
        pyc = importlib.util.cache_from_source(path)
    except (NotImplementedError, ValueError):  # no cache tag, or not a .py name
        return False
    header = read_trusted(Path(pyc), limit=_PYC_HEADER)
    if header is None or len(header) < _PYC_HEADER:
        return False
    if header[:4] != importlib.util.MAGIC_NUMBER:
        return False
    flags = int.from_bytes(header[4:8], "little")
    if flags & _HASH_BASED:
        return header[8:16] == importlib.util.source_hash(data)
    if flags:
        return False
    seconds = (mtime_ns // 1_000_000_000) & 0xFFFFFFFF
    return header[8:12] == seconds.to_bytes(4, "little") and header[12:16] == (
        size & 0xFFFFFFFF
    ).to_bytes(4, "little")
