"""What `scan` and `migrate` never do: crash, follow links outward, lose edits, leave strays."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry.migration import migrate, migrate_report, scan_report
from ssot_registry.migration.disk import MAX_BYTES, replace_file
from ssot_registry.migration.engine import FileOutcome, process_file
from ssot_registry.migration.index import build_index
from ssot_registry.registry import Registry
from tests.helpers.migrate import write_module

DEEP = "import app.old\ny = app.old" + ".a" * 50_000 + "\n"
NOTS = "import app.old\nx = " + "not " * 50_000 + "x\n"
CHANGED = "not written: the file changed after it was read; run migrate again"


def _errors(errors: object) -> list[tuple[str, str]]:
    return [(Path(error.path).name, error.message) for error in errors]  # type: ignore[attr-defined]


def _parser_refuses(source: str) -> bool:
    """Whether this interpreter's parser gives up on `source` (3.10 and 3.13 take longer chains)."""
    try:
        ast.parse(source)
    except (RecursionError, MemoryError):
        return True
    return False


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (DEEP, "skipped: nested too deeply for Python's parser (its recursion limit)"),
        (NOTS, "skipped: too complex for Python's parser (it ran out of memory)"),
    ],
    ids=["attribute-chain", "not-chain"],
)
@pytest.mark.skipif(
    sys.platform == "emscripten",
    reason="under Pyodide the JavaScript stack overflows before Python's recursion limit",
)
def test_pathological_file_is_one_error_and_others_are_written(
    tmp_path: Path, registry: Registry, source: str, message: str
) -> None:
    """A file that exhausts the parser is one reported error; every other file is rewritten."""
    bad = write_module(tmp_path, "app/bad.py", source)
    good = write_module(tmp_path, "app/good.py", "import app.old\n")
    result = migrate([tmp_path], registry, write=True)
    assert good.read_text() == "import app.new\n"
    if _parser_refuses(source):
        assert bad.read_text() == source
        assert _errors(result.errors) == [("bad.py", message)]
        assert [Path(path).name for path in result.written] == ["good.py"]
    else:  # Python 3.10 parses the 50,000-name chain: it is migrated like any file
        assert bad.read_text() == source.replace("app.old", "app.new")
        assert result.errors == []


def test_file_larger_than_the_limit_is_skipped(tmp_path: Path, registry: Registry) -> None:
    """A source file above the size limit is reported and not read."""
    big = write_module(tmp_path, "app/big.py", "import app.old\n")
    os.truncate(big, MAX_BYTES + 1024 * 1024)  # sparse: no 17 MiB written
    report = scan_report([tmp_path], registry)
    assert report.findings == []
    assert _errors(report.errors) == [
        ("big.py", "skipped: 17.0 MiB, larger than the 16 MiB limit for a source file")
    ]


def test_symlink_leading_outside_is_neither_read_nor_written(
    tmp_path: Path, registry: Registry
) -> None:
    """`t/link.py -> ../outside/victim.py`: `migrate t --write` reports it, leaves the target."""
    victim = write_module(tmp_path, "outside/victim.py", "import app.old\n")
    tree = tmp_path / "t"
    tree.mkdir()
    (tree / "link.py").symlink_to("../outside/victim.py")
    result = migrate([tree], registry, write=True)
    assert victim.read_text() == "import app.old\n"
    assert result.findings == []
    assert _errors(result.errors) == [
        (
            "link.py",
            f"skipped: a symlink to {victim}, outside the given paths; name the target to scan it",
        )
    ]


def test_symlink_inside_the_tree_is_rewritten_once_under_its_target(
    tmp_path: Path, registry: Registry
) -> None:
    """A link to a file in the tree is not read twice: the target is rewritten, the link stays."""
    target = write_module(tmp_path, "app/real.py", "import app.old\n")
    (tmp_path / "app" / "alias.py").symlink_to("real.py")
    result = migrate([tmp_path], registry, write=True)
    assert result.errors == []
    assert result.written == [str(target)]
    assert (tmp_path / "app" / "alias.py").is_symlink()
    assert target.read_text() == "import app.new\n"


def test_symlinked_folder_is_not_entered(tmp_path: Path, registry: Registry) -> None:
    """A symlink to a folder outside is not walked, so nothing there is read."""
    write_module(tmp_path, "outside/pkg/victim.py", "import app.old\n")
    write_module(tmp_path, "t/own.py", "x = 1\n")
    (tmp_path / "t" / "pkg").symlink_to(tmp_path / "outside" / "pkg")
    report = scan_report([tmp_path / "t"], registry)
    assert (report.findings, report.errors, report.files) == ([], [], 2)


def _read_for_rewrite(root: Path, registry: Registry, text: str) -> tuple[Path, FileOutcome]:
    """`app/user.py` holding `text`, read and planned for a rewrite (not yet written)."""
    target = write_module(root, "app/user.py", text)
    outcome = process_file(str(target), build_index(registry), rewrite=True)
    assert outcome.rewritten is not None
    assert outcome.stamp is not None
    return target, outcome


def _assert_write_refused(target: Path, outcome: FileOutcome) -> None:
    """Replacing `target` with the planned bytes is refused: it is no longer what was read."""
    assert outcome.rewritten is not None
    assert outcome.stamp is not None
    with pytest.raises(Exception, match=CHANGED):
        replace_file(str(target), outcome.rewritten, outcome.original, outcome.stamp)


