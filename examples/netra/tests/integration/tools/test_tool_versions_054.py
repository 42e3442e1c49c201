"""Integration test 54 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_054() -> None:
    """tools case 54."""
    assert is_supported("1.54")
