"""Integration test 19 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_019() -> None:
    """core case 19."""
    assert not is_supported("0.19")
