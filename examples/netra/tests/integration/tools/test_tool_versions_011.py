"""Integration test 11 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_011() -> None:
    """tools case 11."""
    assert is_supported("1.11")
