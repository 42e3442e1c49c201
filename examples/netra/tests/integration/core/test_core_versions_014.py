"""Integration test 14 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_014() -> None:
    """core case 14."""
    assert not is_supported("0.14")
