"""A scan believes this interpreter's own `.pyc` of a file's bytes, as Python itself does."""

from __future__ import annotations

import importlib.util
import os
import py_compile
from pathlib import Path

import pytest

from ssot_registry.migration import migrate_report, scan_report
from ssot_registry.migration.proofs import compiled_by_python
from ssot_registry.registry import Registry
from tests.helpers.migrate import write_module

GOOD = "import app.old\nx = (1)\n"
# the same size as GOOD, with a syntax error on line 2
BROKEN = "import app.old\nx = (1\n\n"
SYNTAX_ERROR = ("mod.py", "line 2: syntax error: '(' was never closed")


@pytest.fixture(autouse=True)
def _no_kept_proofs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the `.pyc` can prove anything here: no proofs file is read or written."""
    monkeypatch.setenv("SSOT_REGISTRY_NO_CACHE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)


def _compiled(root: Path, text: str, mode: py_compile.PycInvalidationMode) -> Path:
    """`app/mod.py` holding `text`, with the `.pyc` Python writes for it in `mode`."""
    module = write_module(root, "app/mod.py", text)
    py_compile.compile(str(module), doraise=True, invalidation_mode=mode)
    return module


def _swap_keeping_size_and_time(module: Path, text: str) -> None:
    """Replace the file's text by one of the same size and put its mtime back."""
    info = module.stat()
    assert len(text.encode()) == info.st_size
    module.write_text(text, encoding="utf-8")
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))


def _errors(root: Path, registry: Registry) -> list[tuple[str, str]]:
    return [(Path(e.path).name, e.message) for e in scan_report([root], registry).errors]


def test_a_timestamp_pyc_of_the_file_proves_it(tmp_path: Path, registry: Registry) -> None:
    """Size and whole-second mtime in Python's header match: the bytes are taken as parsing.

    Shown with the case Python gets wrong too (a same-size edit in the same second):
    the scan believes the `.pyc`, and `migrate`, which always parses, still refuses.
    """
    module = _compiled(tmp_path, GOOD, py_compile.PycInvalidationMode.TIMESTAMP)
    assert compiled_by_python(str(module), GOOD.encode(), *_stamp(module))
    _swap_keeping_size_and_time(module, BROKEN)
    assert _errors(tmp_path, registry) == []
    result = migrate_report([tmp_path], registry, write=True)
    assert [(Path(e.path).name, e.message) for e in result.errors] == [SYNTAX_ERROR]
    assert module.read_text(encoding="utf-8") == BROKEN


def test_a_pyc_of_other_bytes_proves_nothing(tmp_path: Path, registry: Registry) -> None:
    """An edit that changes the size (or the mtime) makes the `.pyc` stale: the file is parsed."""
    module = _compiled(tmp_path, GOOD, py_compile.PycInvalidationMode.TIMESTAMP)
    module.write_text(BROKEN + "#", encoding="utf-8")
    assert _errors(tmp_path, registry) == [SYNTAX_ERROR]


def test_a_hash_based_pyc_is_checked_against_the_bytes(tmp_path: Path, registry: Registry) -> None:
    """A checked-hash `.pyc` proves only the bytes it hashed, whatever their size and time."""
    module = _compiled(tmp_path, GOOD, py_compile.PycInvalidationMode.CHECKED_HASH)
    assert compiled_by_python(str(module), GOOD.encode(), *_stamp(module))
    _swap_keeping_size_and_time(module, BROKEN)
    assert not compiled_by_python(str(module), BROKEN.encode(), *_stamp(module))
    assert _errors(tmp_path, registry) == [SYNTAX_ERROR]


def test_a_symlinked_pyc_is_not_believed(tmp_path: Path, registry: Registry) -> None:
    """A `.pyc` reached through a symlink proves nothing, though its header matches."""
    module = _compiled(tmp_path, GOOD, py_compile.PycInvalidationMode.TIMESTAMP)
    pyc = Path(importlib.util.cache_from_source(str(module)))
    elsewhere = tmp_path / "elsewhere.pyc"
    pyc.replace(elsewhere)
    pyc.symlink_to(elsewhere)
    _swap_keeping_size_and_time(module, BROKEN)
    assert _errors(tmp_path, registry) == [SYNTAX_ERROR]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_pyc_owned_by_another_user_is_not_believed(tmp_path: Path, registry: Registry) -> None:
    """A `.pyc` someone else owns proves nothing (the proofs file's rule)."""
    module = _compiled(tmp_path, GOOD, py_compile.PycInvalidationMode.TIMESTAMP)
    os.chown(importlib.util.cache_from_source(str(module)), 65534, 65534)
    _swap_keeping_size_and_time(module, BROKEN)
    assert _errors(tmp_path, registry) == [SYNTAX_ERROR]


def _stamp(module: Path) -> tuple[int, int]:
    info = module.stat()
    return info.st_size, info.st_mtime_ns
