"""`ssot_registry.check(...)` is the function, whatever was imported before it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "first",
    [
        "pass",
        "ssot_registry.CheckReport",
        "import ssot_registry.validator.report",
    ],
)
def test_public_check_is_callable_after_any_import_order(first: str, tmp_path: Path) -> None:
    """Touching CheckReport or a validator submodule first leaves `ssot_registry.check` callable."""
    (tmp_path / "registry.toml").write_text(
        '[registry]\nschema = 1\nname = "api"\n\n[symbols]\ndumps = "json:dumps"\n'
    )
    code = (
        f"import ssot_registry\n{first}\n"
        "report = ssot_registry.check('registry.toml', isolate=False)\n"
        "print(type(report).__name__, report.ok)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (result.stdout, result.stderr) == ("CheckReport True\n", "")
