"""Integration test 81 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_081() -> None:
    """tools case 81."""
    assert is_supported("1.81")
