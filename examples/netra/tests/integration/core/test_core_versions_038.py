"""Integration test 38 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_038() -> None:
    """core case 38."""
    assert not is_supported("0.38")
