"""Integration test 59 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_059() -> None:
    """tools case 59."""
    assert is_supported("1.59")
