"""Integration test 42 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_042() -> None:
    """tools case 42."""
    assert is_supported("1.42")
