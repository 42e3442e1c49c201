"""Integration test 4 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_004() -> None:
    """tools case 4."""
    assert is_supported("1.4")
