"""Shared pieces of the runtime tests: the registry header and a small real application."""

from __future__ import annotations

from collections.abc import Callable

from ssot_registry.runtime import Installation

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
