"""Damaging a file on purpose: one flipped byte at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

__all__ = ["each_byte_flipped"]


def each_byte_flipped(target: Path) -> Iterator[int]:
    """Rewrite `target` with each of its bytes flipped in turn (one at a time), yielding the
    position flipped while the file holds that damage."""
    original = target.read_bytes()
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x20
        target.write_bytes(bytes(damaged))
        yield position
