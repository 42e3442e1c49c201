"""Integration test 62 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_062() -> None:
    """tools case 62."""
    assert is_supported("1.62")
