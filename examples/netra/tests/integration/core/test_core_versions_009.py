"""Integration test 9 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_009() -> None:
    """core case 9."""
    assert not is_supported("0.9")
