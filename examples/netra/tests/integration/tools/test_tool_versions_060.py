"""Integration test 60 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_060() -> None:
    """tools case 60."""
    assert is_supported("1.60")
