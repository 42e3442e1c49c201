"""Reading an open file that may not be what its size said: the one bounded read.

The registry loader and scan/migrate both take a file's size with `fstat`,
then read. Reading exactly that size plus one byte tells a file that grew
meanwhile, and a limit keeps a file that keeps growing (or lies, like a
device) from being read without end. A buffer of the whole limit is never
allocated: most files are small and the limit is large.
"""

from __future__ import annotations

import os

__all__ = ["read_at_most"]

_CHUNK = 1 << 16


def read_at_most(descriptor: int, limit: int, expected: int) -> bytes:
    """Up to `limit` bytes of open file `descriptor`, in one read when it is still `expected`
    bytes long; more than `expected` bytes back means the file grew since its size was taken."""
    chunks = []
    size = min(expected + 1, limit)
    while limit > 0:
        chunk = os.read(descriptor, size)
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
        size = min(_CHUNK, limit)  # it grew meanwhile (or this read confirms the end)
    return b"".join(chunks)
