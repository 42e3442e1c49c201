"""`ssot-registry migrate` through `main(argv)` on real files."""

from __future__ import annotations

import os
import shutil
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


def _run(project: Path, *args: str, hook: str = "") -> subprocess.CompletedProcess[str]:
    """`ssot-registry ARGS` in a fresh interpreter in `project`; `hook` runs before `main`."""
    code = f"import sys\n{hook}\nfrom ssot_registry.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# Runs `ACTION(path)` on `src/a.py` right after migrate has read it (and before any write).
_AFTER_READ = """\
import ssot_registry.migration.api as api
read = api.process_file
def process_file(path, index, **options):
    outcome = read(path, index, **options)
    if path.endswith("a.py"):
        ACTION
    return outcome
api.process_file = process_file
"""


def test_edit_made_after_the_read_is_not_lost(project: Path) -> None:
    """A line appended to a file after migrate read it survives `--write`; the file is reported."""
    action = "open(path, 'a').write('added = 1\\n')"
    done = _run(project, "migrate", "src", "--write", hook=_AFTER_READ.replace("ACTION", action))
    assert (project / "src" / "a.py").read_text() == "import app.old  # keep me\nx = 1\nadded = 1\n"
    assert (project / "src" / "b.py").read_text() == "from app.new import f\n"
    assert done.stderr == (
        "src/a.py:1:8: SSOT101 app.old is deprecated; use app.new instead.\n"
        "src/a.py: error: not written: the file changed after it was read; run migrate again\n"
        "Rewrote 1 file.\n"
        "1 use of deprecated paths need a person (listed above).\n"
    )
    assert done.returncode == 1


def test_file_deleted_during_the_run_is_one_error(project: Path) -> None:
    """A file deleted after it was read is reported; the others are written; exit 1, no usage."""
    done = _run(
        project,
        "migrate",
        "src",
        "--write",
        hook=_AFTER_READ.replace("ACTION", "__import__('os').remove(path)"),
    )
    assert not (project / "src" / "a.py").exists()
    assert (project / "src" / "b.py").read_text() == "from app.new import f\n"
    assert done.stderr == (
        "src/a.py:1:8: SSOT101 app.old is deprecated; use app.new instead.\n"
        "src/a.py: error: not written: the file was deleted after it was read\n"
        "Rewrote 1 file.\n"
        "1 use of deprecated paths need a person (listed above).\n"
    )
    assert done.returncode == 1


def test_folder_that_cannot_be_written(project: Path) -> None:
    """A folder the user cannot write is one error per file in it; other folders are written."""
    locked = project / "src" / "locked"
    locked.mkdir()
    (locked / "c.py").write_text("import app.old\n", encoding="utf-8")
    locked.chmod(0o555)
    command: list[str] = []
    if os.geteuid() == 0:  # root writes anywhere: drop the capabilities that allow it
        if shutil.which("setpriv") is None:
            pytest.skip("as root, this needs setpriv to drop CAP_DAC_OVERRIDE")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    try:
        done = subprocess.run(
            [*command, sys.executable, "-m", "ssot_registry", "migrate", "src", "--write"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        locked.chmod(0o755)
    assert (locked / "c.py").read_text() == "import app.old\n"
    assert (project / "src" / "b.py").read_text() == "from app.new import f\n"
    assert "src/locked/c.py: error: cannot write: Permission denied in src/locked\n" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.returncode == 1


@pytest.mark.parametrize("command", ["scan", "migrate"])
def test_fifo_and_device_do_not_hang(project: Path, command: str) -> None:
    """A FIFO named `p.py` and `z.py -> /dev/zero` are reported and skipped; the run ends."""
    os.mkfifo(project / "src" / "p.py")
    (project / "src" / "z.py").symlink_to("/dev/zero")
    done = _run(project, command, "src", "--write" if command == "migrate" else "--full-parse")
    errors = [line for line in (done.stdout + done.stderr).splitlines() if ": error: " in line]
    assert errors == [
        "src/p.py: error: skipped: not a regular file (a FIFO)",
        "src/z.py: error: skipped: a symlink to /dev/zero, outside the given paths;"
        " name the target to scan it",
    ]
    assert done.returncode == 1


def test_device_named_directly_is_not_read(project: Path) -> None:
    """A symlink to /dev/zero named on the command line is followed, found a device, skipped."""
    (project / "z.py").symlink_to("/dev/zero")
    done = _run(project, "scan", "z.py")
    assert done.stdout.splitlines()[0] == (
        "/dev/zero: error: skipped: not a regular file (a character device)"
    )
    assert done.returncode == 1


def test_stale_temporary_is_removed_and_said(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`migrate --write` says how many temporaries of killed runs it removed."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stale = project / "src" / f".a.py.ssot-{child.pid}-0123abcd.tmp"
    stale.write_bytes(b"import app.n")
    assert main(["migrate", "src", "--write"]) == 0
    assert capsys.readouterr().err == (
        "Removed 1 temporary file left by an interrupted run.\nRewrote 2 files.\n"
    )
    assert not stale.exists()
