"""Integration test 29 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_029() -> None:
    """core case 29."""
    assert not is_supported("0.29")
