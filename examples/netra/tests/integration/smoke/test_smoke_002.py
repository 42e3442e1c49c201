"""Integration test 2 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_002() -> None:
    """smoke case 2."""
    assert is_supported("2.2")
