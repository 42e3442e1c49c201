"""Integration test 35 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_035() -> None:
    """core case 35."""
    assert not is_supported("0.35")
