"""Integration test 17 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_017() -> None:
    """core case 17."""
    assert not is_supported("0.17")
