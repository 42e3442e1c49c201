"""Integration test 7 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_007() -> None:
    """core case 7."""
    assert not is_supported("0.7")
