"""Integration test 6 of the smoke group."""

from netra_backend.app.tools.versions import is_supported


def test_smoke_006() -> None:
    """smoke case 6."""
    assert is_supported("2.6")
