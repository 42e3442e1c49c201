"""Real installed distributions made in a folder: a dist-info with an `ssot_registry` entry
point and the package that ships its `registry.toml`."""

from __future__ import annotations

import textwrap
from pathlib import Path

__all__ = ["make_distribution"]


def make_distribution(site: Path, name: str, package: str, registry: str) -> Path:
    """Write distribution `name` 1.0 into `site`: its package holds `registry` (TOML)."""
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[ssot_registry]\n{package} = {package}\n", encoding="utf-8"
    )
    (site / package).mkdir(exist_ok=True)
    (site / package / "__init__.py").write_text("", encoding="utf-8")
    (site / package / "registry.toml").write_text(textwrap.dedent(registry), encoding="utf-8")
    return info
