"""Integration test 25 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_025() -> None:
    """core case 25."""
    assert not is_supported("0.25")
