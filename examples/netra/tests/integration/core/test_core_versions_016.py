"""Integration test 16 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_016() -> None:
    """core case 16."""
    assert not is_supported("0.16")
