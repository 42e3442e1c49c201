"""Version checks for tool protocols (uses the third-party `packaging`)."""

from __future__ import annotations

from packaging.version import Version


def is_supported(version: str) -> bool:
    """True for protocol versions this backend speaks."""
    return Version(version) >= Version("1.0")
