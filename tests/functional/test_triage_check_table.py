"""`[check]` (SPEC section 15) in triage: setup, env and path, and a failing setup as SSOT015."""

from __future__ import annotations

from pathlib import Path

import pytest
from triage_trees import triage_json, write

from ssot_registry.cli import main

REGISTRY = """\
[registry]
schema = 1
name = "app"

[check]
setup = "boot:configure"
env = { APP_MODE = "test" }
path = ["src"]
"""

TREE = {
    "src/app/__init__.py": "",
    "src/app/settings.py": "CONFIGURED = False\n",
    "src/boot.py": "import os\n\nimport app.settings\n\n\ndef configure():\n"
    "    assert os.environ['APP_MODE'] == 'test'\n    app.settings.CONFIGURED = True\n",
    "tests/test_needs_setup.py": "import app.settings\n\n"
    "if not app.settings.CONFIGURED:\n    raise RuntimeError('not configured')\n",
    "tests/test_reads_env.py": "import os\n\nMODE = os.environ['APP_MODE']\n",
}


def test_setup_env_and_path_let_every_module_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The setup runs once per warm worker with env set and src/ on the path: all import."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {**TREE, "registry.toml": REGISTRY})
    monkeypatch.delenv("APP_MODE", raising=False)
    status, data = triage_json(capsys, "tests")
    assert status == 0, data
    assert (data["modules"], data["importable"]) == (2, 2)


def test_a_failing_setup_is_one_ssot015(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A setup that raises is one SSOT015 root cause at its line, not one failure per module."""
    monkeypatch.chdir(tmp_path)
    broken = {"src/boot.py": "def configure():\n    raise RuntimeError('no database')\n"}
    write(tmp_path, {**TREE, **broken, "registry.toml": REGISTRY})
    status, data = triage_json(capsys, "tests")
    assert status == 1
    [cause] = data["root_causes"]
    assert cause["code"] == "SSOT015"
    assert cause["error"] == "RuntimeError: no database"
    assert (cause["file"], cause["line"]) == (str(tmp_path / "src" / "boot.py"), 2)
    assert sorted(cause["modules"]) == ["test_needs_setup", "test_reads_env"]


def test_unknown_check_key_is_a_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in [check] is SSOT001: exit 2 with the file and line, no traceback."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {**TREE, "registry.toml": REGISTRY.replace("path =", "paths =")})
    assert main(["triage", "tests"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'registry.toml'}:8: SSOT001 check.paths: unknown key"), err


def test_check_runs_the_setup_before_importing_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` uses [check] too: an entry whose module needs the setup imports."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("APP_MODE", raising=False)
    registry = REGISTRY + '\n[symbols]\nCONFIGURED = "app.guarded:CONFIGURED"\n'
    guarded = "import app.settings\n\nassert app.settings.CONFIGURED\nCONFIGURED = True\n"
    write(tmp_path, {**TREE, "src/app/guarded.py": guarded, "registry.toml": registry})
    assert main(["check", "--registry", "registry.toml", "--jobs", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("ok: 1 entries checked")
