"""Integration test 5 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_005() -> None:
    """core case 5."""
    assert not is_supported("0.5")
