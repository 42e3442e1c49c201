"""Integration test 31 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_031() -> None:
    """core case 31."""
    assert not is_supported("0.31")
