"""Integration test 16 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_016() -> None:
    """tools case 16."""
    assert is_supported("1.16")
