"""Integration test 7 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_007() -> None:
    """tools case 7."""
    assert is_supported("1.7")
