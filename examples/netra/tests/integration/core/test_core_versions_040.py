"""Integration test 40 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_040() -> None:
    """core case 40."""
    assert not is_supported("0.40")
