"""Warm-up for `import` tasks: done once in the warm worker, inherited by every forked child.

A fresh interpreter that imports `pkg.sub.mod` lists the folders on
`sys.path` and runs `pkg/__init__.py` and `pkg/sub/__init__.py` first;
pytest imports every `conftest.py` before any test module. Doing that once
before forking changes nothing a child would see, and saves each child the
work. A warm-up import that fails is left for the children to meet and report.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import io

from ssot_registry.validator.probe import prepend
from ssot_registry.validator.records import Warm

__all__ = ["warm_up"]


def warm_up(warm: Warm) -> int:
    """List `warm.folders` for the import system and run `warm.imports`; how many imported."""
    for folder in warm.folders:
        importlib.machinery.PathFinder.find_spec("__ssot_registry_warm__", [folder])
    done = 0
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for task in warm.imports:
            prepend(task)
            try:
                importlib.import_module(task.module)
            except BaseException:  # noqa: S112 - a child meets it again and reports it
                continue
            done += 1
    return done
