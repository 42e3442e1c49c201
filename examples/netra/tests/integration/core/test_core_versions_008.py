"""Integration test 8 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_008() -> None:
    """core case 8."""
    assert not is_supported("0.8")
