"""Real trees for the triage tests: files on disk, git repositories with two commits."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import main

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Ada",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2025-09-11T10:00:00+00:00",
    "GIT_COMMITTER_DATE": "2025-09-11T10:00:00+00:00",
}


def write(root: Path, files: dict[str, str]) -> None:
    """Write each `relative path: source` (dedented) below `root`."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def git(root: Path, *arguments: str) -> str:
    """Run git in `root` with a fixed author and date; return its output."""
    completed = subprocess.run(
        ["git", *arguments],
        cwd=root,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip()


def commit(root: Path, message: str) -> str:
    """Commit everything in `root`; return the short hash."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "--short", "HEAD")


def triage_json(
    capsys: pytest.CaptureFixture[str], *arguments: str
) -> tuple[int, dict[str, object]]:
    """`ssot-registry triage ARGS --format json --jobs 1`: the exit status and the object."""
    status = main(["triage", *arguments, "--format", "json", "--jobs", "1"])
    captured = capsys.readouterr()
    return status, json.loads(captured.out)


def causes_by_code(data: dict[str, object]) -> dict[str, dict[str, object]]:
    """The root causes, keyed by their code (each code at most once in these trees)."""
    causes = data["root_causes"]
    assert isinstance(causes, list)
    return {cause["code"]: cause for cause in causes}
