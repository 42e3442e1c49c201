"""Integration test 10 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_010() -> None:
    """core case 10."""
    assert not is_supported("0.10")
