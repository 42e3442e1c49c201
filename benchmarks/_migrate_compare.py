"""How `bench_migrate`'s results compare with ruff's findings and with a LibCST codemod."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["compare_findings", "libcst_rename", "mentioning"]


def _import_lines(path: Path) -> set[int]:
    """Lines covered by import statements in a file (for classifying findings)."""
    import ast

    try:
        tree = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError):
        return set()
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def compare_findings(
    corpus: Path, ours: dict[str, object], ruff: list[dict[str, object]]
) -> list[str]:
    """Import-statement findings of both tools as (file, line, path); the differences, explained."""
    ours_set: set[tuple[str, int, str]] = set()
    for finding in ours["findings"]:  # type: ignore[attr-defined]
        old = str(finding["old"]).replace(":", ".")
        ours_set.add(
            (str(Path(finding["path"]).resolve().relative_to(corpus)), finding["line"], old)
        )
    ruff_set: set[tuple[str, int, str]] = set()
    for item in ruff:
        message = str(item["message"])
        if "`" not in message:
            continue
        banned = message.split("`")[1]
        location = item["location"]
        relative = str(Path(str(item["filename"])).resolve().relative_to(corpus))
        ruff_set.add((relative, location["row"], banned))  # type: ignore[index]
    cache: dict[str, set[int]] = {}

    def is_import(entry: tuple[str, int, str]) -> bool:
        if entry[0] not in cache:
            cache[entry[0]] = _import_lines(corpus / entry[0])
        return entry[1] in cache[entry[0]]

    ours_imports = {entry for entry in ours_set if is_import(entry)}
    ruff_imports = {entry for entry in ruff_set if is_import(entry)}
    only_ours = sorted(ours_imports - ruff_imports)
    only_ruff = sorted(ruff_imports - ours_imports)
    lines = [
        f"import-statement findings: ssot-registry {len(ours_imports)}, ruff {len(ruff_imports)},"
        f" both {len(ours_imports & ruff_imports)}",
        f"all findings: ssot-registry {len(ours_set)}, ruff {len(ruff_set)}",
        f"only ssot-registry: {len(only_ours)}",
    ]
    lines += [f"  {file}:{line}: {path}" for file, line, path in only_ours[:40]]
    lines.append(f"only ruff: {len(only_ruff)}")
    lines += [f"  {file}:{line}: {path}" for file, line, path in only_ruff[:40]]
    return lines


def mentioning(tree: Path, paths: Sequence[tuple[str, str]]) -> list[Path]:
    """The files of `tree` whose text holds the last name of one of `paths`."""
    names = [old.replace(":", ".").rpartition(".")[2].encode() for old, _ in paths]
    return sorted(
        path for path in tree.rglob("*.py") if any(name in path.read_bytes() for name in names)
    )


def libcst_rename(files: Sequence[Path], paths: Sequence[tuple[str, str]]) -> float:
    """Wall time of one `libcst.tool codemod rename.RenameCommand` per path over `files`."""
    total = 0.0
    for old, new in paths:
        command = [
            sys.executable,
            "-m",
            "libcst.tool",
            "codemod",
            "rename.RenameCommand",
            "--no-format",
            "--hide-progress",
            "--hide-generated-warnings",
            "--old_name",
            old.replace(":", "."),
            "--new_name",
            new.replace(":", "."),
            *map(str, files),
        ]
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        total += time.perf_counter() - start
    return total
