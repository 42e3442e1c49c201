"""Integration test 7 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_007() -> None:
    """smoke case 7."""
    assert is_supported("2.7")
