"""Integration test 22 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_022() -> None:
    """core case 22."""
    assert not is_supported("0.22")
