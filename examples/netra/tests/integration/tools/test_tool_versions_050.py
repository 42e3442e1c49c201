"""Integration test 50 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_050() -> None:
    """tools case 50."""
    assert is_supported("1.50")
