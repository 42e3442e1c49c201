"""Integration test 33 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_033() -> None:
    """core case 33."""
    assert not is_supported("0.33")
