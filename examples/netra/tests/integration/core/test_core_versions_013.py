"""Integration test 13 of the core group."""

from netra_backend.core.tools.versions import is_supported


def test_core_013() -> None:
    """core case 13."""
    assert not is_supported("0.13")
