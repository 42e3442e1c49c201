"""Integration test 36 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_036() -> None:
    """core case 36."""
    assert not is_supported("0.36")