def test_file_changed_after_it_was_read_is_not_overwritten(
    tmp_path: Path, registry: Registry
) -> None:
    """An edit made between reading and writing survives: the write is refused."""
    target, outcome = _read_for_rewrite(tmp_path, registry, "import app.old\n")
    assert outcome.rewritten == b"import app.new\n"
    with target.open("a") as stream:
        stream.write("edited = True\n")
    _assert_write_refused(target, outcome)
    assert target.read_text() == "import app.old\nedited = True\n"


def test_edit_keeping_size_and_time_is_caught_by_the_bytes(
    tmp_path: Path, registry: Registry
) -> None:
    """An in-place edit of the same length with the time put back is refused by the last look."""
    target, outcome = _read_for_rewrite(tmp_path, registry, "import app.old\nx = 1\n")
    assert outcome.stamp is not None
    with target.open("r+b") as stream:
        stream.seek(-2, os.SEEK_END)
        stream.write(b"2\n")
    os.utime(target, ns=(outcome.stamp.mtime_ns, outcome.stamp.mtime_ns))
    _assert_write_refused(target, outcome)
    assert target.read_text() == "import app.old\nx = 2\n"


def test_file_replaced_by_another_with_the_same_bytes_is_not_overwritten(
    tmp_path: Path, registry: Registry
) -> None:
    """An editor that saves by renaming a new file over the old one makes a different inode."""
    target, outcome = _read_for_rewrite(tmp_path, registry, "import app.old\n")
    fresh = tmp_path / "fresh.py"
    fresh.write_text("import app.old\n")
    fresh.replace(target)
    _assert_write_refused(target, outcome)


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links on this platform (Pyodide)")
def test_hard_linked_file_is_reported_and_left(tmp_path: Path, registry: Registry) -> None:
    """A file with two links is not replaced (that would split them); both keep the same text."""
    first = write_module(tmp_path, "app/user.py", "import app.old\n")
    second = tmp_path / "elsewhere.py"
    os.link(first, second)
    result = migrate([first], registry, write=True)
    assert result.written == []
    message = (
        "not written: the file has 2 hard links, and replacing it would leave the others"
        " with the old text; rewrite it by hand"
    )
    assert _errors(result.errors) == [("user.py", message)]
    assert second.read_text() == first.read_text() == "import app.old\n"
    assert os.stat(first).st_ino == os.stat(second).st_ino
    assert [finding.line for finding in result.remaining] == [1]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_and_group_are_kept(tmp_path: Path, registry: Registry) -> None:
    """As root, rewriting a file owned by another user keeps its owner, group and mode."""
    target = write_module(tmp_path, "app/user.py", "import app.old\n")
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    result = migrate([tmp_path], registry, write=True)
    assert result.written == [str(target)]
    info = target.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o7777) == (65534, 65534, 0o640)
    assert target.read_text() == "import app.new\n"


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporaries_of_our_pattern_are_removed_and_only_those(
    tmp_path: Path, registry: Registry
) -> None:
    """`migrate --write` deletes the temporaries a killed run left; every look-alike stays."""
    write_module(tmp_path, "app/user.py", "import app.old\n")
    folder = tmp_path / "app"
    dead, alive = _dead_pid(), os.getpid()
    stale = [
        folder / f".user.py.ssot-{dead}-0123abcd.tmp",
        folder / f".nb.ipynb.ssot-{dead}-ffff0000.tmp",
    ]
    kept = [
        folder / f".user.py.ssot-{alive}-0123abcd.tmp",  # a run still going
        folder / ".user.py.0123abcd.tmp",  # another tool's pattern
        folder / f".user.py.ssot-{dead}-0123ABCD.tmp",  # not our exact pattern
        folder / f".notes.txt.ssot-{dead}-0123abcd.tmp",  # not a source's temporary
        folder / f".other.py.ssot-{dead}-0123abcd.tmp.bak",
    ]
    for path in [*stale, *kept]:
        path.write_bytes(b"partial")
    link = folder / f".link.py.ssot-{dead}-0123abcd.tmp"
    link.symlink_to(tmp_path / "app" / "user.py")
    directory = folder / f".dir.py.ssot-{dead}-0123abcd.tmp"
    directory.mkdir()
    scan_report([tmp_path], registry)
    migrate([tmp_path], registry)
    assert all(path.exists() for path in stale), "only `migrate --write` removes anything"
    result = migrate_report([tmp_path], registry, write=True)
    assert sorted(result.removed) == sorted(map(str, stale))
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)
    assert link.is_symlink()
    assert directory.is_dir()


def test_stale_temporary_of_a_file_named_directly_is_removed(
    tmp_path: Path, registry: Registry
) -> None:
    """A file given by name has its own stale temporaries removed, not its neighbours'."""
    target = write_module(tmp_path, "app/user.py", "import app.old\n")
    dead = _dead_pid()
    own = tmp_path / "app" / f".user.py.ssot-{dead}-0123abcd.tmp"
    other = tmp_path / "app" / f".other.py.ssot-{dead}-0123abcd.tmp"
    own.write_bytes(b"")
    other.write_bytes(b"")
    result = migrate_report([target], registry, write=True)
    assert result.removed == [str(own)]
    assert other.exists()


def test_write_leaves_no_temporary_and_uses_our_pattern_only_in_flight(
    tmp_path: Path, registry: Registry
) -> None:
    """After a write the folder holds exactly the files it held before."""
    write_module(tmp_path, "app/user.py", "import app.old\n")
    before = sorted(path.name for path in (tmp_path / "app").iterdir())
    migrate([tmp_path], registry, write=True)
    assert sorted(path.name for path in (tmp_path / "app").iterdir()) == before
