"""Integration test 3 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_003() -> None:
    """smoke case 3."""
    assert is_supported("2.3")
