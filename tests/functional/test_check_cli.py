"""`ssot-registry check` through main(argv): formats, --output, --shard, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ssot_registry.cli import main

APP = {
    "cliapp/__init__.py": "",
    "cliapp/core.py": "class Engine:\n    pass\n\n\ndef build():\n    return Engine()\n",
    "cliapp/broken.py": "from cliapp.core import Missing\n",
}
REGISTRY = """\
[registry]
schema = 1
name = "cliapp"

[symbols]
Engine = { path = "cliapp.core:Engine", kind = "class" }
build = { path = "cliapp.core:build", kind = "function" }
broken = "cliapp.broken:thing"
"""


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """A small real application with one broken module and its registry."""
    for relative, source in APP.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(source, encoding="utf-8")
    registry = tmp_path / "registry.toml"
    registry.write_text(REGISTRY, encoding="utf-8")
    return registry


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI and return (status, stdout, stderr)."""
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_text_leads_with_root_causes(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text report shows the root cause first, then each entry, then the summary; exit 1."""
    status, out, err = run(["check", "--registry", str(app)], capsys)
    broken = app.parent / "cliapp" / "broken.py"
    assert status == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[2] == "Root causes (1):"
    assert lines[3].endswith(
        f"broken.py:1: ImportError: cannot import name 'Missing' from 'cliapp.core' "
        f"({app.parent / 'cliapp' / 'core.py'})"
    )
    assert lines[4:6] == ["    in module cliapp.broken", "    breaks 1 entry: broken"]
    assert lines[7] == "Results:"
    assert lines[8].endswith("registry.toml:6: ok symbol Engine")
    assert lines[10].endswith(f"at {broken}:1")
    assert lines[-1] == "FAILED: 3 entries checked, 2 passed, 1 failed, 1 root causes"


def test_json_has_exactly_the_documented_keys(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--format json` is one object with the keys of SPEC section 5."""
    status, out, _ = run(["check", "--registry", str(app), "--format", "json"], capsys)
    data = json.loads(out)
    assert status == 1
    assert list(data) == ["registry", "ok", "summary", "root_causes", "results"]
    assert data["summary"] == {"total": 3, "passed": 2, "failed": 1}
    assert list(data["root_causes"][0]) == ["module", "file", "line", "error", "entries"]
    assert data["root_causes"][0]["entries"] == ["broken"]
    assert data["results"][0] == {
        "entry": "Engine",
        "kind": "symbol",
        "status": "ok",
        "code": None,
        "message": "cliapp.core:Engine is a class",
        "line": 6,
    }
    assert data["results"][2]["code"] == "SSOT010"


def test_junit_parses_with_one_testcase_per_entry(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--format junit --output FILE` writes XML that a JUnit parser reads back."""
    report = tmp_path / "out" / "check.xml"
    report.parent.mkdir()
    status, out, _ = run(
        ["check", "--registry", str(app), "--format", "junit", "--output", str(report)], capsys
    )
    assert (status, out) == (1, "")
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["Engine", "build", "broken"]
    failures = [case.find("failure") for case in cases]
    assert [f is not None for f in failures] == [False, False, True]
    assert failures[2] is not None
    assert failures[2].get("type") == "SSOT010"


def test_github_annotations_point_at_registry_lines(
    app: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--format github` prints `::error file=...,line=...::` for the root cause and the entry."""
    monkeypatch.chdir(app.parent)
    status, out, _ = run(["check", "--registry", "registry.toml", "--format", "github"], capsys)
    assert status == 1
    assert out.splitlines() == [
        "::error file=cliapp/broken.py,line=1,title=root cause::ImportError: cannot import name "
        f"'Missing' from 'cliapp.core' ({app.parent / 'cliapp/core.py'}) (breaks 1 registry entry)",
        "::error file=registry.toml,line=8,title=SSOT010::symbol broken: cannot import "
        "cliapp.broken: ImportError: cannot import name 'Missing' from 'cliapp.core' "
        f"({app.parent / 'cliapp/core.py'}) at {app.parent / 'cliapp/broken.py'}:1",
        "ssot-registry check: 3 entries, 2 passed, 1 failed",
    ]


def test_all_passing_exits_zero(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A registry whose entries all pass exits 0 and says ok."""
    app.write_text(REGISTRY.replace('broken = "cliapp.broken:thing"\n', ""), encoding="utf-8")
    status, out, _ = run(["check", "--registry", str(app), "--no-isolate"], capsys)
    assert status == 0
    assert out.splitlines()[-1] == "ok: 2 entries checked, 2 passed, 0 failed, 0 root causes"


def test_shards_partition_the_entries(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every entry is checked by exactly one of the N shards, the same one on every run."""
    seen: list[str] = []
    for index in (1, 2, 3):
        argv = ["check", "--registry", str(app), "--format", "json", "--shard", f"{index}/3"]
        _, out, _ = run(argv, capsys)
        seen += [result["entry"] for result in json.loads(out)["results"]]
        _, again, _ = run(argv, capsys)
        assert again == out
    assert sorted(seen) == ["Engine", "broken", "build"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--shard", "4/3"], "--shard 4/3: expected I/N with 1 <= I <= N, e.g. --shard 1/4"),
        (["--shard", "x"], "--shard x: expected I/N with 1 <= I <= N, e.g. --shard 1/4"),
        (["--timeout", "0"], "--timeout 0: must be greater than 0"),
        (["--jobs", "-1"], "--jobs -1: must be greater than 0"),
        (
            ["--format", "xml"],
            "argument --format: invalid choice: 'xml' (choose from 'text', "
            "'json', 'junit', 'github')",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_two(
    app: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A wrong command line exits 2 with a one-line reason and no report."""
    status, out, err = run(["check", "--registry", str(app), *argv], capsys)
    assert (status, out, err) == (2, "", f"ssot-registry: error: {message}\n")


def test_invalid_registry_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unusable registry (SSOT001) exits 2 with the located error."""
    registry = tmp_path / "registry.toml"
    registry.write_text('[registry]\nschema = 1\nname = "x"\n[symbols]\nbad = "not a path"\n')
    status, out, err = run(["check", "--registry", str(registry)], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"{registry}:5")
    assert "SSOT001" in err


def test_static_findings_are_reported_with_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SSOT002-005 are findings: reported in the results with exit 1, not a load error, under
    the alias they are about (SPEC section 10)."""
    registry = tmp_path / "registry.toml"
    registry.write_text(
        textwrap.dedent("""\
        [registry]
        schema = 1
        name = "x"

        [[alias]]
        old = "json:loads_old"
        new = "json:loads"
        since = "2.0"
        remove_in = "1.0"
    """)
    )
    status, out, _ = run(["check", "--registry", str(registry), "--format", "json"], capsys)
    data = json.loads(out)
    assert status == 1
    assert (data["results"][0]["entry"], data["results"][0]["kind"]) == ("json:loads_old", "alias")
    assert data["results"][0]["code"] == "SSOT005"
    assert data["results"][0]["line"] == 5


def test_check_from_a_subfolder_imports_from_the_project_root(tmp_path: Path) -> None:
    """Run from a subfolder with the registry found through the parent pyproject.toml, the
    project root is on the workers' path, so the application imports."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "core.py").write_text("X = 1\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ssot-registry]\nregistry = "conf/registry.toml"\n'
    )
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "registry.toml").write_text(
        '[registry]\nschema = 1\nname = "p"\n\n[symbols]\nX = "app.core:X"\n'
    )
    (tmp_path / "sub").mkdir()
    completed = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "check", "--format", "json"],
        cwd=tmp_path / "sub",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (completed.returncode, completed.stderr) == (0, "")
    assert json.loads(completed.stdout)["summary"] == {"total": 1, "passed": 1, "failed": 0}
