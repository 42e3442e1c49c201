"""Integration test 26 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_026() -> None:
    """core case 26."""
    assert not is_supported("0.26")
