"""Integration test 8 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_008() -> None:
    """smoke case 8."""
    assert is_supported("2.8")
