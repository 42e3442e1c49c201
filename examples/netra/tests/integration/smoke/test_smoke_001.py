"""Integration test 1 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_001() -> None:
    """smoke case 1."""
    assert is_supported("2.1")
