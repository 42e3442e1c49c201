"""Integration test 2 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_002() -> None:
    """core case 2."""
    assert not is_supported("0.2")
