"""The cache is believed only when intact, a regular file, not a symlink, and owned by us."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from ssot_registry.registry import load, load_text
from ssot_registry.registry.cache import cache_file, content_digest, write_cached
from ssot_registry.registry.tables import to_plain
from tests.helpers.damage import each_byte_flipped

TEXT = """[registry]
schema = 1
name = "trusted"

[[alias]]
old = "pkg.old:f"
new = "pkg.core:f"
reason = "moved"
"""
# what a forged or damaged cache would say instead
FORGED = TEXT.replace('name = "trusted"', 'name = "forged"').replace("pkg.core:f", "evil.x:f")

POSIX_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX users")


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    """A small valid registry file in its own folder."""
    path = tmp_path / "project" / "registry.toml"
    path.parent.mkdir()
    path.write_text(TEXT, encoding="utf-8")
    return path


def _forge(registry_file: Path, where: Path) -> None:
    """Write at `where` a well-formed cache for `registry_file`'s bytes holding FORGED."""
    scratch = where.parent / "scratch" / "registry.toml"
    scratch.parent.mkdir(parents=True, exist_ok=True)
    write_cached(scratch, content_digest(registry_file.read_bytes()), load_text(FORGED).tables)
    where.parent.mkdir(parents=True, exist_ok=True)
    cache_file(scratch).replace(where)


def test_a_forged_cache_is_served_when_it_is_ours(registry_file: Path) -> None:
    """The forging helper works: a cache we own, in place, is what load() returns."""
    _forge(registry_file, cache_file(registry_file))
    assert load(registry_file).name == "forged"


def test_every_flipped_byte_is_detected(registry_file: Path) -> None:
    """Flipping any one byte of the cache file never changes what load() returns."""
    expected = load(registry_file)
    target = cache_file(registry_file)
    wrong = [position for position in each_byte_flipped(target) if load(registry_file) != expected]
    assert wrong == []


def test_a_cache_of_another_shape_is_validated_afresh(registry_file: Path) -> None:
    """A correct header and checksum around `marshal.dumps({})` (or short tables) is ignored."""
    load(registry_file)
    target = cache_file(registry_file)
    header = target.read_bytes()[: len(b"ssot-registry-cache-3\n") + 20]
    for payload in (marshal.dumps({}), marshal.dumps(to_plain(load_text(TEXT).tables)[:3])):
        target.write_bytes(header + zlib.crc32(payload).to_bytes(4, "big") + payload)
        assert load(registry_file).name == "trusted"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_cache_path_does_not_hang(registry_file: Path) -> None:
    """load() never waits on a FIFO planted where the cache would be."""
    target = cache_file(registry_file)
    target.parent.mkdir()
    os.mkfifo(target)
    code = f"from ssot_registry.registry import load; print(load({str(registry_file)!r}).name)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "trusted\n"


def test_a_symlinked_cache_file_is_not_read(registry_file: Path, tmp_path: Path) -> None:
    """A cache file that is a symlink (even to a file we own) is never believed."""
    elsewhere = tmp_path / "elsewhere" / "cache.marshal"
    _forge(registry_file, elsewhere)
    target = cache_file(registry_file)
    target.parent.mkdir()
    target.symlink_to(elsewhere)
    assert load(registry_file).name == "trusted"


def test_a_symlinked_pycache_is_neither_read_nor_written(
    registry_file: Path, tmp_path: Path
) -> None:
    """A `__pycache__` symlink planted beside the registry is not followed, either way."""
    planted = tmp_path / "planted"
    _forge(registry_file, planted / cache_file(registry_file).name)
    before = sorted(path.name for path in planted.iterdir())
    (registry_file.parent / "__pycache__").symlink_to(planted, target_is_directory=True)
    assert load(registry_file).name == "trusted"
    (planted / cache_file(registry_file).name).unlink()
    assert load(registry_file).name == "trusted"
    assert sorted(path.name for path in planted.iterdir()) == sorted(
        set(before) - {cache_file(registry_file).name}
    )


@POSIX_ONLY
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_cache_owned_by_another_user_is_not_trusted(registry_file: Path) -> None:
    """A cache planted by another user (here: nobody) is ignored, even by root."""
    target = cache_file(registry_file)
    _forge(registry_file, target)
    os.chown(target, 65534, 65534)
    assert load(registry_file).name == "trusted"
