"""Integration test 25 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_025() -> None:
    """tools case 25."""
    assert is_supported("1.25")
