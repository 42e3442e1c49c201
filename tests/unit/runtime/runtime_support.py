"""Shared pieces of the runtime tests: the registry header and a small real application."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from ssot_registry.runtime import Installation

# Pyodide (the CPython 3.14/3.15 lane) runs in one thread of a WebAssembly process
NEEDS_THREADS = pytest.mark.skipif(
    sys.platform == "emscripten", reason="needs threads, which Pyodide does not have"
)

HEADER = """\
[registry]
schema = 1
name = "test"
"""

Install = Callable[..., Installation]


APP = {
    "app/__init__.py": "",
    "app/core.py": """\
        def func():
            return 42


        class Thing:
            \"\"\"A canonical class.\"\"\"

            def __init__(self, size=1):
                self.size = size


        VALUE = object()
        """,
    "app/mod.py": "real = 1\n",
    "app/services/__init__.py": "",
    "app/services/redis.py": "def client():\n    return 'redis'\n",
    "app/services/deep/__init__.py": "",
    "app/services/deep/leaf.py": "LEAF = 'leaf'\n",
}
