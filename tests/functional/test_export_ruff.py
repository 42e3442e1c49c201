"""`export ruff -o FILE`: the banned-api block goes into a real ruff config, run twice, and
real ruff reads it and flags the deprecated import (TID251)."""

from __future__ import annotations

import subprocess
import sys
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
    """
)
RUFF = '# my settings\nline-length = 90\n\n[lint]\nselect = ["TID251"]\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A registry, a ruff config of the user's, and a module importing the old path; cwd."""
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "ruff.toml").write_text(RUFF, encoding="utf-8")
    (tmp_path / "user.py").write_text("import app.old\n\nprint(app.old)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ruff_check(project: Path) -> subprocess.CompletedProcess[str]:
    """Real ruff on `user.py` with the project's ruff.toml."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format=concise", "user.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_export_twice_keeps_one_block_and_ruff_reads_it(project: Path) -> None:
    """Two runs of `export ruff -o ruff.toml` leave the user's lines and one block, and ruff
    flags the old import with the registry's message."""
    assert main(["export", "ruff", "-o", "ruff.toml"]) == 0
    once = (project / "ruff.toml").read_text(encoding="utf-8")
    assert main(["export", "ruff", "-o", "ruff.toml"]) == 0
    twice = (project / "ruff.toml").read_text(encoding="utf-8")
    assert twice == once
    assert twice.startswith(RUFF + "\n# >>> ssot-registry export ruff: generated from")
    assert twice.count("[lint.flake8-tidy-imports.banned-api]") == 1
    result = ruff_check(project)
    assert result.returncode == 1, result.stderr
    assert "user.py:1:8: TID251 `app.old` is banned: app.old is deprecated since 1.4.0; " in (
        result.stdout
    )


def test_export_replaces_its_block_when_the_registry_changes(project: Path) -> None:
    """After the registry changes, the block is replaced in place; lines after it stay."""
    assert main(["export", "ruff", "-o", "ruff.toml"]) == 0
    with (project / "ruff.toml").open("a", encoding="utf-8") as config:
        config.write("\n[format]\nquote-style = 'single'\n")
    (project / "registry.toml").write_text(
        REGISTRY.replace('since = "1.4.0"', 'since = "1.5.0"'), encoding="utf-8"
    )
    assert main(["export", "ruff", "-o", "ruff.toml"]) == 0
    text = (project / "ruff.toml").read_text(encoding="utf-8")
    assert "since 1.5.0" in text
    assert "since 1.4.0" not in text
    assert text.endswith("# <<< ssot-registry export ruff\n\n[format]\nquote-style = 'single'\n")
    assert ruff_check(project).returncode == 1


def test_pyproject_gets_the_tool_ruff_table(project: Path) -> None:
    """`-o pyproject.toml` names the table `[tool.ruff.lint.flake8-tidy-imports.banned-api]`."""
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["export", "ruff", "-o", "pyproject.toml"]) == 0
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert "\n[tool.ruff.lint.flake8-tidy-imports.banned-api]\n" in text


def test_a_hand_written_table_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A banned-api table of the user's would be defined twice: exit 2, the file unchanged."""
    own = RUFF + '\n[lint.flake8-tidy-imports.banned-api]\n"os.path" = { msg = "no" }\n'
    (project / "ruff.toml").write_text(own, encoding="utf-8")
    assert main(["export", "ruff", "-o", "ruff.toml"]) == 2
    assert (project / "ruff.toml").read_text(encoding="utf-8") == own
    assert capsys.readouterr().err == (
        "ssot-registry: error: ruff.toml: adding the banned-api table would make it invalid "
        "TOML (Cannot declare ('lint', 'flake8-tidy-imports', 'banned-api') twice); move "
        "the banned-api table already in ruff.toml into the registry as [[external]] entries "
        "(or delete it), then run again\n"
    )
