"""Integration test 32 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_032() -> None:
    """core case 32."""
    assert not is_supported("0.32")
