"""Integration test 4 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_004() -> None:
    """smoke case 4."""
    assert is_supported("2.4")
