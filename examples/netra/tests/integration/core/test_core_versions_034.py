"""Integration test 34 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_034() -> None:
    """core case 34."""
    assert not is_supported("0.34")
