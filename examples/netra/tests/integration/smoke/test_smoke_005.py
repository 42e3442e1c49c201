"""Integration test 5 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_005() -> None:
    """smoke case 5."""
    assert is_supported("2.5")
