"""`python -m benchmarks adopt`: adopt on the LangChain 0.3.27 wheel, diff between two Django
releases vs `griffe check`.

Corpora (fetched with pip into `benchmarks/.corpus/` when missing, never committed): the
LangChain 0.3.27 wheel (1,329 modules, 830 of them shims) and the Django 4.2.16 and 5.0.9
wheels, committed as two tagged commits of a git repository in `benchmarks/.work/adopt/`.
Every command runs as a real subprocess; times are medians of repeated runs.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks._harness import Row, format_seconds, median_seconds, ratio_row

HERE = Path(__file__).parent
CORPUS = HERE / ".corpus"
WORK = HERE / ".work" / "adopt"
VENV_BIN = Path(sys.executable).parent
LANGCHAIN = "langchain==0.3.27"
DJANGO = ("4.2.16", "5.0.9")


def _wheel(spec: str) -> Path:
    """The wheel of `spec` in the corpus folder, downloaded with pip the first time."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    name, _, version = spec.partition("==")
    prefix = f"{name.replace('-', '_')}-{version}-".lower()
    found = sorted(p for p in CORPUS.glob("*.whl") if p.name.lower().startswith(prefix))
    if not found:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-q",
                "-d",
                str(CORPUS),
                spec,
            ],
            check=True,
        )
        found = sorted(p for p in CORPUS.glob("*.whl") if p.name.lower().startswith(prefix))
    return found[0]


def _unpack(spec: str, folder: Path) -> Path:
    if not folder.is_dir():
        with zipfile.ZipFile(_wheel(spec)) as archive:
            archive.extractall(folder)
    return folder


def _timed(command: Sequence[str], cwd: Path, repeat: int, warmup: int = 1) -> tuple[float, str]:
    """Median wall time of a subprocess, and what it printed (stdout, then stderr: griffe
    reports on stderr)."""
    output = ""

    def run() -> None:
        nonlocal output
        completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        output = completed.stdout + completed.stderr

    return median_seconds(run, repeat=repeat, warmup=warmup), output


def _lookup_entries(root: Path) -> tuple[int, float]:
    """Entries of the dict literals handed to `create_importer(deprecated_lookups=...)`,
    counted by a plain ast walk (the reference), and the time that walk took."""
    start = time.perf_counter()
    total = 0
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_bytes())
        tables = {
            target.id: len(node.value.keys)
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "create_importer":
                for keyword in node.keywords:
                    if keyword.arg != "deprecated_lookups":
                        continue
                    if isinstance(keyword.value, ast.Name):
                        total += tables.get(keyword.value.id, 0)
                    elif isinstance(keyword.value, ast.Dict):
                        total += len(keyword.value.keys)
    return total, time.perf_counter() - start


def _adopt_rows() -> list[Row]:
    root = _unpack(LANGCHAIN, WORK / "langchain")
    command = [str(VENV_BIN / "ssot-registry"), "adopt", "langchain", "--format", "json"]
    seconds, output = _timed(command, root, repeat=5)
    report = json.loads(output)
    found = sum(1 for entry in report["added"] if entry["dialect"] == "langchain")
    present, walk = _lookup_entries(root / "langchain")
    share = found / present if present else 0.0
    return [
        Row(
            f"adopt {LANGCHAIN} wheel ({report['summary']['files']} files)",
            format_seconds(seconds),
            f"plain ast walk {format_seconds(walk)}",
            seconds / walk if walk else None,
            "<= 2 s",
            seconds <= 2.0,
        ),
        Row(
            "adopt: create_importer entries found",
            f"{found} of {present}",
            "ast walk of the dict literals",
            share,
            "100 %",
            found >= present,
        ),
    ]


def _git(root: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True)


def _django_history() -> Path:
    """A git repository with Django 4.2 and 5.0 as two tagged commits."""
    root = WORK / "django-history"
    done = root / ".git" / "ssot-benchmark-complete"
    if done.is_file():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "bench@example.org")
    _git(root, "config", "user.name", "bench")
    for version in DJANGO:
        unpacked = _unpack(f"django=={version}", WORK / f"django-{version}")
        shutil.rmtree(root / "django", ignore_errors=True)
        shutil.copytree(unpacked / "django", root / "django")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", version)
        _git(root, "tag", f"v{version}")
    done.write_text("both releases committed\n", encoding="utf-8")
    return root


def _diff_rows() -> list[Row]:
    root = _django_history()
    old, new = (f"v{v}" for v in DJANGO)
    ours, output = _timed(
        [
            str(VENV_BIN / "ssot-registry"),
            "diff",
            old,
            "django",
            "--format",
            "json",
            "-o",
            str(WORK / "diff.json"),
        ],
        root,
        3,
        warmup=0,
    )
    output = (WORK / "diff.json").read_text(encoding="utf-8")
    findings = len(json.loads(output)["findings"])
    griffe = VENV_BIN / "griffe"
    if not griffe.exists():
        return [
            Row(
                f"diff {old}..{new} django",
                format_seconds(ours),
                "griffe not installed",
                None,
                "<= 1x griffe check",
                None,
            ),
            Row("diff: SSOT301 findings", str(findings), "-", None, "-", None),
        ]
    theirs, text = _timed([str(griffe), "check", "django", "-a", old, "-b", new], root, 3, warmup=0)
    removed = sum("Public object was removed" in line for line in text.splitlines())
    return [
        ratio_row(f"diff {old}..{new} django", ours, "griffe check", theirs, at_most=1.0),
        Row(
            "diff: removals found",
            f"{findings} SSOT301",
            f"griffe: {removed} 'Public object was removed'",
            None,
            "-",
            None,
        ),
    ]


def run() -> tuple[str, list[Row]]:
    """The adopt and diff rows."""
    return "adopt and diff", [*_adopt_rows(), *_diff_rows()]
