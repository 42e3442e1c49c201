"""Integration test 39 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_039() -> None:
    """core case 39."""
    assert not is_supported("0.39")
