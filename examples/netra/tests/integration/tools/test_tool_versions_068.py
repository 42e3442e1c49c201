"""Integration test 68 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_068() -> None:
    """tools case 68."""
    assert is_supported("1.68")
