"""`ssot-registry triage` end to end: --propose proven by re-import, formats, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from triage_trees import triage_json, write

from ssot_registry.cli import main

REPO = Path(__file__).resolve().parents[2]

MOVED = {
    "app/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/models.py": "class Thing:\n    pass\n",
    "app/services/__init__.py": "",
    "app/services/redis_client.py": "def get_redis_client():\n    return 'redis'\n",
    "tests/test_thing.py": "from app.core import Thing\n\n\ndef test_thing():\n    assert Thing\n",
    "tests/test_redis.py": "from app.redis_client import get_redis_client\n\n\n"
    "def test_redis():\n    assert get_redis_client() == 'redis'\n",
    "tests/test_mcp.py": "import mcp.types\n",
    "tests/test_fine.py": "import app.core.models\n\n\n"
    "def test_fine():\n    assert app.core.models\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The moved tree, made the current directory."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, MOVED)
    return tmp_path


def test_propose_writes_the_fragment_and_measures_the_reimport(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--propose writes the moves with evidence; re-importing with them measures 1 -> 3 of 4."""
    status, data = triage_json(capsys, "tests", "--path", ".", "--propose", "proposed.toml")
    assert status == 1
    assert (data["importable"], data["after"]) == (1, {"importable": 3})
    fragment = (project / "proposed.toml").read_text(encoding="utf-8")
    assert (
        "# SSOT201: ImportError: cannot import name 'Thing' from 'app.core' "
        "(app/core/__init__.py)\n"
        "# evidence: defined at app/core/models.py:1\n"
        "# confidence: certain\n"
        '[[alias]]\nold = "app.core:Thing"\nnew = "app.core.models:Thing"\n'
    ) in fragment
    assert '[[alias]]\nold = "app.redis_client"\nnew = "app.services.redis_client"\n' in fragment


def test_fragment_appended_to_a_registry_makes_pytest_collect(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The written fragment, as a registry, lets a real pytest run collect the moved tests."""
    assert main(["triage", "tests", "--path", ".", "--propose", "proposed.toml"]) == 1
    capsys.readouterr()
    registry = '[registry]\nschema = 1\nname = "app"\n\n' + (project / "proposed.toml").read_text()
    (project / "registry.toml").write_text(registry, encoding="utf-8")
    (project / "tests" / "test_mcp.py").unlink()
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "ignore::DeprecationWarning",
            "--ssot-registry",
            "registry.toml",
            "tests",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout
    assert "3 passed" in completed.stdout


def test_text_report_ends_with_the_summary_and_the_measured_after(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text: root causes first, then the summary line and `importable: before -> after`."""
    status = main(["triage", "tests", "--path", ".", "--jobs", "1", "--propose", "p.toml"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[-2:] == [
        "triage: 4 modules, 1 importable, 3 root causes, 2 with a proposal",
        "importable: 1 of 4 -> 3 of 4 with the proposals",
    ]
    assert lines[0].startswith("SSOT20")


def test_github_format_annotates_each_root_cause(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format github: one ::error per root cause at the line that raised."""
    main(["triage", "tests", "--path", ".", "--jobs", "1", "--format", "github"])
    out = capsys.readouterr().out.splitlines()
    assert (
        "::error file=tests/test_mcp.py,line=1,title=SSOT205 missing distribution::"
        "ModuleNotFoundError: No module named 'mcp' (breaks 1 module)"
    ) in out
    assert out[-1] == "triage: 4 modules, 1 importable, 3 root causes, 2 with a proposal"


def test_a_tree_that_imports_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Everything imports: no root cause, exit status 0."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"tests/test_ok.py": "import json\n"})
    status, data = triage_json(capsys, "tests")
    assert status == 0
    assert data == {"modules": 1, "importable": 1, "root_causes": [], "after": None}


def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that does not exist is a usage error: exit 2, one line, no traceback."""
    monkeypatch.chdir(tmp_path)
    assert main(["triage", "nowhere"]) == 2
    assert capsys.readouterr().err == "ssot-registry: error: nowhere: no such file or folder\n"


def test_netra_example_shows_the_seven_root_causes_and_the_measured_after(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The bundled seed tree: seven root causes; the proposals take 9 of 314 to 239 of 314."""
    monkeypatch.chdir(REPO)
    status, data = triage_json(
        capsys,
        "examples/netra/tests",
        "--registry",
        "examples/netra/broken/registry.toml",
        "--propose",
        str(tmp_path / "netra.toml"),
    )
    assert status == 1
    assert [c["code"] for c in data["root_causes"]] == [
        "SSOT201",
        "SSOT202",
        "SSOT202",
        "SSOT204",
        "SSOT203",
        "SSOT205",
        "SSOT206",
    ]
    assert (data["modules"], data["importable"], data["after"]) == (314, 9, {"importable": 239})
    collapsed = data["root_causes"][1]
    assert collapsed["proposal"]["toml"] == (
        '[[alias]]\nold = "netra_backend.core"\nnew = "netra_backend.app"\n'
    )
    assert json.loads(json.dumps(data)) == data
