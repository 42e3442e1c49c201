"""Which files a scan reads: Python sources, minus hidden, cache, venv and excluded folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssot_registry.migration.files import find_sources, module_name


def _tree(root: Path, files: list[str]) -> None:
    for relative in files:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x = 1\n", encoding="utf-8")


def _found(root: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    return [Path(path).relative_to(root).as_posix() for path in find_sources([root], exclude)]


def test_only_python_sources_outside_skipped_folders(tmp_path: Path) -> None:
    """.py and .pyi files are read; hidden, __pycache__, site-packages and venvs are not."""
    _tree(
        tmp_path,
        [
            "a.py",
            "b.pyi",
            "c.txt",
            "pkg/d.py",
            ".hidden/e.py",
            "pkg/__pycache__/f.py",
            "lib/site-packages/g.py",
            "venv/pyvenv.cfg",
            "venv/lib/h.py",
        ],
    )
    assert _found(tmp_path) == ["a.py", "b.pyi", "pkg/d.py"]


def test_gitignore_and_exclude(tmp_path: Path) -> None:
    """`.gitignore` patterns and `--exclude` globs both remove files and folders."""
    _tree(
        tmp_path, ["keep.py", "build/x.py", "gen_a.py", "pkg/gen_b.py", "pkg/keep.py", "docs/y.py"]
    )
    (tmp_path / ".gitignore").write_text("# generated\nbuild/\ngen_*.py\n", encoding="utf-8")
    assert _found(tmp_path) == ["docs/y.py", "keep.py", "pkg/keep.py"]
    assert _found(tmp_path, ("docs",)) == ["keep.py", "pkg/keep.py"]
    assert _found(tmp_path, ("pkg/*.py",)) == ["docs/y.py", "keep.py"]


def test_files_given_directly(tmp_path: Path) -> None:
    """A file named on the command line is read even where a folder walk would skip it."""
    _tree(tmp_path, [".hidden/e.py"])
    target = str(tmp_path / ".hidden" / "e.py")
    assert find_sources([target, target]) == [target]


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is an error, not an empty scan."""
    with pytest.raises(FileNotFoundError):
        find_sources([tmp_path / "nope"])


def test_module_names(tmp_path: Path) -> None:
    """A file's module name comes from the `__init__.py` files above it."""
    _tree(tmp_path, ["app/__init__.py", "app/sub/__init__.py", "app/sub/mod.py", "loose.py"])
    assert module_name(str(tmp_path / "app/sub/mod.py")) == ("app.sub.mod", False)
    assert module_name(str(tmp_path / "app/sub/__init__.py")) == ("app.sub", True)
    assert module_name(str(tmp_path / "loose.py")) == ("loose", False)
