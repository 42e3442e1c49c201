"""Git evidence, read with `git log` (never a checkout): renames, deletions, removed names.

Everything is optional: outside a git work tree, without `git` on PATH or
with `--no-git`, every question answers None.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

__all__ = ["Change", "GitHistory"]


@dataclass(frozen=True)
class Change:
    """One commit that renamed or deleted a file, or removed a definition."""

    commit: str
    date: str
    path: str  # repository-relative: the old path
    new_path: str | None = None  # for renames

    def describe(self, what: str) -> str:
        """`git: renamed in 1a2b3c4 on 2025-09-11`, the evidence line."""
        return f"git: {what} in {self.commit} on {self.date}"


def _git(top: str, *arguments: str) -> str | None:
    try:
        completed = subprocess.run(
            ["git", "-C", top, *arguments],  # noqa: S607 - git from PATH, like a person would
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout if completed.returncode == 0 else None


class GitHistory:
    """Renames and deletions of the work tree that holds `folder`, read once."""

    def __init__(self, folder: str, *, enabled: bool = True) -> None:
        self.top: str | None = None
        self.renames: dict[str, Change] = {}
        self.deletions: dict[str, Change] = {}
        if not enabled or shutil.which("git") is None:
            return
        found = _git(folder, "rev-parse", "--show-toplevel")
        if not found:
            return
        self.top = os.path.realpath(found.strip())
        log = _git(
            self.top,
            "log",
            "-M",
            "--name-status",
            "--diff-filter=RD",
            "--date=short",
            "--format=%x00%h %ad",
        )
        self._read_log(log or "")

    def _read_log(self, log: str) -> None:
        commit = date = ""
        for line in log.splitlines():
            if line.startswith("\0"):
                commit, _, date = line[1:].partition(" ")
                continue
            fields = line.split("\t")
            if len(fields) == 3 and fields[0].startswith("R"):
                self.renames.setdefault(fields[1], Change(commit, date, fields[1], fields[2]))
            elif len(fields) == 2 and fields[0] == "D":
                self.deletions.setdefault(fields[1], Change(commit, date, fields[1]))

    def relative(self, path: str) -> str | None:
        """`path` relative to the work tree's top, or None outside it."""
        if self.top is None:
            return None
        real = os.path.realpath(path)
        if not real.startswith(os.path.join(self.top, "")):
            return None
        return os.path.relpath(real, self.top).replace(os.sep, "/")

    def absolute(self, relative: str) -> str:
        """A repository-relative path as an absolute one."""
        return os.path.join(self.top or "", *relative.split("/"))

    def removed_definition(self, name: str, file: str) -> Change | None:
        """The latest commit whose diff changed how often `file` mentions a definition of
        `name` (`git log -S`), i.e. where it was deleted."""
        relative = self.relative(file)
        if relative is None:
            return None
        log = _git(
            self.top or "",
            "log",
            "-S",
            name,
            "--date=short",
            "--format=%h %ad",
            "--",
            relative,
        )
        for line in (log or "").splitlines():
            commit, _, date = line.partition(" ")
            shown = _git(self.top or "", "show", "--format=", commit, "--", relative) or ""
            pattern = (
                rf"^-\s*(?:(?:async\s+)?def|class)\s+{re.escape(name)}\b|^-{re.escape(name)}\s*="
            )
            if re.search(pattern, shown, re.MULTILINE):
                return Change(commit, date, relative)
        return None
