"""Integration test 22 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_022() -> None:
    """tools case 22."""
    assert is_supported("1.22")
