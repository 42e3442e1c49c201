"""Integration test 12 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_012() -> None:
    """core case 12."""
    assert not is_supported("0.12")
