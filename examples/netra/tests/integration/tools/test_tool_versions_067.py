"""Integration test 67 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_067() -> None:
    """tools case 67."""
    assert is_supported("1.67")
