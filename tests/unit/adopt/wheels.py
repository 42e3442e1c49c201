"""Real PyPI wheels for the adopt and diff tests: pinned, downloaded once into a persistent
cache (never committed: ~/.cache/ssot-registry-tests or $SSOT_REGISTRY_TEST_CACHE)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

# distribution -> (version, extra `pip download` options); wheels only (no build step)
PINNED = {
    "pydantic": ("2.9.2", []),
    "langchain": ("0.3.27", []),
    "apache-airflow": ("2.9.3", []),
    "wagtail": ("5.2.8", []),
    "packaging==21.3": ("21.3", []),
    "packaging==22.0": ("22.0", []),
    # a platform wheel: pin the platform so every interpreter reads the same file
    "websockets": (
        "13.1",
        [
            "--platform",
            "manylinux2014_x86_64",
            "--python-version",
            "311",
            "--implementation",
            "cp",
            "--abi",
            "cp311",
        ],
    ),
}

RealPackage = Callable[[str], Path]


def unpack(name: str, folder: Path) -> Path:
    """The pinned wheel of `name` unpacked into `folder` (without its .dist-info)."""
    with zipfile.ZipFile(download(name)) as archive:
        archive.extractall(folder)
    for metadata in folder.glob("*.dist-info"):
        shutil.rmtree(metadata)
    return folder


def cache_folder() -> Path:
    """Where downloaded wheels are kept between runs."""
    configured = os.environ.get("SSOT_REGISTRY_TEST_CACHE")
    folder = Path(configured) if configured else Path.home() / ".cache" / "ssot-registry-tests"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _distribution(name: str) -> str:
    return name.partition("==")[0]


def _cached_wheel(name: str) -> Path | None:
    version, _ = PINNED[name]
    prefix = f"{_distribution(name).replace('-', '_')}-{version}-"
    found = sorted(p for p in cache_folder().glob("*.whl") if p.name.lower().startswith(prefix))
    return found[0] if found else None


def download(name: str) -> Path:
    """The pinned wheel of `name`, from the cache or PyPI (skips when PyPI is unreachable)."""
    cached = _cached_wheel(name)
    if cached is not None:
        return cached
    version, options = PINNED[name]
    with tempfile.TemporaryDirectory(dir=cache_folder()) as scratch:
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--disable-pip-version-check",
                "-q",
                "-d",
                scratch,
                *options,
                f"{name}=={version}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        wheels = list(Path(scratch).glob("*.whl"))
        if completed.returncode != 0 or not wheels:
            lines = (completed.stderr or completed.stdout).strip().splitlines()
            pytest.skip(
                f"cannot download {name}=={version} from PyPI (network unreachable?): "
                f"{lines[-1] if lines else completed.returncode}"
            )
        target = cache_folder() / wheels[0].name
        os.replace(wheels[0], target)  # atomic: parallel test workers never see half a file
    return target
