"""`python -m benchmarks adopt`: adopt on the LangChain 0.3.27 wheel; diff between two
releases of packaging and of Django vs `griffe check`.

Corpora (fetched with pip into `benchmarks/.corpus/` when missing, never committed): the
LangChain 0.3.27 wheel (1,329 modules, 830 of them shims), and the packaging 21.3 / 22.0 and
Django 4.2.16 / 5.0.9 wheels, each pair committed as two tagged commits of a git repository
in `benchmarks/.work/adopt/`.
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
PACKAGING = ("21.3", "22.0")


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


def _history(package: str, versions: tuple[str, str]) -> Path:
    """A git repository with two releases of `package` as two tagged commits."""
    root = WORK / f"{package}-history"
    done = root / ".git" / "ssot-benchmark-complete"
    if done.is_file():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "bench@example.org")
    _git(root, "config", "user.name", "bench")
    for version in versions:
        unpacked = _unpack(f"{package}=={version}", WORK / f"{package}-{version}")
        shutil.rmtree(root / package, ignore_errors=True)
        shutil.copytree(unpacked / package, root / package)
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", version)
        _git(root, "tag", f"v{version}")
    done.write_text("both releases committed\n", encoding="utf-8")
    return root


def _diff_rows(package: str, versions: tuple[str, str]) -> list[Row]:
    root = _history(package, versions)
    old, new = (f"v{v}" for v in versions)
    report = WORK / f"{package}-diff.json"
    command = [str(VENV_BIN / "ssot-registry"), "diff", old, package, "--format", "json"]
    ours, _ = _timed([*command, "-o", str(report)], root, 3, warmup=0)
    findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
    name = f"diff {package} {old}..{new}"
    griffe = VENV_BIN / "griffe"
    if not griffe.exists():
        return [Row(name, format_seconds(ours), "griffe not installed", None, "-", None)]
    theirs, text = _timed([str(griffe), "check", package, "-a", old, "-b", new], root, 3, warmup=0)
    removed = sum("Public object was removed" in line for line in text.splitlines())
    crashed = text.strip().splitlines()[-1].split(":")[0] if "Traceback" in text else ""
    found = f"griffe crashed: {crashed}" if crashed else f"griffe: {removed} removed"
    return [
        ratio_row(name, ours, "griffe check", theirs, at_most=1.0),
        Row(f"{name}: removals found", f"{findings} SSOT301", found, None, "-", None),
    ]


def run() -> tuple[str, list[Row]]:
    """The adopt and diff rows."""
    return "adopt and diff", [
        *_adopt_rows(),
        *_diff_rows("packaging", PACKAGING),
        *_diff_rows("django", DJANGO),
    ]
