"""Integration test 30 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_030() -> None:
    """core case 30."""
    assert not is_supported("0.30")
