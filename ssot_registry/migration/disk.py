"""Reading and replacing source files safely: regular files only, no lost edits, no strays.

`read_file` opens without following a symlink and without blocking (a FIFO
named `x.py` is reported, not waited on), reads regular files only and at most
`MAX_BYTES`. `replace_file` writes through a temporary file in the same folder
and `os.replace`, but only when the file on disk is still exactly what was read
(same inode, size, time and bytes), has one link, and keeps its owner, group
and mode. Temporaries are named `.NAME.ssot-PID-XXXXXXXX.tmp`;
`remove_stale_temporaries` deletes those whose process has ended, and no others.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from typing import NamedTuple

from ssot_registry.migration.source import SourceError
from ssot_registry.reading import read_at_most

__all__ = [
    "MAX_BYTES",
    "Stamp",
    "is_temporary_name",
    "read_file",
    "remove_stale_temporaries",
    "replace_file",
]

MAX_BYTES = 16 * 1024 * 1024
_MiB = 1024 * 1024
_TEMPORARY = re.compile(r"\.(.+\.(?:py|pyi|ipynb))\.ssot-([0-9]+)-[0-9a-f]{8}\.tmp\Z")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symlink"),
)


class Stamp(NamedTuple):
    """What identifies the version of a file that was read: its inode, size and change time.

    A named tuple: made for every file read, so it must be cheap to make and to pickle.
    """

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> Stamp:
        """The stamp of a `stat` result."""
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"  # pragma: no cover - every kind POSIX has is listed


def read_file(path: str) -> tuple[bytes, Stamp]:
    """The bytes of the regular file `path` and its stamp; SourceError for anything else.

    Never follows a symlink at `path` and never blocks on a FIFO or device.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if os.path.islink(path):
            raise SourceError("skipped: it is a symlink") from None
        raise SourceError(f"cannot read: {error.strerror}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"skipped: not a regular file ({kind_of(info.st_mode)})")
        if info.st_size > MAX_BYTES:
            raise SourceError(
                f"skipped: {info.st_size / _MiB:.1f} MiB, larger than the"
                f" {MAX_BYTES // _MiB} MiB limit for a source file"
            )
        data = read_at_most(handle, info.st_size + 1, info.st_size)
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror}") from None
    finally:
        os.close(handle)
    if len(data) != info.st_size:
        raise SourceError("skipped: the file changed while it was read; run again")
    return data, Stamp.of(info)


def _same_stamp(path: str, stamp: Stamp) -> os.stat_result:
    """The `lstat` of `path`; SourceError unless it is a regular file with the stamp read."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise SourceError("not written: the file was deleted after it was read") from None
    if Stamp.of(info) != stamp or not stat.S_ISREG(info.st_mode):
        raise SourceError("not written: the file changed after it was read; run migrate again")
    return info


def _unchanged(path: str, original: bytes, stamp: Stamp) -> None:
    """Raise SourceError unless `path` is still the very file, with the very bytes, read."""
    _same_stamp(path, stamp)
    try:
        current, _ = read_file(path)
    except SourceError:
        current = None
    if current != original:
        raise SourceError("not written: the file changed after it was read; run migrate again")


def _create_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new, empty temporary file of our own pattern next to `name`: its handle and path."""
    while True:
        temporary = os.path.join(folder, f".{name}.ssot-{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), temporary
        except FileExistsError:  # pragma: no cover - 32 random bits already taken
            continue


def _fill(handle: int, temporary: str, data: bytes, info: os.stat_result) -> None:
    """Write `data` to the temporary file and give it the owner, group and mode of `info`."""
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        mine = os.fstat(handle)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid) and hasattr(os, "fchown"):
            try:
                os.fchown(handle, info.st_uid, info.st_gid)
            except PermissionError:
                raise SourceError(
                    f"not written: it belongs to user {info.st_uid}, group {info.st_gid}, and"
                    " replacing it would change that; run migrate as its owner"
                ) from None
        mode = stat.S_IMODE(info.st_mode)  # set after chown, which clears set-id bits
        if os.chmod in os.supports_fd:
            os.chmod(handle, mode)
        else:  # pragma: no cover - Windows before 3.13
            os.chmod(temporary, mode)


def replace_file(path: str, data: bytes, original: bytes, stamp: Stamp) -> None:
    """Replace `path` (read as `original` with `stamp`) by `data`, atomically; SourceError if not.

    Refuses a file that changed or vanished since it was read, a read-only
    file, and a file with several hard links (replacing one link would leave
    the others with the old text); keeps owner, group and mode.
    """
    folder, name = os.path.split(path)
    temporary = None
    try:
        info = _same_stamp(path, stamp)  # a first look; the bytes are compared at the last
        if info.st_nlink > 1:
            raise SourceError(
                f"not written: the file has {info.st_nlink} hard links, and replacing it would"
                " leave the others with the old text; rewrite it by hand"
            )
        writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        if not info.st_mode & writable or not os.access(path, os.W_OK):
            raise SourceError("cannot write: the file is read-only; make it writable and run again")
        handle, temporary = _create_temporary(folder or ".", name)
        _fill(handle, temporary, data, info)
        _unchanged(path, original, stamp)  # the last look, right before the swap
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        where = f" in {folder or '.'}" if isinstance(error, PermissionError) else ""
        raise SourceError(f"cannot write: {error.strerror}{where}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):  # gone already: nothing is left behind
                os.unlink(temporary)


def is_temporary_name(name: str) -> bool:
    """True when `name` has the pattern of our temporary files (cheap; no system call)."""
    return name.endswith(".tmp") and ".ssot-" in name and _TEMPORARY.match(name) is not None


def _running(pid: int) -> bool:
    """False only when no process `pid` exists; this one, another user's or a bad pid count."""
    if pid <= 0 or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # someone else's process, or no such number: keep it
        return True
    return True


_EUID = os.geteuid() if hasattr(os, "geteuid") else 0


def remove_stale_temporaries(paths: list[str]) -> list[str]:
    """Delete the regular files among `paths` of our temporary pattern whose writer has ended.

    Returns the paths removed. A name of another pattern, a symlink, a folder,
    another user's file and the temporary of a running process are left alone.
    """
    removed = []
    for path in paths:
        found = _TEMPORARY.match(os.path.basename(path))
        if found is None or _running(int(found.group(2))):
            continue
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != _EUID:
                continue
            os.unlink(path)
        except OSError:
            continue
        removed.append(path)
    return removed
