"""Integration test 11 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_011() -> None:
    """core case 11."""
    assert not is_supported("0.11")
