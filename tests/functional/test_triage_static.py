"""`ssot-registry triage --static`: the same answers as importing, without running any code."""

from __future__ import annotations

from pathlib import Path

import pytest
from triage_trees import causes_by_code, triage_json, write

TREE = {
    "app/__init__.py": "from app.impl import *  # noqa: F403\n",
    "app/impl.py": "__all__ = ['exported']\n\n\ndef exported():\n    pass\n\n\ndef hidden():\n"
    "    pass\n",
    "app/core/__init__.py": "",
    "app/core/models.py": "class Thing:\n    pass\n",
    "app/typed.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
    "    from not_installed_anywhere import Type\n",
    "app/optional.py": "try:\n    import not_installed_either\nexcept ImportError:\n"
    "    not_installed_either = None\n",
    "app/lazy.py": "def __getattr__(name):\n    return name\n",
    "app/errors.py": "class DeadlockError(Exception):\n    pass\n",
    "app/manager.py": "from app.errors import TimeoutError\n",
    "ns/sub/mod.py": "def helper():\n    pass\n",
    "tests/test_installed.py": "from packaging.version import Version\n",
    "tests/test_installed_gone.py": "from packaging.version import NoSuchVersionThing\n",
    "tests/test_star.py": "from app import exported\n",
    "tests/test_star_hidden.py": "from app import hidden\n",
    "tests/test_moved.py": "from app.core import Thing\n",
    "tests/test_module_moved.py": "from app.models import Thing\n",
    "tests/test_typed.py": "import app.typed\nimport app.optional\n",
    "tests/test_lazy.py": "from app.lazy import anything\n",
    "tests/test_namespace.py": "from ns.sub.mod import helper\n",
    "tests/test_chain.py": "import app.manager\n",
}


def _summary(data: dict[str, object]) -> set[tuple[str, tuple[str, ...], str | None]]:
    causes = data["root_causes"]
    assert isinstance(causes, list)
    return {
        (c["code"], tuple(sorted(c["modules"])), c["proposal"] and c["proposal"]["toml"])
        for c in causes
    }


def test_static_agrees_with_importing_on_an_installed_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Star-imports, __all__, TYPE_CHECKING, try/except, __getattr__, namespace packages and an
    installed distribution: --static finds the same root causes and proposals as importing."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, TREE)
    _, dynamic = triage_json(capsys, "tests", "--path", ".")
    _, static = triage_json(capsys, "tests", "--path", ".", "--static")
    assert (dynamic["modules"], dynamic["importable"]) == (10, 5)
    assert (static["modules"], static["importable"]) == (10, 5)
    assert _summary(static) == _summary(dynamic)
    assert {code for code, _, _ in _summary(static)} == {"SSOT201", "SSOT202", "SSOT204"}


def test_static_reports_a_missing_distribution_and_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An uninstalled dependency is SSOT205 with its [requires] line; no module is executed."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "ml"\ndependencies = ["torch>=2.1"]\n',
            "tests/test_model.py": "from pathlib import Path\n\nimport torch\n\n"
            "Path('executed.txt').write_text('ran')\n",
        },
    )
    status, data = triage_json(capsys, "tests", "--static")
    assert status == 1
    cause = causes_by_code(data)["SSOT205"]
    assert (cause["line"], cause["error"]) == (3, "ModuleNotFoundError: No module named 'torch'")
    assert cause["proposal"]["toml"] == '[requires]\ntorch = ">=2.1"\n'
    assert not (tmp_path / "executed.txt").exists()


def test_static_reads_the_stub_beside_an_extension_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A compiled module's names come from the `.pyi` beside it; a name it lacks is missing."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "vendor/fast.pyi": "def speed() -> int: ...\n",
            "tests/test_speed.py": "from fast import speed\n",
            "tests/test_gone.py": "from fast import slowness\n",
        },
    )
    (tmp_path / "vendor" / "fast.cpython-313-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp_path / "vendor" / "fast.so").write_bytes(b"")
    _, data = triage_json(capsys, "tests", "--path", "vendor", "--static")
    assert (data["modules"], data["importable"]) == (2, 1)
    [cause] = data["root_causes"]
    assert cause["modules"] == ["test_gone"]
    assert cause["error"].startswith("ImportError: cannot import name 'slowness' from 'fast'")


def test_static_counts_the_run_time_binding_after_a_type_checking_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name imported under `if TYPE_CHECKING:` and bound in its `else:` exists at run time:
    --static finds nothing missing, as importing does."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/hinted.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
            "    from decimal import Decimal as Number\nelse:\n    Number = float\n",
            "tests/test_hinted.py": "from app.hinted import Number\n",
        },
    )
    _, static = triage_json(capsys, "tests", "--path", ".", "--static")
    assert (static["modules"], static["importable"], static["root_causes"]) == (1, 1, [])
