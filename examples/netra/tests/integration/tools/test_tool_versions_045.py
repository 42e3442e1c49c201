"""Integration test 45 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_045() -> None:
    """tools case 45."""
    assert is_supported("1.45")
