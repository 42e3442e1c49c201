"""`validator.isolation.import_modules`: the worker pool importing arbitrary modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssot_registry.validator.isolation import import_modules


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_each_module_imports_or_names_its_root_cause(tmp_path: Path, method: str) -> None:
    """One outcome per module in the order given: ok, or SSOT010 at the line that raised."""
    (tmp_path / "imp").mkdir()
    (tmp_path / "imp" / "__init__.py").write_text("")
    (tmp_path / "imp" / "good.py").write_text("VALUE = 1\n")
    (tmp_path / "imp" / "bad.py").write_text("import imp.good\nfrom imp.good import MISSING\n")
    outcomes = import_modules(
        ["imp.bad", "imp.good"], sys_path=[str(tmp_path)], jobs=2, timeout=20, method=method
    )
    assert [(o.task.module, o.code) for o in outcomes] == [
        ("imp.bad", "SSOT010"),
        ("imp.good", None),
    ]
    cause = outcomes[0].cause
    assert cause is not None
    assert (cause.module, cause.file, cause.line) == ("imp.bad", str(tmp_path / "imp/bad.py"), 2)
    assert cause.error == (
        f"ImportError: cannot import name 'MISSING' from 'imp.good' ({tmp_path / 'imp/good.py'})"
    )
