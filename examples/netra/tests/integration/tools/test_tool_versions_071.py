"""Integration test 71 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_071() -> None:
    """tools case 71."""
    assert is_supported("1.71")
