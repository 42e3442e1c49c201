"""`ssot-registry triage`: each class SSOT201-208 on a real tree, with its evidence and proposal."""

from __future__ import annotations

from pathlib import Path

import pytest
from triage_trees import causes_by_code, commit, git, triage_json, write

from ssot_registry.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, made the current directory (paths are shown relative to it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_moved_name_is_ssot201_proven_certain(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name imported from its old module, defined in exactly one other module, is SSOT201."""
    write(
        project,
        {
            "app/__init__.py": "",
            "app/core/__init__.py": '"""The core, without Thing since the refactoring."""\n',
            "app/core/models.py": "class Thing:\n    pass\n",
            "tests/test_thing.py": "from app.core import Thing\n",
        },
    )
    status, data = triage_json(capsys, "tests", "--path", ".")
    assert status == 1
    assert (data["modules"], data["importable"]) == (1, 0)
    cause = causes_by_code(data)["SSOT201"]
    assert cause["modules"] == ["test_thing"]
    assert (cause["file"], cause["line"]) == (str(project / "tests" / "test_thing.py"), 1)
    assert cause["proposal"] == {
        "toml": '[[alias]]\nold = "app.core:Thing"\nnew = "app.core.models:Thing"\n',
        "confidence": "certain",
        "evidence": ["defined at app/core/models.py:1"],
    }


def test_git_rename_is_ssot202_with_the_commit(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module whose file git renamed (another final name) is SSOT202 citing the commit."""
    write(
        project,
        {
            "app/__init__.py": "",
            "app/cache.py": "def get_redis_client():\n    return 'redis'\n",
            "app/services/__init__.py": "",
        },
    )
    git(project, "init", "-q")
    commit(project, "before")
    git(project, "mv", "app/cache.py", "app/services/redis_client.py")
    write(project, {"tests/test_cache.py": "from app.cache import get_redis_client\n"})
    renamed = commit(project, "move the redis client")
    status, data = triage_json(capsys, "tests", "--path", ".")
    assert status == 1
    proposal = causes_by_code(data)["SSOT202"]["proposal"]
    assert proposal == {
        "toml": '[[alias]]\nold = "app.cache"\nnew = "app.services.redis_client"\n',
        "confidence": "certain",
        "evidence": [f"git: renamed in {renamed} on 2025-09-11"],
    }


def test_no_git_turns_history_off(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --no-git the same rename has no evidence left: it exists nowhere (SSOT204)."""
    write(project, {"app/__init__.py": "", "app/cache.py": "X = 1\n"})
    git(project, "init", "-q")
    commit(project, "before")
    git(project, "mv", "app/cache.py", "app/store.py")
    write(project, {"tests/test_cache.py": "from app.cache import X\n"})
    commit(project, "rename")
    _, data = triage_json(capsys, "tests", "--path", ".", "--no-git")
    assert list(causes_by_code(data)) == ["SSOT204"]


def test_close_name_is_ssot203_for_review(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name missing from its module but close to one it defines is a rename to review."""
    write(
        project,
        {
            "app/__init__.py": "",
            "app/errors.py": "class DeadlockError(Exception):\n    pass\n",
            "tests/test_errors.py": "from app.errors import DeadlockDetectedError\n",
        },
    )
    status, data = triage_json(capsys, "tests", "--path", ".")
    assert status == 1
    proposal = causes_by_code(data)["SSOT203"]["proposal"]
    assert proposal == {
        "toml": '[[alias]]\nold = "app.errors:DeadlockDetectedError"\n'
        'new = "app.errors:DeadlockError"\n',
        "confidence": "review",
        "evidence": ["close name: app.errors:DeadlockError (defined at app/errors.py:1)"],
    }


def test_deleted_definition_is_ssot204_with_the_deleting_commit(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A class deleted in a commit, still imported through a chain, is SSOT204 naming it."""
    write(
        project,
        {
            "app/__init__.py": "",
            "app/errors.py": "class TimeoutError(Exception):\n    pass\n",
            "app/manager.py": "from app.errors import TimeoutError\n",
            "tests/test_one.py": "import app.manager\n",
            "tests/test_two.py": "from app.manager import TimeoutError\n",
        },
    )
    git(project, "init", "-q")
    commit(project, "before")
    write(project, {"app/errors.py": "class TransactionError(Exception):\n    pass\n"})
    deleted = commit(project, "drop TimeoutError")
    status, data = triage_json(capsys, "tests", "--path", ".")
    assert status == 1
    [cause] = data["root_causes"]
    assert cause["code"] == "SSOT204"
    assert (cause["file"], cause["line"]) == (str(project / "app" / "manager.py"), 1)
    assert cause["modules"] == ["test_one", "test_two"]
    assert cause["proposal"] is None
    main(["triage", "tests", "--path", ".", "--jobs", "1"])
    text = capsys.readouterr().out
    assert (
        "  fix: app.errors:TimeoutError exists nowhere now "
        f"(git: deleted in {deleted} on 2025-09-11): restore it, or change the code that "
        "imports it (note: a builtin 'TimeoutError' exists; maybe it should be used instead)\n"
    ) in text


def test_missing_distribution_is_ssot205_from_pyproject(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An uninstalled top-level module the project depends on proposes [requires] and pip."""
    write(
        project,
        {
            "pyproject.toml": '[project]\nname = "app"\ndependencies = ["mcp>=1.13.1"]\n',
            "tests/test_mcp.py": "import mcp.types\n",
        },
    )
    _, data = triage_json(capsys, "tests")
    cause = causes_by_code(data)["SSOT205"]
    assert cause["error"] == "ModuleNotFoundError: No module named 'mcp'"
    assert cause["proposal"] == {
        "toml": '[requires]\nmcp = ">=1.13.1"\n',
        "confidence": "likely",
        "evidence": [
            "mcp provides 'mcp' (pyproject.toml dependencies)",
            "pip install 'mcp>=1.13.1'",
        ],
    }


def test_other_errors_hangs_crashes_and_syntax_are_ssot206_and_contained(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A raise, a hang, a segfault and a syntax error are each SSOT206; the rest still imports."""
    write(
        project,
        {
            "tests/test_raises.py": "RATE = 1 / 0\n",
            "tests/test_hangs.py": "import time\ntime.sleep(120)\n",
            "tests/test_crashes.py": "import ctypes\nctypes.string_at(0)\n",
            "tests/test_syntax.py": "def broken(:\n    pass\n",
            "tests/test_fine.py": "import json\n",
        },
    )
    status, data = triage_json(capsys, "tests", "--timeout", "3")
    assert status == 1
    assert (data["modules"], data["importable"]) == (5, 1)
    found = {cause["modules"][0]: cause for cause in data["root_causes"]}
    assert {cause["code"] for cause in found.values()} == {"SSOT206"}
    assert found["test_raises"]["error"] == "ZeroDivisionError: division by zero"
    assert found["test_hangs"]["error"] == (
        "importing test_hangs did not finish within 3 s (killed)"
    )
    assert found["test_crashes"]["error"] == ("importing test_crashes crashed: killed by SIGSEGV")
    assert (found["test_syntax"]["file"], found["test_syntax"]["line"]) == (
        str(project / "tests" / "test_syntax.py"),
        1,
    )


def test_order_dependent_module_is_ssot207(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module that imports only after another one ran first (pytest's order) is SSOT207."""
    write(
        project,
        {
            "tests/test_a_setup.py": "import builtins\nbuiltins.SHARED_CLIENT = object()\n",
            "tests/test_b_uses.py": "CLIENT = SHARED_CLIENT  # noqa: F821\n",
        },
    )
    status, data = triage_json(capsys, "tests")
    assert status == 1
    [cause] = data["root_causes"]
    assert cause["code"] == "SSOT207"
    assert cause["modules"] == ["test_b_uses"]
    assert cause["error"] == "NameError: name 'SHARED_CLIENT' is not defined"


def test_shared_module_name_is_ssot208(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two rootdir-less test files with one basename are pytest's import file mismatch."""
    write(
        project,
        {
            "tests/unit/test_smoke.py": "X = 1\n",
            "tests/integration/test_smoke.py": "X = 2\n",
        },
    )
    status, data = triage_json(capsys, "tests")
    assert status == 1
    assert (data["modules"], data["importable"]) == (2, 1)
    [cause] = data["root_causes"]
    assert cause["code"] == "SSOT208"
    assert cause["error"] == "import file mismatch: 2 test files are module 'test_smoke'"
    assert cause["modules"] == [
        "tests/integration/test_smoke.py",
        "tests/unit/test_smoke.py",
    ]


def test_package_level_move_collapses_into_one_alias(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`app.core.models`, `app.core.fields`, `app.core.forms` now at `app.*`: one alias."""
    write(
        project,
        {
            "app/__init__.py": "",
            "app/models.py": "class Model:\n    pass\n",
            "app/fields.py": "class Field:\n    pass\n",
            "app/forms.py": "class Form:\n    pass\n",
            "tests/test_models.py": "from app.core.models import Model\n",
            "tests/test_fields.py": "from app.core.fields import Field\n",
            "tests/test_forms.py": "import app.core.forms\n",
        },
    )
    _, data = triage_json(capsys, "tests", "--path", ".")
    [cause] = data["root_causes"]
    assert cause["code"] == "SSOT202"
    assert sorted(cause["modules"]) == ["test_fields", "test_forms", "test_models"]
    assert cause["proposal"]["toml"] == '[[alias]]\nold = "app.core"\nnew = "app"\n'
    assert cause["proposal"]["confidence"] == "certain"
