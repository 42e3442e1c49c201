"""Integration test 27 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_027() -> None:
    """core case 27."""
    assert not is_supported("0.27")
