"""Integration test 6 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_006() -> None:
    """core case 6."""
    assert not is_supported("0.6")
