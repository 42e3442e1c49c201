"""Integration test 4 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_004() -> None:
    """core case 4."""
    assert not is_supported("0.4")
