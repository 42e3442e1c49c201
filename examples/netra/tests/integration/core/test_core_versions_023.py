"""Integration test 23 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_023() -> None:
    """core case 23."""
    assert not is_supported("0.23")
