"""Integration test 8 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_008() -> None:
    """tools case 8."""
    assert is_supported("1.8")
