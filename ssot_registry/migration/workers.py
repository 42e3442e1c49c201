"""Chunks of work spread over forked processes, the calling process taking a share itself.

On a platform that can fork, this is cheaper than a process pool: the children
inherit the index instead of receiving it, no manager thread competes with them
for the CPUs, and only the children's results are pickled (once, through a pipe).
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

__all__ = ["can_fork", "run_forked"]

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    """True where `os.fork` exists (Linux, macOS, the BSDs) and is safe: one thread running."""
    return hasattr(os, "fork") and threading.active_count() == 1


def _child(read_end: int, write_end: int, run: Callable[[], object]) -> None:
    """In a forked child: run, send the pickled outcome (or the error), and exit at once."""
    os.close(read_end)
    status = 0
    try:
        try:
            payload = pickle.dumps(("ok", run()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:
            try:
                payload = pickle.dumps(("error", error))
            except Exception:
                payload = pickle.dumps(("error", RuntimeError(repr(error))))
        with os.fdopen(write_end, "wb") as stream:
            stream.write(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _run_share(work: Callable[[Item], list[Result]], share: list[Item]) -> list[list[Result]]:
    return [work(chunk) for chunk in share]


def _receive(pid: int, read_end: int) -> tuple[str, object] | None:
    """A child's pickled outcome, None when the child died before sending all of it."""
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(data)  # noqa: S301 - our own child's bytes
    except Exception:
        return None
    return str(kind), value


def run_forked(
    chunks: Sequence[Item], work: Callable[[Item], list[Result]], processes: int
) -> list[Result]:
    """`work` on every chunk, over `processes` processes (this one included), in chunk order.

    Chunk `i` goes to process `i % processes`. A child that dies has its share
    redone here; an exception raised by `work` in a child is raised here.
    Raises OSError when no child can be started.
    """
    shares = [list(chunks[start::processes]) for start in range(processes)]
    children: list[tuple[int, int, int]] = []
    try:
        for number in range(1, processes):
            share = shares[number]
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child, which never returns
                _child(read_end, write_end, partial(_run_share, work, share))
            os.close(write_end)
            children.append((number, pid, read_end))
    except OSError:
        if not children:
            raise
    try:
        done: dict[int, list[list[Result]]] = {0: _run_share(work, shares[0])}
    finally:  # reap every child, even when this process's own share failed
        received = [(number, _receive(pid, read_end)) for number, pid, read_end in children]
    for number, outcome in received:
        if outcome is not None and outcome[0] == "error":
            raise outcome[1]  # type: ignore[misc]
        if outcome is not None:
            done[number] = outcome[1]  # type: ignore[assignment]
    for number in range(1, processes):
        if number not in done:  # the child died or never started: its share is done here
            done[number] = [work(chunk) for chunk in shares[number]]
    return [
        result
        for index in range(len(chunks))
        for result in done[index % processes][index // processes]
    ]
