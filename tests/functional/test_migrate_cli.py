"""`ssot-registry migrate` through `main(argv)` on real files."""

from __future__ import annotations

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

    [[alias]]
    old = "legacy.tools"
    new = "app.tools"
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (the current directory) with registry.toml and two modules."""
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("import app.old  # keep me\nx = 1\n", encoding="utf-8")
    (tmp_path / "src" / "b.py").write_text("from app.old import f\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_by_default(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --write: the unified diff on stdout, files untouched, exit 1 (work to do)."""
    assert main(["migrate", "src"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        "--- src/a.py\n+++ src/a.py\n@@ -1,2 +1,2 @@\n"
        "-import app.old  # keep me\n+import app.new  # keep me\n x = 1\n"
        "--- src/b.py\n+++ src/b.py\n@@ -1 +1 @@\n"
        "-from app.old import f\n+from app.new import f\n"
    )
    assert captured.err == "Would rewrite 2 files; run with --write to apply.\n"
    assert (project / "src" / "a.py").read_text() == "import app.old  # keep me\nx = 1\n"


def test_write_then_nothing_left(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--write rewrites in place and exits 0; a second run finds nothing to do."""
    assert main(["migrate", "src", "--write"]) == 0
    assert capsys.readouterr().err == "Rewrote 2 files.\n"
    assert (project / "src" / "a.py").read_text() == "import app.new  # keep me\nx = 1\n"
    assert main(["migrate", "src"]) == 0
    assert capsys.readouterr() == ("", "Nothing to rewrite.\n")
    assert main(["scan", "src"]) == 0


def test_read_only_file_under_write(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A read-only file is reported with its path, the others are written, exit 1."""
    (project / "src" / "b.py").chmod(0o444)
    assert main(["migrate", "src", "--write"]) == 1
    assert capsys.readouterr().err == (
        "src/b.py:1:6: SSOT101 app.old is deprecated; use app.new instead.\n"
        "src/b.py: error: cannot write: the file is read-only; make it writable and run again\n"
        "Rewrote 1 file.\n"
        "1 use of deprecated paths need a person (listed above).\n"
    )
    assert (project / "src" / "a.py").read_text() == "import app.new  # keep me\nx = 1\n"
    assert (project / "src" / "b.py").read_text() == "from app.old import f\n"


def test_use_needing_a_person(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rewrite that would clash is listed and left; --write exits 1."""
    (project / "src" / "c.py").write_text(
        "import legacy.tools\napp = 1\nlegacy.tools.run()\n", encoding="utf-8"
    )
    assert main(["migrate", "src/c.py", "--write"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        "src/c.py:1:8: SSOT101 legacy.tools is deprecated; use app.tools instead."
        " Not rewritten automatically: 'import app.tools' would clash with the name 'app'"
        " bound here."
    )
    assert (
        project / "src" / "c.py"
    ).read_text() == "import legacy.tools\napp = 1\nlegacy.tools.run()\n"


def test_syntax_error_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not parse is reported and the other files are migrated."""
    (project / "src" / "d.py").write_text("import app.old\ndef (:\n", encoding="utf-8")
    assert main(["migrate", "src", "--write"]) == 1
    err = capsys.readouterr().err
    assert "src/d.py: error: line 2: syntax error: invalid syntax\n" in err
    assert (project / "src" / "b.py").read_text() == "from app.new import f\n"
