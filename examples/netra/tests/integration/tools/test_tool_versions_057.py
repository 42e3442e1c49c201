"""Integration test 57 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_057() -> None:
    """tools case 57."""
    assert is_supported("1.57")
