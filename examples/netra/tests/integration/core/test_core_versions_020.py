"""Integration test 20 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_020() -> None:
    """core case 20."""
    assert not is_supported("0.20")
