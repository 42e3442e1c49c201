"""How `migrate` writes: atomically, keeping the file mode, reporting files it cannot write."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from ssot_registry.migration import MigrationResult, migrate
from ssot_registry.registry import Registry
from tests.helpers.migrate import write_module


def test_diff_without_write_changes_nothing(tmp_path: Path, registry: Registry) -> None:
    """Without `write`, the result holds a unified diff and the file is untouched."""
    target = write_module(tmp_path, "app/user.py", "import app.old\nx = 1\n")
    result = migrate([tmp_path], registry)
    assert target.read_text() == "import app.old\nx = 1\n"
    assert result.diff == (
        f"--- {target}\n+++ {target}\n@@ -1,2 +1,2 @@\n-import app.old\n+import app.new\n x = 1\n"
    )
    assert result.written == []
    assert result.remaining == []


def test_write_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path, registry: Registry) -> None:
    """An executable script stays executable and nothing but the file changes in its folder."""
    target = write_module(tmp_path, "app/tool.py", "#!/usr/bin/env python\nimport app.old\n")
    target.chmod(0o751)
    result = migrate([tmp_path], registry, write=True)
    assert result.written == [str(target)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o751
    assert sorted(path.name for path in target.parent.iterdir()) == ["__init__.py", "tool.py"]


def test_read_only_file_is_reported_and_others_written(tmp_path: Path, registry: Registry) -> None:
    """A read-only file is an error with its path; the other files are still rewritten."""
    locked = write_module(tmp_path, "app/locked.py", "import app.old\n")
    free = write_module(tmp_path, "app/free.py", "import app.old\n")
    locked.chmod(0o444)
    result = migrate([tmp_path], registry, write=True)
    assert free.read_text() == "import app.new\n"
    assert locked.read_text() == "import app.old\n"
    assert [(Path(e.path).name, e.message) for e in result.errors] == [
        ("locked.py", "cannot write: the file is read-only; make it writable and run again")
    ]
    assert [Path(f.path).name for f in result.remaining] == ["locked.py"]


def test_what_needs_a_person_is_listed(
    migrated: Callable[..., MigrationResult],
) -> None:
    """Uses that cannot be rewritten stay in the file and are listed in `remaining`."""
    result = migrated("import legacy.tools\napp = 1\nlegacy.tools.run()\n", write=True)
    assert result.written == []
    assert [(f.line, f.fixable) for f in result.remaining] == [(1, False), (3, False)]
    assert result.remaining[0].message == (
        "legacy.tools is deprecated; use app.tools instead. Not rewritten automatically:"
        " 'import app.tools' would clash with the name 'app' bound here."
    )


def test_migrate_and_scan_agree(migrated: Callable[..., MigrationResult]) -> None:
    """After `migrate --write`, scanning finds only what needs a person."""
    result = migrated("from app.models import Thing, Other\nimport app.old\n", write=True)
    assert result.remaining == []
    assert len(result.findings) == 2
    assert len(result.written) == 1


def test_symlinked_file_is_rewritten_through_the_link(tmp_path: Path, registry: Registry) -> None:
    """Writing a symlinked module rewrites its target and leaves the link in place."""
    target = write_module(tmp_path, "real/mod.py", "import app.old\n")
    link = tmp_path / "src" / "mod.py"
    link.parent.mkdir()
    link.symlink_to(target)
    migrate([link], registry, write=True)
    assert link.is_symlink()
    assert target.read_text() == "import app.new\n"


def test_public_migrate_is_callable_after_the_package_is_imported(
    tmp_path: Path, registry: Registry
) -> None:
    """`ssot_registry.migrate(...)` is the function, whatever was imported before it."""
    import ssot_registry

    write_module(tmp_path, "app/user.py", "import app.old\n")
    result = ssot_registry.migrate([tmp_path], registry)
    assert isinstance(result, ssot_registry.MigrationResult)
    assert len(result.diffs) == 1


def test_public_api_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """In a fresh interpreter, `scan` first and `migrate` second both work from the top package."""
    import subprocess
    import sys

    from tests.helpers.migrate import REGISTRY

    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    write_module(tmp_path, "src/app/user.py", "import app.old\n")
    code = (
        "import ssot_registry, sys; r = sys.argv[1]; s = sys.argv[2];"
        "print(len(ssot_registry.scan([s], r)), len(ssot_registry.migrate([s], r).diffs))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "registry.toml"), str(tmp_path / "src")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "1 1\n"
