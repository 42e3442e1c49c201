"""Integration test 1 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_001() -> None:
    """core case 1."""
    assert not is_supported("0.1")
