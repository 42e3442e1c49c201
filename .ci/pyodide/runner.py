"""Inside Pyodide: run pytest on the mounted checkout; exit status 1 on failures or no tests."""

from __future__ import annotations

import os
import sys


def main(args: list[str]) -> int:
    """Run pytest with `args` from the checkout; 0 only when tests ran and all passed."""
    import pytest

    os.chdir("/repo")
    sys.path.insert(0, "/repo")
    print(f"== pytest under Pyodide: Python {sys.version.split()[0]} on {sys.platform}")
    status = int(pytest.main(["-p", "no:cacheprovider", *args]))
    return 1 if status == pytest.ExitCode.NO_TESTS_COLLECTED else status
