"""The compiled cache: used when current, never stale, harmless when it cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ssot_registry.registry import load
from ssot_registry.registry.cache import cache_file

TEXT = """[registry]
schema = 1
name = "cached"

[symbols]
f = "pkg.core:f"

[[alias]]
old = "pkg.old:f"
new = "pkg.core:f"
since = "1.0"
"""


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    """A small valid registry file in its own folder."""
    path = tmp_path / "registry.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_first_load_writes_the_cache_and_second_load_reads_it(registry_file: Path) -> None:
    """The cache appears in __pycache__ and a warm load gives an equal registry."""
    cold = load(registry_file)
    assert cache_file(registry_file).parent.name == "__pycache__"
    assert cache_file(registry_file).is_file()
    warm = load(registry_file)
    assert warm == cold
    assert warm.aliases[0].line == cold.aliases[0].line == 8
    assert warm.source == registry_file


def test_changed_file_is_never_served_from_a_stale_cache(registry_file: Path) -> None:
    """Editing the registry (same size, same mtime) gives the new content, not the cached one."""
    load(registry_file)
    stats = registry_file.stat()
    registry_file.write_text(TEXT.replace('since = "1.0"', 'since = "2.0"'), encoding="utf-8")
    os.utime(registry_file, ns=(stats.st_atime_ns, stats.st_mtime_ns))
    assert load(registry_file).aliases[0].since == "2.0"


def test_corrupt_cache_falls_back_to_a_cold_load(registry_file: Path) -> None:
    """A truncated or garbage cache file is ignored and rewritten."""
    load(registry_file)
    target = cache_file(registry_file)
    target.write_bytes(target.read_bytes()[:40])
    assert load(registry_file).aliases[0].new.qualname == "f"
    target.write_bytes(b"garbage")
    assert load(registry_file).name == "cached"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_read_only_cache_folder_means_no_cache(registry_file: Path) -> None:
    """Where `__pycache__` cannot be written (even by root: it leads into /proc), loading works."""
    (registry_file.parent / "__pycache__").symlink_to("/proc/self")
    assert load(registry_file).name == "cached"
    assert load(registry_file).aliases[0].since == "1.0"
    assert not cache_file(registry_file).exists()


def test_unwritable_cache_folder_means_no_cache(registry_file: Path) -> None:
    """A `__pycache__` that is a file (cannot hold a cache) does not break loading."""
    (registry_file.parent / "__pycache__").write_text("not a folder", encoding="utf-8")
    assert load(registry_file).name == "cached"
    assert load(registry_file).name == "cached"


def test_cache_can_be_turned_off(registry_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SSOT_REGISTRY_NO_CACHE=1 loads without reading or writing a cache."""
    monkeypatch.setenv("SSOT_REGISTRY_NO_CACHE", "1")
    assert load(registry_file).name == "cached"
    assert not cache_file(registry_file).exists()


def test_invalid_registry_is_never_cached(tmp_path: Path) -> None:
    """A registry with findings raises every time and writes no cache."""
    path = tmp_path / "registry.toml"
    path.write_text(TEXT + '\n[[alias]]\nold = "pkg.old:f"\nnew = "pkg.x:f"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(Exception, match="SSOT002"):
            load(path)
    assert not cache_file(path).exists()


def test_warm_load_never_imports_pydantic(registry_file: Path) -> None:
    """An application starting from a current cache does not pay for pydantic or packaging."""
    import subprocess
    import sys

    load(registry_file)
    code = (
        "import sys; from ssot_registry.registry import load; "
        f"registry = load({str(registry_file)!r}); registry.aliases; registry.symbols; "
        "heavy = [m for m in ('pydantic', 'packaging') if m in sys.modules]; "
        "print(registry.aliases[0].line, heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "8 []"
