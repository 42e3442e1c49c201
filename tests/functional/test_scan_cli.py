"""`ssot-registry scan` and `export ruff` through `main(argv)` on real files."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import main

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "app"

    [[alias]]
    old = "app.old"
    new = "app.new"
    since = "1.4.0"

    [[alias]]
    old = "app.models:Thing"
    new = "app.core.things:Thing"
    reason = "moved to core"

    [[external]]
    old = "websockets.client:connect"
    new = "websockets.asyncio.client:connect"
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (the current directory) with registry.toml and a small package."""
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    package = tmp_path / "src" / "app"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "user.py").write_text(
        "import app.old\nfrom app.models import Thing, Other\n", encoding="utf-8"
    )
    (package / "clean.py").write_text("import app.new\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_report_and_exit_status(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Text output: one line per finding, then the summary per deprecated path; exit 1."""
    assert main(["scan", "src"]) == 1
    assert capsys.readouterr().out == (
        "src/app/user.py:1:8: SSOT101 app.old is deprecated since 1.4.0; use app.new instead.\n"
        "src/app/user.py:2:24: SSOT101 app.models.Thing is deprecated; use"
        " app.core.things.Thing instead. Reason: moved to core\n"
        "Found 2 uses of 2 deprecated paths in 1 file (3 files scanned);"
        " 2 rewritable by 'ssot-registry migrate --write'.\n"
        "  app.models:Thing -> app.core.things:Thing: 1 use left in 1 file\n"
        "  app.old -> app.new: 1 use left in 1 file\n"
    )


def test_clean_tree_exits_zero(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing found: exit 0 and a one-line summary."""
    assert main(["scan", "src/app/clean.py"]) == 0
    assert capsys.readouterr().out == "No deprecated paths found in 1 file.\n"


def test_json_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output has exactly the keys of SPEC §10."""
    assert main(["scan", "src", "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload == {
        "findings": [
            {
                "path": "src/app/user.py",
                "line": 1,
                "col": 8,
                "code": "SSOT101",
                "old": "app.old",
                "new": "app.new",
                "message": "app.old is deprecated since 1.4.0; use app.new instead.",
                "fixable": True,
            },
            {
                "path": "src/app/user.py",
                "line": 2,
                "col": 24,
                "code": "SSOT101",
                "old": "app.models:Thing",
                "new": "app.core.things:Thing",
                "message": "app.models.Thing is deprecated; use app.core.things.Thing instead."
                " Reason: moved to core",
                "fixable": True,
            },
        ],
        "summary": {"files": 3, "findings": 2, "by_old": {"app.models:Thing": 1, "app.old": 1}},
        "errors": [],
    }


def test_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub output is one ::error workflow command per finding."""
    assert main(["scan", "src", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "::error file=src/app/user.py,line=1,col=8,title=SSOT101::"
        "app.old is deprecated since 1.4.0; use app.new instead."
    )


def test_unreadable_file_is_in_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A syntax error is listed under errors with its path; the broken file's use is not fixable."""
    (project / "src" / "app" / "broken.py").write_text("import app.old\nif:\n", encoding="utf-8")
    assert main(["scan", "src", "--format", "json", "--full-parse"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["errors"] == [
        {"path": "src/app/broken.py", "message": "line 2: syntax error: invalid syntax"}
    ]
    assert payload["summary"]["findings"] == 3
    assert next((f["path"], f["fixable"]) for f in payload["findings"]) == (
        "src/app/broken.py",
        False,
    )


def test_exclude_option(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--exclude` removes matching files from the scan."""
    assert main(["scan", "src", "--exclude", "user.py"]) == 0
    assert capsys.readouterr().out == "No deprecated paths found in 2 files.\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "nowhere"], "ssot-registry: error: nowhere: no such file or directory\n"),
        (
            ["scan", "src", "--format", "xml"],
            "ssot-registry: error: argument --format: invalid choice: 'xml'"
            " (choose from 'text', 'json', 'github')\n",
        ),
        (
            ["scan", "src", "--jobs", "0"],
            "ssot-registry: error: --jobs must be at least 1, got 0\n",
        ),
    ],
)
def test_usage_errors_exit_two(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A wrong command line is one line on stderr and exit status 2."""
    assert main(argv) == 2
    assert capsys.readouterr().err == message


def test_broken_registry_exits_two(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A registry that cannot be loaded stops the scan with exit status 2 and a located error."""
    (project / "registry.toml").write_text("[registry]\nschema = 1\n", encoding="utf-8")
    assert main(["scan", "src"]) == 2
    assert capsys.readouterr().err.startswith(f"{project / 'registry.toml'}:")


def test_export_ruff(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export ruff` prints ruff's banned-api table with one dotted key per deprecated path."""
    assert main(["export", "ruff"]) == 0
    assert capsys.readouterr().out == (
        "# >>> ssot-registry export ruff: generated from registry.toml; do not edit by hand,"
        " run it again\n"
        "[lint.flake8-tidy-imports.banned-api]\n"
        '"app.old" = { msg = "app.old is deprecated since 1.4.0; use app.new instead." }\n'
        '"app.models.Thing" = { msg = "app.models.Thing is deprecated; use'
        ' app.core.things.Thing instead. Reason: moved to core" }\n'
        '"websockets.client.connect" = { msg = "websockets.client.connect is a deprecated'
        ' third-party path; use websockets.asyncio.client.connect instead." }\n'
        "# <<< ssot-registry export ruff\n"
    )


def test_export_ruff_is_valid_toml(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The exported table parses as TOML with the paths as keys."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    main(["export", "ruff"])
    table = tomllib.loads(capsys.readouterr().out)["lint"]["flake8-tidy-imports"]["banned-api"]
    assert sorted(table) == ["app.models.Thing", "app.old", "websockets.client.connect"]
