"""Ending every process that checked code started, whatever it did to hide.

Each worker runs in its own session (so a Ctrl-C meant for `check` does not
reach it, and its whole process group can be killed by its id) and, on
Linux, is a "child subreaper": a process started by imported code that
loses its parent (or calls `setsid()` to leave the group) is re-parented to
the worker instead of init. After each unit the worker kills and reaps
every descendant it still has; the check process kills each worker's
group when it closes the pool. Without /proc (macOS, BSD) only the group
kill applies.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

__all__ = ["become_subreaper", "end_descendants", "kill_group"]

_PR_SET_CHILD_SUBREAPER = 36
_ROUNDS = 50


def become_subreaper() -> bool:
    """Make this process the reaper of its orphaned descendants (Linux); False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _children(pid: int) -> list[int]:
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    return [child for thread in threads for child in _read_children(pid, thread)]


def _read_children(pid: int, thread: str) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except (OSError, ValueError):
        return []


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, parents first."""
    tree = [pid]
    for member in tree:
        tree += _children(member)
    return tree


def end_descendants() -> None:
    """SIGKILL and reap every descendant of this process (a subreaper catches the orphans)."""
    me = os.getpid()
    for _ in range(_ROUNDS):
        children = _children(me)
        if not children:
            return
        for child in children:
            for pid in _tree(child):
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        for child in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child, 0)


def kill_group(pgid: int) -> None:
    """SIGKILL process group `pgid` (gone already is fine)."""
    with contextlib.suppress(OSError):
        os.killpg(pgid, signal.SIGKILL)
