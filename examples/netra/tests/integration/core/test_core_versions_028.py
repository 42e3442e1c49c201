"""Integration test 28 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_028() -> None:
    """core case 28."""
    assert not is_supported("0.28")
