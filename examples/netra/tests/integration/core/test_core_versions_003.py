"""Integration test 3 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_003() -> None:
    """core case 3."""
    assert not is_supported("0.3")
