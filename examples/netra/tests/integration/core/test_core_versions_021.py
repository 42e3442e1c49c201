"""Integration test 21 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_021() -> None:
    """core case 21."""
    assert not is_supported("0.21")
