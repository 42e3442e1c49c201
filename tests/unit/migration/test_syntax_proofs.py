"""Syntax proofs are remembered by content, and believed only under the registry cache's rules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry.migration import proofs, scan_report
from ssot_registry.migration.proofs import Proofs, proof_key, proofs_file
from ssot_registry.registry import Registry
from tests.helpers.damage import each_byte_flipped
from tests.helpers.migrate import REGISTRY, write_module

BROKEN = "import app.old\ndef (:\n"
SYNTAX_ERROR = ("broken.py", "line 2: syntax error: invalid syntax")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A tree with one valid and one broken file, both with a finding."""
    root = tmp_path / "tree"
    write_module(root, "app/good.py", "import app.old\n")
    write_module(root, "app/broken.py", BROKEN)
    return root


def _errors(tree: Path, registry: Registry) -> list[tuple[str, str]]:
    """The (file name, message) of every error a scan of `tree` reports."""
    report = scan_report([tree], registry)
    return [(Path(error.path).name, error.message) for error in report.errors]


def _forge(tree: Path, where: Path) -> None:
    """Write at `where` a well-formed proofs file claiming that the broken file parses."""
    scratch = where.parent / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    Proofs(path=proofs_file(scratch)).save([proof_key(BROKEN.encode())])
    where.parent.mkdir(parents=True, exist_ok=True)
    proofs_file(scratch).replace(where)


def test_a_scan_remembers_the_files_it_proved(tree: Path, registry: Registry) -> None:
    """The valid file's bytes are kept as proved, the broken file's are not."""
    assert _errors(tree, registry) == [SYNTAX_ERROR]
    assert Proofs.load(tree).known == {proof_key(b"import app.old\n")}
    assert _errors(tree, registry) == [SYNTAX_ERROR]


def test_a_forged_proof_is_believed_when_it_is_ours(tree: Path, registry: Registry) -> None:
    """The forging helper works: a proofs file we own, in place, is what scan believes."""
    _forge(tree, proofs_file(tree))
    report = scan_report([tree], registry)
    assert report.errors == []
    assert [finding.fixable for finding in report.findings] == [True, True]


def test_every_flipped_byte_is_detected(tree: Path, registry: Registry) -> None:
    """Flipping any one byte of the proofs file never hides the syntax error."""
    target = proofs_file(tree)
    _forge(tree, target)
    missed = [
        position
        for position in each_byte_flipped(target)
        if _errors(tree, registry) != [SYNTAX_ERROR]
    ]
    assert missed == []


def test_no_cache_neither_reads_nor_writes(
    tree: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SSOT_REGISTRY_NO_CACHE a forged file is ignored and none is written."""
    monkeypatch.setenv("SSOT_REGISTRY_NO_CACHE", "1")
    assert _errors(tree, registry) == [SYNTAX_ERROR]
    assert not (tree / "__pycache__").exists()
    _forge(tree, proofs_file(tree))
    assert _errors(tree, registry) == [SYNTAX_ERROR]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_proofs_path_does_not_hang(tree: Path) -> None:
    """scan never waits on a FIFO planted where the proofs would be."""
    (tree / "__pycache__").mkdir()
    os.mkfifo(proofs_file(tree))
    registry_file = tree.parent / "registry.toml"
    registry_file.write_text(REGISTRY, encoding="utf-8")
    code = (
        "from ssot_registry.migration import scan_report; "
        f"print(len(scan_report([{str(tree)!r}], {str(registry_file)!r}).errors))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "1\n"


def test_a_symlinked_proofs_file_is_not_read(
    tree: Path, registry: Registry, tmp_path: Path
) -> None:
    """A proofs file that is a symlink (even to a file we own) is never believed."""
    elsewhere = tmp_path / "elsewhere" / "proofs.bin"
    _forge(tree, elsewhere)
    (tree / "__pycache__").mkdir()
    proofs_file(tree).symlink_to(elsewhere)
    assert _errors(tree, registry) == [SYNTAX_ERROR]


def test_a_symlinked_pycache_is_neither_read_nor_written(
    tree: Path, registry: Registry, tmp_path: Path
) -> None:
    """A `__pycache__` symlink planted in the scanned folder is not followed, either way."""
    planted = tmp_path / "planted"
    _forge(tree, planted / proofs_file(tree).name)
    (tree / "__pycache__").symlink_to(planted, target_is_directory=True)
    assert _errors(tree, registry) == [SYNTAX_ERROR]
    (planted / proofs_file(tree).name).unlink()
    assert _errors(tree, registry) == [SYNTAX_ERROR]
    assert sorted(path.name for path in planted.iterdir()) == ["scratch"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_proofs_file_owned_by_another_user_is_not_trusted(tree: Path, registry: Registry) -> None:
    """A proofs file planted by another user (here: nobody) is ignored, even by root."""
    target = proofs_file(tree)
    _forge(tree, target)
    os.chown(target, 65534, 65534)
    assert _errors(tree, registry) == [SYNTAX_ERROR]


def test_worker_processes_report_their_proofs(tmp_path: Path, registry: Registry) -> None:
    """Files proved in worker processes are remembered as if proved in one process."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for root in (serial, parallel):
        for number in range(30):
            write_module(root, f"app/m{number}.py", f"import app.old\nx = {number}\n")
    one = scan_report([serial], registry, jobs=1)
    two = scan_report([parallel], registry, jobs=2)
    assert len(two.findings) == len(one.findings) == 30
    assert Proofs.load(parallel).known == Proofs.load(serial).known
    assert len(Proofs.load(serial).known) == 30


def test_proofs_of_earlier_runs_are_kept(tmp_path: Path) -> None:
    """A run adds its fresh proofs to those kept before."""
    Proofs.load(tmp_path).save([proof_key(b"a")])
    Proofs.load(tmp_path).save([proof_key(b"b")])
    assert Proofs.load(tmp_path).known == {proof_key(b"a"), proof_key(b"b")}


def test_beyond_the_limit_only_the_last_run_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that would grow past MAX_PROOFS keeps the proofs of the last run alone."""
    monkeypatch.setattr(proofs, "MAX_PROOFS", 2)
    Proofs.load(tmp_path).save([proof_key(b"a"), proof_key(b"b")])
    Proofs.load(tmp_path).save([proof_key(b"b"), proof_key(b"c")])
    assert Proofs.load(tmp_path).known == {proof_key(b"b"), proof_key(b"c")}


def test_a_scan_with_kept_proofs_reports_exactly_what_a_cold_one_does(
    tree: Path, registry: Registry
) -> None:
    """Findings, fixable flags and errors are the same whether the proofs were kept or not."""
    for number in range(20):
        write_module(tree, f"app/m{number}.py", f"import app.old\nx = {number}\n")
    cold = scan_report([tree], registry, jobs=2)
    assert proofs_file(tree).is_file()
    warm = scan_report([tree], registry, jobs=2)
    assert (warm.findings, warm.errors) == (cold.findings, cold.errors)
    assert [finding.fixable for finding in cold.findings].count(False) == 1
