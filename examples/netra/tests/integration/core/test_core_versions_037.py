"""Integration test 37 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_037() -> None:
    """core case 37."""
    assert not is_supported("0.37")
