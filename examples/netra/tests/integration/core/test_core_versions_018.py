"""Integration test 18 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_018() -> None:
    """core case 18."""
    assert not is_supported("0.18")
