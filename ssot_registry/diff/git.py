"""Read a git revision without checking it out: `ls-tree` for the files, `cat-file --batch`
for their contents."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from ssot_registry.diff.model import DiffError

__all__ = [
    "commit_of",
    "read_files",
    "renames",
    "show",
    "toplevel",
    "tracked_files",
    "working_files",
]


def _git(root: Path | None, *arguments: str, data: bytes | None = None) -> bytes:
    command = ["git", *(["-C", str(root)] if root is not None else []), *arguments]
    try:
        completed = subprocess.run(command, input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed (diff reads the revision with git)") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(message[-1] if message else f"git {arguments[0]} failed")
    return completed.stdout


def toplevel(folder: Path) -> Path:
    """The root of the git work tree holding `folder`."""
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except DiffError:
        raise DiffError(
            f"{folder} is not in a git work tree; diff compares with a revision of its history"
        ) from None


def commit_of(root: Path, ref: str) -> str:
    """The commit `ref` names (DiffError when it names none)."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except DiffError:
        raise DiffError(
            f"unknown revision {ref!r}; give a commit, branch or tag (e.g. v1.2.0 or HEAD~1)"
        ) from None


def tracked_files(root: Path, commit: str, paths: Sequence[str]) -> list[str]:
    """Every `.py` file under `paths` (relative to the root) at `commit`."""
    output = _git(root, "ls-tree", "-r", "--name-only", "-z", commit, "--", *paths)
    return sorted(
        name
        for name in output.decode("utf-8", "surrogateescape").split("\0")
        if name.endswith(".py")
    )


def working_files(root: Path, paths: Sequence[str]) -> list[str]:
    """Every `.py` file under `paths` in the working tree: tracked, or untracked and not
    ignored (`git ls-files`, so `.gitignore` is honoured and deleted files are left out)."""
    output = _git(
        root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *paths
    )
    names = output.decode("utf-8", "surrogateescape").split("\0")
    return sorted({n for n in names if n.endswith(".py") and (root / n).is_file()})


def read_files(root: Path, commit: str, files: Sequence[str]) -> dict[str, bytes]:
    """The contents of `files` at `commit`, read in one `git cat-file --batch`."""
    if not files:
        return {}
    request = "".join(f"{commit}:{name}\n" for name in files).encode("utf-8", "surrogateescape")
    output = _git(root, "cat-file", "--batch", data=request)
    contents: dict[str, bytes] = {}
    position = 0
    for name in files:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        position = header_end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        contents[name] = output[position : position + size]
        position += size + 1
    return contents


def show(root: Path, commit: str, name: str) -> bytes | None:
    """One file at `commit`, None when it did not exist there."""
    try:
        return _git(root, "show", f"{commit}:{name}")
    except DiffError:
        return None


def renames(root: Path, commit: str, paths: Sequence[str]) -> dict[str, str]:
    """Files git sees as renamed between `commit` and the working tree: old -> new."""
    output = _git(root, "diff", "-M", "--name-status", "-z", commit, "--", *paths)
    fields = output.decode("utf-8", "surrogateescape").split("\0")
    found: dict[str, str] = {}
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")) and index + 2 < len(fields):
            found[fields[index + 1]] = fields[index + 2]
            index += 3
        else:
            index += 2
    return found
