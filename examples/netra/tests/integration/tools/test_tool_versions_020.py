"""Integration test 20 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_020() -> None:
    """tools case 20."""
    assert is_supported("1.20")
