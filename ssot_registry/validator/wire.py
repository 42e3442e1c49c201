"""How the validator's records cross a pipe: length-prefixed pickles.

A frame is an 8-byte big-endian length and a pickle. The reader knows when
a message is complete, so it never waits for end-of-file: a process that
left a child holding the write end of the pipe does not stall it. Only the
check process and its own workers write these frames.
"""

from __future__ import annotations

import os
import pickle
import selectors
import time

__all__ = ["Frames", "encode", "read_frame", "write_all"]

_HEADER = 8
_CHUNK = 65536


def encode(message: object) -> bytes:
    """One frame holding `message`."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "big") + data


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd`."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Frames:
    """Decodes the frames of one byte stream as its chunks arrive."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, chunk: bytes) -> list[object]:
        """The messages completed by `chunk`, in order."""
        self.buffer += chunk
        messages: list[object] = []
        while len(self.buffer) >= _HEADER:
            size = int.from_bytes(self.buffer[:_HEADER], "big")
            if len(self.buffer) < _HEADER + size:
                break
            data = bytes(self.buffer[_HEADER : _HEADER + size])
            del self.buffer[: _HEADER + size]
            messages.append(pickle.loads(data))  # noqa: S301 - written by our own worker
        return messages


def read_frame(fd: int, timeout: float | None) -> tuple[object | None, bool]:
    """The first message on `fd`: `(message, False)`, `(None, False)` at end of file or on a
    broken frame, `(None, True)` when nothing complete arrived within `timeout` seconds
    (None: no limit)."""
    frames = Frames()
    deadline = None if timeout is None else time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if (left is not None and left <= 0) or not selector.select(left):
                return None, True
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                return None, False
            try:
                messages = frames.feed(chunk)
            except Exception:  # a child that died mid-write leaves a torn pickle
                return None, False
            if messages:
                return messages[0], False
