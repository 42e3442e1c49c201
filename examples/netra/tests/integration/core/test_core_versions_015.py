"""Integration test 15 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_015() -> None:
    """core case 15."""
    assert not is_supported("0.15")
