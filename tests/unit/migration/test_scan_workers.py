"""Work spread over forked processes: every chunk once, in order, failures handled."""

from __future__ import annotations

import os

import pytest

from ssot_registry.migration.workers import can_fork, run_forked

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs os.fork and one running thread")


def _pids_and_values(chunk: list[int]) -> list[tuple[int, int]]:
    """Each value of `chunk` squared, with the id of the process that computed it."""
    return [(os.getpid(), value * value) for value in chunk]


def test_every_chunk_is_computed_once_in_chunk_order() -> None:
    """Results come back in chunk order, and children share the work."""
    chunks = [[start, start + 1] for start in range(0, 20, 2)]
    results = run_forked(chunks, _pids_and_values, 3)
    assert [value for _, value in results] == [value * value for value in range(20)]
    assert len({pid for pid, _ in results}) == 3
    assert results[0][0] == os.getpid()


def test_an_error_in_a_child_is_raised_in_the_caller() -> None:
    """An exception raised by the work in a child reaches the caller with its message."""
    parent = os.getpid()

    def fail_in_child(chunk: list[int]) -> list[int]:
        if os.getpid() != parent:
            raise ValueError(f"bad chunk {chunk}")
        return chunk

    with pytest.raises(ValueError, match=r"^bad chunk \[2\]$"):
        run_forked([[1], [2]], fail_in_child, 2)


def test_a_child_that_dies_has_its_share_done_by_the_caller() -> None:
    """A child that exits without sending anything loses nothing: the caller redoes its share."""
    parent = os.getpid()

    def die_in_child(chunk: list[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            os._exit(3)
        return [(os.getpid(), value) for value in chunk]

    results = run_forked([[1], [2], [3], [4]], die_in_child, 2)
    assert results == [(parent, value) for value in (1, 2, 3, 4)]
