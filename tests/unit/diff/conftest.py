"""Real git repositories for the diff tests: made in tmp, committed with real `git`."""

from __future__ import annotations

import importlib.util
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

Commit = Callable[[dict[str, str | None], str], None]


def _wheels() -> ModuleType:
    """The adopt tests' pinned-wheel helper (one copy of the download logic)."""
    location = Path(__file__).parents[1] / "adopt" / "wheels.py"
    spec = importlib.util.spec_from_file_location("ssot_test_wheels", location)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git(root: Path, *arguments: str) -> str:
    """Run git in `root` and return its output (fails the test on an error)."""
    return subprocess.run(
        ["git", "-C", str(root), *arguments], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository with a committer configured."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.org")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    return root


@pytest.fixture
def commit(repo: Path) -> Commit:
    """`commit({path: source or None to delete}, tag)`: write, stage everything, commit, tag."""

    def make(files: dict[str, str | None], tag: str) -> None:
        for relative, source in files.items():
            target = repo / relative
            if source is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(source), encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", tag)
        git(repo, "tag", tag)

    return make


@pytest.fixture
def unpack_wheel(tmp_path: Path) -> Callable[[str, Path], Path]:
    """`unpack_wheel("packaging==21.3", folder)`: a pinned real wheel unpacked into folder."""
    wheels = _wheels()

    def unpack(name: str, folder: Path) -> Path:
        result: Path = wheels.unpack(name, folder)
        return result

    return unpack
