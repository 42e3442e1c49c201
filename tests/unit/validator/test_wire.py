"""The pipe format: length-prefixed pickles of the validator's records."""

from __future__ import annotations

import os

from ssot_registry.validator.records import Cause, Done, failed, import_task, passed
from ssot_registry.validator.wire import Frames, encode, read_until, write_all

MESSAGES = [
    Done((passed(import_task("app.a"), "imported app.a"),)),
    Done((failed(import_task("app.b"), "SSOT010", "boom", Cause("app.b", "b.py", 3, "E")),)),
]


def test_frames_decode_whatever_the_chunking() -> None:
    """Messages split at every byte come out whole, equal and in order."""
    data = b"".join(encode(message) for message in MESSAGES)
    for size in (1, 7, len(data)):
        frames = Frames()
        decoded = []
        for start in range(0, len(data), size):
            decoded += frames.feed(data[start : start + size])
        assert decoded == MESSAGES


def test_reading_stops_at_the_last_message_while_the_write_end_stays_open() -> None:
    """The reader returns as soon as the last message is complete, not at end of file."""
    read_end, write_end = os.pipe()
    try:
        write_all(write_end, b"".join(encode(message) for message in MESSAGES))
        last = MESSAGES[1]
        assert read_until(read_end, 5.0, lambda m: m == last) == (MESSAGES, False)
    finally:
        os.close(read_end)
        os.close(write_end)
