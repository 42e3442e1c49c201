"""Integration test 24 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_024() -> None:
    """core case 24."""
    assert not is_supported("0.24")
