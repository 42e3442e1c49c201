"""Integration test 73 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_073() -> None:
    """tools case 73."""
    assert is_supported("1.73")
